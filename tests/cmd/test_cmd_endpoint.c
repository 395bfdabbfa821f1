/* Endpoints (cmd_endpoint.c) against the demo server in-process: the list, its filters and sort, one host, the console. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/actions.h"
#include "api/endpoints.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test", .action_delay_ms = 300});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

/* One status (which Kibana takes only as a JSON array), several, and the OS: each narrows the list. */
static void test_endpoints_list(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --status healthy --per-page 3");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_true(json_array_size(data) > 0 && json_array_size(data) <= 3);
	size_t i;
	json_t *h;
	json_array_foreach(data, i, h)
		assert_string_equal(json_string_value(json_object_get(h, "host_status")), "healthy");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --status offline --status unhealthy --os windows");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_true(r.rows > 0);
	json_array_foreach(json_object_get(r.json, "data"), i, h) {
		const char *st = json_string_value(json_object_get(h, "host_status"));
		assert_true(!strcmp(st, "offline") || !strcmp(st, "unhealthy"));
		json_t *os = json_object_get(json_object_get(json_object_get(h, "metadata"), "host"), "os");
		assert_string_equal(json_string_value(json_object_get(os, "name")), "Windows");
	}
	testenv_run_free(&r);
	/* Kibana refuses "unenrolled" as a filter: it is not offered. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --status unenrolled");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
}

static void test_endpoints_sort_and_search(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --sort-field name --sort-order desc");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_true(json_array_size(data) > 2);
	for (size_t i = 1; i < json_array_size(data); i++) {
		json_t *a = json_object_get(json_object_get(json_array_get(data, i - 1), "metadata"), "host");
		json_t *b = json_object_get(json_object_get(json_array_get(data, i), "metadata"), "host");
		assert_true(strcmp(json_string_value(json_object_get(a, "hostname")), json_string_value(json_object_get(b, "hostname"))) >= 0);
	}
	const char *name = json_string_value(json_object_get(json_object_get(json_object_get(json_array_get(data, 0),
											      "metadata"), "host"), "hostname"));
	char *want = xstrdup(name);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --search 'united.endpoint.host.hostname:%s'", want);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 1);
	assert_non_null(strstr(r.text, want));
	testenv_run_free(&r);
	free(want);
}

static void test_endpoint_show_and_console(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --per-page 1");
	char *id = xstrdup(json_string_value(json_object_get(json_object_get(json_object_get(
		json_array_get(json_object_get(r.json, "data"), 0), "metadata"), "agent"), "id")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint show %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_non_null(strstr(r.text, id));
	assert_non_null(strstr(r.text, "capabilities"));
	assert_non_null(strstr(r.text, "isolation"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint show no-such-endpoint");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testenv_run_free(&r);
	/* The console is the terminal UI's. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "console %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "terminal UI"));
	testenv_run_free(&r);
	free(id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoints_list),
		cmocka_unit_test(test_endpoints_sort_and_search),
		cmocka_unit_test(test_endpoint_show_and_console),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
