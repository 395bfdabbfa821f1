/* Request builders of the cases API: method, encoded path, query string and JSON body. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *body_of(const struct api_request *req)
{
	assert_non_null(req->body);
	json_error_t e;
	json_t *j = json_loadb(req->body, req->body_len, 0, &e);
	assert_non_null(j);
	return j;
}

static void test_find_request_query(void **state)
{
	static const char *const tags[] = {"a b", "x&y", "\xc3\xa9t\xc3\xa9"};
	struct cases_query q = {
		.page = 3,
		.per_page = 500,
		.status = "in-progress",
		.severity = "high",
		.search = "ransom ware",
		.owner = "securitySolution",
		.tags = tags,
		.n_tags = 3,
		.sort_field = "updatedAt",
		.sort_order = "asc",
	};
	struct api_request *req = cases_find_request(&q);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/cases/_find");
	assert_string_equal(req->query, "?page=3&perPage=100&status=in-progress&severity=high&search=ransom%20ware"
					"&owner=securitySolution&tags=a%20b&tags=x%26y&tags=%C3%A9t%C3%A9"
					"&sortField=updatedAt&sortOrder=asc");
	assert_ptr_equal(req->model, &cases_page_model);
	assert_null(req->body);
	api_request_free(req);
}

static void test_find_request_minimal(void **state)
{
	struct cases_query q = {.search = ""};
	struct api_request *req = cases_find_request(&q);
	/* Nothing set, nothing sent: an empty search is not a filter. */
	assert_null(req->query);
	api_request_free(req);
}

static void test_get_and_alert_paths(void **state)
{
	struct api_request *req = cases_get_request("caso-\xc3\xb1/1");
	assert_string_equal(req->path, "/api/cases/caso-%C3%B1%2F1");
	assert_int_equal(req->method, HTTP_GET);
	assert_ptr_equal(req->model, &cases_case_model);
	api_request_free(req);

	req = cases_get_request("..");
	assert_string_equal(req->path, "/api/cases/%2E%2E");
	api_request_free(req);

	req = cases_of_alert_request("09f0c261e39e?x=1");
	assert_string_equal(req->path, "/api/cases/alerts/09f0c261e39e%3Fx%3D1");
	assert_ptr_equal(req->model, &cases_of_alert_list_model);
	api_request_free(req);

	req = connectors_list_request();
	assert_string_equal(req->path, "/api/actions/connectors");
	assert_ptr_equal(req->model, &connectors_list_model);
	api_request_free(req);
}

static void test_update_request(void **state)
{
	struct api_request *req = cases_update_request("id-1", "WzE3NjgsM10=", json_pack("{s:s}", "status", "closed"));
	assert_int_equal(req->method, HTTP_PATCH);
	assert_string_equal(req->path, "/api/cases");
	assert_ptr_equal(req->model, &cases_list_model);
	json_t *b = body_of(req);
	json_t *want = json_pack("{s:[{s:s,s:s,s:s}]}", "cases", "status", "closed", "id", "id-1", "version",
				 "WzE3NjgsM10=");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
}

static void test_comment_request(void **state)
{
	struct api_request *req = cases_comment_request("c/1", NULL, "line 1\nline \"2\"");
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases/c%2F1/comments");
	json_t *b = body_of(req);
	json_t *want = json_pack("{s:s,s:s,s:s}", "type", "user", "owner", "securitySolution", "comment",
				 "line 1\nline \"2\"");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
}

static void test_attach_alerts_request(void **state)
{
	static const char *const ids[] = {"a1", "a2"};
	static const char *const idx[] = {".alerts-security.alerts-default", ".alerts-security.alerts-default"};
	struct api_request *req = cases_attach_alerts_request("c1", "cases", ids, idx, 2, "r1", "Rule");
	json_t *b = body_of(req);
	json_t *want = json_pack("{s:s,s:s,s:[s,s],s:[s,s],s:{s:s,s:s}}", "type", "alert", "owner", "cases", "alertId",
				 "a1", "a2", "index", idx[0], idx[1], "rule", "id", "r1", "name", "Rule");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
}

static void test_create_request(void **state)
{
	static const char *const tags[] = {"t1"};
	struct api_request *req = cases_create_request("Title", "Desc", NULL, "high", tags, 1);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases");
	json_t *b = body_of(req);
	assert_string_equal(json_string_value(json_object_get(b, "title")), "Title");
	assert_string_equal(json_string_value(json_object_get(b, "owner")), "securitySolution");
	assert_string_equal(json_string_value(json_object_get(b, "severity")), "high");
	assert_true(json_is_true(json_object_get(json_object_get(b, "settings"), "syncAlerts")));
	json_t *conn = json_object_get(b, "connector");
	assert_string_equal(json_string_value(json_object_get(conn, "type")), ".none");
	assert_true(json_is_null(json_object_get(conn, "fields")));
	json_decref(b);
	api_request_free(req);
}

static void test_push_request(void **state)
{
	struct api_request *req = cases_push_request("9c235210 6834", "abed/3a70");
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases/9c235210%206834/connector/abed%2F3a70/_push");
	assert_string_equal(req->body, "{}");
	api_request_free(req);
}

static void test_connector_json(void **state)
{
	json_t *j = cases_connector_json("id", "Jira", ".jira");
	json_t *want = json_pack("{s:s,s:s,s:s,s:{s:n,s:n,s:n}}", "id", "id", "name", "Jira", "type", ".jira", "fields",
				 "issueType", "parent", "priority");
	assert_true(json_equal(j, want));
	json_decref(j);
	json_decref(want);
	j = cases_connector_json("id", "SN", ".servicenow-sir");
	assert_int_equal(json_object_size(json_object_get(j, "fields")), 7);
	json_decref(j);
	j = cases_connector_json("id", "W", ".cases-webhook");
	assert_true(json_is_null(json_object_get(j, "fields")));
	json_decref(j);
	for (const char *const *t = cases_connector_types; *t; t++) {
		j = cases_connector_json("x", "y", *t);
		assert_non_null(j);
		json_decref(j);
	}
	assert_null(cases_connector_json("id", "Mail", ".email"));
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_request_query),
		cmocka_unit_test(test_find_request_minimal),
		cmocka_unit_test(test_get_and_alert_paths),
		cmocka_unit_test(test_update_request),
		cmocka_unit_test(test_comment_request),
		cmocka_unit_test(test_attach_alerts_request),
		cmocka_unit_test(test_create_request),
		cmocka_unit_test(test_push_request),
		cmocka_unit_test(test_connector_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
