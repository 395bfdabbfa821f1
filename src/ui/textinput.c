#include "config.h"
#include "ui/textinput.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "core/sanitize.h"
#include "core/utf8.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

void textinput_init(struct textinput *t, bool multiline)
{
	strbuf_init(&t->text);
	t->cursor = 0;
	t->multiline = multiline;
	t->top = 0;
}

void textinput_free(struct textinput *t)
{
	strbuf_free(&t->text);
}

void textinput_set(struct textinput *t, const char *s)
{
	strbuf_reset(&t->text);
	strbuf_puts(&t->text, s ? s : "");
	t->cursor = t->text.len;
}

static size_t textinput_prev(const struct textinput *t, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)t->text.buf[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t textinput_next(const struct textinput *t, size_t pos)
{
	if (pos >= t->text.len)
		return t->text.len;
	uint32_t cp;
	return pos + utf8_decode(t->text.buf + pos, t->text.len - pos, &cp);
}

static void textinput_delete(struct textinput *t, size_t from, size_t to)
{
	memmove(t->text.buf + from, t->text.buf + to, t->text.len - to + 1);
	t->text.len -= to - from;
	if (t->cursor > to)
		t->cursor -= to - from;
	else if (t->cursor > from)
		t->cursor = from;
}

static void textinput_insert(struct textinput *t, const char *s, size_t n)
{
	strbuf_grow(&t->text, n);
	memmove(t->text.buf + t->cursor + n, t->text.buf + t->cursor, t->text.len - t->cursor + 1);
	memcpy(t->text.buf + t->cursor, s, n);
	t->text.len += n;
	t->cursor += n;
}

/* Start and end of the line holding pos. */
static size_t textinput_bol(const struct textinput *t, size_t pos)
{
	while (pos > 0 && t->text.buf[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t textinput_eol(const struct textinput *t, size_t pos)
{
	while (pos < t->text.len && t->text.buf[pos] != '\n')
		pos++;
	return pos;
}

/* Move to the same column on the previous (dir < 0) or next line. */
static void textinput_vertical(struct textinput *t, int dir)
{
	size_t bol = textinput_bol(t, t->cursor);
	size_t col = t->cursor - bol;
	size_t target;
	if (dir < 0) {
		if (bol == 0)
			return;
		target = textinput_bol(t, bol - 1);
	} else {
		size_t eol = textinput_eol(t, t->cursor);
		if (eol >= t->text.len)
			return;
		target = eol + 1;
	}
	size_t end = textinput_eol(t, target);
	size_t pos = target + col < end ? target + col : end;
	while (pos > target && ((unsigned char)t->text.buf[pos] & 0xC0) == 0x80)
		pos--;
	t->cursor = pos;
}

bool textinput_key(struct textinput *t, int key)
{
	if (keys_is_enter(key)) {
		if (!t->multiline)
			return false;
		textinput_insert(t, "\n", 1);
		return true;
	}
	if (keys_is_backspace(key)) {
		textinput_delete(t, textinput_prev(t, t->cursor), t->cursor);
		return true;
	}
	switch (key) {
	case K_DC:
	case K_CTRL('d'):
		textinput_delete(t, t->cursor, textinput_next(t, t->cursor));
		return true;
	case K_LEFT:
	case K_CTRL('b'):
		t->cursor = textinput_prev(t, t->cursor);
		return true;
	case K_RIGHT:
	case K_CTRL('f'):
		t->cursor = textinput_next(t, t->cursor);
		return true;
	case K_HOME:
	case K_CTRL('a'):
		t->cursor = textinput_bol(t, t->cursor);
		return true;
	case K_END:
	case K_CTRL('e'):
		t->cursor = textinput_eol(t, t->cursor);
		return true;
	case K_CTRL('u'):
		textinput_delete(t, textinput_bol(t, t->cursor), t->cursor);
		return true;
	case K_CTRL('k'):
		textinput_delete(t, t->cursor, textinput_eol(t, t->cursor));
		return true;
	case K_CTRL('w'): {
		size_t p = t->cursor;
		while (p > 0 && t->text.buf[p - 1] == ' ')
			p--;
		while (p > 0 && t->text.buf[p - 1] != ' ' && t->text.buf[p - 1] != '\n')
			p--;
		textinput_delete(t, p, t->cursor);
		return true;
	}
	case K_UP:
		if (!t->multiline)
			return false;
		textinput_vertical(t, -1);
		return true;
	case K_DOWN:
		if (!t->multiline)
			return false;
		textinput_vertical(t, 1);
		return true;
	default:
		break;
	}
	if (key >= 32 && key < K_FN && key != 127 && !(key >= 0x80 && key < 0xA0)) {
		char buf[4];
		textinput_insert(t, buf, utf8_encode((uint32_t)key, buf));
		return true;
	}
	return false;
}

/* Draw one line of text [from, to) scrolled so that cursor_col is visible; returns the cursor's screen column. */
static int textinput_draw_line(const char *s, size_t len, int y, int x, int w, int cursor_col, enum theme_role role)
{
	struct strbuf clean;
	strbuf_init(&clean);
	sanitize_append(&clean, s, len, SANITIZE_LINE);
	/* Horizontal scroll: keep the cursor inside the width. */
	const char *start = clean.buf;
	int skipped = 0;
	while (cursor_col - skipped >= w && *start) {
		uint32_t cp;
		size_t n = utf8_decode(start, strlen(start), &cp);
		skipped += utf8_cp_width(cp);
		start += n;
	}
	draw_text(stdscr, y, x, start, w, role, true);
	strbuf_free(&clean);
	return cursor_col - skipped;
}

static int textinput_cols(const char *s, size_t len)
{
	struct strbuf clean;
	strbuf_init(&clean);
	sanitize_append(&clean, s, len, SANITIZE_LINE);
	int w = utf8_width(clean.buf);
	strbuf_free(&clean);
	return w;
}

void textinput_draw(struct textinput *t, int y, int x, int h, int w, enum theme_role role, bool focus)
{
	if (w <= 0)
		return;
	if (!t->multiline || h <= 1) {
		int cc = textinput_cols(t->text.buf, t->cursor);
		int sx = textinput_draw_line(t->text.buf, t->text.len, y, x, w, cc, role);
		if (focus)
			draw_cursor_at(y, x + sx);
		return;
	}
	/* Which line holds the cursor; scroll so it is shown. */
	int cur_line = 0, nlines = 1;
	for (size_t i = 0; i < t->text.len; i++) {
		if (t->text.buf[i] != '\n')
			continue;
		nlines++;
		if (i < t->cursor)
			cur_line++;
	}
	if (cur_line < t->top)
		t->top = cur_line;
	if (cur_line >= t->top + h)
		t->top = cur_line - h + 1;
	size_t pos = 0;
	for (int line = 0; line < t->top; line++)
		pos = textinput_eol(t, pos) + 1;
	int cy = y, cx = x;
	for (int i = 0; i < h; i++) {
		int line = t->top + i;
		if (line >= nlines) {
			draw_fill(stdscr, y + i, x, w, role);
			continue;
		}
		size_t eol = textinput_eol(t, pos);
		int cc = line == cur_line ? textinput_cols(t->text.buf + pos, t->cursor - pos) : 0;
		int sx = textinput_draw_line(t->text.buf + pos, eol - pos, y + i, x, w, cc, role);
		if (line == cur_line) {
			cy = y + i;
			cx = x + sx;
		}
		pos = eol + 1;
	}
	if (focus)
		draw_cursor_at(cy, cx);
}
