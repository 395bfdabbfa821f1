/* Server text in a Markdown report: shown as written, never formatting, never a terminal control. */
#include "config.h"
#include "ktest.h"
#include "core/markdown.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void inline_is(const char *in, const char *want)
{
	struct strbuf sb;
	strbuf_init(&sb);
	markdown_inline(&sb, in);
	assert_string_equal(sb.buf, want);
	strbuf_free(&sb);
}

static void block_is(const char *in, const char *prefix, const char *want)
{
	struct strbuf sb;
	strbuf_init(&sb);
	markdown_block(&sb, in, prefix);
	assert_string_equal(sb.buf, want);
	strbuf_free(&sb);
}

static void test_inline(void **state)
{
	inline_is("plain web-01 10.0.0.1 (ok)", "plain web-01 10.0.0.1 (ok)");
	inline_is("*bold* _em_ `code` ~~gone~~", "\\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~");
	inline_is("[click](https://evil.example) ![img](x)", "\\[click\\](https://evil.example) !\\[img\\](x)");
	inline_is("<script>alert(1)</script> &amp;", "\\<script\\>alert(1)\\</script\\> \\&amp;");
	inline_is("a | b \\ c", "a \\| b \\\\ c");
	/* A cell or a list item stays one line; inline text never starts a line, so "# " and "1." need nothing. */
	inline_is("line 1\nline 2 | x", "line 1 line 2 \\| x");
	inline_is("# 10.0.0.1 - ok", "# 10.0.0.1 - ok");
}

static void test_block(void **state)
{
	block_is("first\n> not a quote\n\n+ no\n1) no\n===", "> ",
		 "> first\n> \\> not a quote\n> \n> \\+ no\n> 1\\) no\n> \\===\n");
	block_is("x", "", "x\n");
	block_is("# not a heading\n- not a list\n12. not a list\n   > no", "",
		 "\\# not a heading\n\\- not a list\n12\\. not a list\n   \\> no\n");
	block_is("", "> ", "> \n");
	block_is("a\r\nb", "", "a\nb\n");
}

static void test_terminal_controls(void **state)
{
	/* ESC, BEL and C1 become visible symbols before escaping: no byte of a control sequence reaches the report. */
	struct strbuf sb;
	strbuf_init(&sb);
	markdown_inline(&sb, "\x1b]52;c;eA==\x07 \xc2\x9d" "8;;x\x1b[31m");
	assert_null(memchr(sb.buf, 0x1b, sb.len));
	assert_null(memchr(sb.buf, 0x07, sb.len));
	assert_null(strstr(sb.buf, "\xc2\x9d"));
	assert_non_null(strstr(sb.buf, "\xe2\x90\x9b\\]52;c;eA==")); /* U+241B, then the text, escaped */
	strbuf_reset(&sb);
	markdown_block(&sb, "a\x1b[2Jb\nc\x07", "> ");
	assert_null(memchr(sb.buf, 0x1b, sb.len));
	assert_null(memchr(sb.buf, 0x07, sb.len));
	strbuf_free(&sb);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_block),
		cmocka_unit_test(test_terminal_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
