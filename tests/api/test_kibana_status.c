/* Which Kibana answers: GET /api/status as 9.2, 8.x, serverless and an unauthenticated caller get it
 * (tests/fixtures/kibana_status/README.md), the header's label, and the version comparisons branches use. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/kibana_status.h"
#include "api/kversion.h"
#include <stdlib.h>
#include <string.h>

static void test_status_answers(void **state)
{
	struct kibana_status *s = testjson_parsed(&kibana_status_model, "kibana_status", "status_92.json");
	assert_string_equal(s->number, "9.2.0");
	assert_true(s->version.known);
	assert_int_equal(s->version.major, 9);
	assert_int_equal(s->version.minor, 2);
	assert_string_equal(s->build_flavor, "traditional");
	assert_string_equal(s->level, "available");
	assert_false(s->redacted);
	char *label = kibana_status_label(s);
	assert_string_equal(label, "kibana 9.2.0");
	free(label);
	kmodel_free(&kibana_status_model, s);
	/* 8.x: no build_flavor (status.ts added it later). */
	s = testjson_parsed(&kibana_status_model, "kibana_status", "status_819.json");
	assert_null(s->build_flavor);
	assert_string_equal(s->level, "degraded");
	assert_true(kversion_before(&s->version, 9, 0));
	label = kibana_status_label(s);
	assert_string_equal(label, "kibana 8.19.4");
	free(label);
	kmodel_free(&kibana_status_model, s);
	s = testjson_parsed(&kibana_status_model, "kibana_status", "status_serverless.json");
	label = kibana_status_label(s);
	assert_string_equal(label, "kibana 9.3.0 serverless");
	free(label);
	kmodel_free(&kibana_status_model, s);
	/* Not taken as a user: only the level, which the model says. */
	s = testjson_parsed(&kibana_status_model, "kibana_status", "status_redacted.json");
	assert_true(s->redacted);
	assert_null(s->number);
	assert_false(s->version.known);
	assert_null(kibana_status_label(s));
	kmodel_free(&kibana_status_model, s);
	testjson_refused(&kibana_status_model, "[]", "expected an object");
}

static void test_status_request(void **state)
{
	struct api_request *req = kibana_status_request();
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/status");
	/* Not space-scoped, and no format parameter (v8 is the default; both at once is a 400). */
	assert_true(req->global);
	assert_null(req->query);
	api_request_free(req);
}

static void test_versions(void **state)
{
	struct kversion v;
	assert_true(kversion_parse("9.2.0", &v));
	assert_false(kversion_before(&v, 9, 2));
	assert_true(kversion_before(&v, 9, 3));
	assert_true(kversion_parse("8.19.12-SNAPSHOT", &v));
	assert_int_equal(v.patch, 12);
	assert_true(kversion_before(&v, 9, 0));
	assert_false(kversion_before(&v, 8, 19));
	static const char *const bad[] = {"", "9", "9.2", "9.x.0", "9.2.0beta", "v9.2.0", "12345.0.0"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (kversion_parse(bad[i], &v))
			fail_msg("\"%s\" read as a version", bad[i]);
		assert_false(v.known);
	}
	assert_false(kversion_parse(NULL, &v));
	/* An unknown version is taken for the newest: nothing is "before" it. */
	assert_false(kversion_before(&v, 99, 0));
	assert_false(kversion_before(NULL, 99, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_answers),
		cmocka_unit_test(test_status_request),
		cmocka_unit_test(test_versions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
