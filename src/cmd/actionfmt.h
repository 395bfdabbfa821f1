/* Presenting response actions as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_ACTIONFMT_H
#define KT_ACTIONFMT_H

struct record;
struct response_action;
struct table;

/* Everything about an action, its outputs included (a process list as a table), as a record. */
void actionfmt_record(struct record *r, const struct response_action *a);
/* Start a table of actions (ID, COMMAND, STATUS, HOSTS, BY, STARTED, COMMENT); free with table_free. */
void actionfmt_table_init(struct table *t);
/* Add one action to a table from actionfmt_table_init. */
void actionfmt_table_add(struct table *t, const struct response_action *a);

#endif
