/* One page of a list command's rows, shown whole: a table by the entity's columns, or the answer's JSON. */
#ifndef KT_LISTPAGE_H
#define KT_LISTPAGE_H
#include <jansson.h>
#include <stddef.h>

struct cmd_ctx;
struct column;

/* A page as a command got it; everything is borrowed. */
struct listpage {
	const struct column *columns; /* the entity's column table (cmd/Xfmt.c) */
	const void *rows;             /* n rows of size bytes each (placeholders among them) */
	size_t n, size;
	size_t bad;                   /* rows that could not be read */
	json_t *json;                 /* the answer as it came */
	const char *items_path;       /* where its rows sit in json ("data"); each has an "id" */
	const char *title;
};

/* Hand the page to the command's front end: with --json less its rows without an id, with --ndjson a row a line. */
void listpage_output(struct cmd_ctx *ctx, const struct listpage *lp);

#endif
