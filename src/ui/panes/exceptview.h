/* The endpoint exceptions list: a list view (the pane core inside a view) opened from the Operations pane. */
#ifndef KT_EXCEPTVIEW_H
#define KT_EXCEPTVIEW_H

struct app;
struct exceptions_query;

/* Open the list of Elastic Defend endpoint exceptions for a query (copied), paged from the server. */
void exceptview_open(struct app *a, const struct exceptions_query *q);

#endif
