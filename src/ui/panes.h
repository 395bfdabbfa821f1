/* The panes of the TUI, in tab order: adding a pane is one file plus one entry in panes.c. */
#ifndef KT_PANES_H
#define KT_PANES_H
#include "ui/pane.h"

/* Every pane's ops, NULL-terminated, in tab order (1, 2, 3, ...). */
extern const struct pane_ops *const panes_all[];

/* The Cases pane (panes/cases.c). */
extern const struct pane_ops cases_pane_ops;

#endif
