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
