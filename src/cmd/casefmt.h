/* Presenting cases as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_CASEFMT_H
#define KT_CASEFMT_H
#include <stddef.h>

struct kb_case;
struct record;

/* Join strings with ", " (caller frees). */
char *casefmt_join(char *const *v, size_t n);
/* Everything about a case, comments included, as a record. */
void casefmt_record(struct record *r, const struct kb_case *c);

#endif
