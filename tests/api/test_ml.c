/* Machine learning saved-object sync: the answer (empty, broken) and the request with and without simulate. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/ml.h"
#include <stdlib.h>
#include <string.h>

static void test_ml_sync(void **state)
{
	struct ml_sync_result *s = testjson_parsed(&ml_sync_model, "ml", "ml_sync_200.json");
	assert_int_equal(s->n, 2);
	assert_string_equal(s->items[0].action, "create");
	assert_string_equal(s->items[0].kind, "anomaly-detector");
	assert_string_equal(s->items[0].id, "myjob1");
	assert_true(s->items[1].success);
	kmodel_free(&ml_sync_model, s);
	json_t *j = json_loads("{}", 0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&ml_sync_model, j, &m, &err), 0);
	assert_int_equal(((struct ml_sync_result *)m)->n, 0);
	kmodel_free(&ml_sync_model, m);
	json_decref(j);
	testjson_refused(&ml_sync_model, "{\"datafeedsAdded\": {\"feed\": true}}", "entry \"feed\" must be an object");
	testjson_refused(&ml_sync_model, "{\"savedObjectsCreated\": {\"trained-model\": []}}", "savedObjectsCreated.trained-model");
	testjson_refused(&ml_sync_model, "[]", "expected an object");
}

static void test_sync_request(void **state)
{
	struct api_request *req = ml_sync_request(true);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->query, "?simulate=true");
	api_request_free(req);
	req = ml_sync_request(false);
	assert_null(req->query);
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ml_sync),
		cmocka_unit_test(test_sync_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
