/* Commands that change cases: case status, case severity, case comment, case push. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* What an edit of one case carries between its steps. */
struct case_edit {
	struct kb_case c;          /* as loaded */
	bool have_case;
	struct connector_list *connectors;
	struct connector target;   /* push: the chosen connector (borrowed strings) */
	char *text;                /* comment text */
};

static void case_edit_free(void *p)
{
	struct case_edit *e = p;
	if (e->have_case)
		cases_case_clear(&e->c);
	kmodel_free(&connectors_list_model, e->connectors);
	free(e->text);
	free(e);
}

/* The case's title for messages; its id when Kibana sent none. */
static const char *case_edit_title(const struct case_edit *e)
{
	return e->c.title ? e->c.title : e->c.id;
}

static struct case_edit *case_edit_new(struct cmd_ctx *ctx)
{
	struct case_edit *e = xcalloc(1, sizeof(*e));
	ctx->state = e;
	ctx->state_free = case_edit_free;
	return e;
}

/* Keep the loaded case; false (and the command failed) when loading failed. */
static bool case_edit_take(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_edit *e = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return false;
	}
	struct kb_case *c = d->res.model;
	e->c = *c;
	memset(c, 0, sizeof(*c));
	e->have_case = true;
	const char *want = cmd_str(ctx, "version");
	if (want && strcmp(want, e->c.version) != 0) {
		cmd_fail(ctx, CMD_EXIT_API,
			 "case \"%s\" was changed by someone else since you loaded it (version conflict); "
			 "it has been reloaded: review it and try again", case_edit_title(e));
		return false;
	}
	return true;
}

static void case_edit_result(struct cmd_ctx *ctx, struct worker_done *d, const char *what)
{
	struct case_edit *e = ctx->state;
	const char *id = e->c.id;
	if (d->res.status != API_OK) {
		cmd_audit(ctx, &id, 1, d, NULL);
		if (d->res.http_status == 409)
			cmd_fail(ctx, CMD_EXIT_API,
				 "case \"%s\" was changed by someone else meanwhile (version conflict): reload it and try again (%s)",
				 case_edit_title(e), d->res.message);
		else
			cmd_fail_api(ctx, d);
		return;
	}
	cmd_audit(ctx, &id, 1, d, NULL);
	char *msg = xasprintf("Case \"%s\" %s", case_edit_title(e), what);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

/* The change asked for is what the case already says: nothing is sent, and the user is told so. */
static void case_edit_nothing(struct cmd_ctx *ctx, const char *what, const char *value)
{
	struct case_edit *e = ctx->state;
	char *msg = xasprintf("Case \"%s\" %s %s: nothing to do.", case_edit_title(e), what, value);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void case_status_patched(struct cmd_ctx *ctx, struct worker_done *d)
{
	char *what = xasprintf("is now %s.", cmd_str(ctx, "status"));
	case_edit_result(ctx, d, what);
	free(what);
}

static void case_status_go(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	json_t *f = json_pack("{s:s}", "status", cmd_str(ctx, "status"));
	cmd_submit(ctx, cases_update_request(e->c.id, e->c.version, f), case_status_patched);
}

static void case_status_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (!case_edit_take(ctx, d))
		return;
	struct case_edit *e = ctx->state;
	const char *now = e->c.status ? e->c.status : "an unknown status";
	if (!strcmp(now, cmd_str(ctx, "status"))) {
		case_edit_nothing(ctx, "is already", cmd_str(ctx, "status"));
		return;
	}
	char *q = xasprintf("Set case \"%s\" from %s to %s?", case_edit_title(e), now, cmd_str(ctx, "status"));
	cmd_confirm(ctx, q, NULL, case_status_go);
	free(q);
}

static void case_status_run(struct cmd_ctx *ctx)
{
	case_edit_new(ctx);
	cmd_submit(ctx, cases_get_request(cmd_str(ctx, "caseId")), case_status_loaded);
}

static void case_severity_patched(struct cmd_ctx *ctx, struct worker_done *d)
{
	char *what = xasprintf("now has severity %s.", cmd_str(ctx, "severity"));
	case_edit_result(ctx, d, what);
	free(what);
}

static void case_severity_go(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	json_t *f = json_pack("{s:s}", "severity", cmd_str(ctx, "severity"));
	cmd_submit(ctx, cases_update_request(e->c.id, e->c.version, f), case_severity_patched);
}

static void case_severity_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (!case_edit_take(ctx, d))
		return;
	struct case_edit *e = ctx->state;
	const char *now = e->c.severity ? e->c.severity : "an unknown severity";
	if (!strcmp(now, cmd_str(ctx, "severity"))) {
		case_edit_nothing(ctx, "already has severity", cmd_str(ctx, "severity"));
		return;
	}
	char *q = xasprintf("Set the severity of case \"%s\" from %s to %s?", case_edit_title(e), now,
			    cmd_str(ctx, "severity"));
	cmd_confirm(ctx, q, NULL, case_severity_go);
	free(q);
}

static void case_severity_run(struct cmd_ctx *ctx)
{
	case_edit_new(ctx);
	cmd_submit(ctx, cases_get_request(cmd_str(ctx, "caseId")), case_severity_loaded);
}

static void case_comment_posted(struct cmd_ctx *ctx, struct worker_done *d)
{
	case_edit_result(ctx, d, "has a new comment.");
}

static void case_comment_go(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	cmd_submit(ctx, cases_comment_request(e->c.id, e->c.owner, e->text), case_comment_posted);
}

static void case_comment_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (!case_edit_take(ctx, d))
		return;
	struct case_edit *e = ctx->state;
	size_t chars = utf8_chars(e->text);
	char *q = xasprintf("Add this comment (%zu character%s) to case \"%s\"?", chars, chars == 1 ? "" : "s", case_edit_title(e));
	cmd_confirm(ctx, q, NULL, case_comment_go);
	free(q);
}

static void case_comment_run(struct cmd_ctx *ctx)
{
	struct case_edit *e = case_edit_new(ctx);
	const struct cmd_value *words = cmd_values(ctx, "text");
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < words->n; i++)
		strbuf_printf(&sb, "%s%s", i ? " " : "", words->vals[i]);
	e->text = strbuf_detach(&sb, NULL);
	/* Kibana counts a comment's length as JavaScript does (UTF-16 units). */
	if (utf8_utf16_len(e->text) > 30000) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "a comment holds at most 30,000 characters (this one has %zu)",
			 utf8_utf16_len(e->text));
		return;
	}
	cmd_submit(ctx, cases_get_request(cmd_str(ctx, "caseId")), case_comment_loaded);
}

static void case_push_pushed(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_edit *e = ctx->state;
	const char *targets[] = {e->c.id, e->target.id};
	if (d->res.status != API_OK) {
		cmd_audit(ctx, targets, 2, d, NULL);
		cmd_fail(ctx, CMD_EXIT_API, "pushing case \"%s\" to %s failed: %s", case_edit_title(e), e->target.name,
			 d->res.message);
		return;
	}
	struct kb_case *c = d->res.model;
	cmd_audit(ctx, targets, 2, d, c->external.external_id);
	char *msg = xasprintf("Pushed case \"%s\" to %s: %s %s", case_edit_title(e), e->target.name,
			      c->external.external_title ? c->external.external_title : "(no external title)",
			      c->external.external_url ? c->external.external_url : "");
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void case_push_send(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	cmd_note(ctx, "pushing case \"%s\" to %s", case_edit_title(e), e->target.name);
	cmd_submit(ctx, cases_push_request(e->c.id, e->target.id), case_push_pushed);
}

static void case_push_connector_set(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_edit *e = ctx->state;
	const char *targets[] = {e->c.id, e->target.id};
	cmd_audit(ctx, targets, 2, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "setting the connector of case \"%s\" to %s failed: %s", case_edit_title(e),
			 e->target.name, d->res.message);
		return;
	}
	case_push_send(ctx);
}

static void case_push_go(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	if (e->c.connector.id && strcmp(e->c.connector.id, e->target.id) == 0) {
		case_push_send(ctx);
		return;
	}
	/* Kibana pushes with the case's own connector settings: point the case at the chosen one first. */
	json_t *conn = cases_connector_json(e->target.id, e->target.name, e->target.type);
	json_t *f = json_pack("{s:o}", "connector", conn);
	cmd_note(ctx, "setting the connector of case \"%s\" to %s", case_edit_title(e), e->target.name);
	cmd_submit(ctx, cases_update_request(e->c.id, e->c.version, f), case_push_connector_set);
}

/* Both the case and the connectors are in: check and ask. */
static void case_push_ready(struct cmd_ctx *ctx)
{
	struct case_edit *e = ctx->state;
	if (!e->have_case || !e->connectors)
		return;
	const char *cid = cmd_str(ctx, "connectorId");
	const struct connector *c = connectors_find(e->connectors, cid);
	if (!c) {
		cmd_fail(ctx, CMD_EXIT_API, "no connector with id \"%s\" (ktriage -c 'connectors --cases' lists them)", cid);
		return;
	}
	e->target = *c;
	if (!e->target.name)
		e->target.name = e->target.id;
	if (!cases_connector_type_ok(c->type)) {
		cmd_fail(ctx, CMD_EXIT_API, "connector \"%s\" is of type %s, which cannot take cases", e->target.name,
			 c->type ? c->type : "(not given)");
		return;
	}
	char *q = xasprintf("Push case \"%s\" to %s \"%s\"%s?", case_edit_title(e), c->type, e->target.name,
			    e->c.connector.id && strcmp(e->c.connector.id, c->id) == 0 ? ""
			    : " (the case's connector is changed to it first)");
	cmd_confirm(ctx, q, NULL, case_push_go);
	free(q);
}

static void case_push_case_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (case_edit_take(ctx, d))
		case_push_ready(ctx);
}

static void case_push_connectors_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct case_edit *e = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	e->connectors = d->res.model;
	d->res.model = NULL;
	case_push_ready(ctx);
}

static void case_push_run(struct cmd_ctx *ctx)
{
	case_edit_new(ctx);
	cmd_submit(ctx, cases_get_request(cmd_str(ctx, "caseId")), case_push_case_loaded);
	cmd_submit(ctx, connectors_list_request(), case_push_connectors_loaded);
}

static const struct cmd_arg case_status_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"status", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, cases_status_names, CMD_ID_NONE, "the new status"},
	{"version", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "refuse if the case is no longer at this version"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg case_severity_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"severity", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, cases_severity_names, CMD_ID_NONE, "the new severity"},
	{"version", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "refuse if the case is no longer at this version"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg case_comment_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"text", CMD_ARG_TEXT, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE, "the comment (markdown)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg case_push_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"connectorId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CONNECTOR,
	 "a connector that takes cases (.jira, .servicenow, ...)"},
	{"version", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "refuse if the case is no longer at this version"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_case_edit_defs[] = {
	{"case status", case_status_args, CMD_MUTATES, "set a case's status (PATCH /api/cases)", "cases", "s",
	 case_status_run},
	{"case severity", case_severity_args, CMD_MUTATES, "set a case's severity (PATCH /api/cases)", "cases", "S",
	 case_severity_run},
	{"case comment", case_comment_args, CMD_MUTATES, "add a comment to a case (POST /api/cases/{caseId}/comments)",
	 "cases", "c", case_comment_run},
	{"case push", case_push_args, CMD_MUTATES,
	 "push a case to an external system (POST /api/cases/{caseId}/connector/{connectorId}/_push)", "cases", "p",
	 case_push_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
