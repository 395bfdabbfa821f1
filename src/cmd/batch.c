#include "config.h"
#include "cmd/batch.h"
#include "cmd/cmd.h"
#include "cmd/cmd_help.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/table.h"
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
};

static int batch_width(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	return c && atoi(c) > 20 ? atoi(c) : 80;
}

static void batch_print_json(json_t *j)
{
	/* On a terminal, escape non-ASCII so no server byte can act as a control sequence. */
	size_t flags = JSON_INDENT(2) | JSON_ENCODE_ANY | (isatty(STDOUT_FILENO) ? JSON_ENSURE_ASCII : 0);
	json_dumpf(j, stdout, flags);
	fputc('\n', stdout);
}

static void batch_print_text(const char *s, enum sanitize_mode mode)
{
	char *clean = sanitize_str(s, mode);
	fputs(clean, stdout);
	fputc('\n', stdout);
	free(clean);
}

static void batch_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct batch_state *st = ctx->host->udata;
	/* Said whatever the output, --quiet or not (it is no progress note): rows that could not be read are shown
	 * as placeholders, or left out of --json. */
	if (out->bad)
		fprintf(stderr, "ktriage: %zu row%s of the answer could not be read (%s)\n", out->bad, out->bad == 1 ? "" : "s",
			ctx->json ? "left out when unusable" : "shown as placeholders that say why");
	if (ctx->json && out->json) {
		batch_print_json(out->json);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	bool tty = isatty(STDOUT_FILENO);
	switch (out->kind) {
	case CMD_OUT_MESSAGE:
		batch_print_text(out->message, SANITIZE_TEXT);
		break;
	case CMD_OUT_TABLE:
		if (tty)
			table_render_fit(out->table, batch_width(), &sb);
		else
			table_render_plain(out->table, &sb);
		fputs(sb.buf, stdout);
		if (out->message && tty && !st->quiet) {
			char *clean = sanitize_str(out->message, SANITIZE_LINE);
			fprintf(stderr, "%s\n", clean);
			free(clean);
		}
		break;
	case CMD_OUT_RECORD:
		if (out->message)
			batch_print_text(out->message, SANITIZE_LINE);
		record_render(out->record, &sb);
		fputs(sb.buf, stdout);
		break;
	}
	strbuf_free(&sb);
	fflush(stdout);
}

/* A streamed reply goes to stdout as it arrives, sanitized like any server text. */
static void batch_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	struct batch_state *st = ctx->host->udata;
	if (ev->kind == CMD_STREAM_TEXT) {
		char *clean = sanitize_str(ev->text, SANITIZE_TEXT);
		fputs(clean, stdout);
		st->at_line_start = *clean ? clean[strlen(clean) - 1] == '\n' : st->at_line_start;
		free(clean);
	} else if (ev->kind == CMD_STREAM_END && !st->at_line_start) {
		fputc('\n', stdout);
		st->at_line_start = true;
	}
	fflush(stdout);
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
	if (def && o->json) {
		/* The global --json becomes the command's own, right after its words, so the command
		 * knows (cases --all keeps JSON only then) and no "--" or rest argument can swallow it. */
		argv = xreallocarray(argv, (size_t)argc + 2, sizeof(char *));
		memmove(&argv[used + 1], &argv[used], (size_t)(argc - used + 1) * sizeof(char *));
		argv[used] = xstrdup("--json");
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
	struct cmd_host host = {
		.worker = w,
		.profile = o->profile,
		.readonly = o->readonly,
		.batch = true,
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
	fputs(sb.buf, stdout);
	strbuf_free(&sb);
	return CMD_EXIT_OK;
}
