/* Writing a batch command's results to a stream: tables, records and JSON, every write checked. */
#ifndef KT_BATCH_OUT_H
#define KT_BATCH_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cmd_output;

/* The writer of one batch run. */
struct batch_out {
	FILE *f;        /* where results go (stdout) */
	bool tty;       /* f is a terminal: tables fitted to width, JSON escaped to ASCII */
	int width;      /* the terminal's width, for fitted tables */
	int err;        /* errno of the first write that failed; 0 while everything went out */
};

/* Start writing to f (a terminal of width columns when tty). */
void batch_out_init(struct batch_out *o, FILE *f, bool tty, int width);
/* Write one result (as JSON when json and it has JSON) and flush it; false once any write has failed. */
bool batch_out_write(struct batch_out *o, const struct cmd_output *out, bool json);
/* Write text as it is; false once any write has failed. */
bool batch_out_text(struct batch_out *o, const char *s, size_t len);
/* Flush what is buffered; false once any write has failed. */
bool batch_out_flush(struct batch_out *o);

#endif
