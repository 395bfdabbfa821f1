/* Helpers for issue 6's tests: seed fixtures, an in-process demo server, and commands run as the front ends run them. */
#ifndef KT_I6UTIL_H
#define KT_I6UTIL_H
#include <jansson.h>
#include <stdbool.h>
#include "api/worker.h"
#include "core/profile.h"

struct demo_server;

/* The path of a file in tests/issue6/fixtures/ (caller frees). */
char *i6_fixture_path(const char *name);
/* A fixture parsed as JSON (the test fails when it cannot be read). */
json_t *i6_fixture(const char *name);

/* A demo server and a worker pointed at it, with a private audit log. */
struct i6_env {
	struct demo_server *demo;
	struct worker *w;
	struct profile p;
	char *state_dir;   /* XDG_STATE_HOME for the audit log */
};

/* How a run answers a confirmation. */
enum i6_answer {
	I6_BATCH,          /* batch mode: only --yes confirms */
	I6_YES,            /* interactive, the user says yes */
	I6_NO,             /* interactive, the user says no */
};

/* What one command did. */
struct i6_run {
	int exit_code;
	char *error;       /* the failure message, or NULL */
	char *question;    /* the confirmation asked, or NULL */
	char *message;     /* the last message or title shown */
	char *text;        /* the last table or record as rendered text */
	json_t *json;      /* the last output's API JSON (a reference), or NULL */
	size_t rows;       /* rows of the last table */
	bool wants_json;   /* the command asked for its output as JSON */
};

/* Start a demo and a worker. */
void i6_env_start(struct i6_env *e);
/* Stop both and remove the audit log's directory. */
void i6_env_stop(struct i6_env *e);
/* Send a request and wait for its answer; free it with worker_done_free. */
struct worker_done *i6_request(struct i6_env *e, struct api_request *req);
/* The demo's /_demo/fixtures ids of a kind ("dashboards", "notes"...): element i. */
char *i6_demo_id(struct i6_env *e, const char *kind, size_t i);
/* Run a command line (readonly as given), answering a confirmation as asked. */
struct i6_run i6_cmd(struct i6_env *e, enum i6_answer answer, bool readonly, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Free what a run holds. */
void i6_run_free(struct i6_run *r);
/* The audit log's text ("" when there is none); caller frees. */
char *i6_audit(const struct i6_env *e);

#endif
