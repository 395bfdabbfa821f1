#include "config.h"
#include "api/exceptions.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const exceptions_sort_orders[] = {"desc", "asc", NULL};

char *exceptions_check_filter(const char *filter)
{
	if (strchr(filter, ':') && filter[0] != ':')
		return NULL;
	return xasprintf("--filter takes field:value, e.g. exception-list-agnostic.attributes.name:Backup; got \"%s\"",
			 filter);
}

struct api_request *exceptions_find_request(const struct exceptions_query *q)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/endpoint_list/items/_find");
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add(&qs, "filter", q->filter);
	if (q->page >= 0)
		urlenc_query_add_int(&qs, "page", q->page);
	if (q->per_page >= 0)
		urlenc_query_add_int(&qs, "per_page", q->per_page);
	urlenc_query_add(&qs, "sort_field", q->sort_field);
	urlenc_query_add(&qs, "sort_order", q->sort_order);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &exceptions_page_model);
	return req;
}

static void exceptions_entry_clear(struct exception_entry *e)
{
	free(e->field);
	free(e->type);
	free(e->op);
	free(e->value);
}

static void exceptions_read_entry(struct kjson_reader *r, json_t *v, struct exception_entry *e);

/* The inner conditions of a nested entry, as one line of text. */
static char *exceptions_nested_text(struct kjson_reader *r, json_t *arr)
{
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		struct exception_entry inner = {0};
		exceptions_read_entry(r, v, &inner);
		char *t = exceptions_entry_text(&inner);
		strbuf_printf(&sb, "%s%s", i ? "; " : "", t);
		free(t);
		exceptions_entry_clear(&inner);
	}
	return strbuf_detach(&sb, NULL);
}

/* One condition, taken as it comes: an unknown type is shown with its value as text. */
static void exceptions_read_entry(struct kjson_reader *r, json_t *v, struct exception_entry *e)
{
	e->field = kjson_str(r, v, "field", KJ_ANY);
	e->type = kjson_str(r, v, "type", KJ_ANY);
	const char *type = e->type ? e->type : "";
	if (strcmp(type, "nested") == 0) {
		json_t *inner = kjson_arr(r, v, "entries", KJ_ANY);
		if (inner)
			e->value = exceptions_nested_text(r, inner);
		return;
	}
	e->op = kjson_str(r, v, "operator", KJ_ANY);
	if (strcmp(type, "exists") == 0)
		return;
	if (strcmp(type, "list") == 0) {
		e->value = kjson_str(r, kjson_obj(r, v, "list", KJ_ANY), "id", KJ_ANY);
		return;
	}
	if (!json_is_array(json_object_get(v, "value"))) {
		e->value = kjson_str(r, v, "value", KJ_ANY);
		return;
	}
	char **vals;
	size_t n;
	kjson_strv(r, v, "value", KJ_ANY, &vals, &n);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", vals[i]);
	kjson_strv_free(vals, n);
	e->value = strbuf_detach(&sb, NULL);
}

char *exceptions_entry_text(const struct exception_entry *e)
{
	const char *field = e->field ? e->field : "?", *type = e->type ? e->type : "?";
	bool not = e->op && strcmp(e->op, "excluded") == 0;
	const char *val = e->value ? e->value : "";
	if (strcmp(type, "nested") == 0)
		return xasprintf("%s: { %s }", field, val);
	if (strcmp(type, "exists") == 0)
		return xasprintf("%s %s", field, not ? "does not exist" : "exists");
	if (strcmp(type, "match_any") == 0)
		return xasprintf("%s is %sone of %s", field, not ? "not " : "", val);
	if (strcmp(type, "list") == 0)
		return xasprintf("%s is %sin list %s", field, not ? "not " : "", val);
	if (strcmp(type, "wildcard") == 0)
		return xasprintf("%s %s %s", field, not ? "does not match" : "matches", val);
	return xasprintf("%s is %s%s", field, not ? "not " : "", val);
}

/* One item: its id is required (the row is found by it); everything else is taken as it comes. */
static void exceptions_read_item(struct kjson_reader *r, json_t *v, void *elem)
{
	struct exception_item *it = elem;
	if (!json_is_object(v)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
		return;
	}
	it->id = kjson_str(r, v, "id", KJ_REQ);
	it->item_id = kjson_str(r, v, "item_id", KJ_ANY);
	it->list_id = kjson_str(r, v, "list_id", KJ_ANY);
	it->name = kjson_str(r, v, "name", KJ_ANY);
	it->description = kjson_str(r, v, "description", KJ_ANY);
	it->namespace_type = kjson_str(r, v, "namespace_type", KJ_ANY);
	it->type = kjson_str(r, v, "type", KJ_ANY);
	kjson_strv(r, v, "os_types", KJ_ANY, &it->os_types, &it->n_os_types);
	kjson_strv(r, v, "tags", KJ_ANY, &it->tags, &it->n_tags);
	it->created_at = kjson_str(r, v, "created_at", KJ_ANY);
	it->created_by = kjson_str(r, v, "created_by", KJ_ANY);
	it->updated_at = kjson_str(r, v, "updated_at", KJ_ANY);
	it->updated_by = kjson_str(r, v, "updated_by", KJ_ANY);
	it->expire_time = kjson_str(r, v, "expire_time", KJ_ANY);
	json_t *entries = kjson_arr(r, v, "entries", KJ_ANY);
	json_t *comments = kjson_arr(r, v, "comments", KJ_ANY);
	it->entries = xcalloc(json_array_size(entries) + 1, sizeof(*it->entries));
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		if (json_is_object(e))
			exceptions_read_entry(r, e, &it->entries[it->n_entries++]);
	}
	it->comments = xcalloc(json_array_size(comments) + 1, sizeof(*it->comments));
	json_array_foreach(comments, i, e) {
		if (!json_is_object(e))
			continue;
		struct exception_comment *c = &it->comments[it->n_comments++];
		c->comment = kjson_str(r, e, "comment", KJ_ANY);
		c->created_at = kjson_str(r, e, "created_at", KJ_ANY);
		c->created_by = kjson_str(r, e, "created_by", KJ_ANY);
	}
}

void exceptions_item_clear(struct exception_item *it)
{
	free(it->id);
	free(it->item_id);
	free(it->list_id);
	free(it->name);
	free(it->description);
	free(it->namespace_type);
	free(it->type);
	kjson_strv_free(it->os_types, it->n_os_types);
	kjson_strv_free(it->tags, it->n_tags);
	for (size_t i = 0; i < it->n_entries; i++)
		exceptions_entry_clear(&it->entries[i]);
	free(it->entries);
	for (size_t i = 0; i < it->n_comments; i++) {
		free(it->comments[i].comment);
		free(it->comments[i].created_at);
		free(it->comments[i].created_by);
	}
	free(it->comments);
	free(it->created_at);
	free(it->created_by);
	free(it->updated_at);
	free(it->updated_by);
	free(it->expire_time);
	free(it->problem);
	memset(it, 0, sizeof(*it));
}

static void exceptions_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct exception_page *p = out;
	/* total is what the list pages by. */
	json_t *data = kjson_arr(r, j, "data", KJ_REQ);
	p->page = kjson_int(r, j, "page", KJ_ANY, 0);
	p->per_page = kjson_int(r, j, "per_page", KJ_ANY, 0);
	p->total = kjson_int(r, j, "total", KJ_REQ, 0);
	if (r->err)
		return;
	p->items = kjson_read_rows(data, "endpoint exceptions.data", sizeof(*p->items), exceptions_read_item,
				   offsetof(struct exception_item, problem), &p->n, &p->bad);
}

static void exceptions_page_clear(void *out)
{
	struct exception_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		exceptions_item_clear(&p->items[i]);
	free(p->items);
	memset(p, 0, sizeof(*p));
}

const struct kmodel exceptions_page_model = {
	.what = "endpoint exceptions",
	.size = sizeof(struct exception_page),
	.read = exceptions_page_read,
	.clear = exceptions_page_clear,
};
