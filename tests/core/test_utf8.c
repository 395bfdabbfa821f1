/* UTF-8 decoding and encoding, validity, display width, and fitting and padding to a number of columns. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define U_ELL "\xe2\x80\xa6"     /* U+2026 */

static int teardown_ascii(void **state)
{
	utf8_set_ascii(false);
	return 0;
}

static void test_decode_encode(void **state)
{
	static const uint32_t cps[] = {0, 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff};
	for (size_t i = 0; i < sizeof(cps) / sizeof(*cps); i++) {
		char buf[4];
		size_t n = utf8_encode(cps[i], buf);
		uint32_t back;
		assert_int_equal(utf8_decode(buf, n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	uint32_t cp;
	assert_int_equal(utf8_decode("\xe6\x97", 2, &cp), 1);
	assert_int_equal(cp, UTF8_INVALID);
	assert_int_equal(utf8_decode("\xe6\x97\xa5", 2, &cp), 1);
	assert_int_equal(cp, UTF8_INVALID);
}

static void test_valid(void **state)
{
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("\xe6\x97\xa5\xf0\x9f\x98\x80", 7));
	assert_false(utf8_valid("\xc0\xaf", 2));
	assert_false(utf8_valid("\xe0\x9f\xbf", 3));
	assert_false(utf8_valid("\xf0\x8f\xbf\xbf", 4));
	assert_false(utf8_valid("\xed\xa0\x80", 3));
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));
	assert_false(utf8_valid("\x80", 1));
	assert_false(utf8_valid("a\xe6\x97", 3));
}

static void test_width(void **state)
{
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"), 6);     /* 日本語 */
	assert_int_equal(utf8_width("\xf0\x9f\x98\x80"), 2);                         /* 😀 */
	assert_int_equal(utf8_width("e\xcc\x81"), 1);                                /* e + combining acute */
	assert_int_equal(utf8_width("\xea\xb0\x80\xed\x9e\xa3"), 4);                 /* 가힣 */
	assert_int_equal(utf8_width("\xef\xbc\xa1"), 2);                             /* fullwidth A */
	assert_int_equal(utf8_cp_width(0x200b), 0);
	assert_int_equal(utf8_cp_width(UTF8_INVALID), 1);
}

static void test_fit(void **state)
{
	int cols;
	const char *jp = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
	assert_int_equal(utf8_fit(jp, 5, &cols), 6);
	assert_int_equal(cols, 4);
	assert_int_equal(utf8_fit(jp, 1, &cols), 0);
	assert_int_equal(cols, 0);
	assert_int_equal(utf8_fit(jp, -1, &cols), 9);
	assert_int_equal(cols, 6);
	assert_int_equal(utf8_fit("a\xf0\x9f\x98\x80" "b", 2, &cols), 1);
	assert_int_equal(cols, 1);
	assert_int_equal(utf8_fit("a\xf0\x9f\x98\x80" "b", 3, &cols), 5);
	assert_int_equal(cols, 3);
	/* A combining mark stays with its base. */
	assert_int_equal(utf8_fit("e\xcc\x81x", 1, &cols), 3);
}

static void test_wrap(void **state)
{
	assert_int_equal(utf8_wrap("hello world again", 12), 12);
	assert_int_equal(utf8_wrap("short", 12), 5);
	assert_int_equal(utf8_wrap("one\ntwo", 12), 3);
	assert_int_equal(utf8_wrap("exactly\nmore", 7), 7);
	/* A newline past the first row does not matter to it. */
	assert_int_equal(utf8_wrap("abcdefghij\nk", 4), 4);
	assert_int_equal(utf8_wrap("abc defghij", 6), 4);
}

/*
 * Fitting and wrapping read only the part that fits: a text of any length costs what one row
 * shows. The text here runs to the end of a page followed by an unreadable one, with no NUL:
 * reading to its end (strlen) would fault.
 */
static void test_fit_reads_only_what_fits(void **state)
{
	long page = sysconf(_SC_PAGESIZE);
	char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(mem != MAP_FAILED);
	assert_int_equal(mprotect(mem + page, (size_t)page, PROT_NONE), 0);
	memset(mem, 'a', (size_t)page);
	const char *s = mem;
	int cols = 0;
	assert_int_equal(utf8_fit(s, 10, &cols), 10);
	assert_int_equal(cols, 10);
	assert_int_equal(utf8_wrap(s, 10), 10);
	munmap(mem, (size_t)page * 2);
}

static char *pad(const char *s, int cols, bool right)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (right)
		utf8_pad_right(&sb, s, cols);
	else
		utf8_pad(&sb, s, cols);
	return strbuf_detach(&sb, NULL);
}

static void test_pad(void **state)
{
	const char *jp = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
	char *s = pad(jp, 5, false);
	assert_string_equal(s, "\xe6\x97\xa5\xe6\x9c\xac" U_ELL);
	free(s);
	s = pad(jp, 4, false);
	assert_string_equal(s, "\xe6\x97\xa5" U_ELL " ");
	free(s);
	s = pad(jp, 6, false);
	assert_string_equal(s, jp);
	free(s);
	s = pad("ab", 5, false);
	assert_string_equal(s, "ab   ");
	free(s);
	s = pad("ab", 5, true);
	assert_string_equal(s, "   ab");
	free(s);
	s = pad("abcdef", 4, true);
	assert_string_equal(s, "abc" U_ELL);
	free(s);
	s = pad("abc", 0, false);
	assert_string_equal(s, "");
	free(s);
	s = pad("\xe6\x97\xa5", 1, false);
	assert_string_equal(s, U_ELL);
	free(s);
	utf8_set_ascii(true);
	s = pad("abcdef", 4, false);
	assert_string_equal(s, "abc~");
	free(s);
	utf8_set_ascii(false);
}

/* Padding always yields exactly the columns asked for, whatever the mix of widths. */
static void test_chars_and_utf16(void **state)
{
	/* 13 characters: 8 CJK, a space, an emoji past U+FFFF, a space, "ok" (32 bytes). */
	const char *s = "日本語のメモです 👍 ok";
	assert_int_equal(strlen(s), 32);
	assert_int_equal(utf8_chars(s), 13);
	/* JavaScript counts the emoji twice, as Kibana's length check does. */
	assert_int_equal(utf8_utf16_len(s), 14);
	assert_int_equal(utf8_chars(""), 0);
	/* An invalid byte counts as one character. */
	assert_int_equal(utf8_chars("a\xff" "b"), 3);
}

static void test_pad_exact_width(void **state)
{
	static const char *const samples[] = {
		"", "a", "abc", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "a\xe6\x97\xa5\xe6\x9c\xac",
		"\xf0\x9f\x98\x80x\xf0\x9f\x98\x80", "e\xcc\x81\xe6\x97\xa5", "ab\xe6\x97\xa5" "cd\xf0\x9f\x98\x80",
	};
	for (size_t i = 0; i < sizeof(samples) / sizeof(*samples); i++) {
		for (int cols = 0; cols <= 12; cols++) {
			for (int right = 0; right < 2; right++) {
				char *s = pad(samples[i], cols, right);
				if (utf8_width(s) != cols)
					fail_msg("%s(\"%s\", %d) gave \"%s\", %d columns", right ? "utf8_pad_right" : "utf8_pad",
						 samples[i], cols, s, utf8_width(s));
				free(s);
			}
		}
	}
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_encode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_chars_and_utf16),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_fit_reads_only_what_fits),
		cmocka_unit_test_teardown(test_pad, teardown_ascii),
		cmocka_unit_test(test_pad_exact_width),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
