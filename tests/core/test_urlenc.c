/* Percent-encoding of path segments and query parameters. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_segment_unreserved_kept(void **state)
{
	char *s = urlenc_segment("AZaz09-._~");
	assert_string_equal(s, "AZaz09-._~");
	free(s);
}

static void test_segment_reserved_escaped(void **state)
{
	char *s = urlenc_segment("a/b?c#d%e f+g&h=i;j:k@l[m]n!o'p(q)r*s,t$u");
	assert_string_equal(s, "a%2Fb%3Fc%23d%25e%20f%2Bg%26h%3Di%3Bj%3Ak%40l%5Bm%5Dn%21o%27p%28q%29r%2As%2Ct%24u");
	free(s);
}

static void test_segment_dots(void **state)
{
	char *s = urlenc_segment(".");
	assert_string_equal(s, "%2E");
	free(s);
	s = urlenc_segment("..");
	assert_string_equal(s, "%2E%2E");
	free(s);
	/* Only whole-segment dots navigate; others stay readable. */
	s = urlenc_segment("...");
	assert_string_equal(s, "...");
	free(s);
	s = urlenc_segment("a..b");
	assert_string_equal(s, "a..b");
	free(s);
}

static void test_segment_empty_and_controls(void **state)
{
	char *s = urlenc_segment("");
	assert_string_equal(s, "");
	free(s);
	s = urlenc_segment("\x01\x7f\xff");
	assert_string_equal(s, "%01%7F%FF");
	free(s);
}

static void test_query_add(void **state)
{
	struct strbuf q;
	strbuf_init(&q);
	urlenc_query_add(&q, "search", "a b&c=d");
	urlenc_query_add(&q, "skipped", NULL);
	urlenc_query_add(&q, "tags", "caf\xc3\xa9");
	urlenc_query_add(&q, "empty", "");
	urlenc_query_add_int(&q, "page", -3);
	assert_string_equal(q.buf, "?search=a%20b%26c%3Dd&tags=caf%C3%A9&empty=&page=-3");
	strbuf_free(&q);

	strbuf_init(&q);
	urlenc_query_add(&q, "k ey", "v");
	assert_string_equal(q.buf, "?k%20ey=v");
	strbuf_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_segment_unreserved_kept),
		cmocka_unit_test(test_segment_reserved_escaped),
		cmocka_unit_test(test_segment_dots),
		cmocka_unit_test(test_segment_empty_and_controls),
		cmocka_unit_test(test_query_add),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
