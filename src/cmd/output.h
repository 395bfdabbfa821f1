/* What a command hands its front end to show. */
#ifndef KT_CMD_OUTPUT_H
#define KT_CMD_OUTPUT_H
#include <jansson.h>

struct table;
struct record;

/* The shape of a result. */
enum cmd_output_kind {
	CMD_OUT_MESSAGE, /* one line: "Case ransomware... is now closed" */
	CMD_OUT_TABLE,   /* rows and columns */
	CMD_OUT_RECORD,  /* one object's fields */
};

/* A result; everything is borrowed for the duration of the output call. */
struct cmd_output {
	enum cmd_output_kind kind;
	const char *message;          /* MESSAGE text, or a title for the others (may be NULL) */
	const struct table *table;    /* CMD_OUT_TABLE */
	const struct record *record;  /* CMD_OUT_RECORD */
	json_t *json;                 /* the API's JSON, printed instead with --json (may be NULL) */
	size_t bad;                   /* rows (or parts) that could not be read: the front end says how many */
};

#endif
