/* Timelines and their notes: timeline import, note delete. */
#include "config.h"
#include "cmd/audit.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/notes.h"
#include "api/timelines.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* timeline import: the upload, read and checked before the question. */
struct import_run {
	char *data;
	size_t len;
	struct timeline_ndjson_stats st;
};

static void import_run_free(void *p)
{
	struct import_run *r = p;
	free(r->data);
	free(r);
}

static const char *import_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void import_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *file = cmd_str(ctx, "file");
	struct import_run *run = ctx->state;
	const struct timeline_import_result *t = d->res.status == API_OK ? d->res.model : NULL;
	/* Kibana's success_count is what it imported; without one, what it did not report as failed. */
	long long done = !t ? 0 : t->success_count >= 0 ? t->success_count : (long long)run->st.lines - (long long)t->n_errors;
	struct audit_counts counts = {(long long)run->st.lines, done < 0 ? 0 : done, 0, t ? (long long)t->n_errors : 0};
	cmd_audit_bulk(ctx, &file, 1, d, t ? &counts : NULL);
	if (!t) {
		cmd_fail(ctx, CMD_EXIT_API, "importing timelines from %s failed: %s", file, d->res.message);
		return;
	}
	struct strbuf msg;
	strbuf_init(&msg);
	strbuf_printf(&msg, "Imported %lld timeline%s from %s", t->success_count < 0 ? 0 : t->success_count,
		      t->success_count == 1 ? "" : "s", import_basename(file));
	if (t->installed >= 0 || t->updated >= 0)
		strbuf_printf(&msg, " (%lld new, %lld updated)", t->installed < 0 ? 0 : t->installed,
			      t->updated < 0 ? 0 : t->updated);
	if (t->n_errors)
		strbuf_printf(&msg, "; %zu failed", t->n_errors);
	bool complete = audit_counts_complete(&counts);
	if (!complete && !t->n_errors)
		strbuf_printf(&msg, "; %zu in the file, so %lld not imported", run->st.lines,
			      counts.asked - counts.done);
	strbuf_putc(&msg, '.');
	static const char *const headers[] = {"TIMELINE", "STATUS", "ERROR", NULL};
	struct table tab;
	table_init(&tab, headers);
	table_set_flex(&tab, 2);
	for (size_t i = 0; i < t->n_errors; i++) {
		char status[24];
		snprintf(status, sizeof(status), "%lld", t->errors[i].status);
		const char *row[] = {t->errors[i].id ? t->errors[i].id : "-", t->errors[i].status >= 0 ? status : "-",
				     t->errors[i].message ? t->errors[i].message : "-"};
		table_add_row(&tab, row);
	}
	struct cmd_output out = {.kind = t->n_errors ? CMD_OUT_TABLE : CMD_OUT_MESSAGE, .message = msg.buf, .table = &tab,
				 .json = d->res.json};
	cmd_output(ctx, &out);
	table_free(&tab);
	if (!complete)
		cmd_fail(ctx, CMD_EXIT_API, "%s", msg.buf);
	else
		cmd_finish(ctx);
	strbuf_free(&msg);
}

static void import_go(struct cmd_ctx *ctx)
{
	struct import_run *r = ctx->state;
	const char *file = cmd_str(ctx, "file");
	cmd_submit(ctx, timelines_import_request(import_basename(file), r->data, r->len, cmd_flag(ctx, "immutable")),
		   import_done);
}

static void timeline_import_run(struct cmd_ctx *ctx)
{
	const char *file = cmd_str(ctx, "file");
	const char *ext = strrchr(import_basename(file), '.');
	/* Kibana lower-cases the extension before it checks it (x-pack/solutions/security/plugins/security_solution/
	 * server/lib/timeline/routes/timelines/import_timelines/index.ts): X.NDJSON is fine. */
	if (!ext || strcasecmp(ext, ".ndjson") != 0) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "Kibana imports timelines only from a file named *.ndjson (one timeline per line, as Kibana exports "
			 "them); %s is not one",
			 file);
		return;
	}
	struct import_run *r = xcalloc(1, sizeof(*r));
	ctx->state = r;
	ctx->state_free = import_run_free;
	char *err = NULL;
	r->data = opsutil_read_file(file, OPSUTIL_MAX_FILE, &r->len, &err);
	if (!r->data) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	timelines_ndjson_stats(r->data, r->len, &r->st);
	if (!r->st.lines) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s holds no timelines: an ndjson export has one JSON object per line", file);
		return;
	}
	if (r->st.n_bad)
		cmd_note(ctx, "warning: %zu line%s of %s (the first is line %zu) %s not a JSON object; Kibana will report %s",
			 r->st.n_bad, r->st.n_bad == 1 ? "" : "s", file, r->st.bad_line, r->st.n_bad == 1 ? "is" : "are",
			 r->st.n_bad == 1 ? "it" : "them");
	char *q = xasprintf("Import %zu timeline%s from %s%s?", r->st.lines, r->st.lines == 1 ? "" : "s", file,
			    cmd_flag(ctx, "immutable") ? " as immutable (they cannot be edited afterwards)" : "");
	cmd_confirm(ctx, q, NULL, import_go);
	free(q);
}

static void notes_deleted(struct cmd_ctx *ctx, struct worker_done *d)
{
	const struct cmd_value *ids = cmd_values(ctx, "noteId");
	cmd_audit(ctx, (const char *const *)ids->vals, ids->n, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "deleting %s failed: %s", ids->n == 1 ? "the note" : "the notes", d->res.message);
		return;
	}
	char *what = opsutil_count(ids->n, "note", "notes");
	char *msg = ids->n == 1 ? xasprintf("Deleted note %s.", ids->vals[0]) : xasprintf("Deleted %s.", what);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	free(what);
	cmd_finish(ctx);
}

static void notes_go(struct cmd_ctx *ctx)
{
	const struct cmd_value *ids = cmd_values(ctx, "noteId");
	cmd_submit(ctx, notes_delete_request((const char *const *)ids->vals, ids->n), notes_deleted);
}

static void note_delete_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *ids = cmd_values(ctx, "noteId");
	for (size_t i = 0; i < ids->n; i++) {
		for (size_t k = 0; k < i; k++) {
			if (!strcmp(ids->vals[i], ids->vals[k])) {
				cmd_fail(ctx, CMD_EXIT_USAGE, "note %s is given twice", ids->vals[i]);
				return;
			}
		}
	}
	/* No API reads a note by its id, so the ids name them. */
	char *list = opsutil_join(ids->vals, ids->n, ", ");
	char *q = ids->n == 1 ? xasprintf("Delete timeline note %s? This cannot be undone.", list)
			      : xasprintf("Delete %zu timeline notes (%s)? This cannot be undone.", ids->n, list);
	cmd_confirm(ctx, q, NULL, notes_go);
	free(q);
	free(list);
}

static const struct cmd_arg timeline_import_args[] = {
	{"file", CMD_ARG_FILE, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE,
	 "an .ndjson export of timelines, one per line"},
	{"immutable", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "import them as immutable (no later edits)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg note_delete_args[] = {
	{"noteId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE,
	 "the note's id (several allowed)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_timeline_defs[] = {
	{"timeline import", timeline_import_args, CMD_MUTATES,
	 "import timelines from an .ndjson export (POST /api/timeline/_import)", NULL, NULL, timeline_import_run},
	{"note delete", note_delete_args, CMD_MUTATES, "delete timeline notes (DELETE /api/note)", NULL, NULL,
	 note_delete_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
