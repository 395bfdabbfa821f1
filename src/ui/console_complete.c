/* Tab in the response console: its own words, then the ':' prompt's completion of the command a line
 * stands for, with the pids, paths and action ids the console knows. */
#include "config.h"
#include "ui/console_internal.h"
#include "ui/idsource.h"
#include "api/actions.h"
#include "cmd/complete.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void console_ids(void *ctx, enum cmd_id_kind kind, struct strbuf *out)
{
	struct console *c = ctx;
	switch (kind) {
	case CMD_ID_PID:
	case CMD_ID_ENTITY:
		for (size_t i = 0; c->procs && i < c->procs->n; i++) {
			const struct action_process *p = &c->procs->items[i];
			const char *id = kind == CMD_ID_PID ? p->pid : p->entity_id;
			char *name = p->command ? actions_process_name(p->command) : xstrdup("-");
			if (id)
				strbuf_printf(out, "%s\t%s\n", id, name);
			free(name);
		}
		break;
	case CMD_ID_HOST_PATH:
		for (size_t i = 0; i < c->n_paths; i++)
			strbuf_printf(out, "%s\n", c->paths[i]);
		break;
	case CMD_ID_ACTION:
		for (size_t i = c->n; i-- > 0;)
			if (c->entries[i].action_id)
				strbuf_printf(out, "%s\t%s\n", c->entries[i].action_id, c->entries[i].command);
		break;
	default:
		idsource_known(c->app, kind, out);
		break;
	}
}

static void console_set_cands(struct console *c, const struct completion *comp)
{
	console_strv_free(c->cands, c->n_cands);
	c->cands = NULL;
	c->n_cands = 0;
	if (comp->n < 2)
		return;
	c->cands = xcalloc(comp->n, sizeof(char *));
	for (size_t i = 0; i < comp->n; i++)
		c->cands[c->n_cands++] = xstrdup(comp->items[i]);
}

/* Replace [start, cursor) of the input with text. */
static void console_splice(struct console *c, size_t start, const char *text, bool space)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_add(&sb, c->input.text.buf, start);
	strbuf_puts(&sb, text);
	if (space)
		strbuf_putc(&sb, ' ');
	size_t cursor = sb.len;
	strbuf_puts(&sb, c->input.text.buf + c->input.cursor);
	textinput_set(&c->input, sb.buf);
	c->input.cursor = cursor;
	strbuf_free(&sb);
}

void console_complete_tab(struct console *c)
{
	const char *line = c->input.text.buf;
	size_t point = c->input.cursor;
	struct completion comp = {0};
	size_t first = strcspn(line, " ");
	size_t start;
	if (point <= first) {
		/* The command word: the console's own words. */
		start = 0;
		static const char *const own[] = {"help", "clear"};
		for (size_t i = 0; i < console_n_cmds + 2; i++) {
			const char *w = i < console_n_cmds ? console_cmds[i].word : own[i - console_n_cmds];
			if (!strncmp(w, line, point)) {
				comp.items = xreallocarray(comp.items, comp.n + 2, sizeof(char *));
				comp.items[comp.n++] = xstrdup(w);
				comp.items[comp.n] = NULL;
			}
		}
	} else {
		char *word = xstrndup(line, first);
		const struct console_cmd *cc = console_cmd_of(word);
		free(word);
		if (!cc)
			return;
		/* The same completion as the ':' prompt's, on the command the line stands for. */
		char *full = xasprintf("%s%.*s", cc->words, (int)(point - first), line + first);
		size_t offset = strlen(cc->words) - first;
		complete_line(full, strlen(full), console_ids, c, &comp);
		free(full);
		/* The console gives the host itself. */
		for (size_t i = 0; i < comp.n; i++) {
			if (!strcmp(comp.items[i], "--endpoint")) {
				free(comp.items[i]);
				memmove(&comp.items[i], &comp.items[i + 1], (comp.n - i) * sizeof(char *));
				comp.n--;
				break;
			}
		}
		start = comp.start >= offset ? comp.start - offset : point;
	}
	if (comp.n == 1) {
		/* Quoted when it must be (a Windows path), so the line reads back as completed. */
		struct strbuf q;
		strbuf_init(&q);
		tokenize_quote(&q, comp.items[0]);
		console_splice(c, start, q.buf, true);
		strbuf_free(&q);
	} else if (comp.n > 1) {
		size_t common = strlen(comp.items[0]);
		for (size_t i = 1; i < comp.n; i++) {
			size_t k = 0;
			while (k < common && comp.items[i][k] == comp.items[0][k])
				k++;
			common = k;
		}
		char *prefix = xstrndup(comp.items[0], common);
		/* A prefix that would need quoting stays as typed: the candidates show what comes. */
		if (common > point - start && !strpbrk(prefix, " \t'\"\\"))
			console_splice(c, start, prefix, false);
		free(prefix);
	}
	console_set_cands(c, &comp);
	complete_free(&comp);
}

char *console_complete_label(struct console *c, const char *cand)
{
	for (size_t i = 0; c->procs && i < c->procs->n; i++) {
		const struct action_process *p = &c->procs->items[i];
		if ((p->pid && !strcmp(p->pid, cand)) || (p->entity_id && !strcmp(p->entity_id, cand))) {
			char *name = p->command ? actions_process_name(p->command) : xstrdup("-");
			char *label = xasprintf("%s %s", cand, name);
			free(name);
			return label;
		}
	}
	return xstrdup(cand);
}
