/* The risk engine's configuration: both answers in the seed document, a broken one, and the request body. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/risk_engine.h"
#include <stdlib.h>
#include <string.h>

static void test_configure_result(void **state)
{
	struct risk_config_result *r = testjson_parsed(&risk_config_result_model, "risk_engine", "risk_configure_200.json");
	assert_true(r->configured);
	assert_int_equal(r->n_errors, 0);
	kmodel_free(&risk_config_result_model, r);
	r = testjson_parsed(&risk_config_result_model, "risk_engine", "risk_configure_default.json");
	assert_false(r->configured);
	assert_int_equal(r->n_errors, 1);
	assert_string_equal(r->errors[0], "seq 42: string");
	kmodel_free(&risk_config_result_model, r);
	testjson_refused(&risk_config_result_model, "{\"errors\": [{\"seq\": 1}]}", "\"error\" is missing");
}

static void test_risk_body(void **state)
{
	const char *st[] = {"closed"}, *tags[] = {"fp", "test"};
	struct risk_config c = {.exclude_statuses = st, .n_exclude_statuses = 1, .exclude_tags = tags,
				.n_exclude_tags = 2, .range_start = "now-30d"};
	struct api_request *req = risk_configure_request(&c);
	assert_int_equal(req->method, HTTP_PATCH);
	testjson_assert_body(req, "{\"exclude_alert_statuses\": [\"closed\"], \"exclude_alert_tags\": [\"fp\", \"test\"], "
			 "\"range\": {\"start\": \"now-30d\"}}");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure_result),
		cmocka_unit_test(test_risk_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
