#include "config.h"
#include "cmd/complete.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void complete_add(struct completion *c, const char *s, size_t len)
{
	for (size_t i = 0; i < c->n; i++)
		if (strlen(c->items[i]) == len && strncmp(c->items[i], s, len) == 0)
			return;
	c->items = xreallocarray(c->items, c->n + 2, sizeof(char *));
	c->items[c->n++] = xstrndup(s, len);
	c->items[c->n] = NULL;
}

static int complete_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Offer the next word of every command whose earlier words match argv. */
static void complete_words(struct completion *c, int argc, char **argv, const char *prefix)
{
	size_t plen = strlen(prefix);
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		const char *w = (*d)->words;
		int i = 0;
		bool match = true;
		while (i < argc && match) {
			size_t len = strcspn(w, " ");
			match = strlen(argv[i]) == len && strncmp(argv[i], w, len) == 0 && w[len] == ' ';
			w += len + (w[len] == ' ');
			i++;
		}
		if (!match || !*w)
			continue;
		size_t len = strcspn(w, " ");
		if (len >= plen && strncmp(w, prefix, plen) == 0)
			complete_add(c, w, len);
	}
}

static void complete_choices(struct completion *c, const struct cmd_arg *arg, const char *prefix, complete_ids_fn ids,
			     void *ctx)
{
	size_t plen = strlen(prefix);
	if (arg->type == CMD_ARG_ENUM || (arg->type == CMD_ARG_STRING && arg->choices)) {
		for (int i = 0; arg->choices[i]; i++)
			if (!strncmp(arg->choices[i], prefix, plen))
				complete_add(c, arg->choices[i], strlen(arg->choices[i]));
		return;
	}
	if (arg->ids == CMD_ID_NONE || !ids)
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	ids(ctx, arg->ids, &sb);
	char *save = NULL;
	for (char *line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t len = strcspn(line, "\t");
		if (len >= plen && !strncmp(line, prefix, plen))
			complete_add(c, line, len);
	}
	strbuf_free(&sb);
}

/* The positional argument number pos (0-based) of def, or NULL. */
static const struct cmd_arg *complete_positional(const struct cmd_def *def, int pos)
{
	const struct cmd_arg *last = NULL;
	for (size_t i = 0; def->args && def->args[i].name; i++) {
		if (!(def->args[i].flags & CMD_POSITIONAL))
			continue;
		last = &def->args[i];
		if (pos-- == 0)
			return last;
	}
	return last && (last->flags & CMD_MULTI) ? last : NULL;
}

/* Arguments after the command words: option names, option values, positionals. */
static void complete_args(struct completion *c, const struct cmd_def *def, int argc, char **argv, const char *prefix,
			  complete_ids_fn ids, void *ctx)
{
	size_t plen = strlen(prefix);
	/* The value of an option typed just before. */
	if (argc > 0 && !strncmp(argv[argc - 1], "--", 2)) {
		const struct cmd_arg *arg = cmd_find_arg(def, argv[argc - 1] + 2);
		if (arg && !(arg->flags & CMD_POSITIONAL) && arg->type != CMD_ARG_FLAG) {
			complete_choices(c, arg, prefix, ids, ctx);
			return;
		}
	}
	if (prefix[0] == '-') {
		for (size_t i = 0; def->args && def->args[i].name; i++) {
			const struct cmd_arg *a = &def->args[i];
			if (a->flags & CMD_POSITIONAL)
				continue;
			char *opt = xasprintf("--%s", a->name);
			if (!strncmp(opt, prefix, plen))
				complete_add(c, opt, strlen(opt));
			free(opt);
		}
		static const char *const universal[] = {"--json", "--ndjson", "--yes", "--help"};
		for (size_t i = 0; i < sizeof(universal) / sizeof(*universal); i++)
			if (!strncmp(universal[i], prefix, plen))
				complete_add(c, universal[i], strlen(universal[i]));
		return;
	}
	int pos = 0;
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "--", 2)) {
			const struct cmd_arg *arg = cmd_find_arg(def, argv[i] + 2);
			if (arg && arg->type != CMD_ARG_FLAG && !strchr(argv[i], '='))
				i++; /* its value */
			continue;
		}
		pos++;
	}
	const struct cmd_arg *arg = complete_positional(def, pos);
	if (arg)
		complete_choices(c, arg, prefix, ids, ctx);
}

void complete_line(const char *line, size_t point, complete_ids_fn ids, void *ctx, struct completion *out)
{
	memset(out, 0, sizeof(*out));
	char *head = xstrndup(line, point);
	/* The word being completed starts after the last unquoted blank. */
	size_t start = point;
	while (start > 0 && head[start - 1] != ' ' && head[start - 1] != '\t')
		start--;
	out->start = start;
	char *pfx = xstrdup(head + start);
	head[start] = '\0';
	int argc;
	char **argv;
	char *err = NULL;
	if (tokenize(head, &argc, &argv, &err) < 0) {
		free(err);
		free(pfx);
		free(head);
		return;
	}
	int used = 0;
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	complete_words(out, argc, argv, pfx);
	if (def)
		complete_args(out, def, argc - used, argv + used, pfx, ids, ctx);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof(char *), complete_cmp);
	free(pfx);
	tokenize_free(argc, argv);
	free(head);
}

void complete_free(struct completion *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->items[i]);
	free(c->items);
	memset(c, 0, sizeof(*c));
}
