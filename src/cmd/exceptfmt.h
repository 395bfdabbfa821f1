/* Presenting endpoint exception items: shared by the batch table and the TUI's list and detail views. */
#ifndef KT_EXCEPTFMT_H
#define KT_EXCEPTFMT_H

struct exception_item;
struct record;

/* Every condition of an item as one line ("process.name is nessusd AND ..."); caller frees. */
char *exceptfmt_conditions(const struct exception_item *it);
/* Everything about an item, comments included, as a record. */
void exceptfmt_record(struct record *r, const struct exception_item *it);

#endif
