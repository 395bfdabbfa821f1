/* The alerts list: POST /api/detection_engine/signals/search, page after page by keyset. */
#include "config.h"
#include "cmd/alertfmt.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/query.h"
#include "cmd/registry.h"
#include "api/alerts.h"
#include "api/kjson.h"
#include "api/alerts_req.h"
#include "core/fetchlimit.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Alerts shown when neither --limit nor --all is given. */
#define ALERTS_DEFAULT_LIMIT 100

/* State of an `alerts` run. */
struct alerts_run {
	long limit;            /* -1: every alert */
	long asked;            /* size of the request in flight */
	struct alert *alerts;
	size_t n, cap;
	json_t *hits;          /* every hit received, for --json */
	json_t *first;         /* the first response (took, _shards, hits.total) */
	long long total;
	bool total_is_floor;
	struct fetch_count count; /* against the profile's whole-fetch limits */
};

static void alerts_run_free(void *p)
{
	struct alerts_run *r = p;
	for (size_t i = 0; i < r->n; i++)
		alerts_alert_clear(&r->alerts[i]);
	free(r->alerts);
	json_decref(r->hits);
	json_decref(r->first);
	fetch_count_free(&r->count);
	free(r);
}

static void alerts_emit(struct cmd_ctx *ctx)
{
	struct alerts_run *r = ctx->state;
	struct table t;
	table_init_columns(&t, alertfmt_columns);
	struct column_ctx cx = {.now = time(NULL), .batch = true};
	size_t bad = 0;
	for (size_t i = 0; i < r->n; i++) {
		table_add_object(&t, alertfmt_columns, &r->alerts[i], &cx);
		bad += r->alerts[i].problem != NULL;
	}
	struct strbuf title;
	strbuf_init(&title);
	strbuf_printf(&title, "%zu of %s%lld alerts", r->n, r->total_is_floor ? "at least " : "", r->total);
	struct strbuf filters;
	strbuf_init(&filters);
	struct query filt = {&alertfmt_query, ctx->def, ctx->values};
	query_describe(&filt, &filters);
	if (filters.len)
		strbuf_printf(&title, " · %s", filters.buf);
	strbuf_free(&filters);
	/* --json prints one search response holding every usable hit fetched. */
	json_t *json = json_deep_copy(r->first);
	json_t *hits = json_object_get(json, "hits");
	if (json_is_object(hits))
		json_object_set(hits, "hits", r->hits);
	json_t *usable = kjson_usable_rows(json, "hits.hits", "_id");
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title.buf, .table = &t, .json = usable, .bad = bad};
	cmd_output(ctx, &out);
	json_decref(usable);
	json_decref(json);
	strbuf_free(&title);
	table_free(&t);
	cmd_finish(ctx);
}

static void alerts_fetch(struct cmd_ctx *ctx, json_t *after);

static void alerts_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alerts_run *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct alert_page *p = d->res.model;
	if (!r->first) {
		r->first = json_incref(d->res.json);
		r->total = p->total;
		r->total_is_floor = p->total_is_floor;
	}
	json_t *hits = json_object_get(json_object_get(d->res.json, "hits"), "hits");
	size_t i;
	json_t *h;
	json_array_foreach(hits, i, h) {
		if (r->limit < 0 || (long)json_array_size(r->hits) < r->limit)
			json_array_append(r->hits, h);
	}
	for (i = 0; i < p->n && (r->limit < 0 || (long)r->n < r->limit); i++) {
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 128;
			r->alerts = xreallocarray(r->alerts, r->cap, sizeof(*r->alerts));
		}
		r->alerts[r->n++] = p->alerts[i];
		memset(&p->alerts[i], 0, sizeof(p->alerts[i]));
	}
	bool more = p->n > 0 && (long)p->n >= r->asked && (r->limit < 0 || (long)r->n < r->limit) && (r->total_is_floor || (long long)r->n < r->total);
	json_t *after = r->n ? r->alerts[r->n - 1].sort : NULL;
	if (more && json_array_size(after) < 2) {
		cmd_fail(ctx, CMD_EXIT_API, "Kibana sent alerts without sort values, so no further page can be asked for");
		return;
	}
	if (!more) {
		alerts_emit(ctx);
		return;
	}
	/* Another page is wanted: not past the limits, and not the same cursor again (a server repeating itself). */
	char *cursor = json_dumps(after, JSON_COMPACT);
	char *stop = fetch_count_page(&r->count, &ctx->host->profile->fetch, p->n, d->res.body_len);
	if (!stop)
		stop = fetch_count_cursor(&r->count, cursor);
	free(cursor);
	if (stop) {
		cmd_fail(ctx, CMD_EXIT_API, "alerts: %s", stop);
		free(stop);
		return;
	}
	cmd_note(ctx, "fetched %zu of %lld alerts", r->n, r->total);
	alerts_fetch(ctx, after);
}

static void alerts_fetch(struct cmd_ctx *ctx, json_t *after)
{
	struct alerts_run *r = ctx->state;
	struct alerts_query q;
	free(query_fill(&alertfmt_query, ctx->def, ctx->values, &q));
	long want = r->limit < 0 ? ALERTS_PAGE_SIZE : r->limit - (long)r->n;
	q.size = want < ALERTS_PAGE_SIZE ? want : ALERTS_PAGE_SIZE;
	r->asked = q.size;
	q.after = after;
	cmd_submit(ctx, alerts_search_request(&q), alerts_page);
}

static void alerts_run(struct cmd_ctx *ctx)
{
	struct alerts_run *r = xcalloc(1, sizeof(*r));
	ctx->state = r;
	ctx->state_free = alerts_run_free;
	r->hits = json_array();
	struct alerts_query q;
	char *err = query_fill(&alertfmt_query, ctx->def, ctx->values, &q);
	if (err) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	r->limit = cmd_int(ctx, "limit", ALERTS_DEFAULT_LIMIT);
	if (cmd_flag(ctx, "all") && cmd_str(ctx, "limit")) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "give either --limit or --all, not both");
		return;
	}
	if (cmd_flag(ctx, "all"))
		r->limit = -1;
	else if (r->limit < 1) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--limit must be 1 or more (or use --all)");
		return;
	}
	alerts_fetch(ctx, NULL);
}

static const struct cmd_arg alerts_args[] = {
	{"since", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only alerts from the last while: 30m, 24h, 7d"},
	{"from", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only alerts at or after this time (ISO 8601, or now-1d)"},
	{"to", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only alerts at or before this time"},
	{"status", CMD_ARG_ENUM, CMD_MULTI, alerts_status_names, CMD_ID_NONE, "workflow status (repeatable)"},
	{"severity", CMD_ARG_ENUM, CMD_MULTI, alerts_severity_names, CMD_ID_NONE, "severity (repeatable)"},
	{"rule", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "rule name, exactly"},
	{"host", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "host name, exactly"},
	{"user", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "user name, exactly"},
	{"search", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "words that must all appear (rule, reason, host, user, process)"},
	{"id", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_ALERT, "only this alert (repeatable: the alerts of a case)"},
	{"limit", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "show at most this many alerts (default 100)"},
	{"all", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "fetch every matching alert, page after page"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_alerts_defs[] = {
	{"alerts", alerts_args, CMD_LIST, "list detection alerts, newest first (POST /api/detection_engine/signals/search)",
	 "alerts", NULL, alerts_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
