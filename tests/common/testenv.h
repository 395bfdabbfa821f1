/* The harness of the tests that drive the client: an in-process demo server, a worker pointed at it, and commands
 * run as the front ends run them. */
#ifndef KT_TESTENV_H
#define KT_TESTENV_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/worker.h"
#include "core/profile.h"

struct demo_server;

/* How testenv_start sets up the demo and the profile; a zero field keeps the default. */
struct testenv_options {
	const char *profile;          /* the profile's name, or NULL for none */
	unsigned action_delay_ms;     /* how long new response actions stay pending (0: 50 ms) */
	const char *const *faults;    /* NULL-terminated demo fault specs, or NULL */
	long timeout_ms;              /* the profile's request timeout (0: the profile's default) */
	unsigned reply_delay_ms;      /* the pause between a streamed reply's pieces (0: 5 ms) */
	const char *kibana;           /* the Kibana the demo behaves as ("8.19", "9.2"), or NULL for its default */
};

/* A demo server and a worker pointed at it, with a private audit log. */
struct testenv {
	struct demo_server *demo;
	struct worker *w;
	struct profile p;
	char *state_dir;   /* XDG_STATE_HOME for the audit log */
};

/* How a command run answers a confirmation. */
enum testenv_answer {
	TESTENV_BATCH,     /* batch mode: only --yes confirms */
	TESTENV_YES,       /* interactive, the user says yes */
	TESTENV_NO,        /* interactive, the user says no */
};

/* What one command did. */
struct testenv_run {
	int exit_code;
	char *error;       /* the failure message, or NULL */
	char *question;    /* the confirmation asked, or NULL */
	char *message;     /* the last message or title shown */
	char *text;        /* the last table or record as rendered text */
	json_t *json;      /* the last output's API JSON (a reference), or NULL */
	size_t rows;       /* rows of the last table */
	bool wants_json;   /* the command asked for its output as JSON */
	char *notes;       /* every progress note, one per line ("" when none) */
	char *streamed;    /* a streamed reply's pieces, joined, or NULL */
	size_t pieces;     /* how many pieces came */
	char *about;       /* what the streamed question was about, or NULL */
	char *kept_in;     /* the conversation the end named, or NULL */
	bool stream_ended; /* the end came after the pieces */
	size_t bad;        /* rows the last output said could not be read */
};

/* Start a demo and a worker (o NULL: every default); the profile's key is the one the demo wants. */
void testenv_start(struct testenv *e, const struct testenv_options *o);
/* Stop both and remove the audit log's directory. */
void testenv_stop(struct testenv *e);
/* Send a request and wait (bounded) for its answer; free it with worker_done_free. */
struct worker_done *testenv_request(struct testenv *e, struct api_request *req);
/* The demo's /_demo/fixtures answer: ids by kind ("dashboards", "notes"...); caller decrefs. */
json_t *testenv_demo_fixtures(struct testenv *e);
/* Element i of the demo's fixture ids of a kind (the test fails when there is none); caller frees. */
char *testenv_demo_id(struct testenv *e, const char *kind, size_t i);
/* How many ids of a kind the demo still holds. */
size_t testenv_demo_count(struct testenv *e, const char *kind);
/* Whether the demo still holds id among the ids of a kind. */
bool testenv_demo_has(struct testenv *e, const char *kind, const char *id);
/* Run a command line (readonly as given), answering a confirmation as asked. */
struct testenv_run testenv_cmd(struct testenv *e, enum testenv_answer answer, bool readonly, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Free what a run holds. */
void testenv_run_free(struct testenv_run *r);
/* The audit log's text ("" when there is none); caller frees. */
char *testenv_audit(const struct testenv *e);
/* The hits of a run's alert search JSON. */
json_t *testenv_hits(const struct testenv_run *r);

#endif
