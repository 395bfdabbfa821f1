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

static void ml_add(struct ml_sync_result *s, const char *action, const char *kind, const char *id, json_t *res)
{
	s->items = xreallocarray(s->items, s->n + 1, sizeof(*s->items));
	struct ml_sync_entry *e = &s->items[s->n++];
	e->action = action;
	e->kind = xstrdup(kind);
	e->id = xstrdup(id);
	e->success = json_is_true(json_object_get(res, "success"));
	/* error is Kibana's ErrorType: a message, or an Elasticsearch error object. */
	json_t *err = json_object_get(res, "error");
	json_t *msg = json_object_get(err, "message");
	json_t *reason = json_object_get(json_object_get(json_object_get(err, "body"), "error"), "reason");
	e->error = err && !json_is_null(err) ? kjson_text(json_is_string(msg) ? msg : json_is_string(reason) ? reason : err)
					      : NULL;
}

/*
 * One section of the answer. Kibana 8 and 9 nest every section by job type, then id:
 * {"anomaly-detector": {"job1": {"success": true}}}, and datafeed results are keyed by the
 * job id (x-pack/platform/plugins/shared/ml/server/saved_objects/sync.ts). The spec (and 7.x)
 * show datafeeds flat: {"job1": {"success": true}}. Both are read: a value holding "success" is
 * a flat entry, any other object is a job type holding entries. A value that is neither is
 * counted as unreadable, never read as a failure.
 */
static void ml_read_section(json_t *j, const char *key, const char *action, const char *flat_kind,
			    struct ml_sync_result *s)
{
	const char *k;
	json_t *v;
	json_object_foreach(json_object_get(j, key), k, v) {
		if (json_is_object(v) && json_object_get(v, "success")) {
			json_t *type = json_object_get(v, "type");
			ml_add(s, action, json_is_string(type) ? json_string_value(type) : flat_kind, k, v);
			continue;
		}
		if (!json_is_object(v)) {
			s->bad++;
			continue;
		}
		const char *id;
		json_t *res;
		json_object_foreach(v, id, res) {
			if (json_is_object(res))
				ml_add(s, action, k, id, res);
			else
				s->bad++;
		}
	}
}

static void ml_sync_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct ml_sync_result *s = out;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	static const struct {
		const char *key, *action;
	} sections[] = {{"savedObjectsCreated", "create"},
			{"savedObjectsDeleted", "delete"},
			{"datafeedsAdded", "add datafeed"},
			{"datafeedsRemoved", "remove datafeed"}};
	for (size_t i = 0; i < sizeof(sections) / sizeof(*sections); i++)
		ml_read_section(j, sections[i].key, sections[i].action, "anomaly-detector", s);
}

static void ml_sync_clear(void *out)
{
	struct ml_sync_result *s = out;
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].kind);
		free(s->items[i].id);
		free(s->items[i].error);
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
