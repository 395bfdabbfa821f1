/* Splitting command lines into words: blanks, quotes, escapes, and quoting words back. */
#include "config.h"
#include "ktest.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tokenize line and compare with the expected words (NULL-terminated). */
static void expect_words(const char *line, const char *const *want)
{
	int argc = -1;
	char **argv = NULL;
	char *err = NULL;
	if (tokenize(line, &argc, &argv, &err) < 0)
		fail_msg("tokenize(\"%s\") failed: %s", line, err);
	int n = 0;
	while (want[n])
		n++;
	assert_int_equal(argc, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[argc]);
	tokenize_free(argc, argv);
}

static void test_blanks(void **state)
{
	expect_words("", (const char *const[]){NULL});
	expect_words(" \t\r\n ", (const char *const[]){NULL});
	expect_words("cases", (const char *const[]){"cases", NULL});
	expect_words("  case\tshow \n abc  ", (const char *const[]){"case", "show", "abc", NULL});
}

static void test_single_quotes(void **state)
{
	expect_words("case comment x --text 'it''s \"fine\" \\n'",
		     (const char *const[]){"case", "comment", "x", "--text", "its \"fine\" \\n", NULL});
	expect_words("''", (const char *const[]){"", NULL});
	expect_words("a'b c'd", (const char *const[]){"ab cd", NULL});
}

static void test_double_quotes(void **state)
{
	expect_words("\"say \\\"hi\\\" \\\\ \\n\"", (const char *const[]){"say \"hi\" \\ \\n", NULL});
	expect_words("\"\"", (const char *const[]){"", NULL});
	expect_words("--search=\"two words\"", (const char *const[]){"--search=two words", NULL});
	expect_words("\"caf\xc3\xa9 \xe6\x97\xa5\"", (const char *const[]){"caf\xc3\xa9 \xe6\x97\xa5", NULL});
}

static void test_backslash_outside_quotes(void **state)
{
	expect_words("a\\ b c\\'d \\\"", (const char *const[]){"a b", "c'd", "\"", NULL});
	/* A trailing backslash has nothing to escape and stays. */
	expect_words("end\\", (const char *const[]){"end\\", NULL});
}

static void test_unterminated(void **state)
{
	static const char *const bad[] = {"'abc", "case show \"abc", "a \"b\\\"", "x 'y' 'z"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		int argc = 0;
		char **argv = NULL;
		char *err = NULL;
		assert_int_equal(tokenize(bad[i], &argc, &argv, &err), -1);
		assert_non_null(err);
		assert_non_null(strstr(err, "unterminated"));
		free(err);
	}
}

static void test_many_words(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (int i = 0; i < 500; i++)
		strbuf_printf(&sb, "w%d ", i);
	int argc;
	char **argv;
	char *err;
	assert_int_equal(tokenize(sb.buf, &argc, &argv, &err), 0);
	assert_int_equal(argc, 500);
	assert_string_equal(argv[499], "w499");
	assert_null(argv[500]);
	tokenize_free(argc, argv);
	strbuf_free(&sb);
}

static void test_quote_round_trip(void **state)
{
	static const char *const words[] = {"plain", "", "two words", "it's", "\"dq\"", "back\\slash", "tab\there",
					    "new\nline", "caf\xc3\xa9", "--opt=a b", "'", "\\"};
	struct strbuf line;
	strbuf_init(&line);
	size_t n = sizeof(words) / sizeof(*words);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(&line, ' ');
		tokenize_quote(&line, words[i]);
	}
	int argc;
	char **argv;
	char *err;
	assert_int_equal(tokenize(line.buf, &argc, &argv, &err), 0);
	assert_int_equal(argc, (int)n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(argv[i], words[i]);
	tokenize_free(argc, argv);
	strbuf_free(&line);

	strbuf_init(&line);
	tokenize_quote(&line, "simple-word");
	assert_string_equal(line.buf, "simple-word");
	strbuf_free(&line);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_single_quotes),
		cmocka_unit_test(test_double_quotes),
		cmocka_unit_test(test_backslash_outside_quotes),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_many_words),
		cmocka_unit_test(test_quote_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
