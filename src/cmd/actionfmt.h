/* Presenting response actions as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_ACTIONFMT_H
#define KT_ACTIONFMT_H
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct record;
struct response_action;

/* The columns of a response-action list (terminated by a NULL title). */
extern const struct column actionfmt_columns[];
/* Response actions as rows of a list (struct response_action, by id). */
extern const struct rowset_kind actionfmt_rows;
/* The filters of `actions` (struct actions_query), shared with the Actions pane. */
extern const struct query_desc actionfmt_query;

/* Everything about an action, its outputs included (a process list as a table), as a record. */
void actionfmt_record(struct record *r, const struct response_action *a);
/*
 * What a finished action came to, compactly, as the response console shows it: its errors, then
 * per command the processes, the process acted on, the file retrieved, the command's exit code
 * and output, where an upload went; download_hint names how to save a file it left.
 */
void actionfmt_outcome(struct record *r, const struct response_action *a, const char *download_hint);

#endif
