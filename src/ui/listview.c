#include "config.h"
#include "ui/listview.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/textinput.h"
#include "ui/view.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>

struct listview {
	struct pane *pane;
	bool filtering;         /* the bottom line is the / filter */
	struct textinput input;
	int page;               /* list rows the last frame had */
};

static void listview_draw(struct view *v, int y, int x, int h, int w)
{
	struct listview *l = v->data;
	struct pane *p = l->pane;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s  ", p->ops->title);
	if (p->list.filter)
		strbuf_printf(&sb, "filter \"%s\": %zu of %zu loaded  ", p->list.filter, p->list.n_visible, p->list.n_rows);
	if (p->list.n_marked)
		strbuf_printf(&sb, "%zu marked  ", p->list.n_marked);
	pane_summary(p, &sb);
	draw_fill(stdscr, y, x, w, ROLE_TITLE);
	draw_untrusted(stdscr, y, x + 1, sb.buf, w - 2, ROLE_TITLE, false);
	strbuf_free(&sb);
	int list_h = h - 1 - (l->filtering ? 1 : 0);
	l->page = list_h - 1;
	pane_draw(p, y + 1, x, list_h, w);
	if (l->filtering) {
		draw_fill(stdscr, y + h - 1, x, w, ROLE_NORMAL);
		draw_text(stdscr, y + h - 1, x, "/", 1, ROLE_INPUT, false);
		textinput_draw(&l->input, y + h - 1, x + 1, 1, w - 1, ROLE_INPUT, true);
	}
}

/* Typing into the / filter line. */
static bool listview_key(struct view *v, int key)
{
	struct listview *l = v->data;
	if (!l->filtering)
		return false;
	if (key == K_ESC) {
		listmodel_set_filter(&l->pane->list, NULL);
		l->filtering = false;
	} else if (keys_is_enter(key)) {
		l->filtering = false;
	} else if (textinput_key(&l->input, key)) {
		listmodel_set_filter(&l->pane->list, l->input.text.buf);
		pane_maybe_more(l->pane, l->page);
	}
	app_dirty(v->app);
	return true;
}

static bool listview_request(struct view *v, enum action_req req)
{
	struct listview *l = v->data;
	switch (req) {
	case REQ_FILTER:
		l->filtering = true;
		textinput_set(&l->input, l->pane->list.filter ? l->pane->list.filter : "");
		app_dirty(v->app);
		return true;
	case REQ_BACK:
		app_close_view(v->app, v);
		return true;
	case REQ_CLEAR:
		if (!pane_request(l->pane, req, l->page))
			app_close_view(v->app, v);
		return true;
	default:
		return pane_request(l->pane, req, l->page);
	}
}

static void listview_destroy(struct view *v)
{
	struct listview *l = v->data;
	pane_free(l->pane);
	textinput_free(&l->input);
	free(l);
}

static void listview_reload(struct view *v)
{
	pane_reload(((struct listview *)v->data)->pane);
}

static struct pane *listview_list(struct view *v)
{
	return ((struct listview *)v->data)->pane;
}

static const struct view_ops listview_ops = {
	.where = WHERE_LIST | WHERE_INVIEW,
	.draw = listview_draw,
	.key = listview_key,
	.request = listview_request,
	.destroy = listview_destroy,
	.reload = listview_reload,
	.list = listview_list,
};

bool listview_open(struct app *a, const struct pane_ops *ops, int argc, char **argv, char **err)
{
	struct pane *p = pane_new(a, ops);
	if (ops->query && query_set_args(&p->query, argc, argv, err) < 0) {
		pane_free(p);
		return false;
	}
	struct listview *l = xcalloc(1, sizeof(*l));
	l->pane = p;
	l->page = 10;
	textinput_init(&l->input, false);
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &listview_ops;
	v->app = a;
	v->data = l;
	v->fullscreen = true;
	app_push_view(a, v);
	pane_reload(p);
	return true;
}
