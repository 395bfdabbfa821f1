/* Presenting alerts as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_ALERTFMT_H
#define KT_ALERTFMT_H
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct alert;
struct record;

/* The columns of an alert list: the Alerts pane and `alerts` show these (terminated by a NULL title). */
extern const struct column alertfmt_columns[];
/* Alerts as rows of a list (struct alert, by _id). */
extern const struct rowset_kind alertfmt_rows;
/* The filters of `alerts` (struct alerts_query), shared with the Alerts pane. */
extern const struct query_desc alertfmt_query;

/* An alert's fields grouped (alert, rule, host, user, process, network, file, other) as a record. */
void alertfmt_record(struct record *r, const struct alert *a);
/* The risk score as text ("73", "-" when absent) into buf. */
void alertfmt_risk(const struct alert *a, char *buf, unsigned long len);

#endif
