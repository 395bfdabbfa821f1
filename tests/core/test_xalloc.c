/* The allocation helpers everything else is built on: abort on exhaustion, copy and format into new strings. */
#include "config.h"
#include "ktest.h"
#include "core/xalloc.h"
#include <stdlib.h>

static void test_xalloc_helpers(void **state)
{
	assert_null(xstrdup(NULL));
	char *s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = xstrndup("ab", 10);
	assert_string_equal(s, "ab");
	free(s);
	s = xasprintf("%d-%s", 5, "x");
	assert_string_equal(s, "5-x");
	free(s);
	int *v = xcalloc(4, sizeof(int));
	assert_int_equal(v[3], 0);
	v = xreallocarray(v, 1000, sizeof(int));
	v[999] = 1;
	free(v);
	void *z = xmalloc(0);
	assert_non_null(z);
	free(z);
	xfree_secret(NULL);
	xfree_secret(xstrdup("secret"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xalloc_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
