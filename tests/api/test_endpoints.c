/* Elastic Defend endpoints: the list's shapes and broken answers, and the list and lookup requests. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/endpoints.h"
#include <stdlib.h>
#include <string.h>

static void test_endpoints(void **state)
{
	(void)state;
	char *err;
	struct endpoint_page *p = testjson_parse(&endpoints_page_model,
		"{\"data\":[{\"metadata\":{\"agent\":{\"id\":\"ag1\",\"version\":\"8.14.0\"},"
		"\"host\":{\"hostname\":\"web-1\",\"ip\":[\"10.0.0.1\",\"fe80::1\"],\"os\":{\"full\":\"Ubuntu 22.04\"}},"
		"\"Endpoint\":{\"state\":{\"isolation\":true},\"policy\":{\"applied\":{\"name\":\"Protect\"}}}},"
		"\"host_status\":\"healthy\",\"last_checkin\":\"2024-01-01T00:00:00Z\"},"
		"{\"metadata\":{\"agent\":{\"id\":\"ag2\"}},\"host_status\":\"offline\"}],"
		"\"total\":2,\"page\":0,\"pageSize\":10}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 2);
	assert_string_equal(p->items[0].hostname, "web-1");
	assert_string_equal(p->items[0].ip, "10.0.0.1, fe80::1");
	assert_true(p->items[0].isolated);
	assert_string_equal(p->items[0].policy, "Protect");
	assert_null(p->items[1].hostname);
	assert_false(p->items[1].isolated);
	assert_ptr_equal(endpoints_find(p, "ag2"), &p->items[1]);
	assert_null(endpoints_find(p, "nope"));
	kmodel_free(&endpoints_page_model, p);
	assert_null(testjson_parse(&endpoints_page_model, "{\"data\":[{\"metadata\":{}}],\"total\":1}", &err));
	assert_non_null(strstr(err, "data[0]"));
	free(err);
}

static void test_list_and_lookup_requests(void **state)
{
	(void)state;
	const char *st[] = {"healthy", "offline"};
	struct endpoints_query eq = {.page = 0, .page_size = 50, .kuery = "host.name:web*", .statuses = st, .n_statuses = 2};
	struct api_request *req = endpoints_list_request(&eq);
	assert_string_equal(req->query, "?page=0&pageSize=50&kuery=host.name%3Aweb%2A&hostStatuses=healthy&hostStatuses=offline");
	api_request_free(req);
	req = endpoints_lookup_request("x\"y");
	assert_string_equal(req->query, "?page=0&pageSize=10&kuery=united.endpoint.agent.id%3A%22x%5C%22y%22");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoints),
		cmocka_unit_test(test_list_and_lookup_requests),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
