#include "config.h"
#include "cmd/batch.h"
#include "cmd/batch_out.h"
#include "cmd/cmd.h"
#include "cmd/cmd_help.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The state of the one command a batch run executes. */
struct batch_state {
	bool done;
	int exit_code;
	bool quiet;
	bool at_line_start;  /* what went to stdout last ended its line */
	size_t bad;          /* rows of the answer (all its pieces) that could not be read */
	struct batch_out out;
};

static int batch_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	return c && atoi(c) > 20 ? atoi(c) : 80;
}

/* Output that cannot be written ends the command: a truncated file must not pass for a whole one. */
static void batch_write_failed(struct cmd_ctx *ctx)
{
	struct batch_state *st = ctx->host->udata;
	cmd_fail(ctx, CMD_EXIT_API, "cannot write the output: %s", strerror(st->out.err));
}

static void batch_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct batch_state *st = ctx->host->udata;
	st->bad += out->bad;
	enum batch_format fmt = ctx->ndjson ? BATCH_NDJSON : ctx->json ? BATCH_JSON : BATCH_TEXT;
	if (!batch_out_write(&st->out, out, fmt)) {
		batch_write_failed(ctx);
		return;
	}
	if (fmt != BATCH_TEXT && (out->json || out->part != CMD_PART_WHOLE))
		return;
	/* A table's title goes to the terminal, beside the rows rather than among them. */
	bool ends = out->part == CMD_PART_WHOLE || out->part == CMD_PART_LAST;
	if (out->kind == CMD_OUT_TABLE && ends && out->message && st->out.tty && !st->quiet) {
		char *clean = sanitize_str(out->message, SANITIZE_LINE);
		fprintf(stderr, "%s\n", clean);
		free(clean);
	}
}

/* A streamed reply goes to stdout as it arrives, sanitized like any server text; a failed write ends it. */
static void batch_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	struct batch_state *st = ctx->host->udata;
	bool ok = true;
	if (ev->kind == CMD_STREAM_TEXT) {
		char *clean = sanitize_str(ev->text, SANITIZE_TEXT);
		size_t len = strlen(clean);
		ok = batch_out_text(&st->out, clean, len);
		st->at_line_start = len ? clean[len - 1] == '\n' : st->at_line_start;
		free(clean);
	} else if (ev->kind == CMD_STREAM_END && !st->at_line_start) {
		ok = batch_out_text(&st->out, "\n", 1);
		st->at_line_start = true;
	}
	if (!ok || !batch_out_flush(&st->out))
		batch_write_failed(ctx);
}

static void batch_note(struct cmd_ctx *ctx, const char *text)
{
	struct batch_state *st = ctx->host->udata;
	if (st->quiet || !isatty(STDERR_FILENO))
		return;
	char *clean = sanitize_str(text, SANITIZE_LINE);
	fprintf(stderr, "%s\n", clean);
	free(clean);
}

static void batch_finished(struct cmd_ctx *ctx)
{
	struct batch_state *st = ctx->host->udata;
	st->done = true;
	st->exit_code = ctx->exit_code;
	/* Said whatever the output, --quiet or not (it is no progress note): rows that could not be read are shown
	 * as placeholders, or left out of --json. */
	if (st->bad)
		fprintf(stderr, "ktriage: %zu row%s of the answer could not be read (%s)\n", st->bad, st->bad == 1 ? "" : "s",
			ctx->json || ctx->ndjson ? "left out when unusable" : "shown as placeholders that say why");
	if (ctx->error) {
		char *clean = sanitize_str(ctx->error, SANITIZE_TEXT);
		fprintf(stderr, "ktriage: %s\n", clean);
		free(clean);
	}
}

int batch_run(const struct batch_options *o, const char *command_line)
{
	int argc;
	char **argv;
	char *err = NULL;
	if (tokenize(command_line, &argc, &argv, &err) < 0) {
		fprintf(stderr, "ktriage: -c: %s\n", err);
		free(err);
		return CMD_EXIT_USAGE;
	}
	if (argc == 0) {
		tokenize_free(argc, argv);
		fprintf(stderr, "ktriage: -c needs a command (ktriage help lists them)\n");
		return CMD_EXIT_USAGE;
	}
	char *why = NULL;
	int used;
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	if (def && (o->json || o->ndjson)) {
		/* The global --json becomes the command's own, right after its words, so the command
		 * knows (cases --all keeps JSON only then) and no "--" or rest argument can swallow it. */
		argv = xreallocarray(argv, (size_t)argc + 2, sizeof(char *));
		memmove(&argv[used + 1], &argv[used], (size_t)(argc - used + 1) * sizeof(char *));
		argv[used] = xstrdup(o->ndjson ? "--ndjson" : "--json");
		argc++;
	}
	/*
	 * Only a command that parses and is not asking for help talks to Kibana; usage
	 * errors and --help need no URL. An argv entry "--help" alone proves nothing: it
	 * may be an option's value or come after "--", and the command would then run
	 * without a worker.
	 */
	bool sends = false;
	if (def && !(def->flags & CMD_LOCAL)) {
		struct cmd_parsed parsed;
		char *perr = NULL;
		sends = cmd_parse_args(def, argc - used, argv + used, &parsed, &perr) == 0 && !parsed.help;
		cmd_parse_free(def, parsed.values);
		free(perr);
	}
	if (sends && !profile_usable(o->profile, &why)) {
		fprintf(stderr, "ktriage: %s\n", why);
		free(why);
		tokenize_free(argc, argv);
		return CMD_EXIT_USAGE;
	}
	struct worker *w = NULL;
	if (sends && !(w = worker_new(o->profile, &err))) {
		fprintf(stderr, "ktriage: %s\n", err);
		free(err);
		tokenize_free(argc, argv);
		return CMD_EXIT_API;
	}
	struct batch_state st = {.quiet = o->quiet, .at_line_start = true};
	batch_out_init(&st.out, stdout, isatty(STDOUT_FILENO), batch_width());
	struct cmd_host host = {
		.worker = w,
		.profile = o->profile,
		.readonly = o->readonly,
		.batch = true,
		.streams = true,
		.output = batch_output,
		.finished = batch_finished,
		.note = batch_note,
		.stream = batch_stream,
		.udata = &st,
	};
	if (cmd_start(&host, argc, argv, NULL, &err) < 0) {
		char *clean = sanitize_str(err, SANITIZE_TEXT);
		fprintf(stderr, "ktriage: %s\n", clean);
		free(clean);
		free(err);
		tokenize_free(argc, argv);
		worker_free(w);
		return CMD_EXIT_USAGE;
	}
	while (!st.done && w) {
		worker_wait(w, 1000);
		struct worker_done *d;
		while (!st.done && (d = worker_take(w)))
			worker_dispatch(d);
	}
	tokenize_free(argc, argv);
	worker_free(w);
	batch_out_free(&st.out);
	/* What is still buffered must reach the file too; a full disk shows here at the latest. */
	if (!batch_out_flush(&st.out) && st.exit_code == CMD_EXIT_OK) {
		fprintf(stderr, "ktriage: cannot write the output: %s\n", strerror(st.out.err));
		return CMD_EXIT_API;
	}
	return st.exit_code;
}

int batch_help(int argc, char **argv)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (argc == 1 && strcmp(argv[0], "--man-commands") == 0) {
		cmd_help_man(&sb);
	} else if (argc > 0) {
		int used;
		const struct cmd_def *def = cmd_lookup(argc, argv, &used);
		if (!def || used != argc) {
			fprintf(stderr, "ktriage: no command \"%s\" (ktriage help lists them)\n", argv[0]);
			strbuf_free(&sb);
			return CMD_EXIT_USAGE;
		}
		cmd_help_text(def, &sb);
	} else {
		cmd_help_list(&sb);
	}
	struct batch_out out;
	batch_out_init(&out, stdout, false, 0);
	bool ok = batch_out_text(&out, sb.buf, sb.len) && batch_out_flush(&out);
	strbuf_free(&sb);
	if (!ok) {
		fprintf(stderr, "ktriage: cannot write the output: %s\n", strerror(out.err));
		return CMD_EXIT_API;
	}
	return CMD_EXIT_OK;
}
