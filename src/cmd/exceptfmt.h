/* Presenting endpoint exception items: shared by the batch table and the TUI's list and detail views. */
#ifndef KT_EXCEPTFMT_H
#define KT_EXCEPTFMT_H
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct exception_item;
struct record;

/* The columns of an exception list (terminated by a NULL title). */
extern const struct column exceptfmt_columns[];
/* Exception items as rows of a list (struct exception_item, by id). */
extern const struct rowset_kind exceptfmt_rows;
/* The filters of `exceptions endpoint` (struct exceptions_query), shared with its list view. */
extern const struct query_desc exceptfmt_query;

/* Every condition of an item as one line ("process.name is nessusd AND ..."); caller frees. */
char *exceptfmt_conditions(const struct exception_item *it);
/* Everything about an item, comments included, as a record. */
void exceptfmt_record(struct record *r, const struct exception_item *it);

#endif
