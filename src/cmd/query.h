/*
 * A list command's filters, declared once: which argument fills which field of the API
 * layer's query struct, and how the summary names it. The batch command, a pane's
 * filters, its `f` line and its summary all loop over the same descriptor.
 */
#ifndef KT_QUERY_H
#define KT_QUERY_H
#include <stdbool.h>
#include <stddef.h>
#include "cmd/cmd.h"

struct strbuf;

/* The C type of the query struct's field an argument fills. */
enum query_kind {
	QUERY_STR,  /* const char * */
	QUERY_STRV, /* const char *const * with a size_t count at off_n */
	QUERY_INT,  /* long, left as it is when the argument is absent */
};

/* One argument of the list command and the field it fills. */
struct query_field {
	const char *arg;      /* the argument's name: "status" */
	const char *label;    /* how the summary names it ("status"), or NULL to leave it out */
	enum query_kind kind;
	size_t off;           /* offsetof the field in the query struct */
	size_t off_n;         /* QUERY_STRV: offsetof the count */
};

/* A list command's filters. */
struct query_desc {
	const char *command;              /* the list command: "cases" */
	size_t size;                      /* sizeof the API layer's query struct */
	const struct query_field *fields; /* terminated by an entry with arg NULL */
	const char *defaults;             /* arguments a pane starts with ("--status open"), or NULL */
	const char *sort_arg;             /* the argument `o` cycles ("sort-field"), or NULL */
	const char *const *sorts;         /* its values, in cycling order */
	const char *const *sort_labels;   /* how the summary names them */
	const char *order_arg;            /* the argument `O` flips ("sort-order"), or NULL */
	const char *cycle_arg;            /* the argument `v` cycles ("status"), or NULL */
	const char *const *cycle;         /* its values; the cycle ends with "all" (the argument left out) */
	/* Optional: check the filled query struct; NULL when fine, else a message (caller frees). */
	char *(*check)(const void *q);
};

/* A list's current filters: the parsed arguments of its command. */
struct query {
	const struct query_desc *desc;
	const struct cmd_def *def;
	struct cmd_value *values;  /* one per argument of def */
};

/* Start with the descriptor's defaults (aborts if its command does not exist: a programming error). */
void query_init(struct query *q, const struct query_desc *desc);
/* Free the values. */
void query_free(struct query *q);
/* Replace every filter with the arguments of a command line's rest; 0, or -1 with *err (nothing changed). */
int query_set_args(struct query *q, int argc, char **argv, char **err);
/* Set one argument (value NULL removes it). */
void query_set(struct query *q, const char *arg, const char *value);
/* The first value of an argument, or NULL. */
const char *query_get(const struct query *q, const char *arg);
/* Fill the API query struct out (zeroed first; strings borrowed from values) from parsed values of def; then check. */
char *query_fill(const struct query_desc *desc, const struct cmd_def *def, const struct cmd_value *values, void *out);
/* The command line that gives these filters: "cases --status open --tag 'a b'". */
void query_line(const struct query *q, struct strbuf *out);
/* "status: open · tag: a,b · search: "x"" for summaries (nothing when unfiltered). */
void query_describe(const struct query *q, struct strbuf *out);
/* The label of the current sort ("updated desc"), or "" when the list has no sort argument. */
void query_sort_text(const struct query *q, struct strbuf *out);
/* Move the sort argument (o) to its next value; false when the list has none. */
bool query_sort_next(struct query *q);
/* Flip the sort order; false when the list has no order argument. */
bool query_sort_reverse(struct query *q);
/* Move the view argument to its next value; false when the list has none. */
bool query_cycle(struct query *q);

#endif
