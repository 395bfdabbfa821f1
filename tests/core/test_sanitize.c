/* The terminal-safety gate for server text: controls, escapes, bidi overrides and bad UTF-8 shown, never obeyed. */
#include "config.h"
#include "ktest.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define U_ESC "\xe2\x90\x9b"     /* U+241B symbol for escape */
#define U_BEL "\xe2\x90\x87"     /* U+2407 */
#define U_CR "\xe2\x90\x8d"      /* U+240D */
#define U_NUL "\xe2\x90\x80"     /* U+2400 */
#define U_NL "\xe2\x90\xa4"      /* U+2424 newline mark */
#define U_DEL "\xe2\x90\xa1"     /* U+2421 */
#define U_C1 "\xe2\x90\xa6"      /* U+2426 */
#define U_BIDI "\xe2\x87\x84"    /* U+21C4 */
#define U_BAD "\xef\xbf\xbd"     /* U+FFFD */
#define U_ELL "\xe2\x80\xa6"     /* U+2026 */

static char *san(const char *s, size_t len, enum sanitize_mode mode)
{
	struct strbuf sb;
	strbuf_init(&sb);
	sanitize_append(&sb, s, len, mode);
	return strbuf_detach(&sb, NULL);
}

#define SAN_EQ(in, mode, want)                                        \
	do {                                                          \
		char *got_ = san(in, sizeof(in) - 1, mode);           \
		assert_string_equal(got_, want);                      \
		free(got_);                                           \
	} while (0)

static int teardown_ascii(void **state)
{
	utf8_set_ascii(false);
	return 0;
}

static void test_escape_sequences_shown(void **state)
{
	SAN_EQ("a\x1b[31mred\x1b[0m", SANITIZE_LINE, "a" U_ESC "[31mred" U_ESC "[0m");
	/* OSC 52 would write the clipboard; it must come out inert. */
	SAN_EQ("\x1b]52;c;SGVsbG8=\x07", SANITIZE_LINE, U_ESC "]52;c;SGVsbG8=" U_BEL);
	SAN_EQ("\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\", SANITIZE_TEXT,
	       U_ESC "]8;;http://evil" U_ESC "\\x" U_ESC "]8;;" U_ESC "\\");
}

static void test_c1_controls(void **state)
{
	/* U+009B is a one-character CSI on some terminals. */
	SAN_EQ("x\xc2\x9b" "31my", SANITIZE_LINE, "x" U_C1 "31my");
	SAN_EQ("\xc2\x80\xc2\x9f", SANITIZE_LINE, U_C1 U_C1);
	/* The raw byte 0x9B is not UTF-8 at all. */
	SAN_EQ("x\x9b" "31m", SANITIZE_LINE, "x" U_BAD "31m");
	/* U+00A0 and up are ordinary text. */
	SAN_EQ("\xc2\xa0\xc3\xa9", SANITIZE_LINE, "\xc2\xa0\xc3\xa9");
}

static void test_bidi_controls(void **state)
{
	SAN_EQ("txt\xe2\x80\xae" "exe.doc", SANITIZE_LINE, "txt" U_BIDI "exe.doc");
	SAN_EQ("\xe2\x81\xa6" "a\xe2\x81\xa9", SANITIZE_LINE, U_BIDI "a" U_BIDI);
	SAN_EQ("\xe2\x80\x8f\xd8\x9c\xe2\x80\xaa", SANITIZE_TEXT, U_BIDI U_BIDI U_BIDI);
}

static void test_line_breaks(void **state)
{
	SAN_EQ("a\nb", SANITIZE_LINE, "a" U_NL "b");
	SAN_EQ("a\nb", SANITIZE_TEXT, "a\nb");
	SAN_EQ("a\r\nb\r\n", SANITIZE_TEXT, "a\nb\n");
	SAN_EQ("a\r\nb", SANITIZE_LINE, "a" U_CR U_NL "b");
	SAN_EQ("over\rwrite", SANITIZE_TEXT, "over" U_CR "write");
	SAN_EQ("over\rwrite", SANITIZE_LINE, "over" U_CR "write");
	SAN_EQ("trailing\r", SANITIZE_TEXT, "trailing" U_CR);
	SAN_EQ("a\xe2\x80\xa8" "b", SANITIZE_LINE, "a" U_NL "b");
	SAN_EQ("a\xe2\x80\xa9" "b", SANITIZE_TEXT, "a\nb");
	SAN_EQ("a\tb", SANITIZE_LINE, "a b");
}

static void test_nul_and_del(void **state)
{
	SAN_EQ("a\0b", SANITIZE_LINE, "a" U_NUL "b");
	SAN_EQ("a\x7f" "b\x08", SANITIZE_LINE, "a" U_DEL "b\xe2\x90\x88");
}

static void test_invalid_utf8(void **state)
{
	/* Overlong encodings of '/' and of NUL. */
	SAN_EQ("\xc0\xaf", SANITIZE_LINE, U_BAD U_BAD);
	SAN_EQ("\xe0\x80\xaf", SANITIZE_LINE, U_BAD U_BAD U_BAD);
	SAN_EQ("\xc0\x80", SANITIZE_LINE, U_BAD U_BAD);
	/* UTF-16 surrogates encoded in UTF-8. */
	SAN_EQ("\xed\xa0\x80\xed\xbf\xbf", SANITIZE_LINE, U_BAD U_BAD U_BAD U_BAD U_BAD U_BAD);
	/* Past U+10FFFF, and bytes that never start anything. */
	SAN_EQ("\xf4\x90\x80\x80", SANITIZE_LINE, U_BAD U_BAD U_BAD U_BAD);
	SAN_EQ("\xf8\xff\xfe", SANITIZE_LINE, U_BAD U_BAD U_BAD);
	/* A sequence cut short, then text: the text survives. */
	SAN_EQ("\xe6\x97" "ok", SANITIZE_LINE, U_BAD U_BAD "ok");
	SAN_EQ("end\xf0\x9f\x98", SANITIZE_LINE, "end" U_BAD U_BAD U_BAD);
	/* Valid multi-byte text passes unchanged. */
	SAN_EQ("\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", SANITIZE_LINE, "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80");
}

static void test_unassigned_code_point(void **state)
{
	/* U+0378 is unassigned: the terminal's idea of its width is unknown. */
	SAN_EQ("a\xcd\xb8" "b", SANITIZE_LINE, "a" U_BAD "b");
}

static void test_ascii_mode(void **state)
{
	utf8_set_ascii(true);
	SAN_EQ("\x1b[2J\x07", SANITIZE_LINE, "^[[2J^G");
	SAN_EQ("a\0b\rc\x7f", SANITIZE_LINE, "a^@b^Mc^?");
	SAN_EQ("a\nb", SANITIZE_LINE, "a b");
	SAN_EQ("a\r\nb", SANITIZE_TEXT, "a\nb");
	SAN_EQ("caf\xc3\xa9 \xe6\x97\xa5 \xc2\x9b \xe2\x80\xae \xff", SANITIZE_LINE, "caf? ? ? ? ?");
	utf8_set_ascii(false);
}

static void test_sanitize_str(void **state)
{
	char *s = sanitize_str(NULL, SANITIZE_LINE);
	assert_string_equal(s, "");
	free(s);
	s = sanitize_str("ok \x1b", SANITIZE_TEXT);
	assert_string_equal(s, "ok " U_ESC);
	free(s);
}

/* A run of combining marks on one character keeps only what a terminal cell can hold. */
static void test_combining_marks_capped(void **state)
{
	size_t n = 200000;
	struct strbuf in;
	strbuf_init(&in);
	strbuf_putc(&in, 'e');
	for (size_t i = 0; i < n; i++)
		strbuf_puts(&in, "\xcc\x81"); /* U+0301 COMBINING ACUTE ACCENT */
	strbuf_puts(&in, "x\xcc\x81");
	for (int mode = 0; mode < 2; mode++) {
		char *out = san(in.buf, in.len, (enum sanitize_mode)mode);
		struct strbuf want;
		strbuf_init(&want);
		strbuf_putc(&want, 'e');
		for (int i = 0; i < SANITIZE_MAX_MARKS; i++)
			strbuf_puts(&want, "\xcc\x81");
		/* The next character starts afresh, its own mark kept. */
		strbuf_puts(&want, "x\xcc\x81");
		assert_string_equal(out, want.buf);
		strbuf_free(&want);
		free(out);
	}
	strbuf_free(&in);
	/* A few marks, as real text has them, pass unchanged. */
	SAN_EQ("a\xcc\x81\xcc\x88 b", SANITIZE_LINE, "a\xcc\x81\xcc\x88 b");
}

/* Zero-width characters could make two different ids look the same: each shows as its code point. */
static void test_zero_width_shown(void **state)
{
	SAN_EQ("ab\xe2\x80\x8b" "cd", SANITIZE_LINE, "ab<200b>cd");
	SAN_EQ("\xe2\x80\x8d\xef\xbb\xbf\xe2\x81\xa0", SANITIZE_LINE, "<200d><feff><2060>");
	SAN_EQ("id\xe2\x80\x8c-\xc2\xad" "1", SANITIZE_TEXT, "id<200c>-<00ad>1");
	/* Tag characters (invisible ASCII look-alikes) too. */
	SAN_EQ("x\xf3\xa0\x81\x81", SANITIZE_LINE, "x<e0041>");
}

/* A field drawn every frame looks at a bounded part of its text, however long the text is. */
static void test_field_bounded(void **state)
{
	size_t n = 200000;
	struct strbuf in;
	strbuf_init(&in);
	for (size_t i = 0; i < n; i++)
		strbuf_puts(&in, i % 2 ? "\xcc\x81" : "a");
	struct strbuf out;
	strbuf_init(&out);
	sanitize_field(&out, in.buf, in.len, SANITIZE_FIELD_MAX);
	/* At most the examined code points (each at most 4 bytes) and the ellipsis. */
	assert_true(out.len <= SANITIZE_FIELD_MAX * 4 + 3);
	assert_true(out.len >= 3 && strcmp(out.buf + out.len - 3, U_ELL) == 0);
	strbuf_reset(&out);
	/* Short text is whole, without the ellipsis, and made safe as a line. */
	sanitize_field(&out, "ok\x1b\n", 4, SANITIZE_FIELD_MAX);
	assert_string_equal(out.buf, "ok" U_ESC U_NL);
	strbuf_reset(&out);
	sanitize_field(&out, "abcdef", 6, 3);
	assert_string_equal(out.buf, "abc" U_ELL);
	strbuf_free(&out);
	strbuf_free(&in);
}

/* Whatever goes in, what comes out is valid UTF-8 with no control bytes (newlines only in text mode). */
static void test_output_always_safe(void **state)
{
	uint32_t seed = 12345;
	char in[64];
	for (int round = 0; round < 20000; round++) {
		size_t len = (size_t)(round % 64);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0xff;
			/* Bias towards interesting bytes. */
			in[i] = (char)(r < 40 ? (r % 0x20) : r < 60 ? 0x1b : r < 80 ? 0x9b : r < 100 ? 0xc2 : r < 110 ? 0xe2 : r);
		}
		for (int mode = 0; mode < 2; mode++) {
			char *out = san(in, len, (enum sanitize_mode)mode);
			size_t olen = strlen(out);
			assert_true(utf8_valid(out, olen));
			for (size_t i = 0; i < olen; i++) {
				unsigned char c = (unsigned char)out[i];
				if (c == '\n' && mode == SANITIZE_TEXT)
					continue;
				if (c < 0x20 || c == 0x7f)
					fail_msg("control byte 0x%02x in output (round %d)", c, round);
			}
			size_t i = 0;
			while (i < olen) {
				uint32_t cp;
				i += utf8_decode(out + i, olen - i, &cp);
				if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
					fail_msg("unsafe code point U+%04X in output (round %d)", cp, round);
			}
			free(out);
		}
	}
}

/* No code point that starts or ends an OSC (ESC, BEL, 8-bit OSC and ST) survives; in ASCII mode no byte past 0x7f. */
static void assert_no_osc(const char *out, bool ascii, const char *what)
{
	size_t olen = strlen(out), i = 0;
	while (i < olen) {
		uint32_t cp;
		if (ascii && (unsigned char)out[i] >= 0x80)
			fail_msg("%s: byte 0x%02x in ASCII output", what, (unsigned char)out[i]);
		i += utf8_decode(out + i, olen - i, &cp);
		if (cp == 0x1b || cp == 0x07 || cp == 0x9d || cp == 0x9c || cp == UTF8_INVALID)
			fail_msg("%s: U+%04X in output could start or end an OSC", what, cp);
	}
}

/*
 * Server text cannot make the terminal open a hyperlink (OSC 8) or write the clipboard (OSC 52):
 * ESC ] and its 8-bit form U+009D come out as visible symbols, and so do BEL and both STs, so no
 * OSC can begin, whatever the pieces and however they are split or mixed with broken UTF-8.
 */
static void test_server_text_makes_no_osc(void **state)
{
	static const char *const forged[] = {
		"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
		"\x1b]52;c;cm0gLXJmIH4v\x07",
		"\x1b]52;p;?\x1b\\",
		"\xc2\x9d" "8;;https://evil.example/\xc2\x9c" "x\xc2\x9d" "8;;\xc2\x9c",
		"\xc2\x9d" "52;c;ZWNobyBwd25lZA==\x07",
		"\x9d" "52;c;eA==\x9c",
		"\xc0\x9b]52;c;eA==\x07",
		"\x1b\x1b]]8;;x\x07\x07",
	};
	static const char *const pieces[] = {"\x1b", "]", "8;;", "52;c;", "https://evil.example/", "\x07", "\x1b\\",
					     "\xc2\x9d", "\xc2\x9c", "\x9d", "\xc2", "eA==", "\n", "\r", "\xe2\x80\xae"};
	for (int ascii = 0; ascii < 2; ascii++) {
		utf8_set_ascii(ascii);
		for (size_t k = 0; k < sizeof(forged) / sizeof(*forged); k++) {
			for (int mode = 0; mode < 2; mode++) {
				char *out = sanitize_str(forged[k], (enum sanitize_mode)mode);
				assert_no_osc(out, ascii, forged[k]);
				free(out);
			}
		}
		uint32_t seed = 777;
		for (int round = 0; round < 5000; round++) {
			struct strbuf in;
			strbuf_init(&in);
			for (int n = round % 12; n >= 0; n--) {
				seed = seed * 1103515245u + 12345u;
				strbuf_puts(&in, pieces[(seed >> 16) % (sizeof(pieces) / sizeof(*pieces))]);
			}
			for (int mode = 0; mode < 2; mode++) {
				char *out = san(in.buf, in.len, (enum sanitize_mode)mode);
				assert_no_osc(out, ascii, "random pieces");
				free(out);
			}
			strbuf_free(&in);
		}
	}
	utf8_set_ascii(false);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_sequences_shown),
		cmocka_unit_test(test_c1_controls),
		cmocka_unit_test(test_bidi_controls),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_nul_and_del),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_unassigned_code_point),
		cmocka_unit_test_teardown(test_ascii_mode, teardown_ascii),
		cmocka_unit_test(test_sanitize_str),
		cmocka_unit_test(test_output_always_safe),
		cmocka_unit_test(test_combining_marks_capped),
		cmocka_unit_test(test_zero_width_shown),
		cmocka_unit_test(test_field_bounded),
		cmocka_unit_test_teardown(test_server_text_makes_no_osc, teardown_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
