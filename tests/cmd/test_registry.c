/* The command table: looking up the command a line starts with, and every declared command found by its own words. */
#include "config.h"
#include "ktest.h"
#include "cmd/cmd.h"
#include "cmd/tokenize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Look up the command a line starts with. */
static const struct cmd_def *lookup(const char *line, int *used)
{
	int argc;
	char **argv;
	char *err;
	assert_int_equal(tokenize(line, &argc, &argv, &err), 0);
	*used = -1;
	const struct cmd_def *d = cmd_lookup(argc, argv, used);
	tokenize_free(argc, argv);
	return d;
}

static void test_lookup(void **state)
{
	int used;
	const struct cmd_def *d = lookup("case show abc", &used);
	assert_non_null(d);
	assert_string_equal(d->words, "case show");
	assert_int_equal(used, 2);
	d = lookup("cases --all", &used);
	assert_string_equal(d->words, "cases");
	assert_int_equal(used, 1);
	assert_null(lookup("case", &used));
	assert_null(lookup("casesx", &used));
	assert_null(lookup("", &used));
	/* Every declared command is found by its own words. */
	for (const struct cmd_def *const *all = cmd_all(); *all; all++) {
		int argc;
		char **argv;
		char *err;
		assert_int_equal(tokenize((*all)->words, &argc, &argv, &err), 0);
		assert_ptr_equal(cmd_lookup(argc, argv, &used), *all);
		assert_int_equal(used, argc);
		assert_ptr_equal(cmd_find_arg(*all, "nope"), NULL);
		tokenize_free(argc, argv);
	}
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
