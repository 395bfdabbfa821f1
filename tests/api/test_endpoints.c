/* Elastic Defend endpoints: the list's and one host's shapes and broken answers, and the requests. */
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
	/* hostStatuses is one JSON array: config-schema's arrayOf refuses a lone bare value. */
	assert_string_equal(req->query, "?page=0&pageSize=50&kuery=host.name%3Aweb%2A"
					"&hostStatuses=%5B%22healthy%22%2C%22offline%22%5D");
	api_request_free(req);
	/* One status is an array too. */
	eq = (struct endpoints_query){.statuses = st, .n_statuses = 1};
	req = endpoints_list_request(&eq);
	assert_string_equal(req->query, "?page=0&hostStatuses=%5B%22healthy%22%5D");
	api_request_free(req);
	req = endpoints_lookup_request("x\"y");
	assert_string_equal(req->query, "?page=0&pageSize=10&kuery=united.endpoint.agent.id%3A%22x%5C%22y%22");
	api_request_free(req);
	req = endpoints_by_name_request("WIN-1");
	assert_string_equal(req->query, "?page=0&pageSize=10&kuery=united.endpoint.host.hostname%3A%22WIN-1%22");
	api_request_free(req);
}

static void test_os_and_sort(void **state)
{
	(void)state;
	/* The OS narrows the text filter, which keeps its own grouping. */
	struct endpoints_query eq = {.kuery = "a or b", .os = "macos", .sort = "last-seen", .order = "desc"};
	struct api_request *req = endpoints_list_request(&eq);
	assert_string_equal(req->query, "?page=0&kuery=%28a%20or%20b%29%20and%20united.endpoint.host.os.name%3A%22macOS%22"
					"&sortField=last_checkin&sortDirection=desc");
	api_request_free(req);
	eq = (struct endpoints_query){.os = "windows", .sort = "name", .order = "sideways"};
	req = endpoints_list_request(&eq);
	assert_string_equal(req->query, "?page=0&kuery=united.endpoint.host.os.name%3A%22Windows%22"
					"&sortField=metadata.host.hostname");
	api_request_free(req);
	/* Every short sort name has a sortField of the spec. */
	for (size_t i = 0; endpoints_sort_names[i]; i++) {
		eq = (struct endpoints_query){.sort = endpoints_sort_names[i]};
		req = endpoints_list_request(&eq);
		assert_non_null(strstr(req->query, "&sortField="));
		api_request_free(req);
	}
	/* The statuses offered are Kibana's literals: unhealthy, never unenrolled. */
	bool unhealthy = false;
	for (size_t i = 0; endpoints_status_names[i]; i++) {
		assert_string_not_equal(endpoints_status_names[i], "unenrolled");
		unhealthy |= !strcmp(endpoints_status_names[i], "unhealthy");
	}
	assert_true(unhealthy);
}

static void test_one_host(void **state)
{
	(void)state;
	char *err;
	struct api_request *req = endpoints_get_request("a/b");
	assert_string_equal(req->path, "/api/endpoint/metadata/a%2Fb");
	assert_ptr_equal(req->model, &endpoints_host_model);
	api_request_free(req);
	/* A bare HostInfo; last_checkin falls back on the document's time; a pending isolation shows. */
	struct endpoint_host *h = testjson_parse(&endpoints_host_model,
		"{\"host_status\":\"unhealthy\",\"metadata\":{\"@timestamp\":\"2024-05-02T10:00:00Z\","
		"\"agent\":{\"id\":\"ag1\",\"type\":\"endpoint\",\"version\":\"8.12.2\"},"
		"\"host\":{\"hostname\":\"db-1\",\"mac\":[\"00-50\"],\"os\":{\"name\":\"Linux\"}},"
		"\"Endpoint\":{\"state\":{\"isolation\":false},\"configuration\":{\"isolation\":true},"
		"\"capabilities\":[\"isolation\",\"kill_process\"],\"policy\":{\"applied\":{\"name\":\"P\",\"status\":\"warning\"}}}}}",
		&err);
	assert_non_null(h);
	assert_string_equal(h->last_checkin, "2024-05-02T10:00:00Z");
	assert_string_equal(h->os, "Linux");
	assert_string_equal(h->os_name, "Linux");
	assert_string_equal(h->mac, "00-50");
	assert_string_equal(h->policy_status, "warning");
	assert_false(h->isolated);
	assert_true(h->isolation_wanted);
	assert_true(endpoints_can(h, "kill_process"));
	assert_false(endpoints_can(h, "scan"));
	struct endpoint_host copy = {0};
	endpoints_host_copy(&copy, h);
	assert_string_equal(copy.capabilities[1], "kill_process");
	assert_ptr_not_equal(copy.capabilities, h->capabilities);
	assert_string_equal(copy.hostname, "db-1");
	endpoints_host_clear(&copy);
	kmodel_free(&endpoints_host_model, h);
	/* An agent that reports no capabilities is not refused anything. */
	h = testjson_parse(&endpoints_host_model, "{\"host_status\":\"healthy\",\"metadata\":{\"agent\":{\"id\":\"a\"}}}", &err);
	assert_non_null(h);
	assert_true(endpoints_can(h, "scan"));
	kmodel_free(&endpoints_host_model, h);
	assert_null(testjson_parse(&endpoints_host_model, "[]", &err));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoints),
		cmocka_unit_test(test_list_and_lookup_requests),
		cmocka_unit_test(test_os_and_sort),
		cmocka_unit_test(test_one_host),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
