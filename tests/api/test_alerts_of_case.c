/* The alerts attached to a case (GET /api/cases/{caseId}/alerts): Kibana's answer (get_alerts.ts, see
 * tests/fixtures/alerts_of_case/README.md), a broken one, and the request. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/alerts_of_case.h"
#include <stdlib.h>
#include <string.h>

static void test_alerts_of_case_kibana(void **state)
{
	struct alerts_of_case_list *l = testjson_parsed(&alerts_of_case_list_model, "alerts_of_case", "case_alerts_kibana.json");
	assert_int_equal(l->n, 4);
	assert_int_equal(l->bad, 1);
	assert_string_equal(l->items[0].index, ".internal.alerts-security.alerts-default-000001");
	assert_string_equal(l->items[2].id, "5d5e");
	assert_null(l->items[2].index);
	assert_null(l->items[2].problem);
	assert_string_equal(l->items[3].problem, "alerts of a case[3]: expected an object, got a string");
	kmodel_free(&alerts_of_case_list_model, l);
	testjson_refused(&alerts_of_case_list_model, "{\"alerts\": []}", "expected an array");
}

static void test_alerts_of_case_request(void **state)
{
	struct api_request *req = alerts_of_case_request("a/b");
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/cases/a%2Fb/alerts");
	assert_ptr_equal(req->model, &alerts_of_case_list_model);
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alerts_of_case_kibana),
		cmocka_unit_test(test_alerts_of_case_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
