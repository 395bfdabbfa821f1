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
	/* What the handler really answers on success, and a 200 that says nothing: both are done. */
	r = testjson_parsed(&risk_config_result_model, "risk_engine", "risk_configure_kibana.json");
	assert_true(r->configured);
	kmodel_free(&risk_config_result_model, r);
	json_t *j = json_loads("{\"errors\": [{\"seq\": 1}, 5, {\"error\": \"disk full\"}]}", 0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&risk_config_result_model, j, &m, &err), 0);
	r = m;
	assert_true(r->configured);
	assert_int_equal(r->n_errors, 1);
	assert_string_equal(r->errors[0], "disk full");
	kmodel_free(&risk_config_result_model, r);
	json_decref(j);
	testjson_refused(&risk_config_result_model, "[]", "expected an object");
}

static void test_risk_body(void **state)
{
	const char *st[] = {"closed"}, *tags[] = {"fp", "test"};
	struct risk_config c = {.exclude_statuses = st, .n_exclude_statuses = 1, .exclude_tags = tags,
				.n_exclude_tags = 2, .range_start = "now-30d"};
	struct api_request *req = risk_configure_request(&c);
	/* PUT: configure_saved_object.ts registers router.versioned.put; the spec's PATCH gets 404. */
	assert_int_equal(req->method, HTTP_PUT);
	assert_string_equal(req->path, "/api/risk_score/engine/saved_object/configure");
	testjson_assert_body(req, "{\"exclude_alert_statuses\": [\"closed\"], \"exclude_alert_tags\": [\"fp\", \"test\"], "
			 "\"range\": {\"start\": \"now-30d\"}}");
	api_request_free(req);
}

/* The fields newer Kibana reads: filters, page_size, enable_reset_to_zero. */
static void test_risk_body_newer_fields(void **state)
{
	struct risk_filter f[2];
	assert_null(risk_filter_parse("host,user=host.name: web-*", &f[0]));
	assert_null(risk_filter_parse("service=not service.name: a=b", &f[1]));
	assert_string_equal(f[1].kql, "not service.name: a=b");
	struct risk_config c = {.filters = f, .n_filters = 2, .page_size = 5000, .reset_to_zero = RISK_RESET_OFF};
	struct api_request *req = risk_configure_request(&c);
	testjson_assert_body(req, "{\"filters\": [{\"entity_types\": [\"host\", \"user\"], \"filter\": \"host.name: web-*\"},"
			 " {\"entity_types\": [\"service\"], \"filter\": \"not service.name: a=b\"}],"
			 " \"page_size\": 5000, \"enable_reset_to_zero\": false}");
	api_request_free(req);
	/* Which of them a Kibana ignores: by version, and nothing when the version is not known. */
	struct kversion v;
	assert_true(kversion_parse("8.19.3", &v));
	char *ign = risk_config_ignored(&c, &v);
	assert_string_equal(ign, "--reset-to-zero, --filter, --page-size");
	free(ign);
	assert_true(kversion_parse("9.2.0", &v));
	ign = risk_config_ignored(&c, &v);
	assert_string_equal(ign, "--filter, --page-size");
	free(ign);
	assert_true(kversion_parse("9.3.0-SNAPSHOT", &v));
	assert_null(risk_config_ignored(&c, &v));
	assert_false(kversion_parse("nine", &v));
	assert_null(risk_config_ignored(&c, &v));
	c = (struct risk_config){.range_end = "now"};
	assert_true(kversion_parse("8.19.0", &v));
	assert_null(risk_config_ignored(&c, &v));
	risk_filter_clear(&f[0]);
	risk_filter_clear(&f[1]);
	/* What --filter refuses. */
	static const char *const bad[] = {"host", "=x", "host=", "hosts=x", "host,,user=x"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *e = risk_filter_parse(bad[i], &f[0]);
		if (!e)
			fail_msg("\"%s\" was taken", bad[i]);
		free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_configure_result),
		cmocka_unit_test(test_risk_body),
		cmocka_unit_test(test_risk_body_newer_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
