/* Creating response actions: what the contract refuses, and the bodies sent for each kind. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/actions.h"
#include "api/actions_req.h"
#include <stdlib.h>
#include <string.h>

static void test_action_validation(void **state)
{
	(void)state;
	const char *ep[] = {"ep-1"}, *blank[] = {"ep-1", "  "}, *cases[] = {""}, *alerts[] = {" \t"};
	struct action_params p = {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 42};
	assert_null(actions_validate(ACTION_SUSPEND, &p));
	struct {
		enum action_kind kind;
		struct action_params p;
		const char *says;
	} bad[] = {
		{ACTION_SUSPEND, {.n_endpoints = 0, .has_pid = true, .pid = 1}, "at least one"},
		{ACTION_SUSPEND, {.endpoint_ids = blank, .n_endpoints = 2, .has_pid = true, .pid = 1}, "endpoint id 2 is empty"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1}, "--pid <n> or --entity-id"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 1, .entity_id = "e"}, "not both"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 0}, "1 or more"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1, .entity_id = ""}, "--entity-id is empty"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1, .entity_id = "e", .case_ids = cases, .n_cases = 1},
		 "case id 1 is empty"},
		{ACTION_ISOLATE, {.endpoint_ids = ep, .n_endpoints = 1, .alert_ids = alerts, .n_alerts = 1}, "alert id 1 is empty"},
		{ACTION_ISOLATE, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "osquery"}, "unknown agent type"},
		{ACTION_UNISOLATE, {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 3}, "takes no process"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *m = actions_validate(bad[i].kind, &bad[i].p);
		if (!m || !strstr(m, bad[i].says))
			fail_msg("case %zu: got \"%s\", wanted \"%s\"", i, m ? m : "(ok)", bad[i].says);
		free(m);
	}
	struct action_params ok = {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "microsoft_defender_endpoint"};
	assert_null(actions_validate(ACTION_RUNNING_PROCS, &ok));
}

static void test_action_bodies(void **state)
{
	(void)state;
	const char *ep[] = {"ep-1"}, *cases[] = {"c1"}, *alerts[] = {"a1", "a2"};
	struct action_params p = {.endpoint_ids = ep, .n_endpoints = 1, .entity_id = "abc123", .comment = "why",
				  .case_ids = cases, .n_cases = 1, .alert_ids = alerts, .n_alerts = 2, .agent_type = "endpoint"};
	struct api_request *req = actions_create_request(ACTION_SUSPEND, &p);
	assert_string_equal(req->path, "/api/endpoint/action/suspend_process");
	json_t *b = testjson_body(req);
	testjson_assert_equal(b, "{\"endpoint_ids\":[\"ep-1\"],\"comment\":\"why\",\"case_ids\":[\"c1\"],\"alert_ids\":[\"a1\",\"a2\"],"
		       "\"agent_type\":\"endpoint\",\"parameters\":{\"entity_id\":\"abc123\"}}");
	json_decref(b);
	api_request_free(req);
	p = (struct action_params){.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 4242, .comment = ""};
	req = actions_create_request(ACTION_SUSPEND, &p);
	b = testjson_body(req);
	testjson_assert_equal(b, "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"pid\":4242}}");
	json_decref(b);
	api_request_free(req);
	static const struct {
		enum action_kind kind;
		const char *path, *command;
	} kinds[] = {
		{ACTION_ISOLATE, "/api/endpoint/action/isolate", "isolate"},
		{ACTION_UNISOLATE, "/api/endpoint/action/unisolate", "unisolate"},
		{ACTION_RUNNING_PROCS, "/api/endpoint/action/running_procs", "running-processes"},
	};
	for (size_t i = 0; i < 3; i++) {
		p = (struct action_params){.endpoint_ids = ep, .n_endpoints = 1, .comment = "c"};
		req = actions_create_request(kinds[i].kind, &p);
		assert_string_equal(req->path, kinds[i].path);
		assert_string_equal(actions_kind_command(kinds[i].kind), kinds[i].command);
		b = testjson_body(req);
		/* Kibana reads the fields at the top level (the spec's "body" wrapper is its own defect). */
		testjson_assert_equal(b, "{\"endpoint_ids\":[\"ep-1\"],\"comment\":\"c\"}");
		json_decref(b);
		api_request_free(req);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_validation),
		cmocka_unit_test(test_action_bodies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
