/*
 * The command language: one table of commands that keys, the ':' prompt and
 * `ktriage -c` all run. A command is declared once (words, arguments, whether it
 * mutates, help, default key, handler); parsing, completion, forms, help and the
 * man page all come from that declaration.
 */
#ifndef KT_CMD_H
#define KT_CMD_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "api/worker.h"

struct cmd_ctx;
struct cmd_gather;
struct cmd_output;
struct cmd_stream;
struct profile;

/* What kind of value an argument takes; forms and completion follow it. */
enum cmd_arg_type {
	CMD_ARG_STRING, /* one word or quoted string */
	CMD_ARG_INT,    /* a whole number */
	CMD_ARG_FLAG,   /* present or not: --name */
	CMD_ARG_ENUM,   /* one of choices */
	CMD_ARG_TEXT,   /* free text, possibly several lines (a comment) */
	CMD_ARG_FILE,   /* a path to a readable file */
	CMD_ARG_JSON,   /* JSON text, or @file */
};

/* Where completion finds ids for an argument. */
enum cmd_id_kind {
	CMD_ID_NONE,
	CMD_ID_CASE,
	CMD_ID_ALERT,
	CMD_ID_CONNECTOR,
	CMD_ID_ENDPOINT,
	CMD_ID_ACTION,
	CMD_ID_CONVERSATION,
	CMD_ID_AI_CONNECTOR,
	CMD_ID_SPACE,        /* Kibana spaces */
	CMD_ID_PROFILE,      /* profiles of the config file */
	CMD_ID_PID,         /* a process id on a host (the response console's last process list) */
	CMD_ID_ENTITY,      /* a process entity id on a host (likewise) */
	CMD_ID_HOST_PATH,   /* a path on a host (paths the response console has seen) */
	CMD_ID_KIND_COUNT,
};

/* Argument flags. */
enum {
	CMD_REQUIRED = 1u << 0,   /* must be given */
	CMD_POSITIONAL = 1u << 1, /* given by position, not --name */
	CMD_MULTI = 1u << 2,      /* repeatable (--tag a --tag b), or for a positional: takes the rest */
	CMD_REST = 1u << 3,       /* a positional that takes every word after it verbatim, options too */
};

/* One declared argument. */
struct cmd_arg {
	const char *name;               /* "status": --status, or the positional's name */
	enum cmd_arg_type type;
	unsigned flags;
	const char *const *choices;     /* CMD_ARG_ENUM: NULL-terminated; CMD_ARG_STRING: suggestions for completion, or NULL */
	enum cmd_id_kind ids;           /* completion source for ids */
	const char *help;               /* one line */
};

/* Command flags. */
enum {
	CMD_MUTATES = 1u << 0,   /* changes data: confirmation, --yes, --readonly, audit */
	CMD_LIST = 1u << 1,      /* shows a list that a TUI pane can hold */
	CMD_LOCAL = 1u << 2,     /* needs no server (help) */
	CMD_DETAIL = 1u << 3,    /* shows one object: in the TUI, its pane's detail view */
};

/* Handler: start the command; it submits requests with cmd_submit and ends with cmd_finish. */
typedef void (*cmd_run_fn)(struct cmd_ctx *ctx);

/* One command. */
struct cmd_def {
	const char *words;              /* "case push" */
	const struct cmd_arg *args;     /* terminated by an entry with name == NULL */
	unsigned flags;
	const char *help;               /* one line for ? and help */
	const char *pane;               /* the TUI pane this command belongs to ("cases"), or NULL */
	const char *key;                /* default key in that pane, or NULL */
	cmd_run_fn run;
};

/* The parsed value(s) of one argument. */
struct cmd_value {
	char **vals;
	size_t n;
};

/* Every command, NULL-terminated, in help order. */
const struct cmd_def *const *cmd_all(void);
/* The command whose words start argv; *used gets how many argv entries the words took. */
const struct cmd_def *cmd_lookup(int argc, char **argv, int *used);
/* The declared argument of def called name, or NULL. */
const struct cmd_arg *cmd_find_arg(const struct cmd_def *def, const char *name);

/* What a front end (batch, TUI) supplies to run commands. */
struct cmd_host {
	struct worker *worker;
	const struct profile *profile;
	bool readonly;
	bool batch;     /* no interactive confirmation: mutating commands need --yes */
	bool streams;   /* output takes a list's pieces as they come (else they are gathered into one) */
	/* Ask a question; call cmd_confirmed(ctx, yes) when answered. word, if set, must be typed. */
	void (*confirm)(struct cmd_ctx *ctx, const char *question, const char *word);
	/* Show a result (table, record, message, JSON). */
	void (*output)(struct cmd_ctx *ctx, const struct cmd_output *out);
	/* The command has ended (ctx is freed right after). */
	void (*finished)(struct cmd_ctx *ctx);
	/* Report progress or a non-fatal note ("fetching page 3 of 9"). */
	void (*note)(struct cmd_ctx *ctx, const char *text);
	/* Apply a terminal-UI setting (theme, bind, set); NULL where there is no UI. 0, or -1 with *err. */
	int (*ui)(struct cmd_ctx *ctx, const char *what, int argc, char **argv, char **err);
	/* Optional: show a reply as it streams in; without it, the whole reply is shown as a message at its end. */
	void (*stream)(struct cmd_ctx *ctx, const struct cmd_stream *ev);
	void *udata;
};

/* Exit codes shared by every front end. */
enum cmd_exit { CMD_EXIT_OK = 0, CMD_EXIT_API = 1, CMD_EXIT_USAGE = 2 };

/* Continuation after a request finishes. */
typedef void (*cmd_step_fn)(struct cmd_ctx *ctx, struct worker_done *done);
/* A piece of a streamed request's body, as it arrives. */
typedef void (*cmd_piece_fn)(struct cmd_ctx *ctx, const char *data, size_t len);

/* One running command. */
struct cmd_ctx {
	const struct cmd_host *host;
	const struct cmd_def *def;
	struct cmd_value *values;        /* one per declared argument */
	bool yes;                        /* --yes given */
	bool json;                       /* --json given (or --ndjson) */
	bool ndjson;                     /* --ndjson given: JSON, one list item per line */
	uint64_t *jobs;                  /* ids submitted and not yet delivered */
	size_t n_jobs;
	bool finishing;                  /* cmd_finish called while jobs were in flight */
	int exit_code;
	char *error;                     /* final error message, if any */
	void *state;                     /* the handler's own state */
	void (*state_free)(void *state);
	void (*on_confirm)(struct cmd_ctx *ctx);   /* runs when the user says yes */
	void *front;                     /* the front end's per-command data */
	struct cmd_gather *gather;       /* a list's pieces so far, for a front end that does not stream */
};

/*
 * Parse argv (words and arguments, plus the universal --yes, --json and --help)
 * and start the command with front as its front-end data. Returns -1 with *err
 * on a usage problem (nothing ran); 0 when the command started, in which case
 * host->finished is called exactly once, possibly before cmd_start returns.
 */
int cmd_start(const struct cmd_host *host, int argc, char **argv, void *front, char **err);
/* Submit a request for ctx; step runs with the result. */
uint64_t cmd_submit(struct cmd_ctx *ctx, struct api_request *req, cmd_step_fn step);
/* Submit a streamed request (req->stream is set here): piece runs with each piece of its body, then step with the end. */
uint64_t cmd_submit_stream(struct cmd_ctx *ctx, struct api_request *req, cmd_piece_fn piece, cmd_step_fn step);
/* Tell the front end about a streamed reply (host->stream, or at the end one message). */
void cmd_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev);
/* Ask for confirmation (or take --yes); on yes, then() runs. In batch mode without --yes the command fails. */
void cmd_confirm(struct cmd_ctx *ctx, const char *question, const char *word, void (*then)(struct cmd_ctx *ctx));
/* The front end's answer to host->confirm. */
void cmd_confirmed(struct cmd_ctx *ctx, bool yes);
/* Show a result. */
void cmd_output(struct cmd_ctx *ctx, const struct cmd_output *out);
/* Show a one-line progress note. */
void cmd_note(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* End the command with an error message and exit code. */
void cmd_fail(struct cmd_ctx *ctx, int exit_code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* End the command (after any in-flight jobs return). */
void cmd_finish(struct cmd_ctx *ctx);
/* The API error of a finished job, as the command's failure (exit 1). */
void cmd_fail_api(struct cmd_ctx *ctx, const struct worker_done *done);
/* Record a mutating request's outcome in the audit log. */
void cmd_audit(struct cmd_ctx *ctx, const char *const *targets, size_t n_targets, const struct worker_done *done,
	       const char *result_id);
struct audit_counts;
/*
 * Record a bulk change: as cmd_audit, with what was asked and what Kibana says it did; a
 * 2xx answer that did not do all of it is logged as "partial" (or "not done"), never "ok".
 */
void cmd_audit_bulk(struct cmd_ctx *ctx, const char *const *targets, size_t n_targets, const struct worker_done *done,
		    const struct audit_counts *counts);
/* "Kibana updated 1 of 3 (2 version conflicts, 0 failures)": what a bulk change did, for messages (caller frees). */
char *cmd_bulk_summary(const struct audit_counts *counts, const char *verb);

/* First value of an argument, or NULL. */
const char *cmd_str(const struct cmd_ctx *ctx, const char *name);
/* All values of an argument. */
const struct cmd_value *cmd_values(const struct cmd_ctx *ctx, const char *name);
/* An integer argument, or dflt when absent. */
long cmd_int(const struct cmd_ctx *ctx, const char *name, long dflt);
/*
 * The --page and --per-page arguments, checked: page from 1 (default 1), per-page from 1
 * to max (default dflt). false (the command failed with a usage message) when out of range.
 */
bool cmd_paging(struct cmd_ctx *ctx, long dflt, long max, long *page, long *per_page);
/* True when a flag argument was given. */
bool cmd_flag(const struct cmd_ctx *ctx, const char *name);

#endif
