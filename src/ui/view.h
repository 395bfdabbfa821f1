/* Views stacked over the panes: detail and result viewers, forms, pickers, dialogs, help. */
#ifndef KT_VIEW_H
#define KT_VIEW_H
#include <curses.h>
#include <stdbool.h>
#include "ui/action.h"

struct app;
struct pane;
struct view;

/* What a kind of view does. */
struct view_ops {
	/* Which kind of view this is (WHERE_TEXT, WHERE_JSON, WHERE_LIST, WHERE_FORM...): what keys mean here. */
	unsigned where;
	/* Draw into the area (y, x, h, w) of the standard screen. */
	void (*draw)(struct view *v, int y, int x, int h, int w);
	/* Optional: raw keys first, for typing into a field or a search line; true if taken. */
	bool (*key)(struct view *v, int key);
	/* Handle a request from the action table; false lets the app treat it (e.g. help, quit). */
	bool (*request)(struct view *v, enum action_req req);
	/* Free v->data. */
	void (*destroy)(struct view *v);
	/* Optional: the data it shows may have changed (a command changed something): reload it. */
	void (*reload)(struct view *v);
	/* Optional: a pane's object this view shows (its commands apply to it): the pane, the id, the object or NULL. */
	const void *(*subject)(struct view *v, struct pane **pane, const char **id);
	/* Optional: the pane whose list this view holds (a list inside a view). */
	struct pane *(*list)(struct view *v);
	/* Optional: called about once a second while the view is open (following something that changes). */
	void (*tick)(struct view *v);
};

/* One view on the stack. */
struct view {
	const struct view_ops *ops;
	struct app *app;
	void *data;
	bool overlay;    /* drawn over what is below (dialogs), not instead of it */
	bool fullscreen; /* takes the whole pane area */
	unsigned long serial; /* set when pushed: tells a view from a later one at the same address */
};

#endif
