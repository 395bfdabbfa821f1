#include "config.h"
#include "api/ml.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct api_request *ml_sync_request(bool simulate)
{
	struct api_request *req = api_request_new(HTTP_GET, "/api/ml/saved_objects/sync");
	if (simulate)
		api_request_set_query(req, "?simulate=true");
	api_request_set_model(req, &ml_sync_model);
	return req;
}

static void ml_add(struct ml_sync_result *s, const char *action, const char *kind, const char *id, bool ok)
{
	s->items = xreallocarray(s->items, s->n + 1, sizeof(*s->items));
	s->items[s->n++] = (struct ml_sync_entry){action, xstrdup(kind), xstrdup(id), ok};
}

/* {id: {success}} objects, one entry each. */
static void ml_read_ids(struct kjson_reader *r, json_t *obj, const char *action, const char *kind,
			struct ml_sync_result *s)
{
	const char *id;
	json_t *v;
	json_object_foreach(obj, id, v) {
		if (r->err)
			return;
		if (!json_is_object(v)) {
			kjson_fail(r, "entry \"%.60s\" must be an object, got %s", id, kjson_type_name(v));
			return;
		}
		ml_add(s, action, kind, id, kjson_bool(r, v, "success", KJ_OPT, false));
	}
}

/* savedObjectsCreated / savedObjectsDeleted: {kind: {id: {success}}}. */
static void ml_read_kinds(struct kjson_reader *r, json_t *j, const char *key, const char *action,
			  struct ml_sync_result *s)
{
	json_t *sec = kjson_obj(r, j, key, KJ_OPT);
	const char *kind;
	json_t *v;
	json_object_foreach(sec, kind, v) {
		if (r->err)
			return;
		kjson_reader_at(r, "ml sync.%s.%.60s", key, kind);
		if (!json_is_object(v)) {
			kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
			return;
		}
		ml_read_ids(r, v, action, kind, s);
	}
}

static void ml_sync_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct ml_sync_result *s = out;
	if (!json_is_object(j))
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
	ml_read_kinds(r, j, "savedObjectsCreated", "create", s);
	ml_read_kinds(r, j, "savedObjectsDeleted", "delete", s);
	static const struct {
		const char *key, *action;
	} feeds[] = {{"datafeedsAdded", "add datafeed"}, {"datafeedsRemoved", "remove datafeed"}};
	for (size_t i = 0; i < sizeof(feeds) / sizeof(*feeds) && !r->err; i++) {
		kjson_reader_at(r, "ml sync");
		json_t *sec = kjson_obj(r, j, feeds[i].key, KJ_OPT);
		kjson_reader_at(r, "ml sync.%s", feeds[i].key);
		if (sec)
			ml_read_ids(r, sec, feeds[i].action, "datafeed", s);
	}
}

static void ml_sync_clear(void *out)
{
	struct ml_sync_result *s = out;
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].kind);
		free(s->items[i].id);
	}
	free(s->items);
	memset(s, 0, sizeof(*s));
}

const struct kmodel ml_sync_model = {
	.what = "ml sync",
	.size = sizeof(struct ml_sync_result),
	.read = ml_sync_read,
	.clear = ml_sync_clear,
};
