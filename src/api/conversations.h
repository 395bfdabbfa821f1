/* AI-assistant conversations: models, parsers and requests. */
#ifndef KT_CONVERSATIONS_H
#define KT_CONVERSATIONS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Sort fields _find accepts, NULL-terminated. */
extern const char *const conversations_sort_fields[];
/* Largest per_page the client asks for (each conversation carries all its messages). */
#define CONVERSATIONS_MAX_PER_PAGE 100

/* One message; any field may be NULL. */
struct conv_message {
	char *role;        /* system | user | assistant */
	char *content;
	char *timestamp;
	bool is_error;
};

/* One conversation; only id is sure, any other string may be NULL. */
struct conversation {
	char *id;
	char *title;
	char *category;    /* assistant | insights */
	char *created_at;
	char *updated_at;  /* may be NULL */
	char *namespace;   /* the Kibana space */
	char *users;       /* names (or ids) joined with ", " */
	char *connector_id;   /* apiConfig, may be NULL */
	char *model;          /* apiConfig.model, may be NULL */
	char *summary;        /* summary.content, may be NULL */
	struct conv_message *messages;
	size_t n_messages;
	char **placeholders;  /* replacements: anonymized placeholders... */
	char **originals;     /* ...and the values they stand for */
	size_t n_replacements;
	char *problem;        /* why this conversation could not be read (a placeholder row), or NULL */
};

/* One page of _find. */
struct conversation_page {
	struct conversation *items;
	size_t n;
	long long page, per_page, total;
	size_t bad;           /* conversations that could not be read */
};

/* Filters, sort and paging for _find; NULL/0 fields are left out. */
struct conversations_query {
	long page;               /* from 1 */
	long per_page;
	const char *filter;      /* Kibana's search query */
	const char *sort_field;  /* created_at | title | updated_at */
	const char *sort_order;  /* asc | desc */
};

/* GET /api/security_ai_assistant/current_user/conversations/_find. */
struct api_request *conversations_find_request(const struct conversations_query *q);
/* GET /api/security_ai_assistant/current_user/conversations/{id}. */
struct api_request *conversations_get_request(const char *id);
/* _find: a struct conversation_page. */
extern const struct kmodel conversations_page_model;
/* One conversation: a struct conversation. */
extern const struct kmodel conversations_conversation_model;
/* Free the contents of a conversation (one taken out of a page too) and zero it. */
void conversations_conversation_clear(struct conversation *c);
/* text with the conversation's anonymized placeholders put back to the values they stand for; caller frees. */
char *conversations_restore(const struct conversation *c, const char *text);
/* The time a conversation last changed: updatedAt, else createdAt. */
const char *conversations_updated(const struct conversation *c);

#endif
