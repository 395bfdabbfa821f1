/* Response-action history: the list, one action with its outputs, and the files actions leave (saved, never unpacked). */
#include "config.h"
#include "cmd/actionfmt.h"
#include "cmd/cmd.h"
#include "cmd/listpage.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/actions.h"
#include "core/record.h"
#include "core/table.h"
#include "core/xalloc.h"
#include "core/strbuf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Actions per page unless --per-page says otherwise. */
#define ACTIONS_DEFAULT_PAGE 20

static void actions_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct action_page *p = d->res.model;
	char *title = xasprintf("%zu of %lld response actions (page %lld)", p->n, p->total, p->page);
	const struct listpage lp = {.columns = actionfmt_columns, .rows = p->items, .n = p->n, .size = sizeof(*p->items),
				     .bad = p->bad, .json = d->res.json, .items_path = "data", .title = title};
	listpage_output(ctx, &lp);
	free(title);
	cmd_finish(ctx);
}

static void actions_run(struct cmd_ctx *ctx)
{
	long page, per_page;
	if (!cmd_paging(ctx, ACTIONS_DEFAULT_PAGE, ACTIONS_MAX_PAGE_SIZE, &page, &per_page))
		return;
	struct actions_query q;
	char *err = query_fill(&actionfmt_query, ctx->def, ctx->values, &q);
	if (err) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	q.page = page;
	q.page_size = per_page;
	cmd_submit(ctx, actions_list_request(&q), actions_done);
}

static void action_show_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct record r;
	record_init(&r);
	actionfmt_record(&r, d->res.model);
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = d->res.json};
	cmd_output(ctx, &out);
	record_free(&r);
	cmd_finish(ctx);
}

static void action_show_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, actions_get_request(cmd_str(ctx, "actionId")), action_show_done);
}

/* ---- the files an action left: listed, and saved as Kibana serves them ---- */

/* What `action files` and `action download` find out, step by step. */
struct action_files {
	struct response_action action;
	char **file_ids;            /* one per agent whose file Kibana keeps */
	char **hosts;               /* the host of each (name, else agent id), borrowed from action */
	struct action_file **infos; /* answers, in file_ids' order (NULL until they come) */
	size_t n, answered;
	struct action_file *chosen; /* download: the info of the file saved */
};

static void action_files_free(void *p)
{
	struct action_files *f = p;
	for (size_t i = 0; i < f->n; i++) {
		free(f->file_ids[i]);
		kmodel_free(&actions_file_model, f->infos[i]);
	}
	free(f->file_ids);
	free(f->hosts);
	free(f->infos);
	kmodel_free(&actions_file_model, f->chosen);
	actions_action_clear(&f->action);
	free(f);
}

/* "(password: elastic, as Kibana's documentation says)" or where to find it; caller frees. */
static char *action_files_password(const char *agent_type)
{
	const char *pw = actions_zip_password(agent_type);
	return pw ? xasprintf("zip password: %s (Kibana's documentation: open it only in a safe environment)", pw)
		  : xasprintf("zip password: see Kibana's documentation for %s agents", agent_type ? agent_type : "these");
}

/* The action's files, or a failure saying why it has none (yet). */
static bool action_files_of(struct cmd_ctx *ctx, struct action_files *f)
{
	const struct response_action *a = &f->action;
	if (!actions_has_files(a->command, a->agent_type)) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s actions leave no files in Kibana (get-file and execute do, on Elastic Defend)",
			 a->command);
		return false;
	}
	if (!a->is_completed) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s action %s is %s: its files come when it is done", a->command, a->id,
			 a->is_expired ? "expired" : "still pending");
		return false;
	}
	f->file_ids = xcalloc(a->n_agents + 1, sizeof(char *));
	f->hosts = xcalloc(a->n_agents + 1, sizeof(char *));
	f->infos = xcalloc(a->n_agents + 1, sizeof(*f->infos));
	for (size_t i = 0; i < a->n_agents; i++) {
		/* An agent that failed sent nothing to keep. */
		if (!json_object_get(a->outputs, a->agents[i]))
			continue;
		f->hosts[f->n] = a->hosts[i] ? a->hosts[i] : a->agents[i];
		f->file_ids[f->n++] = actions_file_id(a, a->agents[i]);
	}
	if (!f->n) {
		cmd_fail(ctx, CMD_EXIT_API, "%s action %s failed on every host: it left no file", a->command, a->id);
		return false;
	}
	return true;
}

static void action_files_listed(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	struct action_file *got = d->res.model;
	for (size_t i = 0; i < f->n; i++) {
		if (!f->infos[i] && got->id && !strcmp(got->id, f->file_ids[i])) {
			f->infos[i] = got;
			d->res.model = NULL;
			break;
		}
	}
	if (++f->answered < f->n)
		return;
	static const char *const headers[] = {"FILE", "HOST", "NAME", "SIZE", "STATUS", NULL};
	struct table t;
	table_init(&t, headers);
	for (size_t i = 0; i < f->n; i++) {
		const struct action_file *info = f->infos[i];
		char size[32] = "-";
		if (info && info->size >= 0)
			snprintf(size, sizeof(size), "%lld", info->size);
		const char *row[] = {f->file_ids[i], f->hosts[i], info && info->name ? info->name : "-", size,
				     info && info->status ? info->status : "-"};
		table_add_row(&t, row);
	}
	char *pw = action_files_password(f->action.agent_type);
	char *title = xasprintf("%zu file%s of %s action %s; %s", f->n, f->n == 1 ? "" : "s", f->action.command,
				f->action.id, pw);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = d->res.json};
	cmd_output(ctx, &out);
	free(title);
	free(pw);
	table_free(&t);
	cmd_finish(ctx);
}

/* The action is in: kept, and its files known; false when the command failed instead. */
static bool action_files_take(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return false;
	}
	actions_action_move(&f->action, d->res.model);
	return action_files_of(ctx, f);
}

static void action_files_got_action(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (!action_files_take(ctx, d))
		return;
	for (size_t i = 0; i < f->n; i++)
		cmd_submit(ctx, actions_file_info_request(f->action.id, f->file_ids[i]), action_files_listed);
}

static void action_files_run(struct cmd_ctx *ctx)
{
	ctx->state = xcalloc(1, sizeof(struct action_files));
	ctx->state_free = action_files_free;
	cmd_submit(ctx, actions_get_request(cmd_str(ctx, "actionId")), action_files_got_action);
}

/* A local file name from the one Kibana gives: its last part, with nothing a shell or a path could misread. */
static char *action_download_name(const char *served)
{
	const char *base = served ? served : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	struct strbuf sb;
	strbuf_init(&sb);
	for (const char *p = base; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			  *p == '.' || *p == '-' || *p == '_' || *p == '+';
		if (!(sb.len == 0 && *p == '.'))
			strbuf_putc(&sb, ok ? *p : '_');
	}
	if (!sb.len)
		strbuf_puts(&sb, "download.zip");
	return strbuf_detach(&sb, NULL);
}

/* Write the zip to path, never over an existing file; 0, or -1 with *err. */
static int action_download_save(const char *path, const char *data, size_t len, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = errno == EEXIST ? xasprintf("%s already exists: nothing was overwritten (give -o another path)", path)
				       : xasprintf("cannot create %s: %s", path, strerror(errno));
		return -1;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*err = xasprintf("cannot write %s: %s", path, n < 0 ? strerror(errno) : "short write");
			close(fd);
			unlink(path);
			return -1;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

static void action_download_got(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const char *out_arg = cmd_str(ctx, "output");
	char *name = action_download_name(f->chosen->name);
	struct stat st;
	char *path = !out_arg ? xstrdup(name)
		     : stat(out_arg, &st) == 0 && S_ISDIR(st.st_mode) ? xasprintf("%s/%s", out_arg, name)
								       : xstrdup(out_arg);
	char *err = NULL;
	if (action_download_save(path, d->res.body, d->res.body_len, &err) < 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
	} else {
		char *pw = action_files_password(f->action.agent_type);
		/* Where it went and the password first: a status line shows the start. */
		char *msg = xasprintf("Saved to %s: a password-protected zip, unopened; %s. It is %s (%zu bytes) from %s's %s "
				      "action.", path, pw, f->chosen->name ? f->chosen->name : name, d->res.body_len,
				      f->hosts[0] ? f->hosts[0] : "the host", f->action.command);
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg};
		cmd_output(ctx, &out);
		free(msg);
		free(pw);
		cmd_finish(ctx);
	}
	free(path);
	free(name);
}

static void action_download_info(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	f->chosen = d->res.model;
	d->res.model = NULL;
	if (!f->chosen->status || strcmp(f->chosen->status, "READY") != 0) {
		cmd_fail(ctx, CMD_EXIT_API, "file %s is %s in Kibana: it can be downloaded once it is READY", f->chosen->id,
			 f->chosen->status ? f->chosen->status : "in an unknown state");
		return;
	}
	cmd_submit(ctx, actions_file_download_request(f->action.id, f->chosen->id), action_download_got);
}

static void action_download_got_action(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct action_files *f = ctx->state;
	if (!action_files_take(ctx, d))
		return;
	const char *want = cmd_str(ctx, "fileId");
	size_t pick = 0;
	if (want) {
		while (pick < f->n && strcmp(f->file_ids[pick], want) != 0)
			pick++;
		if (pick == f->n) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "action %s has no file %s (ktriage -c 'action files %s' lists them)",
				 f->action.id, want, f->action.id);
			return;
		}
	} else if (f->n > 1) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "action %s left %zu files, one per host: say which (ktriage -c 'action files %s')",
			 f->action.id, f->n, f->action.id);
		return;
	}
	/* The one saved goes first: the message names its host. */
	char *host = f->hosts[pick];
	f->hosts[pick] = f->hosts[0];
	f->hosts[0] = host;
	cmd_submit(ctx, actions_file_info_request(f->action.id, f->file_ids[pick]), action_download_info);
}

static void action_download_run(struct cmd_ctx *ctx)
{
	ctx->state = xcalloc(1, sizeof(struct action_files));
	ctx->state_free = action_files_free;
	cmd_submit(ctx, actions_get_request(cmd_str(ctx, "actionId")), action_download_got_action);
}

static const struct cmd_arg actions_args[] = {
	{"command", CMD_ARG_ENUM, CMD_MULTI, actions_command_names, CMD_ID_NONE, "only actions of this command (repeatable)"},
	{"agent", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_ENDPOINT, "only actions sent to this endpoint id (repeatable)"},
	{"page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "page number, from 1"},
	{"per-page", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "actions per page (default 20)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg action_id_arg[] = {
	{"actionId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ACTION, "the response action id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg action_download_args[] = {
	{"actionId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_ACTION, "the get-file or execute action"},
	{"fileId", CMD_ARG_STRING, CMD_POSITIONAL, NULL, CMD_ID_NONE,
	 "which file (action files lists them; needed only when the action ran on several hosts)"},
	{"output", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "where to save it, a file or a folder (-o; default: its name, here)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_actions_defs[] = {
	{"actions", actions_args, CMD_LIST, "list response actions, newest first (GET /api/endpoint/action)", "actions",
	 NULL, actions_run},
	{"action show", action_id_arg, CMD_DETAIL, "show one response action with its outputs (GET /api/endpoint/action/{action_id})",
	 "actions", NULL, action_show_run},
	{"action files", action_id_arg, 0,
	 "the files an action left in Kibana, one per host (GET /api/endpoint/action/{action_id}/file/{file_id})",
	 "actions", NULL, action_files_run},
	{"action download", action_download_args, 0,
	 "save an action's file as Kibana serves it, a password-protected zip, never unpacked "
	 "(GET /api/endpoint/action/{action_id}/file/{file_id}/download)",
	 "actions", "D", action_download_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
