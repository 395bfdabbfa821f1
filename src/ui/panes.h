/* The panes of the TUI, in tab order: adding a pane is one file plus one entry in panes.c. */
#ifndef KT_PANES_H
#define KT_PANES_H
#include "ui/pane.h"

/* Every pane's ops, NULL-terminated, in tab order (1, 2, 3, ...). */
extern const struct pane_ops *const panes_all[];
/* Lists with no tab of their own, opened in a list view by their list command; NULL-terminated. */
extern const struct pane_ops *const panes_views[];

/* The list view pane called name, or NULL. */
const struct pane_ops *panes_view(const char *name);

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
/* The Endpoints pane: Elastic Defend hosts and the response actions on them (panes/endpoints.c). */
extern const struct pane_ops endpoints_pane_ops;
/* The endpoint exceptions list (panes/exceptions.c). */
extern const struct pane_ops exceptions_pane_ops;

#endif
