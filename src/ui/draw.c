#include "config.h"
#include "ui/draw.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>

int draw_text_attr(WINDOW *w, int y, int x, const char *s, int width, int attr, bool pad)
{
	if (width <= 0)
		return 0;
	int cols = 0;
	size_t n = utf8_fit(s ? s : "", width, &cols);
	wattrset(w, attr);
	mvwaddnstr(w, y, x, s ? s : "", (int)n);
	if (pad)
		for (int i = cols; i < width; i++)
			waddch(w, ' ');
	wattrset(w, A_NORMAL);
	return pad ? width : cols;
}

int draw_text(WINDOW *w, int y, int x, const char *s, int width, enum theme_role role, bool pad)
{
	return draw_text_attr(w, y, x, s, width, theme_attr(role), pad);
}

int draw_untrusted(WINDOW *w, int y, int x, const char *s, int width, enum theme_role role, bool pad)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (s)
		sanitize_field(&sb, s, strlen(s), SANITIZE_FIELD_MAX);
	int r = draw_text(w, y, x, sb.buf, width, role, pad);
	strbuf_free(&sb);
	return r;
}

void draw_fill(WINDOW *w, int y, int x, int width, enum theme_role role)
{
	wattrset(w, theme_attr(role));
	wmove(w, y, x);
	for (int i = 0; i < width; i++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

void draw_box(WINDOW *w, const char *title)
{
	wattrset(w, theme_attr(ROLE_BORDER));
	box(w, 0, 0);
	wattrset(w, A_NORMAL);
	if (title) {
		int width = getmaxx(w) - 4;
		mvwaddstr(w, 0, 1, " ");
		int used = draw_text(w, 0, 2, title, width - 1, ROLE_TITLE, false);
		mvwaddstr(w, 0, 2 + used, " ");
	}
}

/* Where the cursor goes at the end of the frame; y < 0: hidden. */
static int draw_cur_y = -1, draw_cur_x;

void draw_cursor_at(int y, int x)
{
	draw_cur_y = y;
	draw_cur_x = x;
}

void draw_cursor_reset(void)
{
	draw_cur_y = -1;
}

void draw_cursor_apply(void)
{
	if (draw_cur_y < 0) {
		curs_set(0);
		return;
	}
	curs_set(1);
	move(draw_cur_y, draw_cur_x);
}
