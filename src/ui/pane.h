/*
 * The pane core: one generic list drawn from a pane's ops table. The core owns the rows
 * (appends pages, drops rows a later page repeats, finds rows by id), the paging, the
 * cursor and the marks (kept by id across reloads), the server-side filters (a query of
 * the pane's list command) and the detail view's plumbing. It knows nothing of Kibana;
 * a pane is one file that fills a struct pane_ops, listed once in panes.c.
 */
#ifndef KT_PANE_H
#define KT_PANE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cmd/cmd.h"
#include "cmd/query.h"
#include "core/column.h"
#include "core/fetchlimit.h"
#include "core/rowset.h"
#include "ui/action.h"
#include "ui/listmodel.h"
#include "ui/theme.h"

struct app;
struct pane;
struct strbuf;
struct view;
struct worker_done;

/* A key of one pane that is not a command: its rows (the marked ones, or the cursor's; in a detail view, the one shown). */
struct pane_action {
	const char *name;  /* for bind and help: "cases-of-alert" */
	const char *key;   /* default key, as keys_parse names it */
	const char *help;
	const char *hint;  /* hint-bar label, or NULL */
	unsigned where;    /* WHERE_LIST and/or WHERE_DETAIL */
	void (*run)(struct pane *p, const void *const *rows, size_t n);
};

/* What a page model holds for the core. */
struct pane_page {
	void *rows;          /* the page's rows (an array of row_size items); the core moves them out */
	size_t n;
	long long total;     /* rows on the server, -1 unknown */
	bool total_floor;    /* total is a lower bound ("at least") */
	bool last;           /* no page follows (for newer rows: none are left beyond these) */
	bool newer;          /* set by the core: rows newer than the top one; the totals count only these */
	size_t bad;          /* rows that could not be read (placeholders among rows) */
};

/* A detail view of one of a pane's objects (ui/detail.h). */
struct detail;

/* What a pane does. name, title, columns, rows, and request and page (or local) are required. */
struct pane_ops {
	const char *name;                    /* "cases": matches cmd_def.pane */
	const char *title;                   /* tab label: "Cases" */
	const struct column *columns;        /* shared with the batch table of its list command; NULL title ends it */
	const struct rowset_kind *rows;      /* its row type */
	const struct query_desc *query;      /* its list command's filters, or NULL */
	enum cmd_id_kind id_kind;            /* what its row ids are, for completion and pickers */
	/* Optional, instead of request and page: every row at once, made locally (a list of commands). */
	void (*local)(struct pane *p, struct pane_page *out);
	/* The request for the next page: p->pages pages are in; last is the last row (keyset paging), or NULL. */
	struct api_request *(*request)(struct pane *p, const void *last);
	/* The rows and totals of a page model (and anything else the pane keeps from it, such as counts). */
	void (*page)(struct pane *p, void *model, struct pane_page *out);
	/* Optional: make and free p->data (state beyond the query). */
	void (*init)(struct pane *p);
	void (*fini)(struct pane *p);
	/* Optional: the text the / filter searches in (default: every cell). */
	void (*row_text)(const void *row, struct strbuf *out);
	/* Optional: "label\tdetail" of a row for pickers and completion (default: the first two cells). */
	void (*row_label)(const void *row, struct strbuf *out);
	/* Optional: the value of a command argument taken from rows (ids, version); NULL if none. */
	char *(*arg_value)(struct pane *p, const struct cmd_arg *arg, const void *const *rows, size_t n);
	/* Optional: counts and notes for the line under the header (after the core's own). */
	void (*summary)(struct pane *p, struct strbuf *out);
	/* Optional: called about once a second (pending things that refresh on their own). */
	void (*tick)(struct pane *p);
	/* Optional: what the pane is still following, said before quitting ("2 response actions are pending"), or NULL. */
	char *(*busy)(struct pane *p);
	/* Optional: its own keys (terminated by an entry with name NULL). */
	const struct pane_action *actions;
	/* Optional: Enter on a row (default: the detail view, if the pane has one). */
	void (*open)(struct pane *p, const void *row);
	/* Optional: the object's page in Kibana (its detail view's title and id link there; o, y and Y), or NULL. */
	char *(*link)(struct pane *p, const void *row, const char *id);
	/* The detail view: the request that loads one object by id (a model of the row type), or NULL for none. */
	struct api_request *(*detail_request)(const char *id);
	/* Optional: the object in the detail request's model (default: the model is the object); NULL: gone. */
	void *(*detail_row)(void *model);
	/* Optional: more requests for the detail view (comments, attached alerts): submit with detail_submit. */
	void (*detail_more)(struct detail *d);
	/* Optional: the object has (re)loaded: ask for what depends on what it says, with detail_submit. */
	void (*detail_loaded)(struct detail *d, const void *row);
	/* Draw the detail view's text from its object (NULL while only the id is known). */
	void (*detail_fill)(struct detail *d, struct view *v, const void *row);
	/* Optional: the detail view shows its last line (load more of what detail_more loads, as the list pages). */
	void (*detail_end)(struct detail *d);
	/* Optional: free what detail_more stored in the detail's extra. */
	void (*detail_free)(struct detail *d);
	/*
	 * Optional: the request for rows newer than first (the top row), as a page model of request's,
	 * so a refresh fetches only what is new; NULL when the pane cannot ask now (then it reloads).
	 */
	struct api_request *(*newer)(struct pane *p, const void *first);
	/* Optional: a row's time (ISO 8601), for the "since I last looked" marker. */
	const char *(*row_time)(const void *row);
	/* Optional: whether a row that arrives new is worth a notification (a critical or high alert). */
	bool (*urgent)(const void *row);
};

/* A pane instance. */
struct pane {
	const struct pane_ops *ops;
	size_t n_columns;        /* in ops->columns */
	struct app *app;
	struct rowset rows;
	struct listmodel list;
	struct query query;      /* the server-side filters (when ops->query) */
	void *data;
	uint64_t generation;     /* bumped on reload: older answers are dropped */
	unsigned loading;        /* page requests in flight */
	long pages;              /* pages taken since the last reload */
	bool complete;           /* every page is loaded */
	bool gone;               /* freed while pages were on the way: the last one frees it */
	bool outdated;           /* a change elsewhere may have touched its rows: reload when shown */
	bool loaded_once;
	long long total;         /* rows on the server, -1 unknown */
	bool total_floor;        /* total is a lower bound */
	size_t bad;              /* rows loaded since the last reload that could not be read */
	char *error;             /* last load error (the rows shown stay) */
	long long last_good;     /* wall clock of the last page that loaded */
	char *reselect;          /* row id the cursor goes back to once a reload brings it */
	char **remark;           /* ids marked before a reload, waiting for their rows */
	size_t n_remark;
	size_t restore_rows;     /* a reload fetches pages until it holds this many rows again */
	struct fetch_count fetched; /* pages, rows and bytes since the last reload, against the profile's limits */
	char *stopped;           /* why loading stopped short of the end (a whole-fetch limit), or NULL */
	char **fresh;            /* ids of rows that came in new (since the marker, or by a refresh), not seen yet */
	size_t n_fresh;
	char *seen_upto;         /* the newest row time the user has seen (row_time panes), or NULL */
	bool reloaded;           /* reloaded since it first loaded: the last run's marker no longer flags rows */
};

/* Create a pane from its ops. */
struct pane *pane_new(struct app *a, const struct pane_ops *ops);
/* Destroy it (at once, or when the pages on the way have come back). */
void pane_free(struct pane *p);
/* Row i of the pane's rows (data order). */
void *pane_row(const struct pane *p, size_t i);
/* The row under the cursor, or NULL. */
void *pane_cursor_row(const struct pane *p);
/* The rows a bulk action applies to: the marked ones, or the cursor's (count in *n; caller frees the array). */
const void **pane_selection(const struct pane *p, size_t *n);
/* The row with this id, or NULL. */
void *pane_find(const struct pane *p, const char *id);
/* Replace the row with the same id as *row (moved in) and redraw; false when the pane does not hold it. */
bool pane_update_row(struct pane *p, void *row);
/* Reload from the first page, keeping the cursor and the marks on their rows if the new data has them. */
void pane_reload(struct pane *p);
/* Ask for more rows if the cursor is near the end and more exist. */
void pane_maybe_more(struct pane *p, int page_height);
/* Record a load error (NULL clears it). */
void pane_set_error(struct pane *p, const char *msg);
/* Run a list request typed at ':' ("cases --status open") as the pane's filters; false if not its command. */
bool pane_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err);
/* The line under the header: filters, counts, marks, sort. */
void pane_summary(struct pane *p, struct strbuf *out);
/* Handle a request on the list; true if it applies here. */
bool pane_request(struct pane *p, enum action_req req, int page_height);
/* Ids of a kind this pane has loaded, for completion and pickers (appended to out as "id\tlabel\tdetail" lines). */
void pane_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out);
/* The value of a command argument from rows (the pane's arg_value, or the row id for an id argument of its kind). */
char *pane_arg_value(struct pane *p, const struct cmd_arg *arg, const void *const *rows, size_t n);
/* Open the detail view of the object with this id, loaded or not (Enter, jumps from other panes, `case show`). */
void pane_open_id(struct pane *p, const char *id);
/*
 * Fetch only the rows newer than the top one and put them on top, the cursor's row staying where
 * it is on screen; false (nothing sent) when the pane cannot ask for them now.
 */
bool pane_refresh_new(struct pane *p);
/* Rows that came in new and are not seen yet (the cursor has not been on them). */
size_t pane_fresh_count(const struct pane *p);
/* Whether a row came in new and is not seen yet. */
bool pane_is_fresh(const struct pane *p, const void *row);
/* The "since I last looked" time from an earlier run (before the first load): rows after it load as new. */
void pane_set_seen_marker(struct pane *p, const char *time);
/* Draw the list in the area (y, x, h, w); h includes the column header line. */
void pane_draw(struct pane *p, int y, int x, int h, int w);
/* The text of a row's column c (the pane's clock for relative times). */
void pane_cell(const struct pane *p, const void *row, size_t c, struct strbuf *out);

#endif
