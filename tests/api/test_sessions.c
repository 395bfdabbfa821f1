/* Invalidating sessions: the seed document's example, odd answers, and the request bodies. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/sessions.h"
#include <stdlib.h>
#include <string.h>

static void test_sessions_seed_example(void **state)
{
	(void)state;
	json_t *j = testjson_fixture("sessions", "session_invalidate_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&sessions_result_model, j, &model, &err), 0);
	assert_int_equal(((struct sessions_result *)model)->total, 42);
	kmodel_free(&sessions_result_model, model);
	json_decref(j);
	struct sessions_result *s = testjson_parse(&sessions_result_model, "{}", &err);
	assert_int_equal(s->total, -1);
	kmodel_free(&sessions_result_model, s);
	assert_null(testjson_parse(&sessions_result_model, "{\"total\":\"many\"}", &err));
	assert_non_null(strstr(err, "total"));
	free(err);
}

static void test_sessions_request(void **state)
{
	(void)state;
	struct api_request *req = sessions_invalidate_request(NULL);
	assert_string_equal(req->path, "/api/security/session/_invalidate");
	assert_true(req->global);
	json_t *b = testjson_body(req);
	testjson_assert_equal(b, "{\"match\":\"all\"}");
	json_decref(b);
	api_request_free(req);
	struct sessions_match m = {.provider_type = "oidc", .username = "user@my-oidc-sso.com"};
	req = sessions_invalidate_request(&m);
	b = testjson_body(req);
	testjson_assert_equal(b, "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"oidc\"},\"username\":\"user@my-oidc-sso.com\"}}");
	json_decref(b);
	api_request_free(req);
	m = (struct sessions_match){.provider_type = "saml", .provider_name = "saml1"};
	req = sessions_invalidate_request(&m);
	b = testjson_body(req);
	testjson_assert_equal(b, "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"saml\",\"name\":\"saml1\"}}}");
	json_decref(b);
	api_request_free(req);
}

/* invalidate.ts: {total}, zero when nothing matched. */
static void test_sessions_kibana(void **state)
{
	struct sessions_result *s = testjson_parsed(&sessions_result_model, "sessions", "session_invalidate_kibana.json");
	assert_int_equal(s->total, 0);
	kmodel_free(&sessions_result_model, s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sessions_seed_example),
		cmocka_unit_test(test_sessions_request),
		cmocka_unit_test(test_sessions_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
