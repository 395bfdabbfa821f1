/* Presenting cases as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_CASEFMT_H
#define KT_CASEFMT_H
#include <stddef.h>
#include "core/column.h"
#include "core/rowset.h"
#include "cmd/query.h"

struct case_comment;
struct kb_case;
struct record;

/* The columns of a case list: the Cases pane and `cases` show these (terminated by a NULL title). */
extern const struct column casefmt_columns[];
/* Cases as rows of a list (struct kb_case, by id). */
extern const struct rowset_kind casefmt_rows;
/* The filters of `cases` (struct cases_query), shared with the Cases pane. */
extern const struct query_desc casefmt_query;

/* Join strings with ", " (caller frees). */
char *casefmt_join(char *const *v, size_t n);
/* Everything about a case, the comments it holds included, as a record. */
void casefmt_record(struct record *r, const struct kb_case *c);
/* Comments and alert attachments as a record section (nothing when n is 0). */
void casefmt_comments(struct record *r, const struct case_comment *comments, size_t n);

#endif
