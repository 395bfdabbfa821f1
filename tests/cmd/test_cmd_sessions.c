/* sessions invalidate (cmd_sessions.c) against the demo server in-process: results, what they ask, and the
 * server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
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

static void test_sessions(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --username bob --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--provider-type"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--yes"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, true, "sessions invalidate --all --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type basic --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	long long basic = json_integer_value(json_object_get(r.json, "total"));
	testenv_run_free(&r);
	/* The provider type is free text (invalidate.ts: schema.string()): anonymous and a custom type too. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type anonymous --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 1);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type acme-sso --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "Invalidated 1 session: every session from acme-sso providers.");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type basic --yes");
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	long long rest = json_integer_value(json_object_get(r.json, "total"));
	assert_true(basic > 0 && rest > 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all --yes");
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	assert_string_equal(r.message, "Invalidated 0 sessions: every session of every user (you are logged out too).");
	testenv_run_free(&r);
	char *log = testenv_audit(&env);
	assert_non_null(strstr(log, "\"command\":\"sessions invalidate\""));
	free(log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sessions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
