/* Presenting alerts as text: shared by the batch output and the TUI's detail view. */
#ifndef KT_ALERTFMT_H
#define KT_ALERTFMT_H

struct alert;
struct record;

/* An alert's fields grouped (alert, rule, host, user, process, network, file, other) as a record. */
void alertfmt_record(struct record *r, const struct alert *a);
/* The risk score as text ("73", "-" when absent) into buf. */
void alertfmt_risk(const struct alert *a, char *buf, unsigned long len);

#endif
