#include "config.h"
#include "cmd/cmd.h"
#include "cmd/audit.h"
#include "cmd/gather.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One submitted request of a command. */
struct cmd_job {
	struct worker_sink sink;
	struct cmd_ctx *ctx;
	cmd_step_fn step;
	cmd_piece_fn piece;   /* streamed requests: each piece of the body */
};

static void cmd_free(struct cmd_ctx *ctx)
{
	if (ctx->state && ctx->state_free)
		ctx->state_free(ctx->state);
	cmd_parse_free(ctx->def, ctx->values);
	cmd_gather_free(ctx->gather);
	free(ctx->jobs);
	free(ctx->error);
	free(ctx);
}

/* Tell the front end the command is over once nothing is in flight. */
static void cmd_maybe_end(struct cmd_ctx *ctx)
{
	if (!ctx->finishing || ctx->n_jobs)
		return;
	ctx->host->finished(ctx);
	cmd_free(ctx);
}

static void cmd_forget_job(struct cmd_ctx *ctx, uint64_t id)
{
	for (size_t i = 0; i < ctx->n_jobs; i++) {
		if (ctx->jobs[i] == id) {
			ctx->jobs[i] = ctx->jobs[--ctx->n_jobs];
			return;
		}
	}
}

static void cmd_job_deliver(struct worker_sink *sink, struct worker_done *done)
{
	struct cmd_job *job = (struct cmd_job *)sink;
	struct cmd_ctx *ctx = job->ctx;
	if (done->partial) {
		/* A piece: the job goes on. */
		if (!ctx->finishing && job->piece)
			job->piece(ctx, done->res.body, done->res.body_len);
		worker_done_free(done);
		return;
	}
	/* The job counts as in flight until its step returns, so the step can finish the command safely. */
	if (!ctx->finishing)
		job->step(ctx, done);
	cmd_forget_job(ctx, done->id);
	worker_done_free(done);
	free(job);
	cmd_maybe_end(ctx);
}

/* A request of the command waits to be retried: say so once per wait (not every second of its countdown). */
static void cmd_job_note(struct worker_sink *sink, const struct worker_done *done)
{
	struct cmd_job *job = (struct cmd_job *)sink;
	if (!done->tick && !job->ctx->finishing)
		cmd_note(job->ctx, "%s", done->res.message);
}

static uint64_t cmd_submit_job(struct cmd_ctx *ctx, struct api_request *req, cmd_step_fn step, cmd_piece_fn piece)
{
	struct cmd_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = cmd_job_deliver;
	job->sink.note = cmd_job_note;
	job->ctx = ctx;
	job->step = step;
	job->piece = piece;
	uint64_t id = worker_submit(ctx->host->worker, req, 0, job);
	ctx->jobs = xreallocarray(ctx->jobs, ctx->n_jobs + 1, sizeof(uint64_t));
	ctx->jobs[ctx->n_jobs++] = id;
	return id;
}

uint64_t cmd_submit(struct cmd_ctx *ctx, struct api_request *req, cmd_step_fn step)
{
	return cmd_submit_job(ctx, req, step, NULL);
}

uint64_t cmd_submit_stream(struct cmd_ctx *ctx, struct api_request *req, cmd_piece_fn piece, cmd_step_fn step)
{
	req->stream = true;
	return cmd_submit_job(ctx, req, step, piece);
}

void cmd_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	if (ctx->host->stream) {
		ctx->host->stream(ctx, ev);
		return;
	}
	if (ev->kind == CMD_STREAM_END && ev->text) {
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = ev->text};
		cmd_output(ctx, &out);
	}
}

void cmd_finish(struct cmd_ctx *ctx)
{
	if (ctx->finishing)
		return;
	ctx->finishing = true;
	/* Whatever is still running is no longer wanted. */
	for (size_t i = 0; i < ctx->n_jobs; i++)
		worker_cancel(ctx->host->worker, ctx->jobs[i]);
	cmd_maybe_end(ctx);
}

void cmd_fail(struct cmd_ctx *ctx, int exit_code, const char *fmt, ...)
{
	if (ctx->finishing)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	free(ctx->error);
	ctx->error = text;
	ctx->exit_code = exit_code;
	cmd_finish(ctx);
}

void cmd_fail_api(struct cmd_ctx *ctx, const struct worker_done *done)
{
	cmd_fail(ctx, CMD_EXIT_API, "%s", done->res.message ? done->res.message : "request failed");
}

void cmd_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	if (out->part != CMD_PART_WHOLE && !ctx->host->streams)
		cmd_gather_piece(ctx, out);
	else
		ctx->host->output(ctx, out);
}

void cmd_note(struct cmd_ctx *ctx, const char *fmt, ...)
{
	if (!ctx->host->note)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	ctx->host->note(ctx, text);
	free(text);
}

void cmd_confirm(struct cmd_ctx *ctx, const char *question, const char *word, void (*then)(struct cmd_ctx *ctx))
{
	if (ctx->yes) {
		then(ctx);
		return;
	}
	if (ctx->host->batch || !ctx->host->confirm) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "\"%s\" changes data; add --yes to run it without a prompt (%s)",
			 ctx->def->words, question);
		return;
	}
	ctx->on_confirm = then;
	ctx->host->confirm(ctx, question, word);
}

void cmd_confirmed(struct cmd_ctx *ctx, bool yes)
{
	void (*then)(struct cmd_ctx *) = ctx->on_confirm;
	ctx->on_confirm = NULL;
	if (yes && then) {
		then(ctx);
		return;
	}
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = "Cancelled; nothing was changed."};
	cmd_output(ctx, &out);
	cmd_finish(ctx);
}

char *cmd_bulk_summary(const struct audit_counts *c, const char *verb)
{
	return xasprintf("Kibana %s %lld of %lld (%lld version conflict%s, %lld failure%s)", verb, c->done, c->asked,
			 c->conflicts, c->conflicts == 1 ? "" : "s", c->failures, c->failures == 1 ? "" : "s");
}

/* The audit log entry of a request, with a bulk change's counts when there are any. */
static void cmd_audit_entry(struct cmd_ctx *ctx, const char *const *targets, size_t n_targets,
			    const struct worker_done *done, const char *result_id, const struct audit_counts *counts)
{
	const struct profile *p = ctx->host->profile;
	struct audit_entry e = {
		.profile = p->name,
		.url = p->url,
		.space = p->space,
		.command = ctx->def->words,
		.targets = targets,
		.n_targets = n_targets,
		.http_status = done ? done->res.http_status : 0,
		.outcome = !done ? "not sent" : done->res.status == API_OK ? "ok" : done->res.message,
		.result_id = result_id,
		.counts = counts,
	};
	char *partial = NULL;
	if (done && done->res.status == API_OK && counts && !audit_counts_complete(counts)) {
		char *what = cmd_bulk_summary(counts, "did");
		partial = xasprintf("%s: %s", counts->done ? "partial" : "not done", what);
		free(what);
		e.outcome = partial;
	}
	char *err = NULL;
	if (audit_append(&e, &err) < 0) {
		cmd_note(ctx, "warning: %s", err);
		free(err);
	}
	free(partial);
}

void cmd_audit(struct cmd_ctx *ctx, const char *const *targets, size_t n_targets, const struct worker_done *done,
	       const char *result_id)
{
	cmd_audit_entry(ctx, targets, n_targets, done, result_id, NULL);
}

void cmd_audit_bulk(struct cmd_ctx *ctx, const char *const *targets, size_t n_targets, const struct worker_done *done,
		    const struct audit_counts *counts)
{
	cmd_audit_entry(ctx, targets, n_targets, done, NULL, counts);
}

const struct cmd_value *cmd_values(const struct cmd_ctx *ctx, const char *name)
{
	for (size_t i = 0; ctx->def->args && ctx->def->args[i].name; i++)
		if (strcmp(ctx->def->args[i].name, name) == 0)
			return &ctx->values[i];
	return NULL;
}

const char *cmd_str(const struct cmd_ctx *ctx, const char *name)
{
	const struct cmd_value *v = cmd_values(ctx, name);
	return v && v->n ? v->vals[0] : NULL;
}

long cmd_int(const struct cmd_ctx *ctx, const char *name, long dflt)
{
	const char *s = cmd_str(ctx, name);
	return s ? strtol(s, NULL, 10) : dflt;
}

bool cmd_paging(struct cmd_ctx *ctx, long dflt, long max, long *page, long *per_page)
{
	*page = cmd_int(ctx, "page", 1);
	*per_page = cmd_int(ctx, "per-page", dflt);
	if (*page < 1) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--page counts from 1");
		return false;
	}
	if (*per_page < 1 || *per_page > max) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--per-page must be between 1 and %ld", max);
		return false;
	}
	return true;
}

bool cmd_flag(const struct cmd_ctx *ctx, const char *name)
{
	return cmd_str(ctx, name) != NULL;
}

int cmd_start(const struct cmd_host *host, int argc, char **argv, void *front, char **err)
{
	int used = 0;
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	if (!def) {
		*err = argc ? xasprintf("unknown command \"%s\" (ktriage help lists them)", argv[0])
			    : xstrdup("no command given (ktriage help lists them)");
		return -1;
	}
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc - used, argv + used, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return -1;
	}
	struct cmd_ctx *ctx = xcalloc(1, sizeof(*ctx));
	ctx->host = host;
	ctx->def = def;
	ctx->values = parsed.values;
	ctx->yes = parsed.yes;
	ctx->json = parsed.json;
	ctx->ndjson = parsed.ndjson;
	ctx->front = front;
	if (parsed.help) {
		struct strbuf sb;
		strbuf_init(&sb);
		cmd_help_text(def, &sb);
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = sb.buf};
		cmd_output(ctx, &out);
		strbuf_free(&sb);
		cmd_finish(ctx);
		return 0;
	}
	if ((def->flags & CMD_MUTATES) && host->readonly) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "read-only mode: \"%s\" changes data and was refused before anything was sent "
			 "(drop --readonly, or set readonly = false in profile \"%s\")",
			 def->words, host->profile->name);
		return 0;
	}
	def->run(ctx);
	return 0;
}
