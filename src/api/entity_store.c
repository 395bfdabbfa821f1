#include "config.h"
#include "api/entity_store.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const entity_types[] = {"user", "host", "service", NULL};

void entity_init_opts_init(struct entity_init_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->field_history_length = -1;
	o->docs_per_second = -1;
}

char *entity_check_duration(const char *option, const char *value, bool enrich)
{
	const char *units = enrich ? "smh" : "smdh";
	size_t n = strlen(value);
	if (n >= 2 && strspn(value, "0123456789") == n - 1 && strchr(units, value[n - 1]) && !(enrich && value[0] == '0'))
		return NULL;
	if (enrich)
		return xasprintf("--%s must be a whole number above 0 followed by s, m or h (e.g. 1h); got \"%s\"", option,
				 value);
	return xasprintf("--%s must be a whole number followed by s, m, h or d (e.g. 30s, 1m, 24h); got \"%s\"", option,
			 value);
}

long long entity_duration_seconds(const char *value)
{
	long long n = strtoll(value, NULL, 10);
	switch (value[strlen(value) - 1]) {
	case 'd':
		return n * 86400;
	case 'h':
		return n * 3600;
	case 'm':
		return n * 60;
	default:
		return n;
	}
}

static struct api_request *entity_request(const char *type, const char *verb)
{
	char *tmpl = xasprintf("/api/entity_store/engines/{}/%s", verb);
	char *path = api_path(tmpl, type);
	struct api_request *req = api_request_new(HTTP_POST, path);
	free(path);
	free(tmpl);
	return req;
}

struct api_request *entity_init_request(const char *type, const struct entity_init_opts *o)
{
	json_t *b = json_object();
	const struct {
		const char *key, *value;
	} strs[] = {
		{"delay", o->delay},
		{"frequency", o->frequency},
		{"lookbackPeriod", o->lookback},
		{"timeout", o->timeout},
		{"enrichPolicyExecutionInterval", o->enrich_interval},
		{"filter", o->filter},
		{"indexPattern", o->index_pattern},
		{"timestampField", o->timestamp_field},
	};
	for (size_t i = 0; i < sizeof(strs) / sizeof(*strs); i++)
		if (strs[i].value)
			json_object_set_new(b, strs[i].key, json_string(strs[i].value));
	if (o->field_history_length >= 0)
		json_object_set_new(b, "fieldHistoryLength", json_integer(o->field_history_length));
	if (o->docs_per_second >= 0)
		json_object_set_new(b, "docsPerSecond", json_integer(o->docs_per_second));
	struct api_request *req = entity_request(type, "init");
	api_request_set_json(req, b);
	api_request_set_model(req, &entity_engine_model);
	return req;
}

static void entity_engine_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct entity_engine *e = out;
	if (!kjson_want_object(r, j))
		return;
	/* The answer only describes the engine: everything is taken as it comes. */
	e->type = kjson_str(r, j, "type", KJ_ANY);
	e->status = kjson_str(r, j, "status", KJ_ANY);
	e->index_pattern = kjson_str(r, j, "indexPattern", KJ_ANY);
	e->field_history_length = kjson_int(r, j, "fieldHistoryLength", KJ_ANY, -1);
	e->filter = kjson_str(r, j, "filter", KJ_ANY);
	e->delay = kjson_str(r, j, "delay", KJ_ANY);
	e->frequency = kjson_str(r, j, "frequency", KJ_ANY);
	e->lookback = kjson_str(r, j, "lookbackPeriod", KJ_ANY);
	e->timeout = kjson_str(r, j, "timeout", KJ_ANY);
	e->timestamp_field = kjson_str(r, j, "timestampField", KJ_ANY);
	e->docs_per_second = kjson_int(r, j, "docsPerSecond", KJ_ANY, -1);
	json_t *error = kjson_obj(r, j, "error", KJ_ANY);
	if (error && json_object_size(error)) {
		json_t *msg = json_object_get(error, "message");
		e->error = kjson_text(json_is_string(msg) ? msg : error);
	}
}

static void entity_engine_clear(void *out)
{
	struct entity_engine *e = out;
	free(e->type);
	free(e->status);
	free(e->index_pattern);
	free(e->filter);
	free(e->delay);
	free(e->frequency);
	free(e->lookback);
	free(e->timeout);
	free(e->timestamp_field);
	free(e->error);
	memset(e, 0, sizeof(*e));
}

const struct kmodel entity_engine_model = {
	.what = "entity engine",
	.size = sizeof(struct entity_engine),
	.read = entity_engine_read,
	.clear = entity_engine_clear,
};

static void entity_started_read(struct kjson_reader *r, json_t *j, void *out)
{
	/* A 200 started the engine unless it says "started": false. */
	if (kjson_want_object(r, j))
		*(bool *)out = kjson_bool(r, j, "started", KJ_ANY, true);
}

static void entity_stopped_read(struct kjson_reader *r, json_t *j, void *out)
{
	if (kjson_want_object(r, j))
		*(bool *)out = kjson_bool(r, j, "stopped", KJ_ANY, true);
}

/* start and stop answer {started} / {stopped}: the model is a bool. */
static const struct kmodel entity_started_model = {
	.what = "entity engine",
	.size = sizeof(bool),
	.read = entity_started_read,
};

static const struct kmodel entity_stopped_model = {
	.what = "entity engine",
	.size = sizeof(bool),
	.read = entity_stopped_read,
};

struct api_request *entity_toggle_request(const char *type, bool start)
{
	struct api_request *req = entity_request(type, start ? "start" : "stop");
	api_request_set_model(req, start ? &entity_started_model : &entity_stopped_model);
	return req;
}
