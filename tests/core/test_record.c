/* Records (labelled values in sections): labels line up by display width, and server text is made safe. */
#include "config.h"
#include "ktest.h"
#include "core/record.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JP "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* 日本語, 6 columns */

static void test_record_render(void **state)
{
	struct record r;
	record_init(&r);
	record_add_section(&r, "Case \x1b]0;pwned\x07title");
	record_add(&r, "id", "abc");
	record_add(&r, "severity", NULL);
	record_addf(&r, JP, "%d alerts", 3);
	record_add_block(&r, "description", "first\r\nsecond\n\x1b[1mthird");
	struct strbuf sb;
	strbuf_init(&sb);
	record_render(&r, &sb);
	assert_null(strchr(sb.buf, '\x1b'));
	assert_null(strchr(sb.buf, '\x07'));
	assert_null(strchr(sb.buf, '\r'));
	char *lines[16];
	size_t n = testutil_split_lines(sb.buf, lines, 16);
	assert_int_equal(n, 8);
	assert_string_equal(lines[0], "Case \xe2\x90\x9b]0;pwned\xe2\x90\x87title");
	/* Labels padded to the widest (日本語 = 6 columns, "severity" = 8). */
	assert_string_equal(lines[1], "id:       abc");
	assert_string_equal(lines[2], "severity: -");
	assert_string_equal(lines[3], JP ":   3 alerts");
	assert_string_equal(lines[4], "description:");
	assert_string_equal(lines[5], "    first");
	assert_string_equal(lines[6], "    second");
	assert_string_equal(lines[7], "    \xe2\x90\x9b[1mthird");
	strbuf_free(&sb);
	record_free(&r);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
