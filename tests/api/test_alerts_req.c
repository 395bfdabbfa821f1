/* The alerts search: the query body (filters, keyset paging), the search and status requests, --since. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/alerts_req.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void test_query_first_page(void **state)
{
	(void)state;
	struct alerts_query q = {0};
	json_t *b = alerts_query_body(&q);
	testjson_assert_equal(b, "{\"query\":{\"match_all\":{}},"
		       "\"sort\":[{\"@timestamp\":{\"order\":\"desc\"}},{\"kibana.alert.uuid\":{\"order\":\"asc\"}}],"
		       "\"size\":100,\"track_total_hits\":true}");
	/* Kibana drops these two: they must never be relied on. */
	assert_null(json_object_get(b, "search_after"));
	assert_null(json_object_get(b, "from"));
	json_decref(b);
}

static void test_query_filters(void **state)
{
	(void)state;
	const char *st[] = {"open", "acknowledged"}, *sev[] = {"critical"};
	struct alerts_query q = {.since = "24h", .to = "now", .statuses = st, .n_statuses = 2, .severities = sev,
				 .n_severities = 1, .rule = "R \"1\"", .host = "web-1", .user = "root",
				 .search = "powershell encoded", .size = 10};
	json_t *b = alerts_query_body(&q);
	testjson_assert_equal(json_object_get(b, "query"),
		    "{\"bool\":{\"filter\":["
		    "{\"range\":{\"@timestamp\":{\"gte\":\"now-24h\",\"lte\":\"now\"}}},"
		    "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\",\"acknowledged\"]}},"
		    "{\"terms\":{\"kibana.alert.severity\":[\"critical\"]}},"
		    "{\"term\":{\"kibana.alert.rule.name\":\"R \\\"1\\\"\"}},"
		    "{\"term\":{\"host.name\":\"web-1\"}},"
		    "{\"term\":{\"user.name\":\"root\"}}],"
		    "\"must\":[{\"simple_query_string\":{\"query\":\"powershell encoded\",\"default_operator\":\"and\","
		    "\"fields\":[\"kibana.alert.rule.name\",\"kibana.alert.reason\",\"host.name\",\"user.name\","
		    "\"process.name\",\"process.command_line\",\"file.path\"]}}]}}");
	assert_int_equal(json_integer_value(json_object_get(b, "size")), 10);
	json_decref(b);
	const char *from_q[] = {"x"};
	q = (struct alerts_query){.from = "2024-01-01T00:00:00Z", .ids = from_q, .n_ids = 1};
	b = alerts_query_body(&q);
	testjson_assert_equal(json_object_get(b, "query"), "{\"bool\":{\"filter\":["
						 "{\"range\":{\"@timestamp\":{\"gte\":\"2024-01-01T00:00:00Z\"}}},"
						 "{\"ids\":{\"values\":[\"x\"]}}]}}");
	json_decref(b);
}

/* The next page: strictly after the last hit in (@timestamp desc, kibana.alert.uuid asc) order. */
static void test_query_keyset(void **state)
{
	(void)state;
	const char *st[] = {"open"};
	json_t *after = json_pack("[I, s]", (json_int_t)1700000000123, "uuid-9");
	struct alerts_query q = {.statuses = st, .n_statuses = 1, .after = after};
	json_t *b = alerts_query_body(&q);
	testjson_assert_equal(json_object_get(b, "query"),
		    "{\"bool\":{\"filter\":["
		    "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\"]}},"
		    "{\"bool\":{\"should\":["
		    "{\"range\":{\"@timestamp\":{\"lt\":1700000000123}}},"
		    "{\"bool\":{\"filter\":[{\"term\":{\"@timestamp\":1700000000123}},"
		    "{\"range\":{\"kibana.alert.uuid\":{\"gt\":\"uuid-9\"}}}]}}],"
		    "\"minimum_should_match\":1}}]}}");
	json_decref(b);
	/* Sort values that are not a pair are not a position: no condition. */
	json_t *one = json_pack("[I]", (json_int_t)5);
	q = (struct alerts_query){.after = one};
	b = alerts_query_body(&q);
	testjson_assert_equal(json_object_get(b, "query"), "{\"match_all\":{}}");
	json_decref(b);
	json_decref(one);
	json_decref(after);
}

/* What came in since: strictly ahead of the first hit shown, with the list's own filters. */
static void test_query_newer_than_the_first(void **state)
{
	(void)state;
	const char *st[] = {"open"};
	json_t *first = json_pack("[I, s]", (json_int_t)1700000000123, "uuid-5");
	struct alerts_query q = {.statuses = st, .n_statuses = 1, .before = first};
	json_t *b = alerts_query_body(&q);
	testjson_assert_equal(json_object_get(b, "query"),
		    "{\"bool\":{\"filter\":["
		    "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\"]}},"
		    "{\"bool\":{\"should\":["
		    "{\"range\":{\"@timestamp\":{\"gt\":1700000000123}}},"
		    "{\"bool\":{\"filter\":[{\"term\":{\"@timestamp\":1700000000123}},"
		    "{\"range\":{\"kibana.alert.uuid\":{\"lt\":\"uuid-5\"}}}]}}],"
		    "\"minimum_should_match\":1}}]}}");
	/* The same order as every page, so the newest come first. */
	testjson_assert_equal(json_object_get(b, "sort"),
			      "[{\"@timestamp\":{\"order\":\"desc\"}},{\"kibana.alert.uuid\":{\"order\":\"asc\"}}]");
	json_decref(b);
	json_decref(first);
}

static void test_search_and_status_requests(void **state)
{
	(void)state;
	struct alerts_query q = {0};
	struct api_request *req = alerts_search_request(&q);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/detection_engine/signals/search");
	assert_false(req->global);
	api_request_free(req);
	const char **ids = xcalloc(ALERTS_STATUS_CHUNK + 5, sizeof(char *));
	for (size_t i = 0; i < ALERTS_STATUS_CHUNK + 5; i++)
		ids[i] = "id";
	req = alerts_status_request(ids, ALERTS_STATUS_CHUNK + 5, "closed");
	json_t *b = testjson_body(req);
	assert_string_equal(req->path, "/api/detection_engine/signals/status");
	assert_int_equal(json_array_size(json_object_get(b, "signal_ids")), ALERTS_STATUS_CHUNK);
	assert_string_equal(json_string_value(json_object_get(b, "status")), "closed");
	json_decref(b);
	api_request_free(req);
	free(ids);
}

static void test_since_check(void **state)
{
	(void)state;
	const char *good[] = {"24h", "30m", "7d", "1w", "90s"};
	const char *bad[] = {"", "h", "24", "24hours", "-1h", "1.5h", "24H"};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_null(alerts_since_check(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *m = alerts_since_check(bad[i]);
		assert_non_null(m);
		assert_non_null(strstr(m, "e.g. 24h"));
		free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_first_page),
		cmocka_unit_test(test_query_filters),
		cmocka_unit_test(test_query_keyset),
		cmocka_unit_test(test_query_newer_than_the_first),
		cmocka_unit_test(test_search_and_status_requests),
		cmocka_unit_test(test_since_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
