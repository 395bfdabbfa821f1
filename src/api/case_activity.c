#include "config.h"
#include "api/case_activity.h"
#include "api/kjson.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *case_activity_request(const char *case_id, long page, long per_page, bool asc)
{
	char *path = api_path("/api/cases/{}/user_actions/_find", case_id);
	struct api_request *req = api_request_new(HTTP_GET, path);
	free(path);
	struct strbuf qs;
	strbuf_init(&qs);
	urlenc_query_add_int(&qs, "page", page > 0 ? page : 1);
	urlenc_query_add_int(&qs, "perPage", per_page > 0 && per_page <= CASE_ACTIVITY_MAX_PER_PAGE
						     ? per_page : CASE_ACTIVITY_MAX_PER_PAGE);
	urlenc_query_add(&qs, "sortOrder", asc ? "asc" : "desc");
	api_request_set_query(req, qs.buf);
	strbuf_free(&qs);
	api_request_set_model(req, &case_activity_page_model);
	return req;
}

/*
 * created_by: the contract makes email, full_name and username required but nullable; a user
 * without them (an API key, a newer Kibana) still tells the story, so each may be missing.
 */
static void case_activity_user(struct kjson_reader *r, json_t *v, struct case_user *u)
{
	json_t *o = kjson_obj(r, v, "created_by", KJ_OPT_NULLABLE);
	if (!o)
		return;
	u->username = kjson_str(r, o, "username", KJ_OPT_NULLABLE);
	u->full_name = kjson_str(r, o, "full_name", KJ_OPT_NULLABLE);
	u->email = kjson_str(r, o, "email", KJ_OPT_NULLABLE);
	u->profile_uid = kjson_str(r, o, "profile_uid", KJ_OPT_NULLABLE);
}

static void case_activity_item_read(struct kjson_reader *r, json_t *v, void *elem)
{
	struct case_user_action *a = elem;
	a->id = kjson_str(r, v, "id", KJ_OPT);
	/* Kibana's type list grows (category, customFields, observables...): any string is kept. */
	a->type = kjson_str(r, v, "type", KJ_REQ);
	a->action = kjson_str(r, v, "action", KJ_REQ);
	a->comment_id = kjson_str(r, v, "comment_id", KJ_OPT_NULLABLE);
	a->created_at = kjson_str(r, v, "created_at", KJ_REQ);
	case_activity_user(r, v, &a->created_by);
	json_t *payload = kjson_obj(r, v, "payload", KJ_OPT_NULLABLE);
	a->payload = payload ? json_incref(payload) : NULL;
}

static void case_activity_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct case_activity_page *p = out;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	p->page = kjson_int(r, j, "page", KJ_OPT, 1);
	p->per_page = kjson_int(r, j, "perPage", KJ_OPT, 0);
	json_t *a = kjson_arr(r, j, "userActions", KJ_REQ);
	p->total = kjson_int(r, j, "total", KJ_OPT, a ? (long long)json_array_size(a) : 0);
	if (a && !r->err)
		p->items = kjson_read_array(r, a, "userActions", sizeof(*p->items), case_activity_item_read, &p->n);
}

static void case_activity_page_clear(void *out)
{
	struct case_activity_page *p = out;
	for (size_t i = 0; i < p->n; i++) {
		struct case_user_action *a = &p->items[i];
		free(a->id);
		free(a->type);
		free(a->action);
		free(a->comment_id);
		free(a->created_at);
		free(a->created_by.username);
		free(a->created_by.full_name);
		free(a->created_by.email);
		free(a->created_by.profile_uid);
		json_decref(a->payload);
	}
	free(p->items);
	memset(p, 0, sizeof(*p));
}

const struct kmodel case_activity_page_model = {
	.what = "case user actions",
	.size = sizeof(struct case_activity_page),
	.read = case_activity_page_read,
	.clear = case_activity_page_clear,
};
