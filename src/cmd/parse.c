#include "config.h"
#include "cmd/parse.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t cmd_arg_count(const struct cmd_def *def)
{
	size_t n = 0;
	while (def->args && def->args[n].name)
		n++;
	return n;
}

static void cmd_value_add(struct cmd_value *v, const char *s)
{
	v->vals = xreallocarray(v->vals, v->n + 2, sizeof(char *));
	v->vals[v->n++] = xstrdup(s);
	v->vals[v->n] = NULL;
}

void cmd_parse_free(const struct cmd_def *def, struct cmd_value *values)
{
	if (!values)
		return;
	for (size_t i = 0; i < cmd_arg_count(def); i++) {
		for (size_t j = 0; j < values[i].n; j++)
			free(values[i].vals[j]);
		free(values[i].vals);
	}
	free(values);
}

char *cmd_check_value(const struct cmd_arg *arg, const char *value)
{
	switch (arg->type) {
	case CMD_ARG_INT: {
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);
		if (errno || end == value || *end || v < 0)
			return xasprintf("--%s takes a whole number, not \"%s\"", arg->name, value);
		return NULL;
	}
	case CMD_ARG_ENUM: {
		struct strbuf sb;
		strbuf_init(&sb);
		for (int i = 0; arg->choices[i]; i++) {
			if (strcmp(arg->choices[i], value) == 0) {
				strbuf_free(&sb);
				return NULL;
			}
			strbuf_printf(&sb, "%s%s", i ? ", " : "", arg->choices[i]);
		}
		/* The argument's help says what the choices are (and, for some, why there are no others). */
		char *m = xasprintf("%s must be one of %s (got \"%s\"); %s: %s", arg->name, sb.buf, value, arg->name,
				    arg->help);
		strbuf_free(&sb);
		return m;
	}
	case CMD_ARG_FILE:
		if (access(value, R_OK) != 0)
			return xasprintf("cannot read %s: %s", value, strerror(errno));
		return NULL;
	case CMD_ARG_STRING:
	case CMD_ARG_TEXT:
	case CMD_ARG_JSON:
		if (!*value)
			return xasprintf("%s must not be empty", arg->name);
		return NULL;
	case CMD_ARG_FLAG:
		return NULL;
	}
	return NULL;
}

static const struct cmd_arg *cmd_option(const struct cmd_def *def, const char *name, size_t len, size_t *idx)
{
	for (size_t i = 0; def->args && def->args[i].name; i++) {
		const struct cmd_arg *a = &def->args[i];
		if (!(a->flags & CMD_POSITIONAL) && strlen(a->name) == len && strncmp(a->name, name, len) == 0) {
			*idx = i;
			return a;
		}
	}
	return NULL;
}

/* One-letter spellings of options, for commands that have the long one: -o PATH is --output PATH. */
static const struct {
	char letter;
	const char *name;
} cmd_short_options[] = {
	{'o', "output"},
};

/* The long name a word "-x" stands for in def, or NULL. */
static const char *cmd_short_option(const struct cmd_def *def, const char *word)
{
	if (word[0] != '-' || !word[1] || word[1] == '-' || word[2])
		return NULL;
	for (size_t i = 0; i < sizeof(cmd_short_options) / sizeof(*cmd_short_options); i++) {
		size_t idx;
		const char *name = cmd_short_options[i].name;
		if (cmd_short_options[i].letter == word[1] && cmd_option(def, name, strlen(name), &idx))
			return name;
	}
	return NULL;
}

static int cmd_parse_fail(const struct cmd_def *def, char **err, char *msg)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s\nusage: ", msg);
	cmd_usage(def, &sb);
	free(msg);
	*err = strbuf_detach(&sb, NULL);
	return -1;
}

static int cmd_parse_common(const struct cmd_def *def, int argc, char **argv, struct cmd_parsed *out, char **err,
			    bool require)
{
	size_t nargs = cmd_arg_count(def);
	memset(out, 0, sizeof(*out));
	out->values = xcalloc(nargs + 1, sizeof(struct cmd_value));
	size_t next_pos = 0;
	bool options_done = false;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		/* Once a rest-of-line positional has started, every word is its value. */
		if (next_pos < nargs && (def->args[next_pos].flags & CMD_REST) && out->values[next_pos].n) {
			cmd_value_add(&out->values[next_pos], a);
			continue;
		}
		if (!options_done && strcmp(a, "--") == 0) {
			options_done = true;
			continue;
		}
		const char *letter = options_done ? NULL : cmd_short_option(def, a);
		if (!options_done && ((a[0] == '-' && a[1] == '-' && a[2]) || letter)) {
			const char *name = letter ? letter : a + 2, *eq = letter ? NULL : strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			if (len == 3 && !strncmp(name, "yes", 3) && !eq) {
				out->yes = true;
				continue;
			}
			if (len == 4 && !strncmp(name, "json", 4) && !eq) {
				out->json = true;
				continue;
			}
			if (len == 6 && !strncmp(name, "ndjson", 6) && !eq) {
				out->json = out->ndjson = true;
				continue;
			}
			if (len == 4 && !strncmp(name, "help", 4) && !eq) {
				out->help = true;
				continue;
			}
			size_t idx;
			const struct cmd_arg *arg = cmd_option(def, name, len, &idx);
			if (!arg)
				return cmd_parse_fail(def, err, xasprintf("unknown option --%.*s for \"%s\"", (int)len, name, def->words));
			if (arg->type == CMD_ARG_FLAG) {
				if (eq)
					return cmd_parse_fail(def, err, xasprintf("--%s takes no value", arg->name));
				cmd_value_add(&out->values[idx], "true");
				continue;
			}
			const char *val = eq ? eq + 1 : NULL;
			if (!val) {
				if (i + 1 >= argc)
					return cmd_parse_fail(def, err, xasprintf("--%s needs a value", arg->name));
				val = argv[++i];
			}
			if (out->values[idx].n && !(arg->flags & CMD_MULTI))
				return cmd_parse_fail(def, err, xasprintf("--%s given twice", arg->name));
			char *bad = cmd_check_value(arg, val);
			if (bad)
				return cmd_parse_fail(def, err, bad);
			cmd_value_add(&out->values[idx], val);
			continue;
		}
		/* A positional. */
		while (next_pos < nargs && !(def->args[next_pos].flags & CMD_POSITIONAL))
			next_pos++;
		if (next_pos >= nargs)
			return cmd_parse_fail(def, err, xasprintf("unexpected argument \"%s\"", a));
		const struct cmd_arg *arg = &def->args[next_pos];
		char *bad = cmd_check_value(arg, a);
		if (bad)
			return cmd_parse_fail(def, err, bad);
		cmd_value_add(&out->values[next_pos], a);
		if (!(arg->flags & CMD_MULTI))
			next_pos++;
	}
	if (out->help || !require)
		return 0;
	for (size_t i = 0; i < nargs; i++) {
		const struct cmd_arg *arg = &def->args[i];
		if ((arg->flags & CMD_REQUIRED) && out->values[i].n == 0) {
			char *m = arg->flags & CMD_POSITIONAL ? xasprintf("missing <%s>: %s", arg->name, arg->help)
							       : xasprintf("missing --%s: %s", arg->name, arg->help);
			return cmd_parse_fail(def, err, m);
		}
	}
	return 0;
}

int cmd_parse_args(const struct cmd_def *def, int argc, char **argv, struct cmd_parsed *out, char **err)
{
	return cmd_parse_common(def, argc, argv, out, err, true);
}

int cmd_parse_partial(const struct cmd_def *def, int argc, char **argv, struct cmd_parsed *out, char **err)
{
	return cmd_parse_common(def, argc, argv, out, err, false);
}

static void cmd_usage_arg(const struct cmd_arg *a, struct strbuf *out)
{
	bool req = a->flags & CMD_REQUIRED;
	strbuf_puts(out, req ? " " : " [");
	if (a->flags & CMD_POSITIONAL) {
		strbuf_printf(out, "<%s>", a->name);
	} else if (a->type == CMD_ARG_FLAG) {
		strbuf_printf(out, "--%s", a->name);
	} else if (a->type == CMD_ARG_ENUM) {
		strbuf_printf(out, "--%s ", a->name);
		for (int i = 0; a->choices[i]; i++)
			strbuf_printf(out, "%s%s", i ? "|" : "", a->choices[i]);
	} else {
		strbuf_printf(out, "--%s <%s>", a->name, a->type == CMD_ARG_INT ? "n" : a->type == CMD_ARG_FILE ? "file" : "value");
	}
	if (a->flags & CMD_MULTI)
		strbuf_puts(out, "...");
	if (!req)
		strbuf_putc(out, ']');
}

void cmd_usage(const struct cmd_def *def, struct strbuf *out)
{
	strbuf_puts(out, def->words);
	for (size_t i = 0; def->args && def->args[i].name; i++)
		cmd_usage_arg(&def->args[i], out);
	if (def->flags & CMD_MUTATES)
		strbuf_puts(out, " [--yes]");
	strbuf_puts(out, " [--json]");
}

void cmd_help_text(const struct cmd_def *def, struct strbuf *out)
{
	strbuf_puts(out, "usage: ");
	cmd_usage(def, out);
	strbuf_printf(out, "\n\n%s%s\n", def->help, def->flags & CMD_MUTATES ? " (changes data: asks for confirmation; needs --yes in batch mode; refused with --readonly)" : "");
	if (def->args && def->args[0].name)
		strbuf_puts(out, "\n");
	for (size_t i = 0; def->args && def->args[i].name; i++) {
		const struct cmd_arg *a = &def->args[i];
		struct strbuf name;
		strbuf_init(&name);
		if (a->flags & CMD_POSITIONAL)
			strbuf_printf(&name, "<%s>", a->name);
		else
			strbuf_printf(&name, "--%s", a->name);
		strbuf_printf(out, "  %-22s %s%s\n", name.buf, a->help, a->flags & CMD_REQUIRED ? " (required)" : "");
		strbuf_free(&name);
	}
}
