/* Completion of the command language: words, options, enum values and ids on screen. */
#include "config.h"
#include "ktest.h"
#include "cmd/complete.h"
#include "core/strbuf.h"
#include <string.h>

/* Two cases "on screen". */
static void ids(void *ctx, enum cmd_id_kind kind, struct strbuf *out)
{
	(void)ctx;
	if (kind == CMD_ID_CASE)
		strbuf_puts(out, "case-0001\tRansomware on WS-1\ncase-0002\tPhishing\nother-9\tx\n");
}

/* The candidates as one space-separated string. */
static const char *cands(const char *line, size_t *start)
{
	static char buf[1024];
	struct completion c;
	complete_line(line, strlen(line), ids, NULL, &c);
	buf[0] = '\0';
	for (size_t i = 0; i < c.n; i++) {
		if (i)
			strcat(buf, " ");
		strncat(buf, c.items[i], sizeof(buf) - strlen(buf) - 2);
	}
	if (start)
		*start = c.start;
	complete_free(&c);
	return buf;
}

static void test_words(void **state)
{
	(void)state;
	size_t start;
	assert_string_equal(cands("case s", &start), "severity show status");
	assert_int_equal(start, 5);
	assert_string_equal(cands("case sh", NULL), "show");
	assert_string_equal(cands("conn", &start), "connectors");
	assert_int_equal(start, 0);
	assert_string_equal(cands("nosuch", NULL), "");
}

static void test_options_and_values(void **state)
{
	(void)state;
	assert_string_equal(cands("cases --st", NULL), "--status");
	assert_string_equal(cands("cases --status ", NULL), "closed in-progress open");
	assert_string_equal(cands("cases --status in", NULL), "in-progress");
	assert_string_equal(cands("cases --severity c", NULL), "critical");
	/* The universal flags are offered too. */
	assert_non_null(strstr(cands("cases --", NULL), "--json"));
	assert_non_null(strstr(cands("cases --", NULL), "--ndjson"));
	assert_non_null(strstr(cands("case push x y --", NULL), "--yes"));
}

static void test_positionals_and_ids(void **state)
{
	(void)state;
	assert_string_equal(cands("case show case-", NULL), "case-0001 case-0002");
	assert_string_equal(cands("case status case-0001 ", NULL), "closed in-progress open");
	assert_string_equal(cands("case status case-0001 cl", NULL), "closed");
	/* An option's value is skipped when counting positionals. */
	assert_string_equal(cands("case status --version v1 case-000", NULL), "case-0001 case-0002");
}

static void test_quoted_words_before(void **state)
{
	(void)state;
	assert_string_equal(cands("case comment 'case-0001' hello --j", NULL), "--json");
	/* An unterminated quote offers nothing rather than guessing. */
	assert_string_equal(cands("case comment 'case-0001 --j", NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_options_and_values),
		cmocka_unit_test(test_positionals_and_ids),
		cmocka_unit_test(test_quoted_words_before),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
