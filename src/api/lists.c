#include "config.h"
#include "api/lists.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *lists_get_request(const char *id)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/lists");
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add(&qs, "id", id);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &lists_value_list_model);
	return req;
}

struct api_request *lists_delete_request(const char *id, bool delete_references, bool ignore_references)
{
	struct api_request *req = api_request_new(HTTP_DELETE, "/api/lists");
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add(&qs, "id", id);
	urlenc_query_add(&qs, "deleteReferences", delete_references ? "true" : NULL);
	urlenc_query_add(&qs, "ignoreReferences", ignore_references ? "true" : NULL);
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &lists_value_list_model);
	return req;
}

/* Both answers only name the list for messages: everything is taken as it comes. */
static void lists_value_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct value_list *l = out;
	if (!kjson_want_object(r, j))
		return;
	l->id = kjson_str(r, j, "id", KJ_ANY);
	l->name = kjson_str(r, j, "name", KJ_ANY);
	l->description = kjson_str(r, j, "description", KJ_ANY);
	l->type = kjson_str(r, j, "type", KJ_ANY);
	l->immutable = kjson_bool(r, j, "immutable", KJ_ANY, false);
	l->version = kjson_int(r, j, "version", KJ_ANY, 0);
	l->updated_at = kjson_str(r, j, "updated_at", KJ_ANY);
	l->updated_by = kjson_str(r, j, "updated_by", KJ_ANY);
}

static void lists_value_list_clear(void *out)
{
	struct value_list *l = out;
	free(l->id);
	free(l->name);
	free(l->description);
	free(l->type);
	free(l->updated_at);
	free(l->updated_by);
	memset(l, 0, sizeof(*l));
}

const struct kmodel lists_value_list_model = {
	.what = "value list",
	.size = sizeof(struct value_list),
	.read = lists_value_list_read,
	.clear = lists_value_list_clear,
};
