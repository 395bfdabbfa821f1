/* Dashboards, ML sync and streams (cmd_stack.c) against the demo server in-process: results, what they ask, and
 * the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/fleet.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

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

static void test_dashboard_delete(void **state)
{
	char *id = testenv_demo_id(&env, "dashboards", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false, "dashboard delete %s", id);
	testutil_assert_has(r.question, "Delete dashboard \"[Logs] Web Traffic\"");
	testenv_run_free(&r);
	assert_true(testenv_demo_has(&env, "dashboards", id));
	r = testenv_cmd(&env, TESTENV_YES, false, "dashboard delete %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "Deleted dashboard \"[Logs] Web Traffic\"");
	testenv_run_free(&r);
	assert_false(testenv_demo_has(&env, "dashboards", id));
	/* Gone: Kibana's lookup no longer finds it, and a second delete answers 404. */
	struct fleet_asset_ref ref = {"dashboard", id};
	struct worker_done *d = testenv_request(&env, fleet_bulk_assets_request(&ref, 1));
	assert_int_equal(((struct fleet_asset_list *)d->res.model)->n, 0);
	worker_done_free(d);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "dashboard delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "with id \"");
	testutil_assert_has(r.error, "HTTP 404");
	testenv_run_free(&r);
	free(id);
	/* An id that needs encoding reaches the right dashboard. */
	size_t before = testenv_demo_count(&env, "dashboards");
	char *odd = testenv_demo_id(&env, "dashboards", before - 1);
	assert_string_equal(odd, "exec-summary/\xc3\xa9t\xc3\xa9 #1?");
	r = testenv_cmd(&env, TESTENV_BATCH, false, "dashboard delete '%s' --yes", odd);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	assert_false(testenv_demo_has(&env, "dashboards", odd));
	assert_int_equal(testenv_demo_count(&env, "dashboards"), before - 1);
	free(odd);
}

static void test_ml_sync(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, true, "ml sync --simulate");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 4);
	testutil_assert_has(r.message, "simulated: nothing changed");
	testenv_run_free(&r);
	/* Simulating changes nothing; a real sync is a change, refused read-only. */
	r = testenv_cmd(&env, TESTENV_BATCH, true, "ml sync --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "read-only mode");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "add --yes");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync --simulate");
	assert_int_equal(r.rows, 4);
	testenv_run_free(&r);
	/* sync.ts nests the datafeed results by job type: a successful sync reports no failure. */
	r = testenv_cmd(&env, TESTENV_YES, false, "ml sync");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "0 failed");
	assert_null(strstr(r.text, "failed"));
	testutil_assert_has(r.question, "Synchronize the ML saved objects");
	assert_int_equal(r.rows, 4);
	testutil_assert_has(r.text, "auth_high_count_logon_fails");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "ml sync --simulate");
	assert_int_equal(r.rows, 0);
	testutil_assert_has(r.message, "Nothing to synchronize");
	testenv_run_free(&r);
}

static void test_streams(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "streams resync");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Resync every stream");
	testutil_assert_has(r.message, "Resynced every stream");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "streams group web-tier");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.text, "Group stream web-tier");
	testutil_assert_has(r.text, "owner:");
	testutil_assert_has(r.text, "platform-team");
	testutil_assert_has(r.text, "logs.nginx, logs.auth, logs");
	assert_non_null(json_object_get(r.json, "group"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "streams group logs.nginx");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "not a group stream");
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dashboard_delete),
		cmocka_unit_test(test_ml_sync),
		cmocka_unit_test(test_streams),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
