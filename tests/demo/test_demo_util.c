/* The demo's helpers: sorting only the first k of a list gives the same first k as sorting it all. */
#include "config.h"
#include "ktest.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

/* Keys with many ties, so the order among equals (a stable sort's) is tested too. */
static int by_key(size_t a, size_t b, void *ctx)
{
	const int *key = ctx;
	return (key[a] > key[b]) - (key[a] < key[b]);
}

static void test_sort_first_matches_sort(void **state)
{
	enum { N = 2000 };
	int *key = calloc(N, sizeof(*key));
	size_t *all = calloc(N, sizeof(*all)), *first = calloc(N, sizeof(*first));
	unsigned seed = 7;
	for (size_t i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u;
		key[i] = (int)((seed >> 16) % 50);
	}
	static const size_t ks[] = {0, 1, 2, 10, 100, 999, 1000, 1500, N};
	for (size_t t = 0; t < sizeof(ks) / sizeof(*ks); t++) {
		for (size_t i = 0; i < N; i++)
			all[i] = first[i] = (i * 7919) % N; /* a permutation, not in index order */
		demo_sort_idx(all, N, by_key, key);
		demo_sort_first(first, N, ks[t], by_key, key);
		for (size_t i = 0; i < ks[t]; i++)
			if (first[i] != all[i])
				fail_msg("k=%zu: position %zu is %zu, a full sort has %zu", ks[t], i, first[i], all[i]);
	}
	free(key);
	free(all);
	free(first);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_first_matches_sort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
