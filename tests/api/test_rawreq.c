/* The api console's raw requests: the typed path and query made safe to send, the space prefix, JSON bodies checked. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/http.h"
#include "api/rawreq.h"
#include "core/profile.h"
#include <stdlib.h>
#include <string.h>

/* The URL the worker would use for a raw request under a profile in space "soc". */
static char *url_in_soc(const struct api_request *req)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "https://kibana.example:5601/");
	profile_set(&p.space, "soc");
	char *url = http_url(&p, req);
	profile_free(&p);
	return url;
}

static void test_raw_paths(void **state)
{
	char *err = NULL;
	struct api_request *req = rawreq_new(HTTP_GET, "/api/cases/_find?perPage=5&search=a b#c", NULL, 0, &err);
	assert_non_null(req);
	assert_string_equal(req->path, "/api/cases/_find");
	assert_string_equal(req->query, "?perPage=5&search=a%20b%23c");
	assert_false(req->global);
	char *url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/soc/api/cases/_find?perPage=5&search=a%20b%23c");
	free(url);
	api_request_free(req);
	/* A path that names a space is sent as typed: no second prefix. */
	req = rawreq_new(HTTP_GET, "/s/soc/api/cases/_find", NULL, 0, &err);
	assert_true(req->global);
	url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/soc/api/cases/_find");
	free(url);
	api_request_free(req);
	req = rawreq_new(HTTP_GET, "/s/other/api/x", NULL, 0, &err);
	url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/other/api/x");
	free(url);
	api_request_free(req);
	/* Existing escapes stay; a stray % and bytes a URL cannot carry are encoded. */
	req = rawreq_new(HTTP_DELETE, "/api/dashboards/dashboard/a%2Fb c%zz\xc3\xa9\x01", NULL, 0, &err);
	assert_string_equal(req->path, "/api/dashboards/dashboard/a%2Fb%20c%25zz%C3%A9%01");
	assert_null(req->query);
	api_request_free(req);
	req = rawreq_new(HTTP_GET, "/api/x?", NULL, 0, &err);
	assert_null(req->query);
	api_request_free(req);
	const char *bad[] = {"api/cases", "https://kibana/api/cases", "http://x", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_null(rawreq_new(HTTP_GET, bad[i], NULL, 0, &err));
		assert_non_null(err);
		free(err);
		err = NULL;
	}
}

static void test_raw_bodies(void **state)
{
	char *err = NULL;
	const char *b = "{ \"a\" : [1, 2.5, null, \"\\u00e9\"] }";
	struct api_request *req = rawreq_new(HTTP_POST, "/api/x", b, strlen(b), &err);
	assert_non_null(req);
	testjson_assert_body(req, "{\"a\": [1, 2.5, null, \"\\u00e9\"]}");
	api_request_free(req);
	req = rawreq_new(HTTP_PUT, "/api/x", "[]", 2, &err);
	testjson_assert_body(req, "[]");
	api_request_free(req);
	assert_null(rawreq_new(HTTP_POST, "/api/x", "{a:1}", 5, &err));
	assert_non_null(strstr(err, "not valid JSON (line 1, column 2)"));
	assert_non_null(strstr(err, "single quotes"));
	free(err);
	assert_null(rawreq_new(HTTP_POST, "/api/x", "{\"a\":1,\"a\":2}", 13, &err));
	assert_non_null(strstr(err, "duplicate"));
	free(err);
	assert_null(rawreq_new(HTTP_GET, "/api/x", "{}", 2, &err));
	assert_non_null(strstr(err, "GET request carries no body"));
	free(err);
	req = rawreq_new(HTTP_DELETE, "/api/note", "{\"noteId\":\"n\"}", 14, &err);
	assert_int_equal(req->method, HTTP_DELETE);
	testjson_assert_body(req, "{\"noteId\": \"n\"}");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raw_paths),
		cmocka_unit_test(test_raw_bodies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
