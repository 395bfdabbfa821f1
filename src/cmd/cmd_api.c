/*
 * api METHOD PATH [BODY | @FILE]: a raw console for anything the other commands do not
 * cover. Auth, the space and kbn-xsrf are applied by the worker as for every request; a
 * path that starts with /s/<space>/ names its space itself and is sent as typed. Any
 * method but GET counts as a change, and so do the GETs Kibana answers with a side effect
 * (rawreq_changes): refused read-only before anything is sent, confirmed, audited.
 */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/apierror.h"
#include "api/kjson.h"
#include "api/rawreq.h"
#include "core/record.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *const api_methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", NULL};

/* The request waiting for its confirmation, and how to name it. */
struct api_run {
	struct api_request *req;   /* owned until submitted */
	char *label;               /* "POST /api/streams/_resync" */
	bool changes;
};

static void api_run_free(void *p)
{
	struct api_run *r = p;
	api_request_free(r->req);
	free(r->label);
	free(r);
}

/* Show a JSON answer: the JSON itself with --json and in batch mode, a JSON viewer in the TUI. */
static void api_show_json(struct cmd_ctx *ctx, json_t *json, const char *title)
{
	char *pretty = json_dumps(json, JSON_INDENT(2) | JSON_ENCODE_ANY);
	struct record r;
	record_init(&r);
	record_add_block(&r, "response", pretty ? pretty : "");
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .message = title, .record = &r, .json = json};
	cmd_output(ctx, &out);
	record_free(&r);
	free(pretty);
}

static void api_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct api_run *r = ctx->state;
	if (r->changes) {
		const char *target = r->label;
		cmd_audit(ctx, &target, 1, d, NULL);
	}
	struct api_result *res = &d->res;
	if (res->status != API_OK && res->status != API_ERR_HTTP) {
		cmd_fail_api(ctx, d);
		return;
	}
	char *title = xasprintf("%s: HTTP %ld", r->label, res->http_status);
	json_t *json = json_incref(res->json);
	if (!json && res->status == API_ERR_HTTP && res->body_len && apierror_is_json_type(res->content_type)) {
		/* Kibana's error body, shown whole; when it is not JSON, the message says enough. */
		char *perr = NULL;
		json = kjson_parse(res->body, res->body_len, &perr);
		free(perr);
	}
	if (json) {
		api_show_json(ctx, json, title);
	} else if (res->status == API_OK) {
		char *msg = res->body_len ? xasprintf("%s\n%s", title, res->body) : xasprintf("%s (no content)", title);
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg};
		cmd_output(ctx, &out);
		free(msg);
	}
	json_decref(json);
	free(title);
	if (res->status != API_OK)
		cmd_fail_api(ctx, d);
	else
		cmd_finish(ctx);
}

static void api_go(struct cmd_ctx *ctx)
{
	struct api_run *r = ctx->state;
	struct api_request *req = r->req;
	r->req = NULL;
	cmd_submit(ctx, req, api_done);
}

static void api_run(struct cmd_ctx *ctx)
{
	enum http_method m;
	api_method_parse(cmd_str(ctx, "method"), &m);
	const char *path = cmd_str(ctx, "path"), *body = cmd_str(ctx, "body");
	char *file = NULL, *err = NULL;
	size_t len = body ? strlen(body) : 0;
	if (body && body[0] == '@') {
		file = opsutil_read_file(body + 1, OPSUTIL_MAX_FILE, &len, &err);
		if (!file) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
			free(err);
			return;
		}
		body = file;
	}
	struct api_request *req = rawreq_new(m, path, body, len, &err);
	free(file);
	if (!req) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	/* The answer is JSON whatever the command line says: print it as JSON in batch mode. */
	ctx->json = true;
	struct api_run *r = xcalloc(1, sizeof(*r));
	r->req = req;
	r->label = xasprintf("%s %s%s", api_method_name(m), req->path, req->query ? req->query : "");
	const char *change = rawreq_changes(req);
	r->changes = change != NULL;
	ctx->state = r;
	ctx->state_free = api_run_free;
	if (!r->changes) {
		api_go(ctx);
		return;
	}
	char *q = req->body ? xasprintf("Send %s with a %zu-byte JSON body? Kibana may change data.", r->label, req->body_len)
		  : m == HTTP_GET ? xasprintf("Send %s? It %s.", r->label, change)
				  : xasprintf("Send %s? Kibana may change data.", r->label);
	char *what = m == HTTP_GET ? xasprintf("api %s (it %s)", r->label, change) : xasprintf("api %s", api_method_name(m));
	opsutil_change(ctx, what, q, api_go);
	free(what);
	free(q);
}

static const struct cmd_arg api_args[] = {
	{"method", CMD_ARG_ENUM, CMD_REQUIRED | CMD_POSITIONAL, api_methods, CMD_ID_NONE,
	 "HTTP method; anything but GET counts as a change, as do GETs Kibana answers with one"},
	{"path", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE,
	 "path and ?query, e.g. /api/cases/_find?perPage=5; /s/SPACE/... is sent as typed, any other path gets the "
	 "profile's space"},
	{"body", CMD_ARG_JSON, CMD_POSITIONAL, NULL, CMD_ID_NONE, "JSON request body, or @FILE to read it from a file"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_api_defs[] = {
	{"api", api_args, 0, "send any request to Kibana and browse the JSON answer (GET|POST|PUT|PATCH|DELETE /any/path)", NULL, NULL,
	 api_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
