/* Presenting AI-assistant conversations: their list's columns and filters, shared by `conversations` and the pane. */
#ifndef KT_CONVFMT_H
#define KT_CONVFMT_H
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct conversation;
struct record;

/* The columns of a conversation list (terminated by a NULL title). */
extern const struct column convfmt_columns[];
/* Conversations as rows of a list (struct conversation, by id). */
extern const struct rowset_kind convfmt_rows;
/* The filters of `conversations` (struct conversations_query), shared with the Conversations pane. */
extern const struct query_desc convfmt_query;
/* A conversation with its messages as a record (`conversation show`). */
void convfmt_record(struct record *r, const struct conversation *c);

#endif
