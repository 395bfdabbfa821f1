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
	assert_null(actions_validate(ACTION_ISOLATE, &ok));
}

/* Each kind's own parameters, as Kibana's route schemas check them. */
static void test_action_parameters_validation(void **state)
{
	(void)state;
	const char *ep[] = {"ep-1"};
	char big[ACTIONS_EXECUTE_MAX + 2];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	struct {
		enum action_kind kind;
		struct action_params p;
		const char *says; /* NULL: accepted */
	} cases[] = {
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 7}, NULL},
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1}, "--pid <n> or --entity-id"},
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "sentinel_one", .has_pid = true, .pid = 7},
		 "by name only"},
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "sentinel_one", .process_name = "evil.exe"},
		 NULL},
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "crowdstrike", .has_pid = true, .pid = 7},
		 "does not run kill-process on crowdstrike agents"},
		{ACTION_SUSPEND, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "sentinel_one", .has_pid = true, .pid = 7},
		 "allows endpoint only"},
		{ACTION_RUNNING_PROCS, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "microsoft_defender_endpoint"},
		 "allows endpoint and sentinel_one only"},
		{ACTION_GET_FILE, {.endpoint_ids = ep, .n_endpoints = 1, .path = "/etc/passwd"}, NULL},
		{ACTION_GET_FILE, {.endpoint_ids = ep, .n_endpoints = 1, .path = " "}, "needs a path"},
		{ACTION_GET_FILE, {.endpoint_ids = ep, .n_endpoints = 1}, "needs a path"},
		{ACTION_SCAN, {.endpoint_ids = ep, .n_endpoints = 1, .path = "C:\\"}, NULL},
		{ACTION_ISOLATE, {.endpoint_ids = ep, .n_endpoints = 1, .path = "/x"}, "takes no --path"},
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = "ls", .timeout = 60}, NULL},
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = " \t"}, "must not be blank"},
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = big}, "at most 8192"},
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = "ls", .agent_type = "sentinel_one"},
		 "does not run execute"},
		{ACTION_UPLOAD, {.endpoint_ids = ep, .n_endpoints = 1, .file_name = "fix.ps1", .file_data = "x", .file_len = 1},
		 NULL},
		{ACTION_UPLOAD, {.endpoint_ids = ep, .n_endpoints = 1, .file_name = "", .file_data = "x", .file_len = 1},
		 "which file"},
		{ACTION_UPLOAD, {.endpoint_ids = ep, .n_endpoints = 1, .file_name = "f", .file_len = ACTIONS_UPLOAD_MAX + 1},
		 "at most"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *m = actions_validate(cases[i].kind, &cases[i].p);
		if (cases[i].says ? !m || !strstr(m, cases[i].says) : m != NULL)
			fail_msg("case %zu: got \"%s\", wanted \"%s\"", i, m ? m : "(ok)", cases[i].says ? cases[i].says : "(ok)");
		free(m);
	}
}

/* The support matrix: every kind on Elastic Defend; SentinelOne, CrowdStrike and Defender where Kibana allows. */
static void test_support_matrix(void **state)
{
	(void)state;
	for (int k = 0; k < ACTION_KIND_COUNT; k++) {
		assert_true(actions_kind_supports((enum action_kind)k, NULL));
		assert_true(actions_kind_supports((enum action_kind)k, "endpoint"));
		enum action_kind back;
		assert_true(actions_kind_of(actions_kind_command((enum action_kind)k), &back));
		assert_int_equal(back, k);
		assert_non_null(actions_kind_capability((enum action_kind)k));
	}
	assert_true(actions_kind_supports(ACTION_UNISOLATE, "crowdstrike"));
	assert_true(actions_kind_supports(ACTION_GET_FILE, "sentinel_one"));
	assert_false(actions_kind_supports(ACTION_GET_FILE, "microsoft_defender_endpoint"));
	assert_false(actions_kind_supports(ACTION_UPLOAD, "sentinel_one"));
	assert_false(actions_kind_supports(ACTION_SCAN, "crowdstrike"));
	enum action_kind k;
	assert_false(actions_kind_of("memory-dump", &k));
	assert_string_equal(actions_kind_capability(ACTION_UNISOLATE), "isolation");
	assert_string_equal(actions_kind_capability(ACTION_UPLOAD), "upload_file");
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

static void test_parameter_bodies(void **state)
{
	(void)state;
	const char *ep[] = {"ep-1"};
	struct {
		enum action_kind kind;
		struct action_params p;
		const char *path, *body;
	} cases[] = {
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 9, .process_name = "named"},
		 "/api/endpoint/action/kill_process", "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"pid\":9}}"},
		{ACTION_KILL, {.endpoint_ids = ep, .n_endpoints = 1, .agent_type = "sentinel_one", .process_name = "evil.exe"},
		 "/api/endpoint/action/kill_process",
		 "{\"endpoint_ids\":[\"ep-1\"],\"agent_type\":\"sentinel_one\",\"parameters\":{\"process_name\":\"evil.exe\"}}"},
		{ACTION_GET_FILE, {.endpoint_ids = ep, .n_endpoints = 1, .path = "/tmp/x", .comment = "c"},
		 "/api/endpoint/action/get_file",
		 "{\"endpoint_ids\":[\"ep-1\"],\"comment\":\"c\",\"parameters\":{\"path\":\"/tmp/x\"}}"},
		{ACTION_SCAN, {.endpoint_ids = ep, .n_endpoints = 1, .path = "C:\\Users"}, "/api/endpoint/action/scan",
		 "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"path\":\"C:\\\\Users\"}}"},
		/* A shell command and a timeout in seconds, as execute.ts takes them (not the spec's enum and milliseconds). */
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = "ls -la /tmp", .timeout = 600},
		 "/api/endpoint/action/execute",
		 "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"command\":\"ls -la /tmp\",\"timeout\":600}}"},
		{ACTION_EXECUTE, {.endpoint_ids = ep, .n_endpoints = 1, .command = "id"}, "/api/endpoint/action/execute",
		 "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"command\":\"id\"}}"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct api_request *req = actions_create_request(cases[i].kind, &cases[i].p);
		assert_string_equal(req->path, cases[i].path);
		json_t *b = testjson_body(req);
		testjson_assert_equal(b, cases[i].body);
		json_decref(b);
		api_request_free(req);
	}
}

/* Upload is multipart as Kibana's UI sends it: the file, then each field as text, JSON unless a string. */
static void test_upload_multipart(void **state)
{
	(void)state;
	const char *ep[] = {"ep-1", "ep-2"}, *cases[] = {"c1"};
	struct action_params p = {.endpoint_ids = ep, .n_endpoints = 2, .file_name = "fix.ps1", .file_data = "a\0b",
				  .file_len = 3, .overwrite = true, .comment = "push", .case_ids = cases, .n_cases = 1};
	struct api_request *req = actions_create_request(ACTION_UPLOAD, &p);
	assert_string_equal(req->path, "/api/endpoint/action/upload");
	assert_null(req->body);
	assert_int_equal(req->n_parts, 5);
	assert_string_equal(req->parts[0].name, "file");
	assert_string_equal(req->parts[0].filename, "fix.ps1");
	assert_string_equal(req->parts[0].content_type, "application/octet-stream");
	assert_int_equal(req->parts[0].len, 3);
	assert_memory_equal(req->parts[0].data, "a\0b", 3);
	const char *want[][2] = {{"endpoint_ids", "[\"ep-1\",\"ep-2\"]"}, {"comment", "push"}, {"case_ids", "[\"c1\"]"},
				 {"parameters", "{\"overwrite\":true}"}};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(req->parts[i + 1].name, want[i][0]);
		assert_null(req->parts[i + 1].filename);
		assert_int_equal(req->parts[i + 1].len, strlen(want[i][1]));
		assert_memory_equal(req->parts[i + 1].data, want[i][1], strlen(want[i][1]));
	}
	api_request_free(req);
	p.n_cases = 0;
	p.comment = NULL;
	p.overwrite = false;
	req = actions_create_request(ACTION_UPLOAD, &p);
	assert_int_equal(req->n_parts, 3);
	assert_string_equal(req->parts[2].name, "parameters");
	assert_memory_equal(req->parts[2].data, "{\"overwrite\":false}", req->parts[2].len);
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_validation),
		cmocka_unit_test(test_action_bodies),
		cmocka_unit_test(test_action_parameters_validation),
		cmocka_unit_test(test_support_matrix),
		cmocka_unit_test(test_parameter_bodies),
		cmocka_unit_test(test_upload_multipart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
