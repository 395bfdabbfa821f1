/* Presenting Elastic Defend endpoints as text: shared by `endpoints`, the Endpoints pane and its detail view. */
#ifndef KT_ENDPOINTFMT_H
#define KT_ENDPOINTFMT_H
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct endpoint_host;
struct record;

/* The columns of an endpoint list (terminated by a NULL title). */
extern const struct column endpointfmt_columns[];
/* Endpoints as rows of a list (struct endpoint_host, by agent id). */
extern const struct rowset_kind endpointfmt_rows;
/* The filters and sort of `endpoints` (struct endpoints_query), shared with the Endpoints pane. */
extern const struct query_desc endpointfmt_query;

/* "isolated", "isolating", "releasing" or "no": the isolation state and a pending change. */
const char *endpointfmt_isolation(const struct endpoint_host *h);
/* Everything about a host as a record. */
void endpointfmt_record(struct record *r, const struct endpoint_host *h);

#endif
