/* The list model behind every pane: filter, sort, cursor, scroll, marks, paging appends. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "ui/listmodel.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {"alpha", "Bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};

static void text(void *ctx, size_t row, struct strbuf *out)
{
	(void)ctx;
	strbuf_puts(out, names[row % 8]);
}

static int by_name(void *ctx, size_t a, size_t b)
{
	(void)ctx;
	return strcmp(names[a % 8], names[b % 8]);
}

static void test_filter_keeps_cursor_row(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 8, 0);
	assert_int_equal(m.n_visible, 8);
	listmodel_set_cursor(&m, 3); /* delta */
	listmodel_set_filter(&m, "LT");
	assert_int_equal(m.n_visible, 1);
	assert_int_equal(listmodel_cursor_row(&m), 3);
	listmodel_set_filter(&m, "o");
	/* bravo, echo, foxtrot, golf, hotel contain "o" (case-insensitive) */
	assert_int_equal(m.n_visible, 5);
	listmodel_set_filter(&m, NULL);
	assert_int_equal(m.n_visible, 8);
	listmodel_set_filter(&m, "zzz");
	assert_int_equal(m.n_visible, 0);
	assert_int_equal(listmodel_cursor_row(&m), (size_t)-1);
	listmodel_free(&m);
}

static void test_sort_and_reverse(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 8, 0);
	listmodel_set_sort(&m, by_name, false);
	/* "Bravo" sorts before lower-case names in byte order */
	assert_int_equal(listmodel_row_at(&m, 0), 1);
	assert_int_equal(listmodel_row_at(&m, 1), 0);
	listmodel_set_sort(&m, by_name, true);
	assert_int_equal(listmodel_row_at(&m, 7), 1);
	listmodel_set_sort(&m, NULL, false);
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(listmodel_row_at(&m, i), i);
	listmodel_free(&m);
}

static void test_moves_clamp_and_scroll(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 100, 0);
	listmodel_move(&m, -5);
	assert_int_equal(m.cursor, 0);
	listmodel_move(&m, 250);
	assert_int_equal(m.cursor, 99);
	listmodel_scroll(&m, 10);
	assert_int_equal(m.top, 90);
	listmodel_set_cursor(&m, 40);
	listmodel_scroll(&m, 10);
	assert_int_equal(m.top, 40);
	listmodel_move(&m, 12);
	listmodel_scroll(&m, 10);
	assert_int_equal(m.top, 43);
	/* A window taller than the list shows it from the top. */
	listmodel_scroll(&m, 500);
	assert_int_equal(m.top, 0);
	listmodel_free(&m);
}

static void test_marks_survive_appends(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 4, 0);
	listmodel_set_cursor(&m, 1);
	listmodel_toggle_mark(&m);
	listmodel_set_cursor(&m, 3);
	listmodel_toggle_mark(&m);
	assert_int_equal(m.n_marked, 2);
	/* Another page arrives: the first four rows are unchanged. */
	listmodel_set_rows(&m, 8, 4);
	assert_int_equal(m.n_marked, 2);
	assert_int_equal(listmodel_cursor_row(&m), 3);
	size_t n;
	size_t *sel = listmodel_selection(&m, &n);
	assert_int_equal(n, 2);
	assert_int_equal(sel[0], 1);
	assert_int_equal(sel[1], 3);
	free(sel);
	/* A reload replaces everything: marks go. */
	listmodel_set_rows(&m, 8, 0);
	assert_int_equal(m.n_marked, 0);
	sel = listmodel_selection(&m, &n);
	assert_int_equal(n, 1); /* no marks: the cursor's row */
	free(sel);
	listmodel_clear_marks(&m);
	listmodel_free(&m);
}

static void test_hundred_thousand_rows(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 100000, 0);
	listmodel_set_filter(&m, "golf");
	assert_int_equal(m.n_visible, 12500);
	assert_int_equal(listmodel_row_at(&m, 1), 14);
	listmodel_free(&m);
}

static void test_prepend_keeps_the_cursor_line(void **state)
{
	(void)state;
	struct listmodel m;
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 40, 0);
	/* Scrolled: row 25 on the screen's line 5. */
	listmodel_set_cursor(&m, 25);
	listmodel_scroll(&m, 10);
	m.top = 20;
	listmodel_set_mark(&m, 30, true);
	listmodel_prepend(&m, 3);
	assert_int_equal(m.n_rows, 43);
	assert_int_equal(listmodel_cursor_row(&m), 28);
	assert_int_equal(m.cursor - m.top, 5);
	listmodel_scroll(&m, 10);
	assert_int_equal(m.cursor - m.top, 5);
	/* The mark went with its row; the new rows are unmarked. */
	assert_true(m.marks[33]);
	assert_false(m.marks[30]);
	assert_false(m.marks[0] || m.marks[1] || m.marks[2]);
	assert_int_equal(m.n_marked, 1);
	/* At the top, the new rows are above what is shown: the screen is the same. */
	listmodel_set_cursor(&m, 0);
	m.top = 0;
	listmodel_prepend(&m, 2);
	assert_int_equal(listmodel_cursor_row(&m), 2);
	assert_int_equal(m.top, 2);
	assert_int_equal(listmodel_row_at(&m, 0), 0);
	/* Under a filter, only the new rows that pass it count. */
	listmodel_set_filter(&m, "alpha");
	size_t before = m.n_visible, row = listmodel_cursor_row(&m);
	listmodel_prepend(&m, 8);
	assert_int_equal(m.n_visible, before + 1);
	assert_int_equal(listmodel_cursor_row(&m), row + 8);
	listmodel_free(&m);

	/* An empty list: the new rows simply are the list. */
	listmodel_init(&m, text, NULL, NULL);
	listmodel_set_rows(&m, 0, 0);
	listmodel_prepend(&m, 4);
	assert_int_equal(m.n_visible, 4);
	assert_int_equal(m.cursor, 0);
	assert_int_equal(m.top, 0);
	listmodel_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prepend_keeps_the_cursor_line),
		cmocka_unit_test(test_filter_keeps_cursor_row),
		cmocka_unit_test(test_sort_and_reverse),
		cmocka_unit_test(test_moves_clamp_and_scroll),
		cmocka_unit_test(test_marks_survive_appends),
		cmocka_unit_test(test_hundred_thousand_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
