#include "config.h"
#include "api/risk_engine.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const risk_alert_statuses[] = {"open", "acknowledged", "closed", NULL};

static json_t *risk_strings(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

struct api_request *risk_configure_request(const struct risk_config *c)
{
	json_t *b = json_object();
	if (c->n_exclude_statuses)
		json_object_set_new(b, "exclude_alert_statuses", risk_strings(c->exclude_statuses, c->n_exclude_statuses));
	if (c->n_exclude_tags)
		json_object_set_new(b, "exclude_alert_tags", risk_strings(c->exclude_tags, c->n_exclude_tags));
	if (c->range_start || c->range_end) {
		json_t *range = json_object();
		if (c->range_start)
			json_object_set_new(range, "start", json_string(c->range_start));
		if (c->range_end)
			json_object_set_new(range, "end", json_string(c->range_end));
		json_object_set_new(b, "range", range);
	}
	struct api_request *req = api_request_new(HTTP_PATCH, "/api/risk_score/engine/saved_object/configure");
	api_request_set_json(req, b);
	api_request_set_model(req, &risk_config_result_model);
	return req;
}

static void risk_config_result_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct risk_config_result *res = out;
	res->configured = kjson_bool(r, j, "risk_engine_saved_object_configured", KJ_OPT, false);
	json_t *errors = kjson_arr(r, j, "errors", KJ_OPT);
	res->errors = xcalloc(json_array_size(errors) + 1, sizeof(char *));
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		if (r->err)
			break;
		kjson_reader_at(r, "risk engine configuration.errors[%zu]", i);
		char *msg = kjson_str(r, e, "error", KJ_REQ);
		long long seq = kjson_int(r, e, "seq", KJ_OPT, -1);
		if (msg)
			res->errors[res->n_errors++] = seq >= 0 ? xasprintf("seq %lld: %s", seq, msg) : xstrdup(msg);
		free(msg);
	}
}

static void risk_config_result_clear(void *out)
{
	struct risk_config_result *res = out;
	kjson_strv_free(res->errors, res->n_errors);
	memset(res, 0, sizeof(*res));
}

const struct kmodel risk_config_result_model = {
	.what = "risk engine configuration",
	.size = sizeof(struct risk_config_result),
	.read = risk_config_result_read,
	.clear = risk_config_result_clear,
};
