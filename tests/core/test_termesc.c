/* The bytes ktriage writes beside curses: OSC 8 links (only to URLs that cannot end or start a sequence), the OSC 52
 * clipboard write (base64, bounded), cursor save, move and restore, and colours. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "core/termesc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_url_ok(void **state)
{
	assert_true(termesc_url_ok("https://kibana.example/s/soc-eu/app/security/cases/a%2Fb"));
	assert_true(termesc_url_ok("http://127.0.0.1:5601/app/security/alerts/redirect/x?index=i&timestamp=t"));
	assert_false(termesc_url_ok(NULL));
	assert_false(termesc_url_ok("javascript:alert(1)"));
	assert_false(termesc_url_ok("file:///etc/passwd"));
	assert_false(termesc_url_ok("https://a.example/\x1b\\"));
	assert_false(termesc_url_ok("https://a.example/\x07"));
	assert_false(termesc_url_ok("https://a.example/a b"));
	assert_false(termesc_url_ok("https://a.example/\xc2\x9c"));
	char *long_url = malloc(TERMESC_URL_MAX + 2);
	memcpy(long_url, "https://", 8);
	memset(long_url + 8, 'a', TERMESC_URL_MAX - 7);
	long_url[TERMESC_URL_MAX + 1] = '\0';
	assert_false(termesc_url_ok(long_url));
	long_url[TERMESC_URL_MAX] = '\0';
	assert_true(termesc_url_ok(long_url));
	free(long_url);
}

static void test_link(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	assert_true(termesc_link_open(&sb, "https://k.example/app/security/cases/c1", 7));
	strbuf_puts(&sb, "Case one");
	termesc_link_close(&sb);
	assert_string_equal(sb.buf, "\x1b]8;id=kt7;https://k.example/app/security/cases/c1\x1b\\Case one\x1b]8;;\x1b\\");
	strbuf_reset(&sb);
	assert_false(termesc_link_open(&sb, "https://k.example/\x1b]52;c;eA==\x07", 1));
	assert_int_equal(sb.len, 0);
	strbuf_free(&sb);
}

static void test_clipboard(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	assert_true(termesc_clipboard(&sb, "4a5f-case", 9));
	assert_string_equal(sb.buf, "\x1b]52;c;NGE1Zi1jYXNl\x1b\\");
	strbuf_reset(&sb);
	/* Padding, and bytes that would end the sequence are only ever base64. */
	assert_true(termesc_clipboard(&sb, "\x1b\x07", 2));
	assert_string_equal(sb.buf, "\x1b]52;c;Gwc=\x1b\\");
	strbuf_reset(&sb);
	assert_true(termesc_clipboard(&sb, "a", 1));
	assert_string_equal(sb.buf, "\x1b]52;c;YQ==\x1b\\");
	strbuf_reset(&sb);
	assert_false(termesc_clipboard(&sb, "", 0));
	assert_false(termesc_clipboard(&sb, NULL, 3));
	assert_false(termesc_clipboard(&sb, "x", TERMESC_CLIP_MAX + 1));
	assert_int_equal(sb.len, 0);
	strbuf_free(&sb);
}

static void test_cursor_and_colours(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	termesc_save(&sb);
	termesc_move(&sb, 0, 0);
	termesc_move(&sb, 4, 12);
	termesc_restore(&sb);
	assert_string_equal(sb.buf, "\x1b" "7\x1b[1;1H\x1b[5;13H\x1b" "8");
	strbuf_reset(&sb);
	termesc_sgr(&sb, 0, -1, -1);
	termesc_sgr(&sb, TERMESC_BOLD | TERMESC_UNDERLINE, 4, 9);
	termesc_sgr(&sb, TERMESC_REVERSE | TERMESC_DIM | TERMESC_ITALIC, 196, 0);
	assert_string_equal(sb.buf, "\x1b[0;39;49m\x1b[0;1;4;34;101m\x1b[0;2;3;7;38;5;196;40m");
	strbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_link),
		cmocka_unit_test(test_clipboard),
		cmocka_unit_test(test_cursor_and_colours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
