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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_keeps_cursor_row),
		cmocka_unit_test(test_sort_and_reverse),
		cmocka_unit_test(test_moves_clamp_and_scroll),
		cmocka_unit_test(test_marks_survive_appends),
		cmocka_unit_test(test_hundred_thousand_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
