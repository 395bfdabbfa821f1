/* The entity store: an engine's state, the start and stop answers, the init and toggle requests, durations. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/entity_store.h"
#include <stdlib.h>
#include <string.h>

static void test_entity_engine(void **state)
{
	struct entity_engine *e = testjson_parsed(&entity_engine_model, "entity_store", "entity_init_200.json");
	assert_string_equal(e->type, "user");
	assert_string_equal(e->status, "installing");
	assert_int_equal(e->field_history_length, 42);
	assert_int_equal(e->docs_per_second, 42);
	assert_string_equal(e->lookback, "24h");
	assert_null(e->error); /* an empty error object is no error */
	kmodel_free(&entity_engine_model, e);
	/* The answer only describes the engine: what is missing is shown as missing. */
	char *perr = NULL;
	e = testjson_parse(&entity_engine_model, "{\"type\": \"user\", \"status\": \"started\", \"indexPattern\": \"x\"}", &perr);
	assert_non_null(e);
	assert_int_equal(e->field_history_length, -1);
	assert_string_equal(e->status, "started");
	kmodel_free(&entity_engine_model, e);
	json_t *j = json_loads("{\"type\": \"host\", \"status\": \"error\", \"indexPattern\": \"\", \"fieldHistoryLength\": 10, "
			       "\"error\": {\"message\": \"transform failed\", \"action\": \"init\"}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&entity_engine_model, j, &m, &err), 0);
	assert_string_equal(((struct entity_engine *)m)->error, "transform failed");
	kmodel_free(&entity_engine_model, m);
	json_decref(j);
}

/* start and stop answer {started} / {stopped}: the request carries the parser for its own answer. */
static void test_entity_toggles(void **state)
{
	static const struct {
		bool start;
		const char *fixture;
	} t[] = {{true, "entity_start_200.json"}, {false, "entity_stop_200.json"}};
	for (size_t i = 0; i < 2; i++) {
		struct api_request *req = entity_toggle_request("user", t[i].start);
		json_t *j = testjson_fixture("entity_store", t[i].fixture);
		void *m = NULL;
		char *err = NULL;
		assert_int_equal(kmodel_parse(req->model, j, &m, &err), 0);
		assert_true(*(bool *)m);
		kmodel_free(req->model, m);
		json_decref(j);
		/* Only an explicit false is a refusal; a 200 that says it otherwise did what was asked. */
		j = json_loads(t[i].start ? "{\"started\": \"yes\"}" : "{\"stopped\": 1}", 0, NULL);
		assert_int_equal(kmodel_parse(req->model, j, &m, &err), 0);
		assert_true(*(bool *)m);
		kmodel_free(req->model, m);
		json_decref(j);
		j = json_loads(t[i].start ? "{\"started\": false}" : "{\"stopped\": false}", 0, NULL);
		assert_int_equal(kmodel_parse(req->model, j, &m, &err), 0);
		assert_false(*(bool *)m);
		kmodel_free(req->model, m);
		json_decref(j);
		api_request_free(req);
	}
}

static void test_entity_requests(void **state)
{
	struct entity_init_opts o;
	entity_init_opts_init(&o);
	struct api_request *req = entity_init_request("host", &o);
	assert_string_equal(req->path, "/api/entity_store/engines/host/init");
	testjson_assert_body(req, "{}");
	api_request_free(req);
	o.delay = "30s";
	o.lookback = "24h";
	o.enrich_interval = "1h";
	o.index_pattern = "logs-*";
	o.field_history_length = 0;
	o.docs_per_second = 500;
	req = entity_init_request("user", &o);
	testjson_assert_body(req, "{\"delay\": \"30s\", \"lookbackPeriod\": \"24h\", \"enrichPolicyExecutionInterval\": \"1h\", "
			 "\"indexPattern\": \"logs-*\", \"fieldHistoryLength\": 0, \"docsPerSecond\": 500}");
	api_request_free(req);
	req = entity_toggle_request("service", true);
	assert_string_equal(req->path, "/api/entity_store/engines/service/start");
	assert_null(req->body);
	api_request_free(req);
	req = entity_toggle_request("user", false);
	assert_string_equal(req->path, "/api/entity_store/engines/user/stop");
	api_request_free(req);
	const char *good[] = {"1m", "30s", "24h", "7d", "0s"};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_null(entity_check_duration("delay", good[i], false));
	const char *bad[] = {"1", "m", "1x", "1.5h", "-1m", "1 m", "", "1mm"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *err = entity_check_duration("delay", bad[i], false);
		if (!err)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_non_null(strstr(err, "--delay"));
		free(err);
	}
	assert_null(entity_check_duration("enrich-interval", "1h", true));
	char *err = entity_check_duration("enrich-interval", "0h", true);
	assert_non_null(err);
	free(err);
	err = entity_check_duration("enrich-interval", "1d", true);
	assert_non_null(err);
	free(err);
	assert_int_equal(entity_duration_seconds("24h"), 86400);
	assert_int_equal(entity_duration_seconds("2d"), 172800);
	assert_int_equal(entity_duration_seconds("90s"), 90);
}

/* init.ts: the engine as set up, with Kibana's defaults. */
static void test_entity_engine_kibana(void **state)
{
	struct entity_engine *e = testjson_parsed(&entity_engine_model, "entity_store", "entity_init_kibana.json");
	assert_string_equal(e->type, "host");
	assert_string_equal(e->index_pattern, "");
	assert_null(e->filter);
	assert_null(e->error);
	assert_int_equal(e->field_history_length, 10);
	kmodel_free(&entity_engine_model, e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity_engine),
		cmocka_unit_test(test_entity_toggles),
		cmocka_unit_test(test_entity_requests),
		cmocka_unit_test(test_entity_engine_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
