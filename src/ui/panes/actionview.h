/* What the Actions pane and its detail view share. */
#ifndef KT_ACTIONVIEW_H
#define KT_ACTIONVIEW_H

struct actionview;
struct app;
struct pane;
struct response_action;

/* Open the detail view of an action (loaded with its outputs); *slot points at it until it closes. */
void actionview_open(struct pane *p, const struct response_action *a, struct actionview **slot);
/* The action the view shows, or NULL. */
const char *actionview_id(const struct actionview *av);
/* Show a fresher copy of the action (e.g. it just completed): reloads it with its outputs. */
void actionview_refresh(struct actionview *av);
/* Pick a process from a running-processes action, then open `endpoint suspend` prefilled with it. */
void actionview_pick_process(struct app *a, const char *action_id);

#endif
