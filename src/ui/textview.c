#include "config.h"
#include "ui/textview.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/termlink.h"
#include "ui/textinput.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A logical line: sanitized text, one colour, an indent; an optional coloured label in front. */
struct tv_line {
	char *label;
	char *text;
	char *link;         /* the text links here (OSC 8), or NULL */
	enum theme_role role;
	int indent;
};

/* A wrapped screen line: a piece of a logical line. */
struct tv_row {
	size_t line;
	size_t off, len;    /* byte range in the line's text */
	bool first;         /* carries the label */
};

static const struct view_ops textview_detail_ops;

struct textview {
	char *title;
	char *link;         /* the title links here, or NULL */
	struct tv_line *lines;
	size_t n, cap;
	struct tv_row *rows;
	size_t n_rows;
	int wrapped_width;  /* width rows were computed for; -1: stale */
	int width;          /* width the last frame had for text (rows are made again for it when stale) */
	size_t top;
	bool loading;
	int body;           /* rows the last frame had room for */
	void *ctx;
	textview_subject_fn subject;
	void (*ctx_free)(void *);
	void (*on_reload)(void *ctx);
	void (*on_end)(void *ctx);
	bool searching;
	struct textinput search;
	char *needle;       /* last search */
	bool follow_end;
	bool (*stop)(void *ctx);  /* back stops what is arriving first */
	void *stop_ctx;
};

static struct textview *tv(struct view *v)
{
	return v->data;
}

void textview_set_title(struct view *v, const char *title)
{
	struct textview *t = tv(v);
	free(t->title);
	t->title = sanitize_str(title, SANITIZE_LINE);
	app_dirty(v->app);
}

static void textview_push(struct textview *t, const char *label, const char *text, size_t len, enum theme_role role,
			  int indent)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->lines = xreallocarray(t->lines, t->cap, sizeof(*t->lines));
	}
	struct tv_line *l = &t->lines[t->n++];
	l->label = label ? xstrdup(label) : NULL;
	l->text = xstrndup(text, len);
	l->role = role;
	l->indent = indent;
	l->link = NULL;
	t->wrapped_width = -1;
}

void textview_add(struct view *v, enum theme_role role, int indent, const char *text)
{
	struct textview *t = tv(v);
	struct strbuf sb;
	strbuf_init(&sb);
	sanitize_append(&sb, text ? text : "", text ? strlen(text) : 0, SANITIZE_TEXT);
	const char *p = sb.buf;
	do {
		size_t n = strcspn(p, "\n");
		textview_push(t, NULL, p, n, role, indent);
		p += n;
	} while (*p++ == '\n');
	strbuf_free(&sb);
	app_dirty(v->app);
}

void textview_addf(struct view *v, enum theme_role role, int indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	textview_add(v, role, indent, text);
	free(text);
}

/* A label (already with its colon and padding) and a one-line value. */
static void textview_push_pair(struct view *v, const char *label, const char *value, enum theme_role value_role)
{
	char *clean = sanitize_str(value ? value : "-", SANITIZE_LINE);
	textview_push(tv(v), label, clean, strlen(clean), value_role, 0);
	free(clean);
	app_dirty(v->app);
}

void textview_add_pair(struct view *v, const char *label, const char *value, enum theme_role value_role)
{
	char *lab = xasprintf("%s: ", label);
	textview_push_pair(v, lab, value, value_role);
	free(lab);
}

void textview_blank(struct view *v)
{
	textview_push(tv(v), NULL, "", 0, ROLE_NORMAL, 0);
}

void textview_add_record(struct view *v, const struct record *r)
{
	struct textview *t = tv(v);
	int lw = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].label && !r->items[i].block && utf8_width(r->items[i].label) > lw)
			lw = utf8_width(r->items[i].label);
	struct strbuf label;
	strbuf_init(&label);
	for (size_t i = 0; i < r->n; i++) {
		const struct record_item *it = &r->items[i];
		if (!it->label) {
			/* A heading that repeats the view's title is already on screen. */
			if (i == 0 && t->title && !strcmp(t->title, it->value))
				continue;
			if (i)
				textview_blank(v);
			textview_add(v, ROLE_TITLE, 0, it->value);
		} else if (it->block) {
			textview_add(v, ROLE_LABEL, 0, it->label);
			textview_add(v, ROLE_NORMAL, 4, it->value);
		} else {
			strbuf_reset(&label);
			char *with_colon = xasprintf("%s:", it->label);
			utf8_pad(&label, with_colon, lw + 2);
			free(with_colon);
			textview_push_pair(v, label.buf, it->value, ROLE_NORMAL);
		}
	}
	strbuf_free(&label);
}

void textview_clear(struct view *v, bool keep_scroll)
{
	struct textview *t = tv(v);
	for (size_t i = 0; i < t->n; i++) {
		free(t->lines[i].label);
		free(t->lines[i].text);
		free(t->lines[i].link);
	}
	t->n = 0;
	t->wrapped_width = -1;
	if (!keep_scroll)
		t->top = 0;
	app_dirty(v->app);
}

void textview_set_loading(struct view *v, bool loading)
{
	tv(v)->loading = loading;
	app_dirty(v->app);
}

void textview_set_subject(struct view *v, void *ctx, textview_subject_fn subject, void (*reload)(void *ctx),
			  void (*ctx_free)(void *ctx))
{
	struct textview *t = tv(v);
	t->ctx = ctx;
	t->subject = subject;
	t->on_reload = reload;
	t->ctx_free = ctx_free;
	v->ops = &textview_detail_ops;
}

static const void *textview_subject(struct view *v, struct pane **pane, const char **id)
{
	struct textview *t = tv(v);
	if (!t->subject)
		return NULL;
	return t->subject(t->ctx, pane, id);
}

static void textview_reload(struct view *v)
{
	struct textview *t = tv(v);
	if (t->on_reload)
		t->on_reload(t->ctx);
}

void textview_set_stop(struct view *v, bool (*stop)(void *ctx), void *ctx)
{
	struct textview *t = tv(v);
	t->stop = stop;
	t->stop_ctx = ctx;
}

void textview_set_on_end(struct view *v, void (*fn)(void *ctx))
{
	tv(v)->on_end = fn;
}

/* Whether a line's label names it: "label:" and any padding. */
static bool textview_label_is(const char *have, const char *label)
{
	size_t n = strlen(label);
	return have && !strncmp(have, label, n) && have[n] == ':' && have[n + 1 + strspn(have + n + 1, " ")] == '\0';
}

void textview_link_label(struct view *v, const char *label, const char *url)
{
	struct textview *t = tv(v);
	for (size_t i = 0; url && i < t->n; i++) {
		if (!textview_label_is(t->lines[i].label, label))
			continue;
		free(t->lines[i].link);
		t->lines[i].link = xstrdup(url);
	}
	app_dirty(v->app);
}

void textview_set_link(struct view *v, const char *url)
{
	struct textview *t = tv(v);
	free(t->link);
	t->link = url ? xstrdup(url) : NULL;
	textview_link_label(v, "id", url);
}

void textview_scroll_end(struct view *v)
{
	tv(v)->follow_end = true;
	app_dirty(v->app);
}

/* Wrap every logical line to width columns, breaking at spaces where it can. */
static void textview_wrap(struct textview *t, int width)
{
	free(t->rows);
	t->rows = NULL;
	t->n_rows = 0;
	size_t cap = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct tv_line *l = &t->lines[i];
		int avail = width - l->indent - (l->label ? utf8_width(l->label) : 0);
		if (avail < 8)
			avail = 8;
		size_t off = 0, len = strlen(l->text);
		bool first = true;
		do {
			size_t n = utf8_wrap(l->text + off, avail);
			if (t->n_rows == cap) {
				cap = cap ? cap * 2 : 256;
				t->rows = xreallocarray(t->rows, cap, sizeof(*t->rows));
			}
			t->rows[t->n_rows++] = (struct tv_row){i, off, n, first};
			off += n;
			first = false;
			avail = width - l->indent - (l->label ? utf8_width(l->label) : 0);
			if (avail < 8)
				avail = 8;
		} while (off < len);
	}
	t->wrapped_width = width;
	t->width = width;
}

static void textview_draw(struct view *v, int y, int x, int h, int w)
{
	struct textview *t = tv(v);
	draw_fill(stdscr, y, x, w, ROLE_TITLE);
	int tw = draw_text(stdscr, y, x + 1, t->title ? t->title : "", w - 2, ROLE_TITLE, false);
	if (t->link)
		termlink_add(y, x + 1, tw, t->link);
	int body = h - 1 - (t->searching ? 1 : 0);
	t->body = body > 1 ? body : 1;
	if (t->wrapped_width != w - 2)
		textview_wrap(t, w - 2);
	if (t->follow_end) {
		t->top = t->n_rows > (size_t)body ? t->n_rows - (size_t)body : 0;
		t->follow_end = false;
	}
	if (t->n_rows <= (size_t)body)
		t->top = 0;
	else if (t->top > t->n_rows - (size_t)body)
		t->top = t->n_rows - (size_t)body;
	struct strbuf sb;
	strbuf_init(&sb);
	for (int i = 0; i < body; i++) {
		int ry = y + 1 + i;
		draw_fill(stdscr, ry, x, w, ROLE_NORMAL);
		size_t r = t->top + (size_t)i;
		if (r >= t->n_rows) {
			if (r == 0 && t->loading)
				draw_text(stdscr, ry, x + 1, "Loading...", w - 2, ROLE_DIM, false);
			continue;
		}
		const struct tv_row *row = &t->rows[r];
		const struct tv_line *l = &t->lines[row->line];
		int cx = x + 1 + l->indent;
		if (l->label) {
			int lw = utf8_width(l->label);
			if (row->first)
				draw_text(stdscr, ry, cx, l->label, lw, ROLE_LABEL, false);
			cx += lw;
		}
		strbuf_reset(&sb);
		strbuf_add(&sb, l->text + row->off, row->len);
		bool hit = t->needle && *t->needle && strstr(sb.buf, t->needle);
		int used = draw_text(stdscr, ry, cx, sb.buf, x + w - 1 - cx, hit ? ROLE_MARKED : l->role, false);
		if (l->link)
			termlink_add(ry, cx, used, l->link);
	}
	strbuf_free(&sb);
	if (t->searching) {
		draw_text(stdscr, y + h - 1, x, "/", 1, ROLE_INPUT, false);
		textinput_draw(&t->search, y + h - 1, x + 1, 1, w - 1, ROLE_INPUT, true);
	}
	/* The last line is on screen: whoever loads more can go on (it is told once per frame). */
	if (t->on_end && t->top + (size_t)body >= t->n_rows)
		t->on_end(t->ctx);
	if (t->n_rows > (size_t)body) {
		char pos[32];
		snprintf(pos, sizeof(pos), " %zu%% ", (t->top + (size_t)body) * 100 / t->n_rows);
		draw_text(stdscr, y, x + w - 7, pos, 6, ROLE_DIM, false);
	}
}

/* Scroll to the next row (after the top) holding the needle. */
static void textview_find(struct textview *t, bool from_top)
{
	if (!t->needle || !*t->needle)
		return;
	/* Lines may have changed since the last frame (an answer came): the rows must be theirs. */
	if (t->wrapped_width != t->width && t->width > 0)
		textview_wrap(t, t->width);
	for (size_t r = from_top ? 0 : t->top + 1; r < t->n_rows; r++) {
		const struct tv_row *row = &t->rows[r];
		const char *text = t->lines[row->line].text + row->off;
		/* A field's name finds it too ("host.name" in an alert). */
		if (row->first && t->lines[row->line].label && strstr(t->lines[row->line].label, t->needle)) {
			t->top = r;
			return;
		}
		for (size_t k = 0; k < row->len; k++) {
			if (strncmp(text + k, t->needle, strlen(t->needle)) == 0) {
				t->top = r;
				return;
			}
		}
	}
}

/* Typing into the search line. */
static bool textview_key(struct view *v, int key)
{
	struct textview *t = tv(v);
	if (!t->searching)
		return false;
	if (key == K_ESC) {
		t->searching = false;
	} else if (keys_is_enter(key)) {
		free(t->needle);
		t->needle = xstrdup(t->search.text.buf);
		t->searching = false;
		textview_find(t, true);
	} else {
		textinput_key(&t->search, key);
	}
	app_dirty(v->app);
	return true;
}

static bool textview_request(struct view *v, enum action_req req)
{
	struct textview *t = tv(v);
	size_t page = t->body > 1 ? (size_t)t->body - 1 : 1;
	if (req == REQ_LAST) {
		t->follow_end = true;
		app_dirty(v->app);
		return true;
	}
	/* The draw keeps the last screenful full; the top row only has to stay among the rows. */
	if (action_move(req, &t->top, page, t->n_rows)) {
		app_dirty(v->app);
		return true;
	}
	switch (req) {
	case REQ_FILTER:
		t->searching = true;
		textinput_set(&t->search, "");
		break;
	case REQ_NEXT_MATCH:
		textview_find(t, false);
		break;
	case REQ_RELOAD:
		if (!t->on_reload)
			return false;
		t->on_reload(t->ctx);
		break;
	case REQ_BACK:
		if (t->stop && t->stop(t->stop_ctx))
			break;
		app_close_view(v->app, v);
		return true;
	default:
		return false;
	}
	app_dirty(v->app);
	return true;
}

static void textview_destroy(struct view *v)
{
	struct textview *t = tv(v);
	textview_clear(v, false);
	free(t->lines);
	free(t->rows);
	free(t->title);
	free(t->link);
	free(t->needle);
	textinput_free(&t->search);
	if (t->ctx && t->ctx_free)
		t->ctx_free(t->ctx);
	free(t);
}

static const struct view_ops textview_ops = {
	.where = WHERE_TEXT,
	.draw = textview_draw,
	.key = textview_key,
	.request = textview_request,
	.destroy = textview_destroy,
	.reload = textview_reload,
	.subject = textview_subject,
};

/* A detail view: text keys, and its pane's commands on the object it shows. */
static const struct view_ops textview_detail_ops = {
	.where = WHERE_TEXT | WHERE_DETAIL,
	.draw = textview_draw,
	.key = textview_key,
	.request = textview_request,
	.destroy = textview_destroy,
	.reload = textview_reload,
	.subject = textview_subject,
};

struct view *textview_new(struct app *a, const char *title)
{
	struct view *v = xcalloc(1, sizeof(*v));
	struct textview *t = xcalloc(1, sizeof(*t));
	t->title = sanitize_str(title, SANITIZE_LINE);
	t->wrapped_width = -1;
	textinput_init(&t->search, false);
	v->ops = &textview_ops;
	v->app = a;
	v->data = t;
	v->fullscreen = true;
	return v;
}
