#include "config.h"
#include "cmd/cmd_help.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "cmd/registry.h"
#include "core/strbuf.h"
#include <string.h>

void cmd_help_list(struct strbuf *out)
{
	strbuf_puts(out, "Commands (at the : prompt, or ktriage -c 'COMMAND ...'; help COMMAND for details):\n\n");
	for (const struct cmd_def *const *d = cmd_all(); *d; d++)
		strbuf_printf(out, "  %-26s %s%s\n", (*d)->words, (*d)->help, (*d)->flags & CMD_MUTATES ? " [changes data]" : "");
}

void cmd_help_troff(struct strbuf *out, const char *s)
{
	if (*s == '.' || *s == '\'')
		strbuf_puts(out, "\\&");
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_puts(out, "\\e");
		else if (*s == '-')
			strbuf_puts(out, "\\-");
		else
			strbuf_putc(out, *s);
	}
}

void cmd_help_man(struct strbuf *out)
{
	strbuf_puts(out, ".SH COMMANDS\nThe same commands run at the \\fB:\\fR prompt and with \\fB\\-c\\fR.\n");
	struct strbuf usage;
	strbuf_init(&usage);
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		strbuf_reset(&usage);
		cmd_usage(*d, &usage);
		strbuf_puts(out, ".TP\n.B ");
		cmd_help_troff(out, usage.buf);
		strbuf_putc(out, '\n');
		cmd_help_troff(out, (*d)->help);
		if ((*d)->flags & CMD_MUTATES)
			strbuf_puts(out, " Changes data: asks for confirmation, needs \\fB\\-\\-yes\\fR in batch mode, refused with \\fB\\-\\-readonly\\fR, written to the audit log.");
		strbuf_putc(out, '\n');
		for (size_t i = 0; (*d)->args && (*d)->args[i].name; i++) {
			const struct cmd_arg *a = &(*d)->args[i];
			strbuf_puts(out, ".br\n\\ \\ ");
			if (a->flags & CMD_POSITIONAL)
				strbuf_printf(out, "\\fI%s\\fR: ", a->name);
			else {
				strbuf_puts(out, "\\fB\\-\\-");
				cmd_help_troff(out, a->name);
				strbuf_puts(out, "\\fR: ");
			}
			cmd_help_troff(out, a->help);
			strbuf_putc(out, '\n');
		}
	}
	strbuf_free(&usage);
}


static void help_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *words = cmd_values(ctx, "command");
	struct strbuf sb;
	strbuf_init(&sb);
	int used = 0;
	const struct cmd_def *def = words->n ? cmd_lookup((int)words->n, words->vals, &used) : NULL;
	if (words->n && (!def || used != (int)words->n)) {
		strbuf_free(&sb);
		cmd_fail(ctx, CMD_EXIT_USAGE, "no command \"%s\" (help lists them)", words->vals[0]);
		return;
	}
	if (def)
		cmd_help_text(def, &sb);
	else
		cmd_help_list(&sb);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = sb.buf};
	cmd_output(ctx, &out);
	strbuf_free(&sb);
	cmd_finish(ctx);
}

static const struct cmd_arg help_args[] = {
	{"command", CMD_ARG_STRING, CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE, "the command to describe"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_help_defs[] = {
	{"help", help_args, CMD_LOCAL, "list the commands, or describe one", NULL, NULL, help_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
