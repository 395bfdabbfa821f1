/* Entity analytics: entity-engine init|start|stop, risk-engine configure. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/entity_store.h"
#include "api/kibana_status.h"
#include "api/risk_engine.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void engine_record(struct record *r, const struct entity_engine *e)
{
	char *title = xasprintf("The %s entity engine", e->type ? e->type : "(unnamed)");
	record_add_section(r, title);
	free(title);
	record_add(r, "status", e->status);
	record_add(r, "index pattern",
		   e->index_pattern && *e->index_pattern ? e->index_pattern : "(Kibana's default data view)");
	if (e->filter)
		record_add(r, "filter", e->filter);
	if (e->field_history_length >= 0)
		record_addf(r, "field history", "%lld values per field", e->field_history_length);
	const struct {
		const char *label, *value;
	} opt[] = {{"delay", e->delay}, {"frequency", e->frequency}, {"lookback", e->lookback}, {"timeout", e->timeout},
		   {"timestamp field", e->timestamp_field}};
	for (size_t i = 0; i < sizeof(opt) / sizeof(*opt); i++)
		if (opt[i].value)
			record_add(r, opt[i].label, opt[i].value);
	if (e->docs_per_second >= 0)
		record_addf(r, "docs per second", "%lld", e->docs_per_second);
	if (e->error)
		record_add_block(r, "error", e->error);
}

static void engine_init_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *type = cmd_str(ctx, "entityType");
	cmd_audit(ctx, &type, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "initializing the %s entity engine failed: %s", type, d->res.message);
		return;
	}
	const struct entity_engine *e = d->res.model;
	struct record r;
	record_init(&r);
	engine_record(&r, e);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	if (e->status && !strcmp(e->status, "error"))
		cmd_fail(ctx, CMD_EXIT_API, "the %s entity engine reports an error%s%s", type, e->error ? ": " : "",
			 e->error ? e->error : "");
	else
		cmd_finish(ctx);
}

static void engine_init_go(struct cmd_ctx *ctx)
{
	struct entity_init_opts o;
	entity_init_opts_init(&o);
	o.delay = cmd_str(ctx, "delay");
	o.frequency = cmd_str(ctx, "frequency");
	o.lookback = cmd_str(ctx, "lookback");
	o.timeout = cmd_str(ctx, "timeout");
	o.enrich_interval = cmd_str(ctx, "enrich-interval");
	o.filter = cmd_str(ctx, "filter");
	o.index_pattern = cmd_str(ctx, "index-pattern");
	o.timestamp_field = cmd_str(ctx, "timestamp-field");
	o.field_history_length = cmd_int(ctx, "field-history-length", -1);
	o.docs_per_second = cmd_int(ctx, "docs-per-second", -1);
	cmd_submit(ctx, entity_init_request(cmd_str(ctx, "entityType"), &o), engine_init_done);
}

static void engine_init_run(struct cmd_ctx *ctx)
{
	static const char *const durations[] = {"delay", "frequency", "lookback", "timeout"};
	for (size_t i = 0; i < sizeof(durations) / sizeof(*durations); i++) {
		const char *v = cmd_str(ctx, durations[i]);
		char *bad = v ? entity_check_duration(durations[i], v, false) : NULL;
		if (bad) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
			free(bad);
			return;
		}
	}
	const char *enrich = cmd_str(ctx, "enrich-interval"), *lookback = cmd_str(ctx, "lookback");
	char *bad = enrich ? entity_check_duration("enrich-interval", enrich, true) : NULL;
	if (bad) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
		free(bad);
		return;
	}
	if (enrich && lookback && 2 * entity_duration_seconds(enrich) > entity_duration_seconds(lookback)) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--enrich-interval %s must be at most half of --lookback %s", enrich, lookback);
		return;
	}
	const char *pattern = cmd_str(ctx, "index-pattern");
	char *q = xasprintf("Initialize the %s entity engine (%s%s%s)? It installs transforms and indices in Elasticsearch.",
			    cmd_str(ctx, "entityType"), pattern ? "index pattern " : "Kibana's default data view",
			    pattern ? pattern : "", cmd_str(ctx, "filter") ? ", filtered" : "");
	cmd_confirm(ctx, q, NULL, engine_init_go);
	free(q);
}

static void engine_toggled(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *type = cmd_str(ctx, "entityType");
	bool start = !strcmp(ctx->def->words, "entity-engine start");
	cmd_audit(ctx, &type, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "%s the %s entity engine failed: %s", start ? "starting" : "stopping", type,
			 d->res.message);
		return;
	}
	if (!*(const bool *)d->res.model) {
		cmd_fail(ctx, CMD_EXIT_API, "Kibana answered that the %s entity engine was not %s", type,
			 start ? "started" : "stopped");
		return;
	}
	char *msg = xasprintf("The %s entity engine is %s.", type, start ? "started" : "stopped");
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void engine_toggle_go(struct cmd_ctx *ctx)
{
	bool start = !strcmp(ctx->def->words, "entity-engine start");
	cmd_submit(ctx, entity_toggle_request(cmd_str(ctx, "entityType"), start), engine_toggled);
}

static void engine_toggle_run(struct cmd_ctx *ctx)
{
	bool start = !strcmp(ctx->def->words, "entity-engine start");
	char *q = xasprintf(start ? "Start the %s entity engine (its transforms run again)?"
				  : "Stop the %s entity engine (its transforms stop; entities are kept)?",
			    cmd_str(ctx, "entityType"));
	cmd_confirm(ctx, q, NULL, engine_toggle_go);
	free(q);
}

/* Date math as the risk engine takes it ("now", "now-30d", "now/d") or an ISO date; NULL, or what to fix. */
static char *risk_check_time(const char *option, const char *v)
{
	time_t t;
	if (timefmt_parse(v, &t))
		return NULL;
	if (strncmp(v, "now", 3) == 0) {
		const char *p = v + 3;
		while (*p == '+' || *p == '-') {
			size_t digits = strspn(p + 1, "0123456789");
			if (!digits || !p[1 + digits] || !strchr("smhdwMy", p[1 + digits]))
				break;
			p += 2 + digits;
		}
		if (*p == '/' && p[1] && strchr("smhdwMy", p[1]))
			p += 2;
		if (!*p)
			return NULL;
	}
	return xasprintf("--%s must be date math such as now-30d or now, or an ISO date such as 2025-01-31T00:00:00Z; got "
			 "\"%s\"",
			 option, v);
}

static void risk_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	cmd_audit(ctx, (const char *const[]){"risk engine"}, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct risk_config_result *res = d->res.model;
	if (!res->configured || res->n_errors) {
		char *errs = opsutil_join(res->errors, res->n_errors, "; ");
		cmd_fail(ctx, CMD_EXIT_API, "Kibana did not configure the risk engine%s%s", *errs ? ": " : "", errs);
		free(errs);
		return;
	}
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = "The risk engine is configured.", .json = d->res.json};
	cmd_output(ctx, &out);
	cmd_finish(ctx);
}

/* What `risk-engine configure` carries from its checks to the request. */
struct risk_run {
	struct risk_config c;
	struct risk_filter *filters;
	char *question;
};

static void risk_run_free(void *p)
{
	struct risk_run *rr = p;
	for (size_t i = 0; i < rr->c.n_filters; i++)
		risk_filter_clear(&rr->filters[i]);
	free(rr->filters);
	free(rr->question);
	free(rr);
}

static void risk_go(struct cmd_ctx *ctx)
{
	struct risk_run *rr = ctx->state;
	cmd_submit(ctx, risk_configure_request(&rr->c), risk_done);
}

/* Ask, warning first about what this Kibana would ignore (v NULL: the version is not known). */
static void risk_ask(struct cmd_ctx *ctx, const struct kibana_status *st)
{
	struct risk_run *rr = ctx->state;
	char *ignored = st ? risk_config_ignored(&rr->c, &st->version) : NULL;
	if (ignored) {
		char *q = xasprintf("Kibana %s ignores %s (newer Kibana reads it; older ones drop what they do not know). %s",
				    st->number, ignored, rr->question);
		cmd_note(ctx, "Kibana %s ignores %s", st->number, ignored);
		free(rr->question);
		rr->question = q;
		free(ignored);
	}
	cmd_confirm(ctx, rr->question, NULL, risk_go);
}

static void risk_version_known(struct cmd_ctx *ctx, struct worker_done *d)
{
	/* Not knowing the version is no reason to stop: the change is still asked for. */
	risk_ask(ctx, d->res.status == API_OK ? d->res.model : NULL);
}

static void risk_configure_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *st = cmd_values(ctx, "exclude-status"), *tags = cmd_values(ctx, "exclude-tag");
	const struct cmd_value *filters = cmd_values(ctx, "filter");
	const char *start = cmd_str(ctx, "range-start"), *end = cmd_str(ctx, "range-end");
	const char *reset = cmd_str(ctx, "reset-to-zero");
	long page_size = cmd_int(ctx, "page-size", 0);
	if (!st->n && !tags->n && !start && !end && !filters->n && !reset && !cmd_str(ctx, "page-size")) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "nothing to configure: give --exclude-status, --exclude-tag, --range-start, --range-end, --filter, "
			 "--page-size or --reset-to-zero");
		return;
	}
	if (cmd_str(ctx, "page-size") && page_size < 1) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--page-size must be at least 1");
		return;
	}
	char *bad = start ? risk_check_time("range-start", start) : NULL;
	if (!bad && end)
		bad = risk_check_time("range-end", end);
	struct risk_run *rr = xcalloc(1, sizeof(*rr));
	ctx->state = rr;
	ctx->state_free = risk_run_free;
	rr->filters = xcalloc(filters->n + 1, sizeof(*rr->filters));
	size_t n_filters = 0;
	for (size_t i = 0; i < filters->n && !bad; i++) {
		bad = risk_filter_parse(filters->vals[i], &rr->filters[i]);
		n_filters += !bad;
	}
	rr->c.n_filters = n_filters;
	if (bad) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
		free(bad);
		return;
	}
	rr->c = (struct risk_config){
		.exclude_statuses = (const char *const *)st->vals,
		.n_exclude_statuses = st->n,
		.exclude_tags = (const char *const *)tags->vals,
		.n_exclude_tags = tags->n,
		.range_start = start,
		.range_end = end,
		.filters = rr->filters,
		.n_filters = n_filters,
		.page_size = page_size,
		.reset_to_zero = !reset ? RISK_RESET_UNCHANGED : !strcmp(reset, "on") ? RISK_RESET_ON : RISK_RESET_OFF,
	};
	struct strbuf q;
	strbuf_init(&q);
	strbuf_puts(&q, "Configure the risk engine:");
	if (st->n) {
		char *s = opsutil_join(st->vals, st->n, ", ");
		strbuf_printf(&q, " leave out %s alerts;", s);
		free(s);
	}
	if (tags->n) {
		char *s = opsutil_join(tags->vals, tags->n, ", ");
		strbuf_printf(&q, " leave out alerts tagged %s;", s);
		free(s);
	}
	if (start || end)
		strbuf_printf(&q, " score alerts from %s to %s;", start ? start : "(unchanged)", end ? end : "(unchanged)");
	for (size_t i = 0; i < rr->c.n_filters; i++) {
		size_t nt = 0;
		while (rr->filters[i].entity_types[nt])
			nt++;
		char *types = opsutil_join(rr->filters[i].entity_types, nt, ",");
		strbuf_printf(&q, " score %s from alerts matching %s;", types, rr->filters[i].kql);
		free(types);
	}
	if (page_size)
		strbuf_printf(&q, " %ld alerts a page;", page_size);
	if (reset)
		strbuf_printf(&q, " %s scores of entities without alerts;", !strcmp(reset, "on") ? "reset to 0 the" : "keep the");
	q.buf[q.len - 1] = '?';
	rr->question = strbuf_detach(&q, NULL);
	/* Fields newer than some Kibana releases: ask which Kibana this is first (risk_config_ignored says why). */
	if (rr->c.n_filters || page_size || reset)
		cmd_submit(ctx, kibana_status_request(), risk_version_known);
	else
		risk_ask(ctx, NULL);
}

static const struct cmd_arg engine_init_args[] = {
	{"entityType", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, entity_types, CMD_ID_NONE, "the kind of entity"},
	{"delay", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "delay before the transform runs, e.g. 1m"},
	{"frequency", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "how often the transform runs, e.g. 1m"},
	{"lookback", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "how far back the transform looks, e.g. 24h"},
	{"filter", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "a query that limits the source documents"},
	{"index-pattern", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "indices to read entities from"},
	{"field-history-length", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "historical values kept per field (default 10)"},
	{"timestamp-field", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "the field with the event time (default @timestamp)"},
	{"timeout", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "timeout for setting up the transform, e.g. 180s"},
	{"docs-per-second", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "documents the transform processes per second"},
	{"enrich-interval", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE,
	 "how often the enrich policy runs, e.g. 1h (at most half the lookback)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg engine_type_args[] = {
	{"entityType", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, entity_types, CMD_ID_NONE, "the kind of entity"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const char *const risk_onoff[] = {"on", "off", NULL};

static const struct cmd_arg risk_args[] = {
	{"exclude-status", CMD_ARG_ENUM, CMD_MULTI, risk_alert_statuses, CMD_ID_NONE,
	 "leave out alerts with this workflow status (repeatable)"},
	{"exclude-tag", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_NONE, "leave out alerts with this tag (repeatable)"},
	{"range-start", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "score alerts from, e.g. now-30d"},
	{"range-end", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "score alerts until, e.g. now"},
	{"filter", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_NONE,
	 "score these entity types only from alerts matching KQL: host,user=KQL (repeatable; Kibana 9.3+)"},
	{"page-size", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "alerts the scoring task reads a page (Kibana 9.3+)"},
	{"reset-to-zero", CMD_ARG_ENUM, 0, risk_onoff, CMD_ID_NONE,
	 "on: entities without alerts in the range score 0; off: they keep their last score (Kibana 9.2+)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_entity_defs[] = {
	{"entity-engine init", engine_init_args, CMD_MUTATES,
	 "set up an entity engine (POST /api/entity_store/engines/{entityType}/init)", NULL, NULL, engine_init_run},
	{"entity-engine start", engine_type_args, CMD_MUTATES,
	 "start an entity engine (POST /api/entity_store/engines/{entityType}/start)", NULL, NULL, engine_toggle_run},
	{"entity-engine stop", engine_type_args, CMD_MUTATES,
	 "stop an entity engine (POST /api/entity_store/engines/{entityType}/stop)", NULL, NULL, engine_toggle_run},
	{"risk-engine configure", risk_args, CMD_MUTATES,
	 "choose the alerts the risk engine scores (PUT /api/risk_score/engine/saved_object/configure)", NULL, NULL,
	 risk_configure_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
