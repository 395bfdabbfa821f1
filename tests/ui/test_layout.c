/* Column layout, key names, the one-line editor and theme files: the UI's pure parts. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "ui/keys.h"
#include "core/column.h"
#include "ui/textinput.h"
#include "ui/theme.h"

static const struct column cols[] = {
	{"SEV", NULL, 4, 8, 0, 4, 0, COLUMN_SEVERITY},
	{"TITLE", NULL, 10, 0, 3, 5, 0, COLUMN_NAME},
	{"TAGS", NULL, 6, 20, 1, 2, 0, COLUMN_DIM},
	{"N", NULL, 3, 3, 0, 3, COLUMN_RIGHT, COLUMN_PLAIN},
};

static int sum(const int *w, size_t n)
{
	int s = 0, shown = 0;
	for (size_t i = 0; i < n; i++) {
		s += w[i];
		shown += w[i] > 0;
	}
	return s + (shown ? shown - 1 : 0);
}

static void test_layout_wide(void **state)
{
	(void)state;
	int w[4];
	const int want[] = {6, 40, 12, 3};
	column_layout(cols, 4, want, 100, 1, w);
	assert_int_equal(w[0], 6);  /* a fixed column is as wide as its widest value, not its maximum */
	assert_int_equal(w[3], 3);
	assert_true(w[1] >= 40);    /* every growing column shows its content first */
	assert_true(w[2] >= 12 && w[2] <= 20); /* then grows up to its maximum */
	assert_true(w[1] > w[2]);   /* by its share */
	assert_int_equal(sum(w, 4), 100);
}

static void test_layout_nothing_cut_when_room(void **state)
{
	(void)state;
	int w[4];
	const int want[] = {8, 120, 20, 3};
	column_layout(cols, 4, want, 250, 1, w);
	for (size_t i = 0; i < 4; i++)
		assert_true(w[i] >= want[i]);
	assert_int_equal(sum(w, 4), 250);
}

static void test_layout_short_cuts_growing_columns_first(void **state)
{
	(void)state;
	int w[4];
	const int want[] = {8, 120, 20, 3};
	column_layout(cols, 4, want, 60, 1, w);
	/* The status words and numbers keep their width; the title and tags give way. */
	assert_int_equal(w[0], 8);
	assert_int_equal(w[3], 3);
	assert_true(w[1] >= 10 && w[2] >= 6);
	assert_int_equal(sum(w, 4), 60);
}

static void test_layout_narrow_hides_least_kept_columns(void **state)
{
	(void)state;
	int w[4];
	column_layout(cols, 4, NULL, 16, 1, w);
	/* TAGS (keep 2), then N (keep 3) are hidden; the spare cell goes to the fixed column. */
	assert_int_equal(w[0], 5);
	assert_int_equal(w[1], 10);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[3], 0);
	column_layout(cols, 4, NULL, 26, 1, w);
	assert_true(w[2] >= 6);
	assert_true(sum(w, 4) <= 26);
}

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

static void test_textinput_utf8(void **state)
{
	(void)state;
	struct textinput t;
	textinput_init(&t, false);
	const int keys[] = {'a', 0x6F22, 0x1F3A3, 'b'};
	for (size_t i = 0; i < 4; i++)
		assert_true(textinput_key(&t, keys[i]));
	assert_string_equal(t.text.buf, "a漢🎣b");
	textinput_key(&t, K_LEFT);
	textinput_key(&t, K_LEFT);
	textinput_key(&t, K_BACKSPACE); /* removes the whole 3-byte character */
	assert_string_equal(t.text.buf, "a🎣b");
	textinput_key(&t, K_CTRL('a'));
	textinput_key(&t, K_DC);
	assert_string_equal(t.text.buf, "🎣b");
	textinput_key(&t, K_CTRL('e'));
	textinput_key(&t, ' ');
	textinput_key(&t, 'x');
	textinput_key(&t, K_CTRL('w'));
	assert_string_equal(t.text.buf, "🎣b ");
	textinput_key(&t, K_CTRL('u'));
	assert_string_equal(t.text.buf, "");
	/* Control characters and C1 are never inserted. */
	assert_false(textinput_key(&t, 0x9B));
	assert_false(textinput_key(&t, K_ENTER));
	textinput_free(&t);
}

static void test_textinput_multiline(void **state)
{
	(void)state;
	struct textinput t;
	textinput_init(&t, true);
	textinput_set(&t, "first");
	assert_true(textinput_key(&t, K_ENTER));
	textinput_key(&t, 'x');
	assert_string_equal(t.text.buf, "first\nx");
	textinput_key(&t, K_UP);
	textinput_key(&t, 'Y');
	assert_string_equal(t.text.buf, "fYirst\nx");
	textinput_free(&t);
}

static void test_theme_parse(void **state)
{
	(void)state;
	struct theme t;
	char *err = NULL;
	theme_builtin(&t);
	assert_int_equal(theme_parse(&t, "# comment\ncolor selected black color153 bold\n", "x.theme", &err), 0);
	assert_int_equal(t.fg[ROLE_SELECTED], 0);
	assert_int_equal(t.bg[ROLE_SELECTED], 153);
	assert_int_equal(theme_parse(&t, "color nosuchrole red blue\n", "x.theme", &err), -1);
	assert_non_null(strstr(err, "x.theme:1"));
	assert_non_null(strstr(err, "nosuchrole"));
	free(err);
	err = NULL;
	assert_int_equal(theme_parse(&t, "\ncolor header red color999\n", "y.theme", &err), -1);
	assert_non_null(strstr(err, "y.theme:2"));
	free(err);
	err = NULL;
	assert_int_equal(theme_load(&t, "../etc/passwd", &err), -1);
	free(err);
}

static void test_shipped_themes_load(void **state)
{
	(void)state;
	const char *names[] = {"default", "light", "high-contrast", NULL};
	setenv("KTRIAGE_THEMES", KT_SRCDIR "/themes", 1);
	for (int i = 0; names[i]; i++) {
		struct theme t;
		char *err = NULL;
		assert_int_equal(theme_load(&t, names[i], &err), 0);
		for (int r = 0; r < ROLE_COUNT; r++)
			assert_true(t.set[r]);
	}
	struct theme t;
	char *err = NULL;
	assert_int_equal(theme_load(&t, "no-such-theme", &err), -1);
	assert_non_null(strstr(err, "no-such-theme"));
	free(err);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wide),
		cmocka_unit_test(test_layout_nothing_cut_when_room),
		cmocka_unit_test(test_layout_short_cuts_growing_columns_first),
		cmocka_unit_test(test_layout_narrow_hides_least_kept_columns),
		cmocka_unit_test(test_keys_round_trip),
		cmocka_unit_test(test_textinput_utf8),
		cmocka_unit_test(test_textinput_multiline),
		cmocka_unit_test(test_theme_parse),
		cmocka_unit_test(test_shipped_themes_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
