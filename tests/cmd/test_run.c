/* Running a command (run.c): what is refused at the start, then the lifecycle with an interactive front end:
 * confirmation, failing while requests are in flight. */
#include "config.h"
#include "ktest.h"
#include "integutil.h"
#include "testenv.h"
#include "testserver.h"
#include "api/worker.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/tokenize.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Starting a command: what is refused before anything runs. */

/* What a fake front end saw. */
struct seen {
	int finished;
	int exit_code;
	char *error;
	struct strbuf out;
};

static void fake_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct seen *s = ctx->host->udata;
	strbuf_printf(&s->out, "%s\n", out->message ? out->message : "");
}

static void fake_finished(struct cmd_ctx *ctx)
{
	struct seen *s = ctx->host->udata;
	s->finished++;
	s->exit_code = ctx->exit_code;
	free(s->error);
	s->error = xstrdup(ctx->error);
}

static int start(const char *line, bool readonly, struct seen *s, char **err)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.name, "prod");
	struct cmd_host host = {
		.worker = NULL, /* none of these paths may send anything */
		.profile = &p,
		.readonly = readonly,
		.batch = true,
		.output = fake_output,
		.finished = fake_finished,
		.udata = s,
	};
	memset(s, 0, sizeof(*s));
	strbuf_init(&s->out);
	int argc;
	char **argv;
	char *terr;
	assert_int_equal(tokenize(line, &argc, &argv, &terr), 0);
	*err = NULL;
	int rc = cmd_start(&host, argc, argv, NULL, err);
	tokenize_free(argc, argv);
	profile_free(&p);
	return rc;
}

static void seen_free(struct seen *s)
{
	strbuf_free(&s->out);
	free(s->error);
}

static void test_start_unknown_and_usage(void **state)
{
	struct seen s;
	char *err;
	assert_int_equal(start("bogus thing", false, &s, &err), -1);
	assert_non_null(strstr(err, "unknown command \"bogus\""));
	assert_int_equal(s.finished, 0);
	free(err);
	seen_free(&s);

	assert_int_equal(start("", false, &s, &err), -1);
	assert_non_null(strstr(err, "no command given"));
	free(err);
	seen_free(&s);

	assert_int_equal(start("case show", false, &s, &err), -1);
	assert_non_null(strstr(err, "missing <caseId>"));
	assert_int_equal(s.finished, 0);
	free(err);
	seen_free(&s);

	assert_int_equal(start("cases --status reopened", false, &s, &err), -1);
	assert_non_null(strstr(err, "status must be one of open, in-progress, closed"));
	free(err);
	seen_free(&s);
}

static void test_start_help(void **state)
{
	struct seen s;
	char *err;
	assert_int_equal(start("case status --help", true, &s, &err), 0);
	assert_int_equal(s.finished, 1);
	assert_int_equal(s.exit_code, 0);
	assert_non_null(strstr(s.out.buf, "usage: case status <caseId> <status>"));
	seen_free(&s);
}

static void test_start_readonly_refuses_mutation(void **state)
{
	struct seen s;
	char *err;
	assert_int_equal(start("case status abc closed --yes", true, &s, &err), 0);
	assert_int_equal(s.finished, 1);
	assert_int_equal(s.exit_code, CMD_EXIT_USAGE);
	assert_non_null(s.error);
	assert_non_null(strstr(s.error, "read-only mode"));
	assert_non_null(strstr(s.error, "\"prod\""));
	seen_free(&s);
}

/* The whole lifecycle through a worker and a test server. */

/* A front end that answers confirmations as told and records what it is shown. */
struct front {
	struct testserver *srv;
	struct profile p;
	struct worker *w;
	char *state_dir;
	bool answer;             /* how to answer a confirmation */
	int asked;
	char *question;
	struct cmd_ctx *waiting; /* the command waiting for an answer */
	int finished;
	int exit_code;
	char *error;
	void *front_seen;
	struct strbuf shown;
};

static void front_confirm(struct cmd_ctx *ctx, const char *question, const char *word)
{
	struct front *f = ctx->host->udata;
	f->asked++;
	free(f->question);
	f->question = xstrdup(question);
	/* Answer later, from the loop, as a real front end does after a key press. */
	f->waiting = ctx;
}

static void front_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct front *f = ctx->host->udata;
	strbuf_printf(&f->shown, "%s\n", out->message ? out->message : "(no message)");
}

static void front_finished(struct cmd_ctx *ctx)
{
	struct front *f = ctx->host->udata;
	f->finished++;
	f->exit_code = ctx->exit_code;
	free(f->error);
	f->error = xstrdup(ctx->error);
	f->front_seen = ctx->front;
}

static int setup(void **state)
{
	struct front *f = xcalloc(1, sizeof(*f));
	f->srv = testserver_start();
	assert_non_null(f->srv);
	char *c = testutil_fixture("cases", "case_push_200.json", NULL);
	assert_non_null(c);
	testserver_route_static(f->srv, "GET", "/api/cases/b917f300-0ed9-11ed-bd18-65557fe66949", 200, TESTSERVER_JSON, c);
	char *list = xasprintf("[%s]", c);
	testserver_route_static(f->srv, "PATCH", "/api/cases", 200, TESTSERVER_JSON, list);
	free(list);
	free(c);
	testserver_route_static(f->srv, "GET", "/api/cases/missing", 404, TESTSERVER_JSON,
				"{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Saved object [cases/missing] not found\"}");
	testserver_route_mode(f->srv, "/api/actions/connectors", TESTSERVER_HANG, 0);
	integ_profile(&f->p, f->srv, NULL);
	char *err = NULL;
	f->w = worker_new(&f->p, &err);
	assert_non_null(f->w);
	f->state_dir = testutil_tmpdir();
	setenv("XDG_STATE_HOME", f->state_dir, 1);
	strbuf_init(&f->shown);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct front *f = *state;
	worker_free(f->w);
	testserver_stop(f->srv);
	profile_free(&f->p);
	testutil_rmtree(f->state_dir);
	free(f->state_dir);
	free(f->question);
	free(f->error);
	strbuf_free(&f->shown);
	free(f);
	return 0;
}

/* Start a command and run the loop until it finishes, answering a confirmation with f->answer. */
static void run(struct front *f, const char *line)
{
	struct cmd_host host = {
		.worker = f->w,
		.profile = &f->p,
		.batch = false,
		.confirm = front_confirm,
		.output = front_output,
		.finished = front_finished,
		.udata = f,
	};
	int argc;
	char **argv;
	char *err = NULL;
	assert_int_equal(tokenize(line, &argc, &argv, &err), 0);
	int marker;
	assert_int_equal(cmd_start(&host, argc, argv, &marker, &err), 0);
	tokenize_free(argc, argv);
	for (int waited = 0; !f->finished && waited < INTEG_BOUND_MS; waited += 100) {
		if (f->waiting) {
			struct cmd_ctx *ctx = f->waiting;
			f->waiting = NULL;
			cmd_confirmed(ctx, f->answer);
			continue;
		}
		worker_wait(f->w, 100);
		struct worker_done *d;
		while ((d = worker_take(f->w)))
			worker_dispatch(d);
	}
	assert_int_equal(f->finished, 1);
	assert_ptr_equal(f->front_seen, &marker);
}

static void test_confirm_declined(void **state)
{
	struct front *f = *state;
	f->answer = false;
	run(f, "case status b917f300-0ed9-11ed-bd18-65557fe66949 closed");
	assert_int_equal(f->asked, 1);
	assert_string_equal(f->question, "Set case \"Case title 1\" from open to closed?");
	assert_int_equal(f->exit_code, 0);
	assert_null(f->error);
	assert_string_equal(f->shown.buf, "Cancelled; nothing was changed.\n");
	assert_int_equal(testserver_count(f->srv, NULL), 1);
	assert_string_equal(testserver_get(f->srv, NULL, 0)->method, "GET");
}

static void test_confirm_accepted(void **state)
{
	struct front *f = *state;
	f->answer = true;
	run(f, "case status b917f300-0ed9-11ed-bd18-65557fe66949 closed");
	assert_int_equal(f->asked, 1);
	assert_int_equal(f->exit_code, 0);
	assert_string_equal(f->shown.buf, "Case \"Case title 1\" is now closed.\n");
	assert_int_equal(testserver_count(f->srv, NULL), 2);
	assert_string_equal(testserver_get(f->srv, NULL, 1)->method, "PATCH");
	/* --yes skips the question. */
	strbuf_reset(&f->shown);
	f->finished = 0;
	run(f, "case status b917f300-0ed9-11ed-bd18-65557fe66949 closed --yes");
	assert_int_equal(f->asked, 1);
	assert_int_equal(testserver_count(f->srv, NULL), 4);
}

static void test_fail_with_a_request_in_flight(void **state)
{
	struct front *f = *state;
	/* case push loads the case and the connectors at once; the case is missing, the connectors never come. */
	run(f, "case push missing conn-1");
	assert_int_equal(f->exit_code, CMD_EXIT_API);
	assert_non_null(strstr(f->error, "HTTP 404 Not Found"));
	assert_int_equal(f->asked, 0);
	/* The hanging request was cancelled and came back before the command ended. */
	assert_int_equal(worker_pending(f->w), 0);
	assert_true(testserver_count(f->srv, "/api/actions/connectors") <= 1);
}

/* A request Kibana answers 429 with Retry-After is sent again after the wait; the command says so once per wait. */
static void test_retry_after_is_a_note(void **state)
{
	(void)state;
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){"retry-after=1@/api/cases/_find", NULL}});
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "cases");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_non_null(strstr(r.notes, "Kibana answered HTTP 429 (too many requests): retrying in 1 s, as it asked (retry 1 of 3)\n"));
	/* One note for the one wait, not one per second of it. */
	const char *again = strstr(r.notes, "retrying");
	assert_null(strstr(again + 1, "retrying"));
	testenv_run_free(&r);
	testenv_stop(&e);

	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){"busy=1@/api/cases/_find", NULL}});
	r = testenv_cmd(&e, TESTENV_BATCH, false, "cases");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "HTTP 503"));
	assert_non_null(strstr(r.error, "still refused after 3 retries"));
	assert_non_null(strstr(r.notes, "(retry 3 of 3)"));
	testenv_run_free(&r);
	testenv_stop(&e);
}

int main(void)
{
	if (!integ_begin())
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_unknown_and_usage),
		cmocka_unit_test(test_start_help),
		cmocka_unit_test(test_start_readonly_refuses_mutation),
		cmocka_unit_test_setup_teardown(test_confirm_declined, setup, teardown),
		cmocka_unit_test_setup_teardown(test_confirm_accepted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_with_a_request_in_flight, setup, teardown),
		cmocka_unit_test(test_retry_after_is_a_note),
	};
	return integ_end(cmocka_run_group_tests(tests, NULL, NULL));
}
