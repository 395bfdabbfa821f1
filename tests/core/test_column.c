/* Column layout: fixed columns get their content, growing ones reach theirs by priority, least kept columns hide first. */
#include "config.h"
#include "ktest.h"
#include "core/column.h"

static const struct column cols[] = {
	{"SEV", NULL, 4, 8, 0, 4, 0, COLUMN_SEVERITY},
	{"TITLE", NULL, 10, 0, 3, 5, 0, COLUMN_NAME},
	{"TAGS", NULL, 6, 20, 1, 2, 0, COLUMN_DIM},
	{"N", NULL, 3, 3, 0, 3, COLUMN_RIGHT, COLUMN_PLAIN},
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
	const int want[] = {6, 40, 12, 3};
	column_layout(cols, 4, want, 100, 1, w);
	assert_int_equal(w[0], 6);  /* a fixed column is as wide as its widest value, not its maximum */
	assert_int_equal(w[3], 3);
	assert_true(w[1] >= 40);    /* every growing column shows its content first */
	assert_true(w[2] >= 12);    /* then the rest is shared by grow */
	assert_true(w[1] - 40 > w[2] - 12);
	assert_int_equal(sum(w, 4), 100);
}

static void test_layout_nothing_cut_when_room(void **state)
{
	(void)state;
	int w[4];
	const int want[] = {8, 120, 20, 3};
	column_layout(cols, 4, want, 250, 1, w);
	for (size_t i = 0; i < 4; i++)
		assert_true(w[i] >= want[i]);
	assert_int_equal(sum(w, 4), 250);
}

static void test_layout_max_holds_until_the_others_have_room(void **state)
{
	(void)state;
	int w[4];
	/* TAGS wants 40 but its maximum is 20: at 80 columns the title gets its 50 first. */
	const int want[] = {6, 50, 40, 3};
	column_layout(cols, 4, want, 80, 1, w);
	assert_int_equal(w[1], 50);
	assert_int_equal(w[2], 80 - 3 - 6 - 50 - 3);
	/* With room for everything, TAGS shows all 40: a maximum never cuts what fits. */
	column_layout(cols, 4, want, 110, 1, w);
	assert_true(w[2] >= 40);
	assert_true(w[1] >= 50);
}

static void test_layout_short_cuts_growing_columns_first(void **state)
{
	(void)state;
	int w[4];
	const int want[] = {8, 120, 20, 3};
	column_layout(cols, 4, want, 60, 1, w);
	/* The status words and numbers keep their width; the title and tags give way. */
	assert_int_equal(w[0], 8);
	assert_int_equal(w[3], 3);
	assert_true(w[1] >= 10 && w[2] >= 6);
	assert_int_equal(sum(w, 4), 60);
}

static void test_layout_narrow_hides_least_kept_columns(void **state)
{
	(void)state;
	int w[4];
	column_layout(cols, 4, NULL, 16, 1, w);
	/* TAGS (keep 2), then N (keep 3) are hidden; the spare cell goes to the fixed column. */
	assert_int_equal(w[0], 5);
	assert_int_equal(w[1], 10);
	assert_int_equal(w[2], 0);
	assert_int_equal(w[3], 0);
	column_layout(cols, 4, NULL, 26, 1, w);
	assert_true(w[2] >= 6);
	assert_true(sum(w, 4) <= 26);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wide),
		cmocka_unit_test(test_layout_nothing_cut_when_room),
		cmocka_unit_test(test_layout_max_holds_until_the_others_have_room),
		cmocka_unit_test(test_layout_short_cuts_growing_columns_first),
		cmocka_unit_test(test_layout_narrow_hides_least_kept_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
