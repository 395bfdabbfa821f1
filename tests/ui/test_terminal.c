/* A TERM the UI can use: unknown ones fall back to a description this machine has, with a note. */
#include "config.h"
#include "ktest.h"
#include "ui/terminal.h"
#include <stdlib.h>
#include <string.h>

static void test_known_term_is_kept(void **state)
{
	char *why = NULL, *note = NULL;
	setenv("TERM", "xterm-256color", 1);
	assert_true(terminal_pick(&why, &note));
	assert_null(note);
	assert_string_equal(getenv("TERM"), "xterm-256color");
}

static void test_unknown_term_falls_back(void **state)
{
	char *why = NULL, *note = NULL;
	/* As on a jump host without kitty's terminfo; the name carries an escape that must not reach the screen. */
	setenv("TERM", "xterm-kitty-\x1b[31mnowhere", 1);
	assert_true(terminal_pick(&why, &note));
	assert_non_null(note);
	assert_non_null(strstr(note, "no terminal description"));
	assert_non_null(strstr(note, "xterm-256color"));
	assert_null(strchr(note, '\x1b'));
	assert_string_equal(getenv("TERM"), "xterm-256color");
	free(note);
}

static void test_dumb_or_unset_is_refused(void **state)
{
	char *why = NULL, *note = NULL;
	setenv("TERM", "dumb", 1);
	assert_false(terminal_pick(&why, &note));
	assert_non_null(strstr(why, "ktriage -c"));
	free(why);
	why = NULL;
	unsetenv("TERM");
	assert_false(terminal_pick(&why, &note));
	free(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_term_is_kept),
		cmocka_unit_test(test_unknown_term_falls_back),
		cmocka_unit_test(test_dumb_or_unset_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
