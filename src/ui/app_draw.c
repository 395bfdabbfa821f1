#include "config.h"
#include "ui/app_internal.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/prompt.h"
#include "ui/termlink.h"
#include "ui/view.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Host and port of a URL, for the header. */
static void app_draw_host(const char *url, char *buf, size_t len)
{
	const char *p = strstr(url ? url : "", "://");
	p = p ? p + 3 : (url ? url : "");
	size_t n = strcspn(p, "/");
	snprintf(buf, len, "%.*s", (int)n, p);
}

/* One pane's tab: its number, its title unless compact, and how many rows came in new ("+3"). */
static void app_tab_label(struct app *a, size_t i, bool compact, char *buf, size_t len)
{
	size_t fresh = pane_fresh_count(a->panes[i]);
	char count[32] = "";
	if (fresh)
		snprintf(count, sizeof(count), " +%zu", fresh);
	if (compact && i != a->current)
		snprintf(buf, len, " %zu%s ", i + 1, count);
	else
		snprintf(buf, len, " %zu %s%s ", i + 1, a->panes[i]->ops->title, count);
}

/* The pane tabs: full titles, or (compact) only the current one's title beside the numbers. */
static void app_draw_tabs_text(struct app *a, bool compact, struct strbuf *out)
{
	char t[96];
	for (size_t i = 0; i < a->n_panes; i++) {
		app_tab_label(a, i, compact, t, sizeof(t));
		strbuf_puts(out, t);
	}
}

/* The identity's parts, most important first; a part that does not fit is left out whole, never cut. */
static size_t app_header_parts(struct app *a, char parts[][160], size_t max)
{
	const struct profile *p = a->profile;
	char host[128];
	app_draw_host(p->url, host, sizeof(host));
	char *name = sanitize_str(p->name, SANITIZE_LINE), *where = sanitize_str(host, SANITIZE_LINE);
	char *space = sanitize_str(p->space && *p->space ? p->space : "default", SANITIZE_LINE);
	size_t n = 0;
	snprintf(parts[n++], 160, " ktriage");
	if (n < max)
		snprintf(parts[n++], 160, "  %s @ %s", name, where);
	if (n < max)
		snprintf(parts[n++], 160, "  space: %s", space);
	if (n < max && a->kibana)
		snprintf(parts[n++], 160, "  %s", a->kibana);
	free(name);
	free(where);
	free(space);
	return n;
}

static void app_draw_header(struct app *a, int w)
{
	const struct profile *p = a->profile;
	struct strbuf id, flags, tabs;
	strbuf_init(&id);
	strbuf_init(&flags);
	strbuf_init(&tabs);
	if (p->readonly)
		strbuf_puts(&flags, " [read-only]");
	if (p->insecure)
		strbuf_puts(&flags, " [TLS OFF]");
	draw_fill(stdscr, 0, 0, w, ROLE_HEADER);
	char parts[4][160];
	size_t n_parts = app_header_parts(a, parts, 4);
	int fw = utf8_width(flags.buf);
	/* The flags never give way: the tabs shrink first (to numbers, then away), then whole parts of the identity go. */
	int full = 0;
	for (size_t i = 0; i < n_parts; i++)
		full += utf8_width(parts[i]);
	app_draw_tabs_text(a, false, &tabs);
	bool compact = full + fw + utf8_width(tabs.buf) + 1 > w;
	if (compact) {
		strbuf_reset(&tabs);
		app_draw_tabs_text(a, true, &tabs);
	}
	int tw = utf8_width(tabs.buf);
	if (utf8_width(parts[0]) + fw + tw + 1 > w)
		tw = 0;
	int room = w - fw - tw - 1;
	for (size_t i = 0; i < n_parts; i++) {
		int pw = utf8_width(parts[i]);
		if (pw > room - utf8_width(id.buf))
			break;
		strbuf_puts(&id, parts[i]);
	}
	int x = draw_untrusted(stdscr, 0, 0, id.buf, room > 0 ? room : 0, ROLE_HEADER, false);
	if (fw)
		draw_text(stdscr, 0, x, flags.buf, w - x, p->insecure ? ROLE_ERROR : ROLE_WARNING, false);
	if (tw) {
		x = w - tw;
		for (size_t i = 0; i < a->n_panes; i++) {
			char t[96];
			app_tab_label(a, i, compact, t, sizeof(t));
			x += draw_text(stdscr, 0, x, t, w - x, i == a->current ? ROLE_TAB_ACTIVE : ROLE_TAB, false);
		}
	}
	strbuf_free(&id);
	strbuf_free(&flags);
	strbuf_free(&tabs);
}

static void app_draw_summary(struct app *a, struct pane *p, int y, int w)
{
	struct strbuf sb;
	strbuf_init(&sb);
	/* What the user did here comes first; counts from the server after. */
	strbuf_printf(&sb, "%s", p->ops->title);
	if (p->list.filter)
		strbuf_printf(&sb, "  filter \"%s\": %zu of %zu loaded", p->list.filter, p->list.n_visible, p->list.n_rows);
	if (p->list.n_marked)
		strbuf_printf(&sb, "  %zu marked", p->list.n_marked);
	strbuf_puts(&sb, "  ");
	pane_summary(p, &sb);
	draw_fill(stdscr, y, 0, w, ROLE_NORMAL);
	draw_untrusted(stdscr, y, 1, sb.buf, w - 2, ROLE_TITLE, false);
	strbuf_free(&sb);
	(void)a;
}

/* Draw "KEY label" pairs, keys in the key colour; a command refused in read-only mode is dimmed. */
static int app_draw_hint(int y, int x, int w, const char *key, const char *label, bool dim)
{
	if (x >= w - 1)
		return x;
	x += draw_text(stdscr, y, x, key, w - 1 - x, dim ? ROLE_DIM : ROLE_HINT_KEY, false);
	if (x < w - 1)
		x += draw_text(stdscr, y, x, " ", 1, ROLE_HINT, false);
	x += draw_text(stdscr, y, x, label, w - 1 - x, dim ? ROLE_DIM : ROLE_HINT, false);
	if (x < w - 2)
		x += draw_text(stdscr, y, x, "  ", 2, ROLE_HINT, false);
	return x;
}

/* The hint bar: what the keys do here, from the keymap (so a user's bind shows), or the input line's keys. */
static void app_draw_hints(struct app *a, int y, int w)
{
	static const char *const filter_hints[] = {"type", "to filter", "Enter", "keep", "Esc", "clear", NULL};
	static const char *const prompt_hints[] = {"Enter", "run", "Tab", "complete", "Up/Down", "history", "C-r",
						   "search", "Esc", "cancel", NULL};
	draw_fill(stdscr, y, 0, w, ROLE_HINT);
	int x = 1;
	const char *const *fixed = a->input == APP_INPUT_FILTER ? filter_hints : prompt_active() ? prompt_hints : NULL;
	if (fixed) {
		for (size_t i = 0; fixed[i]; i += 2)
			x = app_draw_hint(y, x, w, fixed[i], fixed[i + 1], false);
		return;
	}
	struct view *v = app_top_view(a);
	struct pane *p = app_current_pane(a);
	unsigned where = WHERE_LIST;
	if (v) {
		where = v->ops->where;
		p = NULL;
		if (v->ops->list)
			p = v->ops->list(v);
		else if (v->ops->subject) {
			const char *id;
			v->ops->subject(v, &p, &id);
		}
	}
	struct keymap_item *items;
	size_t n = keymap_items(&a->keymap, p ? p->ops : NULL, where, true, &items);
	/* Help comes first, so it stays on a narrow terminal; the rest in the keymap's order. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			if ((items[i].req == REQ_HELP) != (pass == 0))
				continue;
			bool dim = items[i].def && (items[i].def->flags & CMD_MUTATES) && app_readonly(a);
			x = app_draw_hint(y, x, w, keys_name(items[i].keys[0]), items[i].label, dim);
		}
	}
	free(items);
}

static void app_draw_status(struct app *a, int y, int w)
{
	draw_fill(stdscr, y, 0, w, ROLE_STATUSLINE);
	if (prompt_active()) {
		prompt_draw(y, w);
		return;
	}
	if (a->input == APP_INPUT_FILTER) {
		draw_text(stdscr, y, 0, "/", 1, ROLE_INPUT, false);
		textinput_draw(&a->line, y, 1, 1, w - 1, ROLE_INPUT, true);
		return;
	}
	int x = 0;
	unsigned pending = worker_pending(a->worker);
	if (pending) {
		char busy[48];
		snprintf(busy, sizeof(busy), " %s %u request%s ", app_spinner(a), pending, pending == 1 ? "" : "s");
		x += draw_text(stdscr, y, x, busy, w, ROLE_STATUSLINE, false);
	}
	if (a->msg) {
		enum theme_role role = a->msg_kind == APP_MSG_ERROR ? ROLE_ERROR
				       : a->msg_kind == APP_MSG_SUCCESS ? ROLE_SUCCESS : ROLE_STATUSLINE;
		struct strbuf sb;
		strbuf_init(&sb);
		sanitize_field(&sb, a->msg, strlen(a->msg), SANITIZE_FIELD_MAX);
		char *clean = strbuf_detach(&sb, NULL);
		int room = w - x - 2;
		/* A message that does not fit says how to read it whole. */
		if (utf8_width(clean) > room && room > 20) {
			int used = draw_text(stdscr, y, x + 1, clean, room - 10, role, false);
			draw_text(stdscr, y, x + 1 + used, "  ! whole", 9, ROLE_HINT_KEY, false);
		} else {
			draw_text(stdscr, y, x + 1, clean, room, role, false);
		}
		free(clean);
	}
}

static void app_draw_small(int w, int h)
{
	erase();
	char msg[160];
	snprintf(msg, sizeof(msg), "Terminal too small (%dx%d): ktriage needs at least %dx%d.", w, h, APP_MIN_COLS,
		 APP_MIN_LINES);
	int y = h / 2, len = (int)strlen(msg);
	if (len > w) {
		mvaddnstr(y > 0 ? y - 1 : 0, 0, "Terminal too small.", w);
		mvaddnstr(y, 0, "Enlarge it.", w);
	} else {
		mvaddstr(y, (w - len) / 2, msg);
	}
}

void app_draw(struct app *a)
{
	int h = LINES, w = COLS;
	draw_cursor_reset();
	termlink_begin();
	if (w < APP_MIN_COLS || h < APP_MIN_LINES) {
		app_draw_small(w, h);
		draw_cursor_apply();
		refresh();
		return;
	}
	struct pane *p = app_current_pane(a);
	app_draw_header(a, w);
	/* Views: the topmost full-screen view and any overlays above it. */
	size_t base = a->n_views;
	while (base > 0 && !a->views[base - 1]->fullscreen)
		base--;
	if (base == 0) {
		app_draw_summary(a, p, 1, w);
		pane_draw(p, 2, 0, h - 4, w);
	} else {
		struct view *v = a->views[base - 1];
		v->ops->draw(v, 1, 0, h - 3, w);
	}
	app_draw_hints(a, h - 2, w);
	app_draw_status(a, h - 1, w);
	for (size_t i = base; i < a->n_views; i++)
		a->views[i]->ops->draw(a->views[i], 1, 0, h - 3, w);
	/* A dialog over the view would get the links of the text under it. */
	if (base < a->n_views)
		termlink_drop();
	draw_cursor_apply();
	refresh();
	termlink_flush();
}
