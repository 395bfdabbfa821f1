/* The panes of the TUI, in tab order: adding a pane is one file plus one entry in panes.c. */
#ifndef KT_PANES_H
#define KT_PANES_H
#include "ui/pane.h"

/* Every pane's ops, NULL-terminated, in tab order (1, 2, 3, ...). */
extern const struct pane_ops *const panes_all[];

/* The Cases pane (panes/cases.c). */
extern const struct pane_ops cases_pane_ops;
/* The Alerts pane (panes/alerts.c). */
extern const struct pane_ops alerts_pane_ops;
/* The Conversations pane (panes/conversations.c). */
extern const struct pane_ops conversations_pane_ops;
/* The Actions pane (panes/actions.c). */
extern const struct pane_ops actions_pane_ops;
/* The Operations pane: every command, to discover and run as a form (panes/ops.c). */
extern const struct pane_ops ops_pane_ops;

#endif
