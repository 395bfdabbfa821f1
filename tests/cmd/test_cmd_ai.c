/* The AI-assistant conversations (cmd_ai.c) against the demo server in-process: results, what they ask, and the
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

static void test_conversations(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "conversations --per-page 5 --sort-field title --sort-order asc");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_int_equal(json_array_size(data), 5);
	const char *t0 = json_string_value(json_object_get(json_array_get(data, 0), "title"));
	const char *t4 = json_string_value(json_object_get(json_array_get(data, 4), "title"));
	assert_true(strcmp(t0, t4) <= 0);
	char *id = xstrdup(json_string_value(json_object_get(json_array_get(data, 0), "id")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversation show %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_string_equal(json_string_value(json_object_get(r.json, "id")), id);
	assert_true(json_array_size(json_object_get(r.json, "messages")) > 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversation show no-such-conversation");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "404"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversations --per-page 0");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	free(id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversations),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
