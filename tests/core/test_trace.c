/* The timing trace: nothing without KTRIAGE_TRACE; with it, one line per event, times never going back. */
#include "config.h"
#include "ktest.h"
#include "core/trace.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_off_without_the_variable(void **state)
{
	unsetenv("KTRIAGE_TRACE");
	assert_true(trace_open_env());
	assert_false(trace_on());
	trace_event("frame", "%d", 1); /* a no-op */
	trace_close();
}

static void test_events_are_lines_in_time_order(void **state)
{
	char *dir = testutil_tmpdir();
	char *path = xasprintf("%s/trace", dir);
	setenv("KTRIAGE_TRACE", path, 1);
	assert_true(trace_open_env());
	assert_true(trace_on());
	trace_event("key", "%d", 106);
	trace_event("request", "%s %s", "GET", "/api/cases/_find");
	trace_event("frame", "%zu", (size_t)42);
	trace_close();
	assert_false(trace_on());
	char *text = testutil_read_file(path, NULL);
	assert_non_null(text);
	static const char *const want[] = {"start", "key 106", "request GET /api/cases/_find", "frame 42"};
	long long prev = 0;
	char *p = text;
	for (size_t i = 0; i < 4; i++) {
		char *nl = strchr(p, '\n');
		assert_non_null(nl);
		*nl = '\0';
		char *end;
		long long t = strtoll(p, &end, 10);
		assert_true(t >= prev && t > 0);
		prev = t;
		assert_int_equal(*end, ' ');
		if (strncmp(end + 1, want[i], strlen(want[i])) != 0)
			fail_msg("line %zu is \"%s\", want \"%s...\"", i, p, want[i]);
		p = nl + 1;
	}
	assert_string_equal(p, "");
	unsetenv("KTRIAGE_TRACE");
	free(text);
	unlink(path);
	free(path);
	testutil_rmtree(dir);
	free(dir);
}

static void test_unwritable_file_is_reported(void **state)
{
	setenv("KTRIAGE_TRACE", "/nonexistent-dir/trace", 1);
	assert_false(trace_open_env());
	assert_false(trace_on());
	unsetenv("KTRIAGE_TRACE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_off_without_the_variable),
		cmocka_unit_test(test_events_are_lines_in_time_order),
		cmocka_unit_test(test_unwritable_file_is_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
