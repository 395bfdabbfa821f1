/* The ':' prompt's history never keeps a line that may hold a secret. */
#include "config.h"
#include "ktest.h"
#include "ui/prompt.h"
#include <stdlib.h>
#include <string.h>

static void test_history_never_keeps_secrets(void **state)
{
	(void)state;
	assert_true(prompt_line_secret("api POST /api/security/user {\"password\":\"x\"}"));
	assert_true(prompt_line_secret("api GET /x --header Authorization"));
	assert_true(prompt_line_secret("set api_key abc"));
	assert_false(prompt_line_secret("cases --status open"));
	assert_false(prompt_line_secret("case comment c1 the host was reimaged"));
}

/* An id completed from server data may carry escapes: the history (a file `cat` replays) keeps the line inert. */
static void test_history_text_is_inert(void **state)
{
	(void)state;
	char *t = prompt_history_text("case show abc\x1b]0;pwned\x07\x1b[2J\xe2\x80\xae-x");
	assert_non_null(t);
	assert_null(strchr(t, '\x1b'));
	assert_null(strchr(t, '\x07'));
	assert_null(strstr(t, "\xe2\x80\xae"));
	assert_true(strncmp(t, "case show abc", 13) == 0);
	free(t);
	t = prompt_history_text("cases --status open");
	assert_string_equal(t, "cases --status open");
	free(t);
	assert_null(prompt_history_text("set api_key abc"));
	assert_null(prompt_history_text(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history_never_keeps_secrets),
		cmocka_unit_test(test_history_text_is_inert),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
