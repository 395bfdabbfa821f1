/* A record: labelled values and text blocks describing one object (a case, an action). */
#ifndef KT_RECORD_H
#define KT_RECORD_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* One line or block of a record. */
struct record_item {
	char *label;   /* NULL for a section heading */
	char *value;   /* sanitized; blocks may hold newlines */
	bool block;    /* shown under its label, indented, possibly several lines */
};

/* The record; items are appended in display order. */
struct record {
	struct record_item *items;
	size_t n, cap;
};

/* Start an empty record. */
void record_init(struct record *r);
/* Free it. */
void record_free(struct record *r);
/* "label: value" on one line; value is untrusted (sanitized here); NULL shows "-". */
void record_add(struct record *r, const char *label, const char *value);
/* As record_add with printf formatting of the value. */
void record_addf(struct record *r, const char *label, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A labelled multi-line block (descriptions, comments, outputs). */
void record_add_block(struct record *r, const char *label, const char *text);
/* A section heading ("Comments"). */
void record_add_section(struct record *r, const char *title);
/* Render as text for a terminal or a pipe: labels padded to one column. */
void record_render(const struct record *r, struct strbuf *out);

#endif
