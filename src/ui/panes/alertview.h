/* What the Alerts pane and its detail view share: the detail view, the cases-of-an-alert jump, response actions. */
#ifndef KT_ALERTVIEW_H
#define KT_ALERTVIEW_H

struct alert;
struct app;
struct pane;

/* Open the detail view of an alert (a copy is kept); actions in it act through the pane p. */
void alertview_open(struct pane *p, const struct alert *a);
/* Pick one of the cases holding an alert, then show it in the Cases pane. */
void alertview_cases_jump(struct app *a, const char *alert_id);
/* Open `endpoint <verb>` ("suspend", "isolate") as a form prefilled from an alert; the Actions pane tracks the result. */
void alertview_respond(struct app *a, const struct alert *al, const char *verb);

#endif
