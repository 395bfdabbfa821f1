#include "config.h"
#include "api/risk_engine.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const risk_alert_statuses[] = {"open", "acknowledged", "closed", NULL};
const char *const risk_entity_types[] = {"host", "user", "service", NULL};

char *risk_filter_parse(const char *arg, struct risk_filter *f)
{
	memset(f, 0, sizeof(*f));
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return xasprintf("--filter takes entity types, '=' and a KQL query, e.g. user=not user.name: root "
				 "or host,user=host.name: web-*; got \"%s\"", arg);
	size_t n = 0;
	for (const char *p = arg; p < eq;) {
		size_t len = strcspn(p, ",=");
		bool known = false;
		for (int i = 0; risk_entity_types[i]; i++)
			known |= len == strlen(risk_entity_types[i]) && !strncmp(p, risk_entity_types[i], len);
		if (!known || n == 3) {
			risk_filter_clear(f);
			return xasprintf("--filter: \"%.*s\" is not an entity type (host, user or service)", (int)len, p);
		}
		f->entity_types[n++] = xstrndup(p, len);
		p += len;
		if (*p == ',')
			p++;
	}
	f->kql = xstrdup(eq + 1);
	return NULL;
}

void risk_filter_clear(struct risk_filter *f)
{
	for (size_t i = 0; i < 4; i++)
		free(f->entity_types[i]);
	free(f->kql);
	memset(f, 0, sizeof(*f));
}

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
	if (c->n_filters) {
		json_t *fs = json_array();
		for (size_t i = 0; i < c->n_filters; i++) {
			json_t *types = json_array();
			for (size_t k = 0; c->filters[i].entity_types[k]; k++)
				json_array_append_new(types, json_string(c->filters[i].entity_types[k]));
			json_array_append_new(fs, json_pack("{s:o, s:s}", "entity_types", types, "filter", c->filters[i].kql));
		}
		json_object_set_new(b, "filters", fs);
	}
	if (c->page_size > 0)
		json_object_set_new(b, "page_size", json_integer(c->page_size));
	if (c->reset_to_zero != RISK_RESET_UNCHANGED)
		json_object_set_new(b, "enable_reset_to_zero", json_boolean(c->reset_to_zero == RISK_RESET_ON));
	/* Kibana registers this route with router.versioned.put in every version; a PATCH, as the spec says, gets 404
	 * (x-pack/solutions/security/plugins/security_solution/server/lib/entity_analytics/risk_engine/routes/
	 * configure_saved_object.ts). */
	struct api_request *req = api_request_new(HTTP_PUT, "/api/risk_score/engine/saved_object/configure");
	api_request_set_json(req, b);
	api_request_set_model(req, &risk_config_result_model);
	return req;
}

/*
 * The one version branch of this operation. The request body is a zod object, which drops keys it does not know
 * (x-pack/solutions/security/plugins/security_solution/common/api/entity_analytics/risk_engine/
 * engine_configure_saved_object_route.gen.ts): an older Kibana answers 200 and ignores a newer field. That file
 * gained enable_reset_to_zero with the "retain previously calculated risk scores" setting of 9.2, and filters and
 * page_size with alert filtering (elastic/kibana#235770, not backported: 9.3). Releases are read from the pull
 * requests, not from a tag, so an older Kibana is only warned about, never refused.
 */
char *risk_config_ignored(const struct risk_config *c, const struct kversion *v)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (c->reset_to_zero != RISK_RESET_UNCHANGED && kversion_before(v, 9, 2))
		strbuf_puts(&sb, "--reset-to-zero");
	if (c->n_filters && kversion_before(v, 9, 3))
		strbuf_printf(&sb, "%s--filter", sb.len ? ", " : "");
	if (c->page_size > 0 && kversion_before(v, 9, 3))
		strbuf_printf(&sb, "%s--page-size", sb.len ? ", " : "");
	if (!sb.len) {
		strbuf_free(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

static void risk_config_result_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct risk_config_result *res = out;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	/* The handler answers {risk_engine_saved_object_configured: true}, so a 200 without it is taken as done; the
	 * spec's errors[] is read when it comes. */
	res->configured = kjson_bool(r, j, "risk_engine_saved_object_configured", KJ_ANY, true);
	json_t *errors = kjson_arr(r, j, "errors", KJ_ANY);
	res->errors = xcalloc(json_array_size(errors) + 1, sizeof(char *));
	size_t i;
	json_t *e;
	json_array_foreach(errors, i, e) {
		char *msg = kjson_str(r, e, "error", KJ_ANY);
		long long seq = kjson_int(r, e, "seq", KJ_ANY, -1);
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
