/* Endpoint exceptions and value lists (cmd_exceptions.c) against the demo server in-process: results, what they
 * ask, and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
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

static void test_exceptions(void **state)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 5);
	testutil_assert_has(r.message, "5 of 5 endpoint exceptions");
	testutil_assert_has(r.text, "process.name is not nessusd");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"exceptions endpoint --sort-field name --sort-order asc --per-page 2 --page 2");
	assert_int_equal(r.rows, 2);
	json_t *data = json_object_get(r.json, "data");
	assert_string_equal(json_string_value(json_object_get(json_array_get(data, 0), "name")), "Developer tools");
	assert_string_equal(json_string_value(json_object_get(json_array_get(data, 1), "name")), "SCCM client");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"exceptions endpoint --filter exception-list-agnostic.attributes.name:Backup");
	assert_int_equal(r.rows, 1);
	testutil_assert_has(r.text, "Backup agent");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint --filter Backup");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "--filter takes field:value");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "exceptions endpoint --page -1");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
}

static void test_list_delete(void **state)
{
	char *id = testenv_demo_id(&env, "lists", 0);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "list delete %s --delete-references --ignore-references --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "not both");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "list delete %s --delete-references", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "and the exception items that use it");
	testutil_assert_has(r.message, "Deleted value list \"Bad ips\" (ip, ");
	testenv_run_free(&r);
	assert_false(testenv_demo_has(&env, "lists", id));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "list delete %s --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testutil_assert_has(r.error, "was not found");
	testenv_run_free(&r);
	free(id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_list_delete),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
