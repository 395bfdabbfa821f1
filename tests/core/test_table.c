/* Tables (fitted and plain), with wide characters lining up. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JP "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" /* 日本語, 6 columns */
#define EMOJI "\xf0\x9f\x98\x80"                   /* 2 columns */

/* The display column where the last occurrence of cell starts in line, or -1. */
static int column_of(const char *line, const char *cell)
{
	const char *at = NULL;
	for (const char *p = line; (p = strstr(p, cell)); p++)
		at = p;
	if (!at)
		return -1;
	char *prefix = xstrndup(line, (size_t)(at - line));
	int w = utf8_width(prefix);
	free(prefix);
	return w;
}

static void build(struct table *t)
{
	static const char *const headers[] = {"ID", "TITLE", "N", "OWNER", NULL};
	table_init(t, headers);
	table_set_flex(t, 1);
	table_set_right(t, 2);
	const char *r1[] = {"a1", "plain title", "7", "ana"};
	const char *r2[] = {"b2", JP " " EMOJI " report", "12345", JP};
	const char *r3[] = {"c3", NULL, "0", "e\xcc\x81mile"};
	table_add_row(t, r1);
	table_add_row(t, r2);
	table_add_row(t, r3);
}

static void test_plain_columns_line_up(void **state)
{
	struct table t;
	build(&t);
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_plain(&t, &sb);
	char *lines[8];
	size_t n = testutil_split_lines(sb.buf, lines, 8);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "ID  TITLE" "                 " "N  OWNER");
	/* Every row's OWNER starts where the header's does, in display columns. */
	int owner = column_of(lines[0], "OWNER");
	assert_int_equal(column_of(lines[1], "ana"), owner);
	assert_int_equal(column_of(lines[2], JP " " EMOJI), 4);
	assert_int_equal(column_of(lines[2], JP), owner);
	assert_int_equal(column_of(lines[2], "12345"), owner - 7);
	assert_int_equal(utf8_width(lines[2]), owner + 6);
	assert_int_equal(column_of(lines[3], "e\xcc\x81mile"), owner);
	/* Right alignment of the number column. */
	assert_int_equal(column_of(lines[1], "7"), owner - 3);
	/* A missing cell shows as "-". */
	assert_int_equal((int)(strchr(lines[3], '-') - lines[3]), 4);
	/* No trailing blanks. */
	for (size_t i = 0; i < n; i++)
		assert_true(lines[i][strlen(lines[i]) - 1] != ' ');
	strbuf_free(&sb);
	table_free(&t);
}

static void test_fit_shrinks_flex_column(void **state)
{
	struct table t;
	build(&t);
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_fit(&t, 30, &sb);
	char *lines[8];
	size_t n = testutil_split_lines(sb.buf, lines, 8);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++) {
		if (utf8_width(lines[i]) > 30)
			fail_msg("line %zu is %d columns: \"%s\"", i, utf8_width(lines[i]), lines[i]);
	}
	/* Only the flexible TITLE column was cut, so the last column is whole and aligned. */
	int owner = column_of(lines[0], "OWNER");
	assert_int_equal(column_of(lines[1], "ana"), owner);
	assert_int_equal(column_of(lines[2], JP), owner);
	assert_non_null(strstr(lines[2], "\xe2\x80\xa6"));
	assert_int_equal(utf8_width(lines[2]), 30);
	strbuf_free(&sb);
	table_free(&t);
}

static void test_fit_very_narrow(void **state)
{
	struct table t;
	build(&t);
	struct strbuf sb;
	strbuf_init(&sb);
	/* Narrower than every minimum: columns stop at their minimum widths and still line up. */
	table_render_fit(&t, 5, &sb);
	char *lines[8];
	size_t n = testutil_split_lines(sb.buf, lines, 8);
	assert_int_equal(n, 4);
	int w0 = -1;
	for (size_t i = 0; i < n; i++) {
		/* Pad each line back to full width to compare the start of the last column. */
		int w = column_of(lines[i], i == 0 ? "OWN" : i == 1 ? "ana" : i == 2 ? "\xe6\x97\xa5" : "e\xcc\x81");
		if (w0 < 0)
			w0 = w;
		assert_int_equal(w, w0);
	}
	strbuf_free(&sb);
	table_free(&t);
}

static void test_cells_sanitized(void **state)
{
	static const char *const headers[] = {"A", "B", NULL};
	struct table t;
	table_init(&t, headers);
	const char *r[] = {"x\x1b[2Jy", "line1\nline2"};
	table_add_row(&t, r);
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_plain(&t, &sb);
	assert_null(strchr(sb.buf, '\x1b'));
	assert_int_equal(testutil_count(sb.buf, "\n"), 2);
	assert_non_null(strstr(sb.buf, "line1\xe2\x90\xa4line2"));
	strbuf_free(&sb);
	table_free(&t);
}

static void test_many_rows(void **state)
{
	static const char *const headers[] = {"N", NULL};
	struct table t;
	table_init(&t, headers);
	for (int i = 0; i < 1000; i++) {
		char buf[16];
		snprintf(buf, sizeof(buf), "%d", i);
		const char *r[] = {buf};
		table_add_row(&t, r);
	}
	assert_int_equal(t.nrows, 1000);
	struct strbuf sb;
	strbuf_init(&sb);
	table_render_plain(&t, &sb);
	assert_int_equal(testutil_count(sb.buf, "\n"), 1001);
	assert_non_null(strstr(sb.buf, "\n999\n"));
	strbuf_free(&sb);
	table_free(&t);
}

static void piece(struct table *t, const char *title)
{
	static const char *const headers[] = {"ID", "TITLE", "OWNER", NULL};
	table_init(t, headers);
	table_set_flex(t, 1);
	const char *r[] = {"a1", title, "ana"};
	table_add_row(t, r);
}

/* On a terminal, a later piece keeps the first piece's columns: a wider cell is cut, the next column stays put. */
static void test_pieces_fitted_keep_first_widths(void **state)
{
	struct table first, later;
	piece(&first, "short");
	piece(&later, "a much longer title than the first page had");
	int *w = table_widths(&first, 40);
	struct strbuf a, b;
	strbuf_init(&a);
	strbuf_init(&b);
	table_render_with(&first, w, true, &a);
	table_render_with(&later, w, false, &b);
	assert_int_equal(testutil_count(a.buf, "\n"), 2);
	assert_int_equal(testutil_count(b.buf, "\n"), 1);
	assert_null(strstr(b.buf, "TITLE"));
	assert_non_null(strstr(b.buf, "\xe2\x80\xa6"));
	assert_int_equal(column_of(b.buf, "ana"), column_of(a.buf, "OWNER"));
	free(w);
	strbuf_free(&a);
	strbuf_free(&b);
	table_free(&first);
	table_free(&later);
}

/* In a pipe nothing is cut: the widths grow to a later piece's cells. */
static void test_pieces_plain_grow(void **state)
{
	struct table first, later;
	piece(&first, "short");
	piece(&later, "a much longer title than the first page had");
	int *w = table_widths(&first, 0);
	int before = w[1];
	table_widths_grow(&later, w);
	assert_true(w[1] > before);
	struct strbuf b;
	strbuf_init(&b);
	table_render_with(&later, w, false, &b);
	assert_non_null(strstr(b.buf, "a much longer title than the first page had  ana"));
	free(w);
	strbuf_free(&b);
	table_free(&first);
	table_free(&later);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_columns_line_up),
		cmocka_unit_test(test_fit_shrinks_flex_column),
		cmocka_unit_test(test_fit_very_narrow),
		cmocka_unit_test(test_cells_sanitized),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_pieces_fitted_keep_first_widths),
		cmocka_unit_test(test_pieces_plain_grow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
