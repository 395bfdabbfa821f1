/* Machine learning saved-object sync: the answer in both shapes (nested as Kibana sends it, flat as the spec shows),
 * empty and broken, and the request with and without simulate. */
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
	testjson_refused(&ml_sync_model, "[]", "expected an object");
}

/* What Kibana's sync.ts answers: every section nested by job type; a successful sync is never a failure. */
static void test_ml_sync_nested(void **state)
{
	struct ml_sync_result *s = testjson_parsed(&ml_sync_model, "ml", "ml_sync_nested.json");
	assert_int_equal(s->n, 4);
	assert_int_equal(s->bad, 0);
	size_t failed = 0;
	for (size_t i = 0; i < s->n; i++)
		failed += !s->items[i].success;
	assert_int_equal(failed, 1);
	assert_string_equal(s->items[1].kind, "trained-model");
	assert_string_equal(s->items[2].action, "delete");
	assert_string_equal(s->items[2].error, "Saved object [ml-job/old_outliers] not found");
	assert_string_equal(s->items[3].action, "add datafeed");
	assert_string_equal(s->items[3].kind, "anomaly-detector");
	assert_string_equal(s->items[3].id, "auth_rare_user");
	assert_true(s->items[3].success);
	assert_null(s->items[3].error);
	kmodel_free(&ml_sync_model, s);
}

/* The flat datafeed shape the spec shows (and 7.x sent) reads too; what cannot be read is counted, not failed. */
static void test_ml_sync_flat_and_odd(void **state)
{
	json_t *j = json_loads("{\"datafeedsAdded\": {\"job1\": {\"success\": true}, \"odd\": true},"
			       " \"datafeedsRemoved\": {\"job2\": {\"success\": false, \"error\": \"gone\"}},"
			       " \"savedObjectsCreated\": {\"trained-model\": [], \"anomaly-detector\": {\"j\": 1}}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&ml_sync_model, j, &m, &err), 0);
	struct ml_sync_result *s = m;
	assert_int_equal(s->n, 2);
	assert_int_equal(s->bad, 3);
	assert_string_equal(s->items[0].action, "add datafeed");
	assert_string_equal(s->items[0].id, "job1");
	assert_string_equal(s->items[0].kind, "anomaly-detector");
	assert_true(s->items[0].success);
	assert_false(s->items[1].success);
	assert_string_equal(s->items[1].error, "gone");
	kmodel_free(&ml_sync_model, s);
	json_decref(j);
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
		cmocka_unit_test(test_ml_sync_nested),
		cmocka_unit_test(test_ml_sync_flat_and_odd),
		cmocka_unit_test(test_sync_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
