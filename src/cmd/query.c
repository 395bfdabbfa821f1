#include "config.h"
#include "cmd/query.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The index of an argument of def, or -1. */
static int query_arg_index(const struct cmd_def *def, const char *arg)
{
	for (int i = 0; def->args && def->args[i].name; i++)
		if (!strcmp(def->args[i].name, arg))
			return i;
	return -1;
}

static const struct cmd_def *query_def(const char *command)
{
	int argc, used;
	char **argv;
	char *err = NULL;
	if (tokenize(command, &argc, &argv, &err) < 0) {
		free(err);
		return NULL;
	}
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	if (def && used != argc)
		def = NULL;
	tokenize_free(argc, argv);
	return def;
}

void query_init(struct query *q, const struct query_desc *desc)
{
	memset(q, 0, sizeof(*q));
	q->desc = desc;
	q->def = query_def(desc->command);
	if (!q->def) {
		fprintf(stderr, "ktriage: query for unknown command \"%s\"\n", desc->command);
		abort();
	}
	q->values = xcalloc(cmd_arg_count(q->def) + 1, sizeof(*q->values));
	if (desc->defaults) {
		char *err = NULL;
		int argc;
		char **argv;
		if (tokenize(desc->defaults, &argc, &argv, &err) < 0 || query_set_args(q, argc, argv, &err) < 0) {
			fprintf(stderr, "ktriage: bad defaults for \"%s\": %s\n", desc->command, err);
			abort();
		}
		tokenize_free(argc, argv);
	}
}

void query_free(struct query *q)
{
	if (q->def)
		cmd_parse_free(q->def, q->values);
	memset(q, 0, sizeof(*q));
}

int query_set_args(struct query *q, int argc, char **argv, char **err)
{
	struct cmd_parsed parsed;
	if (cmd_parse_args(q->def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(q->def, parsed.values);
		return -1;
	}
	if (q->desc->check) {
		void *tmp = xcalloc(1, q->desc->size);
		char *why = query_fill(q->desc, q->def, parsed.values, tmp);
		free(tmp);
		if (why) {
			*err = why;
			cmd_parse_free(q->def, parsed.values);
			return -1;
		}
	}
	cmd_parse_free(q->def, q->values);
	q->values = parsed.values;
	return 0;
}

void query_set(struct query *q, const char *arg, const char *value)
{
	int i = query_arg_index(q->def, arg);
	if (i < 0)
		return;
	struct cmd_value *v = &q->values[i];
	for (size_t k = 0; k < v->n; k++)
		free(v->vals[k]);
	free(v->vals);
	v->vals = NULL;
	v->n = 0;
	if (value) {
		v->vals = xcalloc(2, sizeof(char *));
		v->vals[0] = xstrdup(value);
		v->n = 1;
	}
}

const char *query_get(const struct query *q, const char *arg)
{
	int i = query_arg_index(q->def, arg);
	return i >= 0 && q->values[i].n ? q->values[i].vals[0] : NULL;
}

char *query_fill(const struct query_desc *desc, const struct cmd_def *def, const struct cmd_value *values, void *out)
{
	memset(out, 0, desc->size);
	for (const struct query_field *f = desc->fields; f->arg; f++) {
		int i = query_arg_index(def, f->arg);
		if (i < 0)
			continue;
		const struct cmd_value *v = &values[i];
		char *field = (char *)out + f->off;
		switch (f->kind) {
		case QUERY_STR:
			*(const char **)(void *)field = v->n ? v->vals[0] : NULL;
			break;
		case QUERY_STRV:
			*(const char *const **)(void *)field = v->n ? (const char *const *)v->vals : NULL;
			*(size_t *)(void *)((char *)out + f->off_n) = v->n;
			break;
		case QUERY_INT:
			if (v->n)
				*(long *)(void *)field = strtol(v->vals[0], NULL, 10);
			break;
		}
	}
	return desc->check ? desc->check(out) : NULL;
}

void query_line(const struct query *q, struct strbuf *out)
{
	strbuf_puts(out, q->desc->command);
	for (size_t i = 0; q->def->args[i].name; i++) {
		const struct cmd_arg *a = &q->def->args[i];
		for (size_t k = 0; k < q->values[i].n; k++) {
			if (a->flags & CMD_POSITIONAL) {
				strbuf_putc(out, ' ');
			} else {
				strbuf_printf(out, " --%s", a->name);
				if (a->type == CMD_ARG_FLAG)
					continue;
				strbuf_putc(out, ' ');
			}
			tokenize_quote(out, q->values[i].vals[k]);
		}
	}
}

void query_describe(const struct query *q, struct strbuf *out)
{
	bool first = true;
	for (const struct query_field *f = q->desc->fields; f->arg; f++) {
		int i = query_arg_index(q->def, f->arg);
		if (!f->label || i < 0 || !q->values[i].n)
			continue;
		strbuf_printf(out, "%s%s: ", first ? "" : " · ", f->label);
		first = false;
		bool quote = q->def->args[i].type == CMD_ARG_STRING && !(q->def->args[i].flags & CMD_MULTI) &&
			     !strcmp(f->arg, "search");
		for (size_t k = 0; k < q->values[i].n; k++)
			strbuf_printf(out, quote ? "%s\"%s\"" : "%s%s", k ? "," : "", q->values[i].vals[k]);
	}
}

/* The position of the argument's value in a list of values, or -1 (absent or unknown). */
static int query_position(const struct query *q, const char *arg, const char *const *list)
{
	const char *cur = query_get(q, arg);
	for (int i = 0; cur && list[i]; i++)
		if (!strcmp(list[i], cur))
			return i;
	return -1;
}

void query_sort_text(const struct query *q, struct strbuf *out)
{
	const struct query_desc *d = q->desc;
	if (!d->sort_arg)
		return;
	int i = query_position(q, d->sort_arg, d->sorts);
	const char *order = d->order_arg ? query_get(q, d->order_arg) : NULL;
	strbuf_printf(out, "%s %s", i >= 0 ? d->sort_labels[i] : d->sort_labels[0], order ? order : "desc");
}

bool query_sort_next(struct query *q)
{
	const struct query_desc *d = q->desc;
	if (!d->sort_arg)
		return false;
	int i = query_position(q, d->sort_arg, d->sorts);
	int next = i < 0 ? 1 : i + 1;
	if (!d->sorts[next])
		next = 0;
	query_set(q, d->sort_arg, d->sorts[next]);
	return true;
}

bool query_sort_reverse(struct query *q)
{
	const struct query_desc *d = q->desc;
	if (!d->order_arg)
		return false;
	const char *order = query_get(q, d->order_arg);
	query_set(q, d->order_arg, order && !strcmp(order, "asc") ? "desc" : "asc");
	return true;
}

bool query_cycle(struct query *q)
{
	const struct query_desc *d = q->desc;
	if (!d->cycle_arg)
		return false;
	int i = query_arg_index(q->def, d->cycle_arg);
	/* Several values (open and acknowledged) count as a view of their own: the next one is all. */
	if (i >= 0 && q->values[i].n > 1) {
		query_set(q, d->cycle_arg, NULL);
		return true;
	}
	int pos = query_position(q, d->cycle_arg, d->cycle);
	const char *cur = query_get(q, d->cycle_arg);
	const char *next;
	if (!cur)
		next = d->cycle[0];
	else
		next = pos >= 0 ? d->cycle[pos + 1] : NULL;
	query_set(q, d->cycle_arg, next);
	return true;
}
