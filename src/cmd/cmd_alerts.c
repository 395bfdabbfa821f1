/* The alerts list: POST /api/detection_engine/signals/search, page after page by keyset. */
#include "config.h"
#include "cmd/alertfmt.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/query.h"
#include "cmd/registry.h"
#include "api/alerts.h"
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
/* Hits asked for per page by the command: keyset pages follow one another, so fewer, larger ones go faster. */
#define ALERTS_CMD_PAGE_SIZE 500

/*
 * State of an `alerts` run. Pages come one after another (each asks for the hits after the
 * last one's sort values); each is written as soon as it is in, then let go.
 */
struct alerts_run {
	long limit;            /* -1: every alert */
	long asked;            /* size of the request in flight */
	size_t n;              /* alerts written */
	json_t *after;         /* sort values of the last alert written */
	json_t *head;          /* the first response without its hits: the JSON document's head */
	long long total;
	bool total_is_floor;
	struct fetch_count count; /* against the profile's whole-fetch limits */
	time_t now;
};

static void alerts_run_free(void *p)
{
	struct alerts_run *r = p;
	json_decref(r->after);
	json_decref(r->head);
	fetch_count_free(&r->count);
	free(r);
}

/* The end of the list: its title (count and filters). */
static void alerts_finish(struct cmd_ctx *ctx)
{
	struct alerts_run *r = ctx->state;
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
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .part = CMD_PART_LAST, .message = title.buf,
				 .items_path = "hits.hits"};
	cmd_output(ctx, &out);
	strbuf_free(&title);
	cmd_finish(ctx);
}

static void alerts_fetch(struct cmd_ctx *ctx);

/* A page: its alerts (up to the limit) are written at once. */
static void alerts_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct alerts_run *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct alert_page *p = d->res.model;
	bool first = !r->head;
	if (first) {
		r->total = p->total;
		r->total_is_floor = p->total_is_floor;
		/* The document is one search response holding every hit: the first one's head, its hits to come. */
		r->head = json_is_object(d->res.json) ? json_copy(d->res.json) : json_object();
		json_t *hits = json_object_get(r->head, "hits");
		hits = json_is_object(hits) ? json_copy(hits) : json_object();
		json_object_del(hits, "hits");
		json_object_set_new(r->head, "hits", hits);
	}
	json_t *hits = json_object_get(json_object_get(d->res.json, "hits"), "hits");
	size_t take = p->n;
	if (r->limit >= 0 && (long)(r->n + take) > r->limit)
		take = (size_t)r->limit - r->n;
	json_t *after = take ? p->alerts[take - 1].sort : NULL;
	size_t n = r->n + take;
	bool more = p->n > 0 && (long)p->n >= r->asked && (r->limit < 0 || (long)n < r->limit) &&
		    (r->total_is_floor || (long long)n < r->total);
	if (more && json_array_size(after) < 2) {
		cmd_fail(ctx, CMD_EXIT_API, "Kibana sent alerts without sort values, so no further page can be asked for");
		return;
	}
	r->n = n;
	/* Another page is wanted: not past the limits, and not the same cursor again (a server repeating itself). */
	if (more) {
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
	}
	/* The next page is asked for first, so Kibana works on it while this one is written. */
	if (more) {
		json_decref(r->after);
		r->after = json_deep_copy(after);
		alerts_fetch(ctx);
	}
	struct table t;
	table_init_columns(&t, alertfmt_columns);
	json_t *items = json_array();
	struct column_ctx cx = {.now = r->now, .batch = true};
	size_t bad = 0;
	for (size_t i = 0; i < take; i++) {
		bad += p->alerts[i].problem != NULL;
		/* --json leaves out a hit without an _id (unusable); the table shows it as a placeholder row. */
		if (p->alerts[i].id)
			json_array_append(items, json_array_get(hits, i));
		/* Rows cost formatting: only for a table. */
		if (!ctx->json)
			table_add_object(&t, alertfmt_columns, &p->alerts[i], &cx);
	}
	struct cmd_output out = {
		.kind = CMD_OUT_TABLE,
		.part = first ? CMD_PART_FIRST : CMD_PART_MORE,
		.table = &t,
		.json = first ? r->head : NULL,
		.items = items,
		.items_path = "hits.hits",
		.bad = bad,
	};
	cmd_output(ctx, &out);
	table_free(&t);
	json_decref(items);
	if (!more)
		alerts_finish(ctx);
	else
		cmd_note(ctx, "fetched %zu of %lld alerts", r->n, r->total);
}

static void alerts_fetch(struct cmd_ctx *ctx)
{
	struct alerts_run *r = ctx->state;
	if (ctx->finishing)
		return;
	struct alerts_query q;
	free(query_fill(&alertfmt_query, ctx->def, ctx->values, &q));
	long want = r->limit < 0 ? ALERTS_CMD_PAGE_SIZE : r->limit - (long)r->n;
	q.size = want < ALERTS_CMD_PAGE_SIZE ? want : ALERTS_CMD_PAGE_SIZE;
	r->asked = q.size;
	q.after = r->after;
	cmd_submit(ctx, alerts_search_request(&q), alerts_page);
}

static void alerts_run(struct cmd_ctx *ctx)
{
	struct alerts_run *r = xcalloc(1, sizeof(*r));
	ctx->state = r;
	ctx->state_free = alerts_run_free;
	r->now = time(NULL);
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
	alerts_fetch(ctx);
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
	{"all", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE,
	 "every matching alert, page after page, each written as it arrives (a table keeps the first page's column "
	 "widths, cutting wider cells on a terminal, widening them in a pipe)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_alerts_defs[] = {
	{"alerts", alerts_args, CMD_LIST, "list detection alerts, newest first (POST /api/detection_engine/signals/search)",
	 "alerts", NULL, alerts_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
