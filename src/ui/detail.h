/*
 * The detail view of one object of a pane, for every pane: it loads the object by id
 * (showing what the list holds meanwhile), asks the pane for what goes with it, draws
 * it through the pane's detail_fill, reloads after a change, and lets the pane's
 * commands and actions act on the object it shows.
 */
#ifndef KT_DETAIL_H
#define KT_DETAIL_H

struct api_request;
struct detail;
struct pane;
struct view;
struct worker_done;

/* Open the detail view of the object with this id in pane p (loaded or not; "" for one not made yet); returns it. */
struct detail *detail_open(struct pane *p, const char *id);
/* The object a detail view was opened for before it existed now has this id: it is loaded from now on. */
void detail_set_id(struct detail *d, const char *id);
/* The text view a detail view draws into. */
struct view *detail_view(const struct detail *d);
/* The pane a detail view belongs to. */
struct pane *detail_pane(const struct detail *d);
/* The id of the object a detail view shows. */
const char *detail_id(const struct detail *d);
/* The object shown: the loaded copy, else the pane's row with that id, else NULL. */
const void *detail_row(const struct detail *d);
/* Where the pane keeps what detail_more loads (freed by the pane's detail_free). */
void **detail_extra(struct detail *d);
/* Send a request for a detail view; done runs with the answer while the view is open (unless the view was
 * reloaded since: an older answer is dropped), then the view is redrawn. */
void detail_submit(struct detail *d, struct api_request *req, void (*done)(struct detail *d, struct worker_done *w));
/* Load the object and its parts again. */
void detail_reload(struct detail *d);
/* The detail view showing id in pane p, or NULL (a command's result can refresh it). */
struct detail *detail_find(struct pane *p, const char *id);
/* Redraw the view from what it holds. */
void detail_redraw(struct detail *d);

#endif
