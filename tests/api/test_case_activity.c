/* A case's user actions: the request, a page as Kibana's handler sends it, payloads of every shape kept as sent,
 * and broken answers named. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_request(void **state)
{
	struct api_request *req = case_activity_request("c/1 \xc3\xa9", 2, 500, true);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/cases/c%2F1%20%C3%A9/user_actions/_find");
	/* perPage is capped at the contract's 100; types are never sent (every action tells the story). */
	assert_string_equal(req->query, "?page=2&perPage=100&sortOrder=asc");
	assert_ptr_equal(req->model, &case_activity_page_model);
	assert_null(req->body);
	api_request_free(req);
	req = case_activity_request("x", 0, 20, false);
	assert_string_equal(req->query, "?page=1&perPage=20&sortOrder=desc");
	api_request_free(req);
}

static void test_comments_find_request(void **state)
{
	struct api_request *req = cases_comments_find_request("a b", 3, 0);
	assert_string_equal(req->path, "/api/cases/a%20b/comments/_find");
	assert_string_equal(req->query, "?page=3&perPage=100&sortOrder=asc");
	assert_ptr_equal(req->model, &cases_comment_page_model);
	api_request_free(req);
}

static void test_page(void **state)
{
	struct case_activity_page *p = testjson_parsed(&case_activity_page_model, "case_activity", "user_actions_find_200.json");
	assert_int_equal(p->n, 6);
	assert_int_equal(p->total, 6);
	assert_int_equal(p->per_page, 100);
	assert_string_equal(p->items[0].type, "create_case");
	assert_string_equal(p->items[0].action, "create");
	assert_null(p->items[0].comment_id);
	assert_string_equal(cases_user_name(&p->items[0].created_by), "Alice Doe");
	assert_string_equal(json_string_value(json_object_get(p->items[0].payload, "title")), "Beaconing on web-01");
	assert_string_equal(p->items[1].comment_id, "77a1");
	assert_string_equal(cases_user_name(&p->items[2].created_by), "bob");
	/* A type this client has no words for is kept as sent. */
	assert_string_equal(p->items[5].type, "observables");
	assert_non_null(json_object_get(p->items[5].payload, "observables"));
	kmodel_free(&case_activity_page_model, p);
}

static void test_tolerated(void **state)
{
	char *err = NULL;
	/* The contract's own example: a flat comment payload and assignees as an object; a user without fields. */
	struct case_activity_page *p = testjson_parse(&case_activity_page_model,
		"{\"page\":1,\"perPage\":20,\"total\":1,\"userActions\":[{\"action\":\"create\",\"comment_id\":\"c\","
		"\"created_at\":\"2023-10-14T20:12:53.354Z\",\"created_by\":{},\"id\":\"u\",\"owner\":\"cases\","
		"\"payload\":{\"comment\":\"A new comment\",\"owner\":\"cases\",\"type\":\"user\"},\"type\":\"comment\","
		"\"version\":\"v\"}]}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 1);
	assert_string_equal(cases_user_name(&p->items[0].created_by), "-");
	kmodel_free(&case_activity_page_model, p);
	/* No totals: the page's own length stands in. */
	p = testjson_parse(&case_activity_page_model, "{\"userActions\":[]}", &err);
	assert_non_null(p);
	assert_int_equal(p->total, 0);
	kmodel_free(&case_activity_page_model, p);
}

static void test_refused(void **state)
{
	testjson_refused(&case_activity_page_model, "[]", "expected an object");
	testjson_refused(&case_activity_page_model, "{\"page\":1}", "userActions");
	testjson_refused(&case_activity_page_model, "{\"userActions\":[{\"action\":\"add\",\"created_at\":\"t\"}]}",
			 "userActions[0]: required field \"type\"");
	testjson_refused(&case_activity_page_model,
			 "{\"userActions\":[{\"type\":\"tags\",\"action\":\"add\",\"created_at\":\"t\",\"payload\":[1]}]}",
			 "payload");
}

static void test_comment_page(void **state)
{
	char *err = NULL;
	struct case_comment_page *p = testjson_parse(&cases_comment_page_model,
		"{\"page\":1,\"per_page\":20,\"total\":1,\"comments\":[{\"id\":\"71a\",\"version\":\"Wz\",\"type\":\"user\","
		"\"owner\":\"securitySolution\",\"comment\":\"Isolated the host.\",\"created_at\":\"2025-05-02T08:20:00.000Z\","
		"\"created_by\":{\"username\":\"analyst1\",\"full_name\":\"Ana Lyst\",\"email\":null},\"pushed_at\":null,"
		"\"pushed_by\":null,\"updated_at\":null,\"updated_by\":null}]}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 1);
	assert_int_equal(p->total, 1);
	assert_string_equal(p->comments[0].comment, "Isolated the host.");
	assert_string_equal(cases_user_name(&p->comments[0].created_by), "Ana Lyst");
	kmodel_free(&cases_comment_page_model, p);
	/* Liberal in what it takes: a row that is no object is counted as unreadable, a page without
	 * comments is an empty page. */
	p = testjson_parse(&cases_comment_page_model, "{\"comments\":[3]}", &err);
	assert_non_null(p);
	assert_int_equal(p->bad, 1);
	kmodel_free(&cases_comment_page_model, p);
	p = testjson_parse(&cases_comment_page_model, "{\"total\":0}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 0);
	kmodel_free(&cases_comment_page_model, p);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_comments_find_request),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_tolerated),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_comment_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
