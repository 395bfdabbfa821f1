/* Key names: every name parses back to the key it names. */
#include "config.h"
#include "ktest.h"
#include "ui/keys.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void test_keys_round_trip(void **state)
{
	(void)state;
	const char *names[] = {"Enter", "Esc", "Tab", "S-Tab", "Up", "PgDn", "C-r", "j", "ñ", "漢", NULL};
	for (int i = 0; names[i]; i++) {
		int k = keys_parse(names[i]);
		assert_true(k >= 0);
		assert_string_equal(keys_name(k), names[i]);
	}
	assert_int_equal(keys_parse("NoSuchKey"), -1);
	/* The old name of S-Tab still reads. */
	assert_int_equal(keys_parse("BTab"), keys_parse("S-Tab"));
	/* A function key never equals a character code, even U+0102 (KEY_DOWN is 0402 octal). */
	assert_int_not_equal(keys_parse("Down"), 0x102);
}

/* A terminal's Enter (CR) is the Enter the key tables bind: it opens a row, not nothing. */
static void test_terminal_enter(void **state)
{
	(void)state;
	assert_int_equal(keys_cooked('\r'), keys_parse("Enter"));
	assert_int_equal(keys_cooked('\n'), keys_parse("Enter"));
	assert_int_equal(keys_cooked('j'), 'j');
	assert_int_equal(keys_cooked(K_TAB), K_TAB);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_round_trip),
		cmocka_unit_test(test_terminal_enter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
