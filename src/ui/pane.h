/*
 * The pane core: one generic list (rows, cursor, scroll, marks, filter) drawn
 * from a pane's ops table. The core knows nothing of Kibana; a pane is one file
 * that fills a struct pane_ops, listed once in panes.c.
 */
#ifndef KT_PANE_H
#define KT_PANE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cmd/cmd.h"
#include "ui/listmodel.h"
#include "ui/theme.h"

struct app;
struct pane;
struct strbuf;

/* A column of a pane's list. */
struct pane_column {
	const char *title;
	int min;       /* never narrower */
	int max;       /* no wider (0: as wide as the spare room allows) */
	int weight;    /* share of spare room, relative to other columns */
	bool right;    /* right-aligned (numbers) */
};

/* A pane key that is not a command (sorting, quick filters), for help and the hint bar. */
struct pane_keyhelp {
	const char *key;
	const char *help;
};

/* What a pane does; name, title, columns, init, fini, drop, more and cell are required. */
struct pane_ops {
	const char *name;                    /* "cases": matches cmd_def.pane */
	const char *title;                   /* tab label: "Cases" */
	const struct pane_column *columns;
	size_t n_columns;
	/* Make p->data. */
	void (*init)(struct pane *p);
	/* Free p->data. */
	void (*fini)(struct pane *p);
	/* Drop every row (the core then reloads from the first page). */
	void (*drop)(struct pane *p);
	/* Request the next page with pane_fetch (the first one after a clear). */
	void (*more)(struct pane *p);
	/* The id of a row, so the cursor stays on it across reloads. */
	const char *(*row_id)(struct pane *p, size_t row);
	/* Text and colour of one cell. */
	void (*cell)(struct pane *p, size_t row, size_t col, struct strbuf *text, enum theme_role *role);
	/* Text the / filter searches in. */
	void (*row_text)(struct pane *p, size_t row, struct strbuf *out);
	/* Enter on a row: open its detail view. */
	void (*open)(struct pane *p, size_t row);
	/* Open the detail view of the object with this id, loaded or not (jumps from other panes). */
	void (*open_id)(struct pane *p, const char *id);
	/* The value of a command argument taken from the selected rows (ids, version); NULL if none. */
	char *(*arg_value)(struct pane *p, const struct cmd_arg *arg, const size_t *rows, size_t n);
	/* A list command typed at ':' ("cases --status open"): take its filters; false if not understood. */
	bool (*apply)(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err);
	/* The line under the header: counts, filters, sort. */
	void (*summary)(struct pane *p, struct strbuf *out);
	/* Called about once a second (pending things that refresh on their own). */
	void (*tick)(struct pane *p);
	/* Pane-specific keys that are not commands (sort cycling...); true if handled. */
	bool (*key)(struct pane *p, int key);
	/* Its own keys, for help (terminated by an entry with key NULL); may be NULL. */
	const struct pane_keyhelp *keyhelp;
	/* Ids of a kind this pane has loaded, for completion and pickers (appended to out as "id\tlabel" lines). */
	void (*ids)(struct pane *p, enum cmd_id_kind kind, struct strbuf *out);
};

/* A pane instance. */
struct pane {
	const struct pane_ops *ops;
	struct app *app;
	struct listmodel list;
	void *data;
	uint64_t generation;   /* bumped on reset: older results are dropped */
	unsigned loading;      /* requests in flight for this pane */
	bool complete;         /* every page is loaded */
	long long total;       /* rows on the server, -1 unknown */
	char *error;           /* last load error, shown in the list area */
	bool loaded_once;
	char *reselect;        /* row id the cursor goes back to when the reload brings it */
};

/* Takes a page for the pane's current generation into the pane's data; returns the new row count. */
typedef size_t (*pane_take_fn)(struct pane *p, struct worker_done *done);

/* Create a pane from its ops. */
struct pane *pane_new(struct app *a, const struct pane_ops *ops);
/* Destroy it. */
void pane_free(struct pane *p);
/* The pane's data changed outside a fetch: it has n rows, the first keep unchanged. */
void pane_rows_changed(struct pane *p, size_t n, size_t keep);
/* Record a load error (NULL clears it). */
void pane_set_error(struct pane *p, const char *msg);
/* Reload from the first page, keeping the cursor on its row if the new data has it. */
void pane_reload(struct pane *p);
/*
 * Send a page request for the pane's current generation: the core counts it in flight,
 * drops the answer if the pane has moved on, shows a failure as the pane's error, and
 * otherwise hands the answer to take.
 */
void pane_fetch(struct pane *p, struct api_request *req, pane_take_fn take);
/* Draw the list in the area (y, x, h, w); h includes the column header line. */
void pane_draw(struct pane *p, int y, int x, int h, int w);
/* Handle a key common to lists (moves, marks, filter, refresh); true if handled. */
bool pane_key(struct pane *p, int key, int page_height);
/* Ask for more rows if the cursor is near the end and more exist. */
void pane_maybe_more(struct pane *p, int page_height);
/* Compute column widths for a total width; out has n_columns entries. */
void pane_layout(const struct pane_column *cols, size_t n, int width, int *out);
/* The command bound to key in this pane (its own commands first, then those of no pane), or NULL. */
const struct cmd_def *pane_command_for_key(const struct pane *p, int key);

#endif
