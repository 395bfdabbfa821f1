/*
 * A pane's list inside a full-screen view (a list that has no tab of its own, such as the
 * endpoint exceptions): the same pane core, paging, filter, detail view and keys.
 */
#ifndef KT_LISTVIEW_H
#define KT_LISTVIEW_H
#include <stdbool.h>

struct app;
struct pane_ops;

/* Open the list of ops with its list command's arguments; false (and *err) when they are not valid. */
bool listview_open(struct app *a, const struct pane_ops *ops, int argc, char **argv, char **err);

#endif
