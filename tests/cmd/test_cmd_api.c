/* The api console (cmd_api.c) against the demo server in-process: results, what they ask, and the server's state
 * afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

static void test_api_console(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, true,
					   "api GET '/api/cases/_find?perPage=3&sortField=title'");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_true(r.wants_json);
	assert_int_equal(json_array_size(json_object_get(r.json, "cases")), 3);
	testutil_assert_has(r.message, "GET /api/cases/_find?perPage=3&sortField=title: HTTP 200");
	testenv_run_free(&r);
	/* Anything but GET is a change: refused read-only, needs --yes in batch mode, audited. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "api POST /api/streams/_resync '{}' --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "read-only mode: \"api POST\"");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/streams/_resync '{}'");
	testutil_assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_NO, false, "api DELETE /api/note '{\"noteId\": \"x\"}'");
	testutil_assert_has(r.question, "Send DELETE /api/note with a 14-byte JSON body?");
	testutil_assert_has(r.message, "Cancelled");
	testenv_run_free(&r);
	char *note = testenv_demo_id(&env, "notes", 0);
	char *body = xasprintf("/tmp/ktriage-api-body-%d.json", (int)getpid());
	FILE *f = fopen(body, "w");
	assert_non_null(f);
	fprintf(f, "{\"noteId\": \"%s\"}\n", note);
	fclose(f);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api DELETE /api/note @%s --yes", body);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "DELETE /api/note: HTTP 200");
	testenv_run_free(&r);
	remove(body);
	free(body);
	assert_false(testenv_demo_has(&env, "notes", note));
	free(note);
	char *audit = testenv_audit(&env);
	testutil_assert_has(audit, "DELETE /api/note");
	free(audit);
	/* A Kibana error: its JSON is shown whole and the command fails with the status. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /api/cases/no-such-case");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "HTTP 404");
	assert_int_equal(json_integer_value(json_object_get(r.json, "statusCode")), 404);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET api/cases");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "must start with /");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/x {oops} --yes");
	testutil_assert_has(r.error, "not valid JSON");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api POST /api/x @/nonexistent.json --yes");
	testutil_assert_has(r.error, "cannot read /nonexistent.json");
	testenv_run_free(&r);
}

/* GETs Kibana answers with a side effect count as changes: refused read-only, confirmed, audited; their dry run reads. */
static void test_api_get_with_side_effects(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, true, "api GET /api/ml/saved_objects/sync");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "read-only mode: \"api GET /api/ml/saved_objects/sync (it syncs machine learning saved objects");
	testenv_run_free(&r);
	/* Other spellings of the same route are the same route. */
	static const char *const same[] = {"/API/ML/Saved_Objects/Sync/", "/api/ml//saved_objects/%73ync",
					   "/s/soc/api/ml/saved_objects/sync", "/api/ml/saved_objects/sync?simulate=false",
					   "/api/ml/saved_objects/sync?simulate=true&simulate=false", "/api/security/logout"};
	for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++) {
		r = testenv_cmd(&env, TESTENV_BATCH, true, "api GET '%s'", same[i]);
		if (r.exit_code != CMD_EXIT_USAGE || !strstr(r.error, "read-only mode"))
			fail_msg("%s: exit %d, %s", same[i], r.exit_code, r.error ? r.error : "no error");
		testenv_run_free(&r);
	}
	/* simulate=true changes nothing: it reads, read-only or not. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "api GET '/api/ml/saved_objects/sync?simulate=true'");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	/* Otherwise it is asked about and, once sent, audited like a named command. */
	r = testenv_cmd(&env, TESTENV_NO, false, "api GET /api/ml/saved_objects/sync");
	testutil_assert_has(r.question, "Send GET /api/ml/saved_objects/sync? It syncs machine learning saved objects");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /api/ml/saved_objects/sync --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	char *audit = testenv_audit(&env);
	testutil_assert_has(audit, "\"targets\":[\"GET /api/ml/saved_objects/sync\"]");
	assert_null(strstr(audit, "simulate=true"));
	free(audit);
}

/* A ".." segment would leave the space once the prefix is applied: refused, whatever its spelling. */
static void test_api_dot_segments_refused(void **state)
{
	(void)state;
	static const char *const bad[] = {"/../api/cases/_find", "/api/cases/../../s/other/api/cases/_find",
					  "/api/%2e%2E/x", "/api/./cases", "/api/cases/.."};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET '%s'", bad[i]);
		if (r.exit_code != CMD_EXIT_USAGE || !strstr(r.error, "segment"))
			fail_msg("%s: exit %d, %s", bad[i], r.exit_code, r.error ? r.error : "no error");
		testenv_run_free(&r);
	}
	/* Dots inside a segment are ordinary text. */
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET '/api/cases/..x/...'");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "HTTP 404");
	testenv_run_free(&r);
}

/* A path naming the profile's own space is not prefixed twice. */
static void test_api_space(void **state)
{
	profile_set(&env.p.space, "soc-eu");
	worker_free(env.w);
	char *err = NULL;
	env.w = worker_new(&env.p, &err);
	assert_non_null(env.w);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /s/soc-eu/api/cases/_find?perPage=1");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(json_array_size(json_object_get(r.json, "cases")), 1);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "api GET /api/cases/_find?perPage=1");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_console),
		cmocka_unit_test(test_api_get_with_side_effects),
		cmocka_unit_test(test_api_dot_segments_refused),
		cmocka_unit_test(test_api_space),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
