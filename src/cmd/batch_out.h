/*
 * Writing a batch command's results to a stream: tables, records, JSON and NDJSON, whole or a
 * list's pieces as they come, every write checked. A list's JSON is one document built piece by
 * piece (its items array written item by item); a run that fails halfway leaves it unterminated,
 * so it can never pass for the whole list.
 */
#ifndef KT_BATCH_OUT_H
#define KT_BATCH_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cmd_output;

/* How results are written. */
enum batch_format {
	BATCH_TEXT,   /* tables and records */
	BATCH_JSON,   /* the API's JSON, indented */
	BATCH_NDJSON, /* JSON, one list item (or one result) per line */
};

/* The writer of one batch run. */
struct batch_out {
	FILE *f;        /* where results go (stdout) */
	bool tty;       /* f is a terminal: tables fitted to width, JSON escaped to ASCII */
	int width;      /* the terminal's width, for fitted tables */
	int err;        /* errno of the first write that failed; 0 while everything went out */
	/* A list being written in pieces: */
	int *widths;    /* its table's column widths, chosen with the first piece */
	size_t items;   /* JSON items written so far */
	size_t depth;   /* JSON objects open around its items array */
};

/* Start writing to f (a terminal of width columns when tty). */
void batch_out_init(struct batch_out *o, FILE *f, bool tty, int width);
/* Write one result, or one piece of a list, in a format and flush it; false once any write has failed. */
bool batch_out_write(struct batch_out *o, const struct cmd_output *out, enum batch_format fmt);
/* Write text as it is; false once any write has failed. */
bool batch_out_text(struct batch_out *o, const char *s, size_t len);
/* Flush what is buffered; false once any write has failed. */
bool batch_out_flush(struct batch_out *o);
/* Free what a list left behind (a run that failed halfway). */
void batch_out_free(struct batch_out *o);

#endif
