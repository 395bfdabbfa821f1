/* Rows by id: pages appended, repeats dropped and freed, rows found, replaced and prepended. */
#include "config.h"
#include "ktest.h"
#include "core/rowset.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	char *id;
	char *text;
};

static int released;

static void item_release(void *row)
{
	struct item *it = row;
	if (it->id || it->text)
		released++;
	free(it->id);
	free(it->text);
	memset(it, 0, sizeof(*it));
}

static const char *item_id(const void *row)
{
	return ((const struct item *)row)->id;
}

static const struct rowset_kind kind = {sizeof(struct item), item_release, item_id, NULL};

/* A page of n items with ids prefix+start.. (text = "v" + version). */
static struct item *page(const char *prefix, int start, int n, int version)
{
	struct item *p = xcalloc((size_t)n + 1, sizeof(*p));
	for (int i = 0; i < n; i++) {
		p[i].id = xasprintf("%s%d", prefix, start + i);
		p[i].text = xasprintf("v%d", version);
	}
	return p;
}

static void free_page(struct item *p, int n)
{
	for (int i = 0; i < n; i++)
		item_release(&p[i]);
	free(p);
}

static void test_append_drops_repeats(void **state)
{
	struct rowset s;
	rowset_init(&s, &kind);
	struct item *p1 = page("c", 0, 50, 1);
	assert_int_equal(rowset_append(&s, p1, 50), 50);
	/* The source rows were moved: nothing left to free in the page. */
	for (int i = 0; i < 50; i++)
		assert_null(p1[i].id);
	free_page(p1, 50);
	/* The next page overlaps by ten rows (rows moved between pages): only forty are new. */
	released = 0;
	struct item *p2 = page("c", 40, 50, 2);
	assert_int_equal(rowset_append(&s, p2, 50), 40);
	assert_int_equal(released, 10);
	free_page(p2, 50);
	assert_int_equal(s.n, 90);
	/* The first copy of a repeated row stays where it was. */
	size_t i = rowset_find(&s, "c45");
	assert_int_equal(i, 45);
	assert_string_equal(((struct item *)rowset_at(&s, i))->text, "v1");
	assert_int_equal(rowset_find(&s, "c89"), 89);
	assert_int_equal(rowset_find(&s, "nope"), ROWSET_NONE);
	assert_int_equal(rowset_find(&s, NULL), ROWSET_NONE);
	released = 0;
	rowset_free(&s);
	assert_int_equal(released, 90);
}

static void test_index_survives_growth(void **state)
{
	struct rowset s;
	rowset_init(&s, &kind);
	for (int k = 0; k < 100; k++) {
		struct item *p = page("a", k * 100, 100, 1);
		assert_int_equal(rowset_append(&s, p, 100), 100);
		free_page(p, 100);
	}
	assert_int_equal(s.n, 10000);
	for (int k = 0; k < 10000; k += 997) {
		char id[16];
		snprintf(id, sizeof(id), "a%d", k);
		assert_int_equal(rowset_find(&s, id), (size_t)k);
	}
	rowset_free(&s);
}

static void test_rows_without_id_are_kept(void **state)
{
	struct rowset s;
	rowset_init(&s, &kind);
	struct item *p = page("x", 0, 3, 1);
	free(p[1].id);
	p[1].id = NULL; /* a row that could not be read has no id: never a repeat, never found */
	assert_int_equal(rowset_append(&s, p, 3), 3);
	free_page(p, 3);
	p = page("x", 0, 3, 2);
	free(p[1].id);
	p[1].id = NULL;
	assert_int_equal(rowset_append(&s, p, 3), 1);
	free_page(p, 3);
	assert_int_equal(s.n, 4);
	rowset_free(&s);
}

static void test_replace_and_prepend(void **state)
{
	struct rowset s;
	rowset_init(&s, &kind);
	struct item *p = page("r", 0, 5, 1);
	rowset_append(&s, p, 5);
	free_page(p, 5);
	struct item fresh = {xstrdup("r2"), xstrdup("v9")};
	rowset_replace(&s, 2, &fresh);
	assert_null(fresh.id);
	assert_string_equal(((struct item *)rowset_at(&s, 2))->text, "v9");
	assert_int_equal(rowset_find(&s, "r2"), 2);
	/* New rows at the top (newer alerts): they come first in their order, repeats are dropped. */
	struct item *top = page("r", 4, 3, 3); /* r4 is held already; r5 and r6 are new */
	assert_int_equal(rowset_prepend(&s, top, 3), 2);
	free_page(top, 3);
	assert_int_equal(s.n, 7);
	assert_string_equal(((struct item *)rowset_at(&s, 0))->id, "r5");
	assert_string_equal(((struct item *)rowset_at(&s, 1))->id, "r6");
	assert_string_equal(((struct item *)rowset_at(&s, 2))->id, "r0");
	assert_int_equal(rowset_find(&s, "r4"), 6);
	assert_int_equal(rowset_find(&s, "r6"), 1);
	rowset_clear(&s);
	assert_int_equal(s.n, 0);
	assert_int_equal(rowset_find(&s, "r0"), ROWSET_NONE);
	rowset_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append_drops_repeats),
		cmocka_unit_test(test_index_survives_growth),
		cmocka_unit_test(test_rows_without_id_are_kept),
		cmocka_unit_test(test_replace_and_prepend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
