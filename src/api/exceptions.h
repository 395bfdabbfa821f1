/* The Elastic Defend endpoint exception list: GET /api/endpoint_list/items/_find. */
#ifndef KT_EXCEPTIONS_H
#define KT_EXCEPTIONS_H
#include <jansson.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* One condition of an exception item. */
struct exception_entry {
	char *field;
	char *type;      /* match, match_any, list, exists, nested, wildcard */
	char *op;        /* included | excluded (NULL for nested) */
	char *value;     /* the value(s) as text; list id for list; inner conditions for nested; NULL for exists */
};

/* A comment on an item. */
struct exception_comment {
	char *comment;
	char *created_at;
	char *created_by;
};

/* One exception list item; only id is sure, any other string may be NULL. */
struct exception_item {
	char *id;
	char *item_id;
	char *list_id;
	char *name;
	char *description;
	char *namespace_type;
	char *type;
	char **os_types;
	size_t n_os_types;
	char **tags;
	size_t n_tags;
	struct exception_entry *entries;
	size_t n_entries;
	struct exception_comment *comments;
	size_t n_comments;
	char *created_at, *created_by, *updated_at, *updated_by;
	char *expire_time;  /* may be NULL */
	char *problem;      /* why this item could not be read (a placeholder row), or NULL */
};

/* A page of items. */
struct exception_page {
	struct exception_item *items;
	size_t n;
	long long page, per_page, total;
	size_t bad;         /* items that could not be read */
};

/* Query of the find; NULL/negative fields are left out. */
struct exceptions_query {
	const char *filter;      /* field:value */
	long page;               /* -1: Kibana's default */
	long per_page;           /* -1: Kibana's default */
	const char *sort_field;
	const char *sort_order;  /* desc | asc */
};

/* Sort orders the find accepts, NULL-terminated. */
extern const char *const exceptions_sort_orders[];

/* NULL when filter has the field:value form the find takes, else what to fix. */
char *exceptions_check_filter(const char *filter);
/* GET /api/endpoint_list/items/_find. */
struct api_request *exceptions_find_request(const struct exceptions_query *q);
/* The find: a struct exception_page. */
extern const struct kmodel exceptions_page_model;
/* Free what one item holds (one taken out of a page too; not the item itself) and zero it. */
void exceptions_item_clear(struct exception_item *it);
/* A condition as a phrase: "process.name is not nessusd"; caller frees. */
char *exceptions_entry_text(const struct exception_entry *e);

#endif
