/* The ':' prompt's history never keeps a line that may hold a secret. */
#include "config.h"
#include "ktest.h"
#include "ui/prompt.h"

static void test_history_never_keeps_secrets(void **state)
{
	(void)state;
	assert_true(prompt_line_secret("api POST /api/security/user {\"password\":\"x\"}"));
	assert_true(prompt_line_secret("api GET /x --header Authorization"));
	assert_true(prompt_line_secret("set api_key abc"));
	assert_false(prompt_line_secret("cases --status open"));
	assert_false(prompt_line_secret("case comment c1 the host was reimaged"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history_never_keeps_secrets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
