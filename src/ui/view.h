/* Views stacked over the panes: detail and result viewers, forms, pickers, dialogs, help. */
#ifndef KT_VIEW_H
#define KT_VIEW_H
#include <curses.h>
#include <stdbool.h>

struct app;
struct view;

/* What a kind of view does. */
struct view_ops {
	/* Draw into the area (y, x, h, w) of the standard screen. */
	void (*draw)(struct view *v, int y, int x, int h, int w);
	/* Handle a key; false lets the app treat it (e.g. quit). */
	bool (*key)(struct view *v, int key);
	/* Free v->data. */
	void (*destroy)(struct view *v);
	/* The key-hint bar text while this view is on top. */
	const char *(*hints)(struct view *v);
	/* The data it shows may have changed (a command changed something): reload it. May be NULL. */
	void (*reload)(struct view *v);
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
