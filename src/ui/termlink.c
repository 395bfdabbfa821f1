#include "config.h"
#include "ui/termlink.h"
#include "core/strbuf.h"
#include "core/termesc.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* Most linked pieces one frame writes (a detail view has a handful). */
#define TERMLINK_MAX 64

/* One linked piece of the frame. */
struct termlink {
	int y, x, width;
	char *url;
};

static struct termlink termlink_frame[TERMLINK_MAX];
static size_t termlink_n;
static int termlink_fd = -1;
static bool termlink_on;

void termlink_setup(int fd, bool links)
{
	termlink_fd = fd;
	termlink_on = links;
}

void termlink_set_links(bool on)
{
	termlink_on = on;
}

void termlink_drop(void)
{
	for (size_t i = 0; i < termlink_n; i++)
		free(termlink_frame[i].url);
	termlink_n = 0;
}

void termlink_begin(void)
{
	termlink_drop();
}

void termlink_add(int y, int x, int width, const char *url)
{
	if (!termlink_on || width <= 0 || termlink_n == TERMLINK_MAX || !termesc_url_ok(url))
		return;
	termlink_frame[termlink_n++] = (struct termlink){y, x, width, xstrdup(url)};
}

/* Write all of out to the terminal, as curses does (a short write is retried). */
static void termlink_write(const struct strbuf *out)
{
	size_t done = 0;
	while (termlink_fd >= 0 && done < out->len) {
		ssize_t w = write(termlink_fd, out->buf + done, out->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		done += (size_t)w;
	}
}

/* The SGR of a cell as curses drew it: its attributes and its colour pair's colours. */
static void termlink_cell_sgr(struct strbuf *out, attr_t attrs, short pair)
{
	unsigned a = 0;
	if (attrs & A_BOLD)
		a |= TERMESC_BOLD;
	if (attrs & A_DIM)
		a |= TERMESC_DIM;
	if (attrs & A_ITALIC)
		a |= TERMESC_ITALIC;
	if (attrs & A_UNDERLINE)
		a |= TERMESC_UNDERLINE;
	if (attrs & (A_REVERSE | A_STANDOUT))
		a |= TERMESC_REVERSE;
	short fg = -1, bg = -1;
	if (pair > 0 && has_colors())
		pair_content(pair, &fg, &bg);
	termesc_sgr(out, a, fg, bg);
}

/* The characters of width columns at (y, x) as curses holds them, each with its rendition. */
static void termlink_cells(struct strbuf *out, int y, int x, int width)
{
	cchar_t cells[512];
	if (width > (int)(sizeof(cells) / sizeof(*cells)) - 1)
		width = (int)(sizeof(cells) / sizeof(*cells)) - 1;
	/* One cchar_t per character: the second column of a wide character is not returned. */
	int n = mvwin_wchnstr(stdscr, y, x, cells, width);
	if (n == ERR)
		return;
	attr_t last_attrs = (attr_t)-1;
	short last_pair = -1;
	int cols = 0;
	for (int i = 0; i < width && cols < width; i++) {
		wchar_t wch[CCHARW_MAX + 1] = {0};
		attr_t attrs = 0;
		short pair = 0;
		if (getcchar(&cells[i], wch, &attrs, &pair, NULL) == ERR || !wch[0])
			break;
		attrs &= ~(attr_t)A_COLOR;
		if (attrs != last_attrs || pair != last_pair) {
			termlink_cell_sgr(out, attrs, pair);
			last_attrs = attrs;
			last_pair = pair;
		}
		for (int k = 0; k < CCHARW_MAX && wch[k]; k++) {
			char buf[4];
			strbuf_add(out, buf, utf8_encode((uint32_t)wch[k], buf));
		}
		int w = wcwidth(wch[0]);
		cols += w > 0 ? w : 1;
	}
}

void termlink_flush(void)
{
	if (!termlink_n || termlink_fd < 0)
		return;
	struct strbuf out;
	strbuf_init(&out);
	termesc_save(&out);
	for (size_t i = 0; i < termlink_n; i++) {
		const struct termlink *l = &termlink_frame[i];
		/* The same URL gets the same id, so a title and its id line, or a wrapped line, are one link. */
		unsigned id = 0;
		for (size_t k = 0; k <= i; k++)
			if (!strcmp(termlink_frame[k].url, l->url)) {
				id = (unsigned)k;
				break;
			}
		termesc_move(&out, l->y, l->x);
		if (!termesc_link_open(&out, l->url, id))
			continue;
		termlink_cells(&out, l->y, l->x, l->width);
		termesc_link_close(&out);
	}
	termesc_sgr(&out, 0, -1, -1);
	termesc_restore(&out);
	termlink_write(&out);
	strbuf_free(&out);
}

bool termlink_clipboard(const char *data, size_t len)
{
	struct strbuf out;
	strbuf_init(&out);
	bool ok = termesc_clipboard(&out, data, len);
	if (ok)
		termlink_write(&out);
	strbuf_free(&out);
	return ok;
}
