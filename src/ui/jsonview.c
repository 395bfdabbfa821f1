#include "config.h"
#include "ui/jsonview.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/jsontree.h"
#include "ui/keys.h"
#include "ui/textinput.h"
#include "ui/textview.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct jsonview {
	char *title;
	struct jsontree *tree;
	size_t cursor;         /* visible line under the cursor */
	size_t top;            /* first line shown */
	int body;              /* lines the last frame had room for */
	bool z_pending;        /* z pressed: the next key is a fold command */
	bool searching;
	struct textinput search;
	char *needle;
	char *note;            /* "no match for ...", cleared by the next key */
};

static struct jsonview *jv(struct view *v)
{
	return v->data;
}

/* Keep the cursor in range and on screen. */
static void jsonview_clamp(struct jsonview *j)
{
	size_t n = jsontree_count(j->tree);
	if (j->cursor >= n)
		j->cursor = n ? n - 1 : 0;
	size_t body = j->body > 0 ? (size_t)j->body : 1;
	if (j->cursor < j->top)
		j->top = j->cursor;
	else if (j->cursor >= j->top + body)
		j->top = j->cursor - body + 1;
	if (n <= body)
		j->top = 0;
	else if (j->top > n - body)
		j->top = n - body;
}

static void jsonview_draw_line(struct jsonview *j, size_t i, int y, int x, int w)
{
	struct jsontree_line l;
	jsontree_line(j->tree, i, &l);
	bool cur = i == j->cursor;
	bool hit = j->needle && jsontree_matches(j->tree, i, j->needle);
	draw_fill(stdscr, y, x, w, cur ? ROLE_SELECTED : ROLE_NORMAL);
	/* A gutter marks what folds: + folded, - open. */
	const char *mark = l.container && !l.closing ? (l.folded ? "+" : "-") : " ";
	draw_text(stdscr, y, x, mark, 1, cur ? ROLE_SELECTED : ROLE_DIM, false);
	int cx = x + 2 + 2 * l.depth, right = x + w - 1;
	for (size_t s = 0; s < l.n_segs && cx < right; s++) {
		enum theme_role role = cur ? ROLE_SELECTED : hit ? ROLE_MARKED : l.segs[s].role;
		cx += draw_text(stdscr, y, cx, l.segs[s].text, right - cx, role, false);
	}
}

static void jsonview_draw(struct view *v, int y, int x, int h, int w)
{
	struct jsonview *j = jv(v);
	j->body = h - 2;
	if (j->body < 1)
		j->body = 1;
	jsonview_clamp(j);
	size_t n = jsontree_count(j->tree);
	draw_fill(stdscr, y, x, w, ROLE_TITLE);
	draw_text(stdscr, y, x + 1, j->title, w - 9, ROLE_TITLE, false);
	if (n > (size_t)j->body) {
		char pos[16];
		snprintf(pos, sizeof(pos), " %zu%% ", (j->top + (size_t)j->body) * 100 / n);
		draw_text(stdscr, y, x + w - 7, pos, 6, ROLE_DIM, false);
	}
	for (int r = 0; r < j->body; r++) {
		size_t i = j->top + (size_t)r;
		if (i < n)
			jsonview_draw_line(j, i, y + 1 + r, x, w);
		else
			draw_fill(stdscr, y + 1 + r, x, w, ROLE_NORMAL);
	}
	/* The last line: the search being typed, a note, or where the cursor is. */
	int by = y + h - 1;
	draw_fill(stdscr, by, x, w, ROLE_NORMAL);
	if (j->searching) {
		draw_text(stdscr, by, x, "/", 1, ROLE_INPUT, false);
		textinput_draw(&j->search, by, x + 1, 1, w - 1, ROLE_INPUT, true);
	} else if (j->note) {
		draw_text(stdscr, by, x + 1, j->note, w - 2, ROLE_WARNING, false);
	} else if (n) {
		char *path = jsontree_path(j->tree, j->cursor);
		draw_text(stdscr, by, x + 1, path, w - 2, ROLE_DIM, false);
		free(path);
	}
}

static void jsonview_set_note(struct jsonview *j, char *note)
{
	free(j->note);
	j->note = note;
}

static void jsonview_find(struct jsonview *j, bool forward, bool from_here)
{
	size_t line;
	size_t from = j->cursor;
	/* A new search starts with the line under the cursor itself. */
	if (from_here && jsontree_matches(j->tree, from, j->needle))
		return;
	if (jsontree_find(j->tree, j->needle, from, forward, &line))
		j->cursor = line;
	else
		jsonview_set_note(j, xasprintf("no match for \"%s\"", j->needle));
}

/* Enter on a value: a container folds or unfolds; a long string opens whole in a text view. */
static void jsonview_enter(struct view *v)
{
	struct jsonview *j = jv(v);
	struct jsontree_line l;
	jsontree_line(j->tree, j->cursor, &l);
	if (l.container) {
		j->cursor = jsontree_toggle(j->tree, j->cursor);
		return;
	}
	json_t *val = jsontree_value(j->tree, j->cursor);
	if (!json_is_string(val))
		return;
	char *path = jsontree_path(j->tree, j->cursor);
	struct view *tv = textview_new(v->app, path);
	textview_add(tv, ROLE_NORMAL, 0, json_string_value(val));
	free(path);
	app_push_view(v->app, tv);
}

/* zc zo za zM zR, as in vi: fold, unfold, toggle, fold all, unfold all. */
static void jsonview_z(struct jsonview *j, int key)
{
	switch (key) {
	case 'c':
		j->cursor = jsontree_set_fold(j->tree, j->cursor, true);
		break;
	case 'o':
		j->cursor = jsontree_set_fold(j->tree, j->cursor, false);
		break;
	case 'a':
		j->cursor = jsontree_toggle(j->tree, j->cursor);
		break;
	case 'M':
		jsontree_fold_all(j->tree, true);
		j->cursor = 0;
		break;
	case 'R':
		jsontree_fold_all(j->tree, false);
		break;
	default:
		break;
	}
}

static bool jsonview_search_key(struct view *v, int key)
{
	struct jsonview *j = jv(v);
	if (key == K_ESC) {
		j->searching = false;
	} else if (keys_is_enter(key)) {
		j->searching = false;
		free(j->needle);
		j->needle = j->search.text.len ? xstrdup(j->search.text.buf) : NULL;
		if (j->needle)
			jsonview_find(j, true, true);
	} else {
		textinput_key(&j->search, key);
	}
	app_dirty(v->app);
	return true;
}

/* Raw keys: the search line, and the key after z. */
static bool jsonview_key(struct view *v, int key)
{
	struct jsonview *j = jv(v);
	if (j->searching)
		return jsonview_search_key(v, key);
	jsonview_set_note(j, NULL);
	app_dirty(v->app);
	if (!j->z_pending)
		return false;
	j->z_pending = false;
	jsonview_z(j, key);
	jsonview_clamp(j);
	return true;
}

static bool jsonview_request(struct view *v, enum action_req req)
{
	struct jsonview *j = jv(v);
	size_t page = j->body > 1 ? (size_t)j->body - 1 : 1;
	if (action_move(req, &j->cursor, page, jsontree_count(j->tree))) {
		/* A page turns the view with the cursor. */
		if (req == REQ_PAGE_DOWN)
			j->top += page;
		else if (req == REQ_PAGE_UP)
			j->top = j->top > page ? j->top - page : 0;
		jsonview_clamp(j);
		app_dirty(v->app);
		return true;
	}
	switch (req) {
	case REQ_OPEN:
		jsonview_enter(v);
		break;
	case REQ_FOLD_TOGGLE:
		j->cursor = jsontree_toggle(j->tree, j->cursor);
		break;
	case REQ_FOLD_CLOSE: {
		/* Fold the open container here (its closing line counts), or go up to the one holding this value. */
		struct jsontree_line l;
		jsontree_line(j->tree, j->cursor, &l);
		if (l.closing || jsontree_is_open(j->tree, j->cursor))
			j->cursor = jsontree_set_fold(j->tree, j->cursor, true);
		else
			j->cursor = jsontree_parent(j->tree, j->cursor);
		break;
	}
	case REQ_FOLD_OPEN: {
		struct jsontree_line l;
		jsontree_line(j->tree, j->cursor, &l);
		if (l.container && l.folded)
			j->cursor = jsontree_set_fold(j->tree, j->cursor, false);
		else if (jsontree_is_open(j->tree, j->cursor))
			j->cursor++;
		break;
	}
	case REQ_FOLD_MENU:
		j->z_pending = true;
		break;
	case REQ_FILTER:
		j->searching = true;
		textinput_set(&j->search, "");
		break;
	case REQ_NEXT_MATCH:
	case REQ_PREV_MATCH:
		if (j->needle)
			jsonview_find(j, req == REQ_NEXT_MATCH, false);
		else
			jsonview_set_note(j, xstrdup("no search yet: / starts one"));
		break;
	case REQ_BACK:
		app_close_view(v->app, v);
		return true;
	default:
		return false;
	}
	jsonview_clamp(j);
	app_dirty(v->app);
	return true;
}

static void jsonview_destroy(struct view *v)
{
	struct jsonview *j = jv(v);
	jsontree_free(j->tree);
	free(j->title);
	free(j->needle);
	free(j->note);
	textinput_free(&j->search);
	free(j);
}

static const struct view_ops jsonview_ops = {
	.where = WHERE_JSON,
	.draw = jsonview_draw,
	.key = jsonview_key,
	.request = jsonview_request,
	.destroy = jsonview_destroy,
};

struct view *jsonview_new(struct app *a, const char *title, json_t *json)
{
	struct view *v = xcalloc(1, sizeof(*v));
	struct jsonview *j = xcalloc(1, sizeof(*j));
	j->title = sanitize_str(title, SANITIZE_LINE);
	j->tree = jsontree_new(json);
	j->body = 1;
	textinput_init(&j->search, false);
	v->ops = &jsonview_ops;
	v->app = a;
	v->data = j;
	v->fullscreen = true;
	return v;
}
