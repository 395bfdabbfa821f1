/* Requests: placeholders filled with encoded path segments, method names, JSON bodies and multipart parts. */
#include "config.h"
#include "ktest.h"
#include "api/request.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_api_path_non_ascii(void **state)
{
	char *p = api_path("/api/cases/{}", "caso-\xc3\xb1/1");
	assert_string_equal(p, "/api/cases/caso-%C3%B1%2F1");
	free(p);
}

static void test_api_path_several_segments(void **state)
{
	char *p = api_path("/api/cases/{}/connector/{}/_push", "..", "id with space?");
	assert_string_equal(p, "/api/cases/%2E%2E/connector/id%20with%20space%3F/_push");
	free(p);
	p = api_path("/api/cases/{}/comments", ".");
	assert_string_equal(p, "/api/cases/%2E/comments");
	free(p);
	/* A lone brace is literal text, not a placeholder. */
	p = api_path("/a/{x}/{}", "y");
	assert_string_equal(p, "/a/{x}/y");
	free(p);
}

static void test_method_names(void **state)
{
	enum http_method m;
	assert_true(api_method_parse("patch", &m));
	assert_int_equal(m, HTTP_PATCH);
	assert_string_equal(api_method_name(HTTP_DELETE), "DELETE");
	assert_false(api_method_parse("TRACE", &m));
}

static void test_request_json_and_parts(void **state)
{
	struct api_request *req = api_request_new(HTTP_POST, "/x");
	api_request_set_json(req, json_pack("{s:s}", "a", "\xc3\xa9"));
	assert_string_equal(req->body, "{\"a\":\"\xc3\xa9\"}");
	assert_int_equal(req->body_len, strlen(req->body));
	api_request_add_part(req, "file", "t.ndjson", "application/x-ndjson", "a\0b", 3);
	assert_int_equal(req->n_parts, 1);
	assert_int_equal(req->parts[0].len, 3);
	assert_memory_equal(req->parts[0].data, "a\0b", 3);
	api_request_free(req);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_path_non_ascii),
		cmocka_unit_test(test_api_path_several_segments),
		cmocka_unit_test(test_method_names),
		cmocka_unit_test(test_request_json_and_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
