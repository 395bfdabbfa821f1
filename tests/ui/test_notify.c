/* Notifications through the terminal: the settings, what "auto" picks, and sequences nothing can break out of. */
#include "config.h"
#include "ktest.h"
#include "ui/notify.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static void test_parse_and_names(void **state)
{
	(void)state;
	static const char *const names[] = {"off", "bell", "auto", "osc9", "osc777"};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		enum notify_kind k;
		assert_true(notify_parse(names[i], &k));
		assert_string_equal(notify_name(k), names[i]);
	}
	enum notify_kind k = NOTIFY_BELL;
	assert_false(notify_parse("loud", &k));
	assert_false(notify_parse(NULL, &k));
	assert_int_equal(k, NOTIFY_BELL);
}

static void test_auto_follows_the_terminal(void **state)
{
	(void)state;
	assert_int_equal(notify_detect("xterm-256color", "iTerm.app", false, false), NOTIFY_OSC9);
	assert_int_equal(notify_detect("xterm-256color", "WezTerm", false, false), NOTIFY_OSC9);
	assert_int_equal(notify_detect("xterm-kitty", NULL, false, false), NOTIFY_OSC9);
	assert_int_equal(notify_detect("xterm-256color", NULL, true, false), NOTIFY_OSC9);
	assert_int_equal(notify_detect("xterm-ghostty", NULL, false, false), NOTIFY_OSC9);
	assert_int_equal(notify_detect("foot-extra", NULL, false, false), NOTIFY_OSC777);
	/* A terminal that says nothing, or tmux (which passes neither), gets the bell. */
	assert_int_equal(notify_detect("xterm-256color", NULL, false, false), NOTIFY_BELL);
	assert_int_equal(notify_detect(NULL, NULL, false, false), NOTIFY_BELL);
	assert_int_equal(notify_detect("xterm-kitty", "iTerm.app", true, true), NOTIFY_BELL);
}

/* How many escape (0x1b) and BEL (0x07) bytes s holds. */
static size_t controls(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == 0x1b || *s == 0x07 || (unsigned char)*s == 0x9c;
	return n;
}

static void test_sequences(void **state)
{
	(void)state;
	char *s = notify_sequence(NOTIFY_OSC9, "ktriage", "2 new in Alerts");
	assert_string_equal(s, "\033]9;ktriage: 2 new in Alerts\033\\");
	free(s);
	s = notify_sequence(NOTIFY_OSC777, "ktriage", "1 new; critical");
	assert_string_equal(s, "\033]777;notify;ktriage;1 new; critical\033\\");
	free(s);
	/* Server text that tries to end the sequence and start its own (a clipboard write) stays inside it. */
	static const char hostile[] = "rule\033\\\033]52;c;ZXZpbA==\007 on \xc2\x9c host\r\n\xff";
	s = notify_sequence(NOTIFY_OSC9, "ktriage", hostile);
	assert_int_equal(controls(s), 2); /* the sequence's own ESC ] and ESC \ */
	assert_int_equal(strncmp(s, "\033]9;", 4), 0);
	assert_string_equal(s + strlen(s) - 2, "\033\\");
	free(s);
	/* In OSC 777 a ';' in the title would start the body. */
	s = notify_sequence(NOTIFY_OSC777, "a;b", hostile);
	assert_int_equal(controls(s), 2);
	assert_int_equal(strncmp(s, "\033]777;notify;a,b;", 17), 0);
	free(s);
	/* Long text is cut, on a character boundary. */
	char long_text[1000];
	memset(long_text, 0, sizeof(long_text));
	for (size_t i = 0; i + 2 < 900; i += 2)
		memcpy(long_text + i, "\xc3\xa9", 2);
	s = notify_sequence(NOTIFY_OSC9, "ktriage", long_text);
	assert_true(strlen(s) < 300);
	assert_string_equal(s + strlen(s) - 3, "\xa9\033\\");
	free(s);
	assert_null(notify_sequence(NOTIFY_BELL, "ktriage", "x"));
	assert_null(notify_sequence(NOTIFY_OFF, "ktriage", "x"));
}

int main(void)
{
	/* As the program runs: text is UTF-8. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_and_names),
		cmocka_unit_test(test_auto_follows_the_terminal),
		cmocka_unit_test(test_sequences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
