/* Numbers jansson cannot hold (Elasticsearch unsigned_long, reals past a double) kept as their text. */
#include "config.h"
#include "ktest.h"
#include "api/jsonnum.h"
#include "api/kjson.h"
#include <stdlib.h>
#include <string.h>

static char *quoted(const char *text)
{
	size_t n = 0;
	char *q = jsonnum_quote_big(text, strlen(text), &n);
	if (q)
		assert_int_equal(n, strlen(q));
	return q;
}

static void test_quote_only_what_does_not_fit(void **state)
{
	(void)state;
	char *q = quoted("{\"a\":18446744073709551615,\"b\":9223372036854775807,\"c\":-9223372036854775809,"
			 "\"d\":1.5e999,\"e\":\"99999999999999999999\",\"f\":[1e-999,-0,12]}");
	assert_string_equal(q, "{\"a\":\"18446744073709551615\",\"b\":9223372036854775807,\"c\":\"-9223372036854775809\","
			       "\"d\":\"1.5e999\",\"e\":\"99999999999999999999\",\"f\":[1e-999,-0,12]}");
	free(q);
	/* Nothing to do: NULL, so the caller keeps its text. */
	assert_null(quoted("{\"a\":1,\"b\":\"18446744073709551615\",\"c\":\"esc\\\"aped 18446744073709551615\"}"));
}

/* One unsigned_long field in one alert must not make the whole page unreadable. */
static void test_parse_keeps_big_integers_as_text(void **state)
{
	(void)state;
	static const char page[] = "{\"hits\":{\"total\":{\"value\":2},\"hits\":[{\"_id\":\"a\",\"_source\":"
				   "{\"kt.unsigned_long\":18446744073709551615,\"n\":7}},{\"_id\":\"b\"}]}}";
	char *err = NULL;
	json_t *j = kjson_parse(page, sizeof(page) - 1, &err);
	if (!j)
		fail_msg("%s", err);
	json_t *hits = json_object_get(json_object_get(j, "hits"), "hits");
	assert_int_equal(json_array_size(hits), 2);
	json_t *src = json_object_get(json_array_get(hits, 0), "_source");
	assert_string_equal(json_string_value(json_object_get(src, "kt.unsigned_long")), "18446744073709551615");
	/* Numbers that fit stay numbers. */
	assert_int_equal(json_integer_value(json_object_get(src, "n")), 7);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(j, "hits"), "total"), "value")), 2);
	json_decref(j);
	/* Other malformed JSON still fails, and says why. */
	assert_null(kjson_parse("{\"a\":18446744073709551615,}", 27, &err));
	assert_non_null(err);
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote_only_what_does_not_fit),
		cmocka_unit_test(test_parse_keeps_big_integers_as_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
