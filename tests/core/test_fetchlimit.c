/* Whole-fetch limits: pages, rows and bytes counted across a paged fetch, and a cursor that does not move. */
#include "config.h"
#include "ktest.h"
#include "core/fetchlimit.h"
#include <stdlib.h>
#include <string.h>

/* Feed pages of rows and bytes until one is refused; returns the page that was, with its message in *why. */
static long pages_until_stop(const struct fetch_limits *l, size_t rows, size_t bytes, char **why)
{
	struct fetch_count c;
	fetch_count_init(&c);
	for (long page = 1; page <= 1000000; page++) {
		*why = fetch_count_page(&c, l, rows, bytes);
		if (*why) {
			fetch_count_free(&c);
			return page;
		}
	}
	fetch_count_free(&c);
	return -1;
}

static void test_defaults_cover_kibanas_window(void **state)
{
	(void)state;
	struct fetch_limits l;
	fetch_limits_default(&l);
	/* 10,000 results in pages of 100 and of 1,000, three times over, pass. */
	struct fetch_count c;
	fetch_count_init(&c);
	for (int i = 0; i < 300; i++)
		assert_null(fetch_count_page(&c, &l, 100, 64 << 10));
	fetch_count_free(&c);
	for (int i = 0; i < 30; i++)
		assert_null(fetch_count_page(&c, &l, 1000, 640 << 10));
	fetch_count_free(&c);
	/* A fetch that never ends does end. */
	char *why = NULL;
	assert_true(pages_until_stop(&l, 100, 1000, &why) > 0);
	assert_non_null(strstr(why, "max_rows"));
	free(why);
}

static void test_each_limit_named(void **state)
{
	(void)state;
	char *why = NULL;
	struct fetch_limits l = {.pages = 5, .rows = 0, .bytes = 0};
	assert_int_equal(pages_until_stop(&l, 10, 10, &why), 6);
	assert_non_null(strstr(why, "more than 5 pages came in (the max_pages limit"));
	free(why);
	l = (struct fetch_limits){.pages = 0, .rows = 25, .bytes = 0};
	assert_int_equal(pages_until_stop(&l, 10, 10, &why), 3);
	assert_non_null(strstr(why, "more than 25 rows came in (the max_rows limit"));
	assert_non_null(strstr(why, "--max-rows"));
	free(why);
	l = (struct fetch_limits){.pages = 0, .rows = 0, .bytes = (size_t)1 << 20};
	assert_int_equal(pages_until_stop(&l, 10, 400 << 10, &why), 3);
	assert_non_null(strstr(why, "more than 1 MiB came in (the max_fetch_mb limit"));
	free(why);
}

static void test_cursor_must_move(void **state)
{
	(void)state;
	struct fetch_count c;
	fetch_count_init(&c);
	struct fetch_limits l;
	fetch_limits_default(&l);
	assert_null(fetch_count_page(&c, &l, 100, 1));
	assert_null(fetch_count_cursor(&c, "[1700000000000,\"a\"]"));
	assert_null(fetch_count_page(&c, &l, 100, 1));
	assert_null(fetch_count_cursor(&c, "[1690000000000,\"b\"]"));
	assert_null(fetch_count_page(&c, &l, 100, 1));
	char *why = fetch_count_cursor(&c, "[1690000000000,\"b\"]");
	assert_non_null(why);
	assert_non_null(strstr(why, "same page again"));
	assert_non_null(strstr(why, "after 3 pages"));
	free(why);
	fetch_count_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_cover_kibanas_window),
		cmocka_unit_test(test_each_limit_named),
		cmocka_unit_test(test_cursor_must_move),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
