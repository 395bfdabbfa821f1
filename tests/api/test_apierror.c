/* Readable messages from failed responses: both Kibana error shapes, proxy HTML, odd bodies. */
#include "config.h"
#include "ktest.h"
#include "api/apierror.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_TYPE "application/json; Elastic-Api-Version=2023-10-31"

static char *msg(long status, const char *ct, const char *body)
{
	return apierror_from_response(status, ct, body, body ? strlen(body) : 0);
}

static void test_shape_status_code_error_message(void **state)
{
	char *m = msg(404, JSON_TYPE,
		      "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Saved object [cases/abc] not found\"}");
	assert_string_equal(m, "HTTP 404 Not Found: Saved object [cases/abc] not found");
	free(m);
}

static void test_shape_seed_401(void **state)
{
	size_t len;
	char *body = testutil_fixture("cases", "case_push_401.json", &len);
	assert_non_null(body);
	char *m = apierror_from_response(401, "application/json", body, len);
	assert_string_equal(m, "HTTP 401 Unauthorized: string");
	free(m);
	free(body);
}

static void test_shape_snake_status_code(void **state)
{
	char *m = msg(400, JSON_TYPE, "{\"status_code\":400,\"message\":\"[request body.title]: expected value of type [string]\"}");
	assert_string_equal(m, "HTTP 400 Bad Request: [request body.title]: expected value of type [string]");
	free(m);
}

static void test_shape_error_only(void **state)
{
	char *m = msg(409, JSON_TYPE, "{\"statusCode\":409,\"error\":\"Conflict\"}");
	assert_string_equal(m, "HTTP 409 Conflict");
	free(m);
}

static void test_json_without_message(void **state)
{
	char *m = msg(500, JSON_TYPE, "{\"oops\":true}");
	assert_string_equal(m, "HTTP 500 Internal Server Error: {\"oops\":true}");
	free(m);
}

static void test_json_type_with_parameters(void **state)
{
	assert_true(apierror_is_json_type("application/json"));
	assert_true(apierror_is_json_type("application/json; charset=utf-8"));
	assert_true(apierror_is_json_type(" Application/JSON ; Elastic-Api-Version=2023-10-31"));
	assert_true(apierror_is_json_type("application/problem+json"));
	assert_false(apierror_is_json_type("text/html; charset=utf-8"));
	assert_false(apierror_is_json_type("application/jsonx"));
	assert_false(apierror_is_json_type("+json"));
	assert_false(apierror_is_json_type(NULL));
	/* The type's parameters never stop the body being read as JSON. */
	char *m = msg(403, "application/json; charset=utf-8; Elastic-Api-Version=2023-10-31",
		      "  {\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"no\"}");
	assert_string_equal(m, "HTTP 403 Forbidden: no");
	free(m);
}

static void test_json_body_without_json_type(void **state)
{
	char *m = msg(400, "text/plain", "{\"status_code\":400,\"message\":\"bad\"}");
	assert_string_equal(m, "HTTP 400 Bad Request: bad");
	free(m);
}

static void test_html_from_proxy(void **state)
{
	char *m = msg(502, "text/html",
		      "\n  <!DOCTYPE html><html><head><TITLE>\n 502   Bad\tGateway </TITLE></head><body>nginx</body></html>");
	assert_non_null(strstr(m, "HTTP 502 Bad Gateway"));
	assert_non_null(strstr(m, "\"502 Bad Gateway\""));
	assert_non_null(strstr(m, "HTML"));
	assert_null(strstr(m, "nginx"));
	free(m);
}

static void test_html_without_title(void **state)
{
	char *m = msg(503, "text/html", "<html><body>down</body></html>");
	assert_non_null(strstr(m, "HTTP 503 Service Unavailable"));
	assert_non_null(strstr(m, "HTML"));
	free(m);
}

static void test_html_served_as_json(void **state)
{
	char *m = msg(502, JSON_TYPE, "<html><title>Gateway</title></html>");
	assert_non_null(strstr(m, "\"Gateway\""));
	free(m);
}

static void test_empty_body(void **state)
{
	char *m = msg(500, JSON_TYPE, "");
	assert_string_equal(m, "HTTP 500 Internal Server Error (empty response)");
	free(m);
	m = apierror_from_response(418, NULL, NULL, 0);
	assert_string_equal(m, "HTTP 418 (empty response)");
	free(m);
}

static void test_plain_text(void **state)
{
	char *m = msg(500, "text/plain", "upstream connect error or disconnect/reset before headers");
	assert_string_equal(m, "HTTP 500 Internal Server Error (not JSON): upstream connect error or disconnect/reset before headers");
	free(m);
}

static void test_long_text_is_cut(void **state)
{
	char body[2000];
	memset(body, 'x', sizeof(body) - 1);
	body[sizeof(body) - 1] = '\0';
	char *m = msg(500, "text/plain", body);
	assert_true(strlen(m) < 400);
	assert_non_null(strstr(m, "..."));
	free(m);
}

static void test_truncated_json(void **state)
{
	char *m = msg(500, JSON_TYPE, "{\"statusCode\":500,\"error\":\"Internal Ser");
	assert_non_null(strstr(m, "HTTP 500 Internal Server Error"));
	assert_non_null(strstr(m, "not JSON"));
	free(m);
}

static void test_embedded_nul_in_message(void **state)
{
	static const char body[] = "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"before\\u0000after\"}";
	char *m = apierror_from_response(400, JSON_TYPE, body, sizeof(body) - 1);
	/* Nothing after the NUL is lost; the NUL itself shows as U+2400. */
	assert_string_equal(m, "HTTP 400 Bad Request: before\xe2\x90\x80" "after");
	free(m);
}

static void test_reason_phrases(void **state)
{
	assert_string_equal(apierror_reason(404), "Not Found");
	assert_string_equal(apierror_reason(429), "Too Many Requests");
	assert_string_equal(apierror_reason(299), "");
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape_status_code_error_message),
		cmocka_unit_test(test_shape_seed_401),
		cmocka_unit_test(test_shape_snake_status_code),
		cmocka_unit_test(test_shape_error_only),
		cmocka_unit_test(test_json_without_message),
		cmocka_unit_test(test_json_type_with_parameters),
		cmocka_unit_test(test_json_body_without_json_type),
		cmocka_unit_test(test_html_from_proxy),
		cmocka_unit_test(test_html_without_title),
		cmocka_unit_test(test_html_served_as_json),
		cmocka_unit_test(test_empty_body),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_long_text_is_cut),
		cmocka_unit_test(test_truncated_json),
		cmocka_unit_test(test_embedded_nul_in_message),
		cmocka_unit_test(test_reason_phrases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
