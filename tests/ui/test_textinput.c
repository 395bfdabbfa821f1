/* The one-line (and multi-line) editor: UTF-8 editing keys, control characters refused. */
#include "config.h"
#include "ktest.h"
#include "ui/keys.h"
#include "ui/textinput.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textinput_utf8),
		cmocka_unit_test(test_textinput_multiline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
