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

/*
 * A list that arrives page by page (--all) is shown in pieces, in order, each written as soon as
 * it is in: FIRST and MORE carry a page's rows (and items), LAST ends the list. A front end that
 * cannot write pieces (the TUI) gets them gathered into one WHOLE output instead.
 */
enum cmd_output_part {
	CMD_PART_WHOLE, /* the whole result at once */
	CMD_PART_FIRST, /* the first page: json is the document's head, its items array at items_path left out */
	CMD_PART_MORE,  /* a later page: its rows and items */
	CMD_PART_LAST,  /* the end: no rows; message is the title, json (may be NULL) members to end the document with */
};

/* A result; everything is borrowed for the duration of the output call. */
struct cmd_output {
	enum cmd_output_kind kind;
	const char *message;          /* MESSAGE text, or a title for the others (may be NULL) */
	const struct table *table;    /* CMD_OUT_TABLE */
	const struct record *record;  /* CMD_OUT_RECORD */
	json_t *json;                 /* the API's JSON, printed instead with --json (may be NULL) */
	size_t bad;                   /* rows (or parts) that could not be read: the front end says how many */
	enum cmd_output_part part;    /* WHOLE unless a list arrives in pieces */
	json_t *items;                /* FIRST, MORE: the page's list items (an array), for --json and --ndjson */
	const char *items_path;       /* where a list's items sit in json: "cases", "hits.hits" (NULL: not a list) */
};

/* What a reply that arrives in pieces (the assistant's) tells its front end, in order. */
enum cmd_stream_kind {
	CMD_STREAM_BEGIN, /* the question is sent: text is the question */
	CMD_STREAM_TEXT,  /* a piece of the reply: text */
	CMD_STREAM_END,   /* the reply is whole: text is all of it */
};

/* One event of a streamed reply; everything is borrowed for the call. */
struct cmd_stream {
	enum cmd_stream_kind kind;
	const char *text;
	const char *about;        /* BEGIN: what the question is about ("alert Beacon on web-01"), or NULL */
	const char *conversation; /* BEGIN: the conversation it continues; END: the one that keeps it; or NULL */
};

#endif
