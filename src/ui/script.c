#include "config.h"
#include "ui/script.h"
#include "ui/keys.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct script {
	FILE *f;
	int lineno;
	int *keys;
	char *path;
};

struct script *script_open(const char *path, char **err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		*err = xasprintf("cannot read key script %s: %s", path, strerror(errno));
		return NULL;
	}
	struct script *s = xcalloc(1, sizeof(*s));
	s->f = f;
	return s;
}

void script_close(struct script *s)
{
	if (!s)
		return;
	fclose(s->f);
	free(s->keys);
	free(s->path);
	free(s);
}

static void script_add_key(struct script *s, struct script_step *st, int key)
{
	s->keys = xreallocarray(s->keys, (size_t)st->n_keys + 1, sizeof(int));
	s->keys[st->n_keys++] = key;
	st->keys = s->keys;
}

int script_next(struct script *s, struct script_step *st, char **err)
{
	char line[4096];
	memset(st, 0, sizeof(*st));
	free(s->keys);
	s->keys = NULL;
	free(s->path);
	s->path = NULL;
	while (fgets(line, sizeof(line), s->f)) {
		st->lineno = s->lineno + 1;
		s->lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		char *arg = p + strcspn(p, " \t");
		if (*arg)
			*arg++ = '\0';
		if (!strcmp(p, "key")) {
			st->op = SCRIPT_KEYS;
			for (char *save = NULL, *k = strtok_r(arg, " \t", &save); k; k = strtok_r(NULL, " \t", &save)) {
				int key = keys_parse(k);
				if (key < 0) {
					*err = xasprintf("script line %d: unknown key \"%s\"", s->lineno, k);
					return -1;
				}
				script_add_key(s, st, key);
			}
		} else if (!strcmp(p, "type")) {
			st->op = SCRIPT_KEYS;
			size_t len = strlen(arg);
			for (size_t i = 0; i < len;) {
				uint32_t cp;
				i += utf8_decode(arg + i, len - i, &cp);
				script_add_key(s, st, cp == UTF8_INVALID ? '?' : (int)cp);
			}
		} else if (!strcmp(p, "wait")) {
			st->op = SCRIPT_WAIT;
		} else if (!strcmp(p, "dump")) {
			st->op = SCRIPT_DUMP;
			s->path = xstrdup(arg);
			st->path = s->path;
		} else if (!strcmp(p, "resize")) {
			st->op = SCRIPT_RESIZE;
			if (sscanf(arg, "%d %d", &st->cols, &st->lines) != 2 || st->cols < 1 || st->lines < 1) {
				*err = xasprintf("script line %d: resize COLS LINES", s->lineno);
				return -1;
			}
		} else if (!strcmp(p, "expect") || !strcmp(p, "expect-not") || !strcmp(p, "await")) {
			st->op = SCRIPT_EXPECT;
			st->negate = p[0] == 'e' && p[6] == '-';
			st->await = p[0] == 'a';
			if (!*arg) {
				*err = xasprintf("script line %d: %s needs text", s->lineno, p);
				return -1;
			}
			s->path = xstrdup(arg);
			st->text = s->path;
		} else if (!strcmp(p, "sleep")) {
			st->op = SCRIPT_SLEEP;
			st->ms = atoi(arg);
		} else {
			*err = xasprintf("script line %d: unknown directive \"%s\"", s->lineno, p);
			return -1;
		}
		return 0;
	}
	st->op = SCRIPT_END;
	return 0;
}

void script_screen_text(struct strbuf *out, int selected_attr)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	for (int y = 0; y < rows; y++) {
		strbuf_reset(&sb);
		cchar_t first;
		mvin_wch(y, 0, &first);
		attr_t attrs;
		short pair;
		wchar_t wc[CCHARW_MAX + 1];
		getcchar(&first, wc, &attrs, &pair, NULL);
		bool sel = selected_attr && (int)PAIR_NUMBER(selected_attr) == pair && pair != 0;
		strbuf_putc(&sb, sel ? '>' : ' ');
		for (int x = 0; x < cols;) {
			cchar_t cell;
			mvin_wch(y, x, &cell);
			getcchar(&cell, wc, &attrs, &pair, NULL);
			int w = 1;
			/* Line-drawing characters come back as their VT100 letters; show them as drawn. */
			if ((attrs & A_ALTCHARSET) && wc[0] < 128 && !wc[1]) {
				static const char *const acs[128] = {
					['l'] = "┌", ['k'] = "┐", ['m'] = "└", ['j'] = "┘", ['q'] = "─", ['x'] = "│",
					['t'] = "├", ['u'] = "┤", ['v'] = "┴", ['w'] = "┬", ['n'] = "┼",
				};
				if (acs[wc[0]]) {
					strbuf_puts(&sb, acs[wc[0]]);
					x++;
					continue;
				}
			}
			for (int k = 0; wc[k]; k++) {
				char buf[4];
				strbuf_add(&sb, buf, utf8_encode((uint32_t)wc[k], buf));
				if (k == 0 && wcwidth(wc[k]) > 1)
					w = wcwidth(wc[k]);
			}
			if (!wc[0])
				strbuf_putc(&sb, ' ');
			x += w;
		}
		while (sb.len > 1 && sb.buf[sb.len - 1] == ' ')
			sb.len--;
		sb.buf[sb.len] = '\0';
		strbuf_printf(out, "%s\n", sb.buf);
	}
	strbuf_free(&sb);
}

int script_dump_screen(const char *path, int selected_attr, char **err)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	script_screen_text(&sb, selected_attr);
	fputs(sb.buf, f);
	strbuf_free(&sb);
	if (fclose(f) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
