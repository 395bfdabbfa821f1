/* Helpers for issue 5's tests: fixtures, an in-process demo server, and commands run as `ktriage -c` runs them. */
#ifndef KT_I5UTIL_H
#define KT_I5UTIL_H
#include <jansson.h>
#include <stdbool.h>
#include "api/worker.h"
#include "core/profile.h"

struct demo_server;

/* A fixture from tests/issue5/fixtures/ parsed as JSON (the test fails when it cannot be read). */
json_t *i5_fixture(const char *name);

/* A demo server and a worker pointed at it. */
struct i5_env {
	struct demo_server *demo;
	struct worker *w;
	struct profile p;
	char *state_dir;   /* XDG_STATE_HOME for the audit log */
};

/* What one command did. */
struct i5_run {
	int exit_code;
	char *error;       /* the failure message, or NULL */
	char *message;     /* the last message or title shown */
	json_t *json;      /* the last output's API JSON (a reference), or NULL */
	size_t rows;       /* rows of the last table */
};

/* Start a demo (action_delay_ms: how long new actions stay pending) and a worker, with a private audit log. */
void i5_env_start(struct i5_env *e, unsigned action_delay_ms);
/* Stop both and remove the audit log's directory. */
void i5_env_stop(struct i5_env *e);
/* Send a request and wait for its answer; free it with worker_done_free. */
struct worker_done *i5_request(struct i5_env *e, struct api_request *req);
/* Run a command line as batch mode does (readonly as given); returns what it did. */
struct i5_run i5_cmd(struct i5_env *e, bool readonly, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Free what a run holds. */
void i5_run_free(struct i5_run *r);
/* The audit log's text ("" when there is none); caller frees. */
char *i5_audit(const struct i5_env *e);

#endif
