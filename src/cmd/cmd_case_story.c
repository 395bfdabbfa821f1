/* A case's story and its report: case activity (the timeline), case export (a Markdown incident report). */
#include "config.h"
#include "cmd/casereport.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "cmd/storyfmt.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/alerts_of_case.h"
#include "api/alerts_req.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/kblink.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Pages of user actions or comments fetched at most (100 each: Kibana pages no further than 10,000). */
#define STORY_MAX_PAGES 100
/* Attached alerts looked up at most, and per search. */
#define EXPORT_MAX_ALERTS 500
#define EXPORT_ALERTS_CHUNK 100
/* Hosts whose response actions are listed at most (the action list takes 50 agent ids). */
#define EXPORT_MAX_AGENTS 50

/* Everything fetched about one case; export also fetches the case, its alerts and the actions on their hosts. */
struct case_bundle {
	bool export;
	int phase;                            /* 1: story, case, attached ids; 2: the alerts; 3: their hosts' actions */
	unsigned pending;                     /* requests of the current phase still out */
	struct case_activity_page **ua;       /* user action pages */
	size_t n_ua;
	struct case_comment_page **cm;        /* comment pages */
	size_t n_cm;
	json_t *ua_json, *cm_json;            /* every user action and comment as sent, for --json */
	struct kb_case *kcase;
	json_t *case_json;
	struct alerts_of_case_list *attached;
	const char **attached_ids;            /* each attached alert once (an alert can be attached twice) */
	size_t n_attached;
	struct alert *alerts;
	size_t n_alerts;
	json_t *alerts_json;
	struct action_page *actions;
	json_t *actions_json;
};

static void bundle_free(void *p)
{
	struct case_bundle *b = p;
	for (size_t i = 0; i < b->n_ua; i++)
		kmodel_free(&case_activity_page_model, b->ua[i]);
	free(b->ua);
	for (size_t i = 0; i < b->n_cm; i++)
		kmodel_free(&cases_comment_page_model, b->cm[i]);
	free(b->cm);
	json_decref(b->ua_json);
	json_decref(b->cm_json);
	kmodel_free(&cases_case_model, b->kcase);
	json_decref(b->case_json);
	kmodel_free(&alerts_of_case_list_model, b->attached);
	free(b->attached_ids);
	for (size_t i = 0; i < b->n_alerts; i++)
		alerts_alert_clear(&b->alerts[i]);
	free(b->alerts);
	json_decref(b->alerts_json);
	kmodel_free(&actions_page_model, b->actions);
	json_decref(b->actions_json);
	free(b);
}

static void bundle_story(struct case_bundle *b, struct story *s)
{
	struct story_sources src = {(const struct case_activity_page *const *)b->ua, b->n_ua,
				    (const struct case_comment_page *const *)b->cm, b->n_cm, NULL};
	storyfmt_build(s, &src);
}

static void story_done(struct cmd_ctx *ctx);
static void export_alerts(struct cmd_ctx *ctx);
static void export_actions(struct cmd_ctx *ctx);

/* A request of the current phase is back: once none is out, the next phase starts (or the output, after the last). */
static void bundle_step_done(struct cmd_ctx *ctx)
{
	struct case_bundle *b = ctx->state;
	if (--b->pending)
		return;
	while (!b->pending) {
		if (!b->export || b->phase == 3) {
			story_done(ctx);
			return;
		}
		if (++b->phase == 2)
			export_alerts(ctx);
		else
			export_actions(ctx);
	}
}

/* Append the items of a JSON array member to an array. */
static void json_extend(json_t *into, json_t *obj, const char *key)
{
	json_t *a = json_object_get(obj, key);
	if (json_is_array(a))
		json_array_extend(into, a);
}

static void ua_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_activity_page *p = d->res.model;
	d->res.model = NULL;
	b->ua = xreallocarray(b->ua, b->n_ua + 1, sizeof(*b->ua));
	b->ua[b->n_ua++] = p;
	json_extend(b->ua_json, d->res.json, "userActions");
	if (p->n && (long long)json_array_size(b->ua_json) < p->total && b->n_ua < STORY_MAX_PAGES) {
		b->pending++;
		cmd_submit(ctx, case_activity_request(cmd_str(ctx, "caseId"), (long)b->n_ua + 1, CASE_ACTIVITY_MAX_PER_PAGE, true),
			   ua_page);
	}
	bundle_step_done(ctx);
}

static void cm_page(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct case_comment_page *p = d->res.model;
	d->res.model = NULL;
	b->cm = xreallocarray(b->cm, b->n_cm + 1, sizeof(*b->cm));
	b->cm[b->n_cm++] = p;
	json_extend(b->cm_json, d->res.json, "comments");
	if (p->n && (long long)json_array_size(b->cm_json) < p->total && b->n_cm < STORY_MAX_PAGES) {
		b->pending++;
		cmd_submit(ctx, cases_comments_find_request(cmd_str(ctx, "caseId"), (long)b->n_cm + 1, CASES_MAX_PER_PAGE),
			   cm_page);
	}
	bundle_step_done(ctx);
}

static void case_got(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	b->kcase = d->res.model;
	d->res.model = NULL;
	b->case_json = json_incref(d->res.json);
	bundle_step_done(ctx);
}

static void attached_got(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	b->attached = d->res.model;
	d->res.model = NULL;
	bundle_step_done(ctx);
}

static void alerts_got(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct alert_page *p = d->res.model;
	b->alerts = xreallocarray(b->alerts, b->n_alerts + p->n + 1, sizeof(*b->alerts));
	for (size_t i = 0; i < p->n; i++) {
		b->alerts[b->n_alerts++] = p->alerts[i];
		memset(&p->alerts[i], 0, sizeof(p->alerts[i]));
	}
	json_extend(b->alerts_json, json_object_get(d->res.json, "hits"), "hits");
	bundle_step_done(ctx);
}

static void actions_got(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_bundle *b = ctx->state;
	/* Without the actions index (a cluster where no action ever ran) Kibana answers 404: no actions. */
	if (d->res.status != API_OK && d->res.http_status != 404) {
		cmd_fail_api(ctx, d);
		return;
	}
	if (d->res.status == API_OK) {
		b->actions = d->res.model;
		d->res.model = NULL;
		json_extend(b->actions_json, d->res.json, "data");
	}
	bundle_step_done(ctx);
}

/* The response actions on the hosts of the alerts found (by agent id), newest first. */
static void export_actions(struct cmd_ctx *ctx)
{
	struct case_bundle *b = ctx->state;
	const char *agents[EXPORT_MAX_AGENTS];
	size_t n = 0;
	for (size_t i = 0; i < b->n_alerts && n < EXPORT_MAX_AGENTS; i++) {
		const char *id = b->alerts[i].agent_id;
		bool seen = !id;
		for (size_t k = 0; k < n && !seen; k++)
			seen = !strcmp(agents[k], id);
		if (!seen)
			agents[n++] = id;
	}
	if (!n)
		return;
	struct actions_query q = {.page = 1, .page_size = 100, .agent_ids = agents, .n_agent_ids = n};
	b->pending++;
	cmd_submit(ctx, actions_list_request(&q), actions_got);
}

/* The case and its parts are in: look up the attached alerts, a chunk per search, then the actions on their hosts. */
static void export_alerts(struct cmd_ctx *ctx)
{
	struct case_bundle *b = ctx->state;
	b->alerts_json = json_array();
	b->actions_json = json_array();
	size_t n = b->attached ? b->attached->n : 0;
	b->attached_ids = xcalloc(n + 1, sizeof(*b->attached_ids));
	for (size_t i = 0; i < n; i++) {
		const char *id = b->attached->items[i].id;
		bool seen = !id;
		for (size_t k = 0; k < b->n_attached && !seen; k++)
			seen = !strcmp(b->attached_ids[k], id);
		if (!seen)
			b->attached_ids[b->n_attached++] = id;
	}
	size_t ask = b->n_attached < EXPORT_MAX_ALERTS ? b->n_attached : EXPORT_MAX_ALERTS;
	for (size_t i = 0; i < ask; i += EXPORT_ALERTS_CHUNK) {
		size_t k = ask - i < EXPORT_ALERTS_CHUNK ? ask - i : EXPORT_ALERTS_CHUNK;
		struct alerts_query q = {.ids = b->attached_ids + i, .n_ids = k, .size = (long)k};
		b->pending++;
		cmd_submit(ctx, alerts_search_request(&q), alerts_got);
	}
}

/* Keep the alerts found in the order they were attached (a search returns them newest first). */
static void export_order_alerts(struct case_bundle *b)
{
	size_t k = 0;
	for (size_t i = 0; i < b->n_attached; i++) {
		for (size_t j = k; j < b->n_alerts; j++) {
			if (b->alerts[j].id && !strcmp(b->alerts[j].id, b->attached_ids[i])) {
				struct alert t = b->alerts[k];
				b->alerts[k++] = b->alerts[j];
				b->alerts[j] = t;
				break;
			}
		}
	}
}

/* "kibana.example:5601, space soc-eu": where a report came from. */
static char *export_source(const struct profile *p)
{
	const char *url = p->url ? p->url : "";
	const char *host = strstr(url, "://");
	host = host ? host + 3 : url;
	return xasprintf("%.*s, space %s", (int)strcspn(host, "/"), host, p->space && *p->space ? p->space : "default");
}

/* Write the report to path (created 0600: a report can hold what the case holds); 0, or -1 with the reason. */
static int export_write(const char *path, const char *text, size_t len, char **why)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0) {
		*why = xasprintf("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			*why = xasprintf("cannot write %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (close(fd) < 0) {
		*why = xasprintf("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void export_done(struct cmd_ctx *ctx, const struct story *s)
{
	struct case_bundle *b = ctx->state;
	export_order_alerts(b);
	char *link = kblink_case(ctx->host->profile, b->kcase->id);
	char *source = export_source(ctx->host->profile);
	struct casereport r = {
		.kcase = b->kcase,
		.story = s,
		.alerts = b->alerts,
		.n_alerts = b->n_alerts,
		.n_attached = b->n_attached,
		.actions = b->actions ? b->actions->items : NULL,
		.n_actions = b->actions ? b->actions->n : 0,
		.link = link,
		.source = source,
	};
	struct strbuf md;
	strbuf_init(&md);
	casereport_markdown(&md, &r);
	free(link);
	free(source);
	json_t *json = json_pack("{s:O, s:O, s:O, s:O, s:O}", "case", b->case_json, "userActions", b->ua_json, "comments",
				 b->cm_json, "alerts", b->alerts_json, "actions", b->actions_json);
	const char *path = cmd_str(ctx, "output");
	char *why = NULL;
	if (path && export_write(path, md.buf, md.len, &why) < 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", why);
		free(why);
	} else if (path) {
		char *msg = xasprintf("Wrote the report on \"%s\" to %s (%zu timeline entries, %zu alerts).", b->kcase->title,
				      path, s->n, b->n_alerts);
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = json};
		cmd_output(ctx, &out);
		free(msg);
	} else {
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = md.buf, .json = json};
		cmd_output(ctx, &out);
	}
	json_decref(json);
	strbuf_free(&md);
}

/* case activity: the story as a table, one entry a row. */
static void activity_done(struct cmd_ctx *ctx, const struct story *s)
{
	struct case_bundle *b = ctx->state;
	static const char *const headers[] = {"TIME", "WHO", "WHAT", NULL};
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 2);
	for (size_t i = 0; i < s->n; i++) {
		const struct story_entry *e = &s->items[i];
		char when[64];
		timefmt_local(e->when, when, sizeof(when));
		char *what = e->body ? xasprintf("%s: %s", e->what, e->body) : xstrdup(e->what);
		const char *row[] = {when, e->who, what};
		table_add_row(&t, row);
		free(what);
	}
	char *title = xasprintf("%zu entries in the story of case %s", s->n, cmd_str(ctx, "caseId"));
	json_t *json = json_pack("{s:O, s:O}", "userActions", b->ua_json, "comments", b->cm_json);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = json};
	cmd_output(ctx, &out);
	json_decref(json);
	free(title);
	table_free(&t);
}

static void story_done(struct cmd_ctx *ctx)
{
	struct case_bundle *b = ctx->state;
	struct story s;
	bundle_story(b, &s);
	if (b->export)
		export_done(ctx, &s);
	else
		activity_done(ctx, &s);
	storyfmt_free(&s);
	cmd_finish(ctx);
}

static void story_start(struct cmd_ctx *ctx, bool export)
{
	struct case_bundle *b = xcalloc(1, sizeof(*b));
	ctx->state = b;
	ctx->state_free = bundle_free;
	b->export = export;
	b->phase = 1;
	b->ua_json = json_array();
	b->cm_json = json_array();
	const char *id = cmd_str(ctx, "caseId");
	b->pending = export ? 4 : 2;
	cmd_submit(ctx, case_activity_request(id, 1, CASE_ACTIVITY_MAX_PER_PAGE, true), ua_page);
	cmd_submit(ctx, cases_comments_find_request(id, 1, CASES_MAX_PER_PAGE), cm_page);
	if (export) {
		cmd_submit(ctx, cases_get_request(id), case_got);
		cmd_submit(ctx, alerts_of_case_request(id), attached_got);
	}
}

static void activity_run(struct cmd_ctx *ctx)
{
	story_start(ctx, false);
}

static void export_run(struct cmd_ctx *ctx)
{
	const char *format = cmd_str(ctx, "format");
	if (format && strcmp(format, "md") != 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--format takes md (Markdown), not \"%s\"", format);
		return;
	}
	story_start(ctx, true);
}

static const char *const formats[] = {"md", NULL};

static const struct cmd_arg activity_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg export_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"format", CMD_ARG_ENUM, 0, formats, CMD_ID_NONE, "md: Markdown (the default)"},
	{"output", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "write the report to this file (created 0600) instead of showing it"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_case_story_defs[] = {
	{"case activity", activity_args, CMD_DETAIL,
	 "a case's story: who changed what, comments and alerts, in time (GET /api/cases/{caseId}/user_actions/_find)",
	 "cases", NULL, activity_run},
	{"case export", export_args, 0,
	 "a Markdown incident report on a case: timeline, comments, attached alerts, response actions on their hosts",
	 "cases", "E", export_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
