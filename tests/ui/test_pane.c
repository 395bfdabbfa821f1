/* Pane column layout: fixed columns first, flexible ones share the rest, the last columns hide when narrow. */
#include "config.h"
#include "ktest.h"
#include "ui/pane.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const struct pane_column cols[] = {
	{"SEV", 4, 8, 0, false},
	{"TITLE", 10, 0, 3, false},
	{"TAGS", 6, 20, 1, false},
	{"N", 3, 3, 0, true},
};

static int sum(const int *w, size_t n)
{
	int s = 0, shown = 0;
	for (size_t i = 0; i < n; i++) {
		s += w[i];
		shown += w[i] > 0;
	}
	return s + (shown ? shown - 1 : 0);
}

static void test_layout_wide(void **state)
{
	(void)state;
	int w[4];
	pane_layout(cols, 4, 100, w);
	assert_int_equal(w[0], 8);  /* fixed columns get their full width first */
	assert_int_equal(w[3], 3);
	assert_int_equal(w[2], 20); /* capped */
	assert_int_equal(sum(w, 4), 100);
}

static void test_layout_narrow_hides_last_columns(void **state)
{
	(void)state;
	int w[4];
	pane_layout(cols, 4, 16, w);
	/* The spare column goes to the fixed one first; columns that don't fit are hidden from the right. */
	assert_int_equal(w[0], 5);
	assert_int_equal(w[1], 10);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[3], 0);
	assert_true(sum(w, 4) <= 16);
	pane_layout(cols, 4, 26, w);
	assert_true(w[2] >= 6);
	assert_true(sum(w, 4) <= 26);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wide),
		cmocka_unit_test(test_layout_narrow_hides_last_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
