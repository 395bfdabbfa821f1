/* Fleet Server hosts: the list and a created host as the seed document shows them, broken answers, the create
 * request and URL checks. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/fleet_hosts.h"
#include <stdlib.h>
#include <string.h>

static void test_server_hosts(void **state)
{
	struct fleet_host_list *l = testjson_parsed(&fleet_hosts_list_model, "fleet_hosts", "fleet_server_hosts_200.json");
	assert_int_equal(l->n, 1);
	assert_int_equal(l->total, 42);
	assert_int_equal(l->per_page, 42);
	assert_int_equal(l->items[0].n_urls, 1);
	assert_true(l->items[0].is_internal);
	assert_false(l->items[0].is_default);
	assert_string_equal(l->items[0].proxy_id, "string");
	assert_true(l->items[0].has_ssl);
	kmodel_free(&fleet_hosts_list_model, l);
	struct fleet_host *h = testjson_parsed(&fleet_hosts_host_model, "fleet_hosts", "fleet_server_host_create_200.json");
	assert_string_equal(h->name, "string");
	kmodel_free(&fleet_hosts_host_model, h);
	/* A host without URLs or a total is shown as it came; one without an id is a placeholder. */
	char *err = NULL;
	l = testjson_parse(&fleet_hosts_list_model, "{\"items\": [{\"id\": \"a\", \"name\": \"b\", \"host_urls\": []}, "
			   "{\"name\": \"c\"}], \"page\": 1, \"perPage\": 20}", &err);
	assert_int_equal(l->n, 2);
	assert_int_equal(l->total, 2);
	assert_int_equal(l->bad, 1);
	assert_int_equal(l->items[0].n_urls, 0);
	assert_string_equal(l->items[1].problem, "fleet server hosts.items[1]: required field \"id\" is missing");
	kmodel_free(&fleet_hosts_list_model, l);
	testjson_refused(&fleet_hosts_host_model, "{\"id\": \"a\"}", "\"item\" is missing");
	/* proxy_id is nullable */
	json_t *j = json_loads("{\"item\": {\"id\": \"a\", \"name\": \"b\", \"host_urls\": [\"https://x\"], \"proxy_id\": null}}",
			       0, NULL);
	void *m = NULL;
	assert_int_equal(kmodel_parse(&fleet_hosts_host_model, j, &m, &err), 0);
	assert_null(((struct fleet_host *)m)->proxy_id);
	kmodel_free(&fleet_hosts_host_model, m);
	json_decref(j);
}

static void test_server_host_create(void **state)
{
	const char *urls[] = {"https://a:8220", "https://b:8220"};
	struct fleet_host_new n = {.name = "Lab", .urls = urls, .n_urls = 2, .is_default = true, .proxy_id = "p"};
	struct api_request *req = fleet_hosts_create_request(&n);
	assert_string_equal(req->path, "/api/fleet/fleet_server_hosts");
	testjson_assert_body(req, "{\"name\": \"Lab\", \"host_urls\": [\"https://a:8220\", \"https://b:8220\"], \"is_default\": true, "
			 "\"proxy_id\": \"p\"}");
	api_request_free(req);
	n = (struct fleet_host_new){.name = "x", .urls = urls, .n_urls = 1, .id = "my-id",
				    .ssl = json_pack("{s:s}", "client_auth", "optional")};
	req = fleet_hosts_create_request(&n);
	testjson_assert_body(req, "{\"name\": \"x\", \"host_urls\": [\"https://a:8220\"], \"is_default\": false, \"id\": \"my-id\", "
			 "\"ssl\": {\"client_auth\": \"optional\"}}");
	api_request_free(req);
	req = fleet_hosts_list_request();
	assert_int_equal(req->method, HTTP_GET);
	api_request_free(req);
	assert_null(fleet_hosts_check_url("https://fleet.example.com:8220"));
	assert_null(fleet_hosts_check_url("http://10.0.0.1"));
	const char *bad[] = {"ftp://x", "fleet.example.com", "https://", "https://:8220", "https://a b"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *err = fleet_hosts_check_url(bad[i]);
		assert_non_null(err);
		free(err);
	}
}

/* fleet_server_hosts/handler.ts: a null proxy_id, an internal preconfigured host without ssl. */
static void test_server_hosts_kibana(void **state)
{
	struct fleet_host_list *l = testjson_parsed(&fleet_hosts_list_model, "fleet_hosts", "fleet_server_hosts_kibana.json");
	assert_int_equal(l->n, 2);
	assert_int_equal(l->total, 2);
	assert_null(l->items[0].proxy_id);
	assert_true(l->items[0].is_default);
	assert_true(l->items[1].is_internal);
	assert_false(l->items[1].has_ssl);
	kmodel_free(&fleet_hosts_list_model, l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_server_hosts),
		cmocka_unit_test(test_server_host_create),
		cmocka_unit_test(test_server_hosts_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
