/* Issue 5's requests: the alerts query (keyset paging), response-action bodies and their validation, sessions. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "api/actions.h"
#include "api/actions_req.h"
#include "api/alerts_req.h"
#include "api/conversations.h"
#include "api/endpoints.h"
#include "api/sessions.h"
#include "cmd/alertfmt.h"
#include "cmd/query.h"
#include "cmd/parse.h"
#include "cmd/registry.h"
#include "core/xalloc.h"

/* Compare a JSON value with JSON text. */
static void assert_json(json_t *got, const char *want_text)
{
	json_error_t e;
	json_t *want = json_loads(want_text, 0, &e);
	if (!want)
		fail_msg("bad expected JSON: %s", e.text);
	if (!json_equal(got, want)) {
		char *g = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS);
		fail_msg("got %s", g);
	}
	json_decref(want);
}

static json_t *body_of(const struct api_request *req)
{
	json_error_t e;
	json_t *j = json_loadb(req->body, req->body_len, 0, &e);
	assert_non_null(j);
	return j;
}

static void test_query_first_page(void **state)
{
	(void)state;
	struct alerts_query q = {0};
	json_t *b = alerts_query_body(&q);
	assert_json(b, "{\"query\":{\"match_all\":{}},"
		       "\"sort\":[{\"@timestamp\":{\"order\":\"desc\"}},{\"kibana.alert.uuid\":{\"order\":\"asc\"}}],"
		       "\"size\":100,\"track_total_hits\":true}");
	/* Kibana drops these two: they must never be relied on. */
	assert_null(json_object_get(b, "search_after"));
	assert_null(json_object_get(b, "from"));
	json_decref(b);
}

static void test_query_filters(void **state)
{
	(void)state;
	const char *st[] = {"open", "acknowledged"}, *sev[] = {"critical"};
	struct alerts_query q = {.since = "24h", .to = "now", .statuses = st, .n_statuses = 2, .severities = sev,
				 .n_severities = 1, .rule = "R \"1\"", .host = "web-1", .user = "root",
				 .search = "powershell encoded", .size = 10};
	json_t *b = alerts_query_body(&q);
	assert_json(json_object_get(b, "query"),
		    "{\"bool\":{\"filter\":["
		    "{\"range\":{\"@timestamp\":{\"gte\":\"now-24h\",\"lte\":\"now\"}}},"
		    "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\",\"acknowledged\"]}},"
		    "{\"terms\":{\"kibana.alert.severity\":[\"critical\"]}},"
		    "{\"term\":{\"kibana.alert.rule.name\":\"R \\\"1\\\"\"}},"
		    "{\"term\":{\"host.name\":\"web-1\"}},"
		    "{\"term\":{\"user.name\":\"root\"}}],"
		    "\"must\":[{\"simple_query_string\":{\"query\":\"powershell encoded\",\"default_operator\":\"and\","
		    "\"fields\":[\"kibana.alert.rule.name\",\"kibana.alert.reason\",\"host.name\",\"user.name\","
		    "\"process.name\",\"process.command_line\",\"file.path\"]}}]}}");
	assert_int_equal(json_integer_value(json_object_get(b, "size")), 10);
	json_decref(b);
	const char *from_q[] = {"x"};
	q = (struct alerts_query){.from = "2024-01-01T00:00:00Z", .ids = from_q, .n_ids = 1};
	b = alerts_query_body(&q);
	assert_json(json_object_get(b, "query"), "{\"bool\":{\"filter\":["
						 "{\"range\":{\"@timestamp\":{\"gte\":\"2024-01-01T00:00:00Z\"}}},"
						 "{\"ids\":{\"values\":[\"x\"]}}]}}");
	json_decref(b);
}

/* The next page: strictly after the last hit in (@timestamp desc, kibana.alert.uuid asc) order. */
static void test_query_keyset(void **state)
{
	(void)state;
	const char *st[] = {"open"};
	json_t *after = json_pack("[I, s]", (json_int_t)1700000000123, "uuid-9");
	struct alerts_query q = {.statuses = st, .n_statuses = 1, .after = after};
	json_t *b = alerts_query_body(&q);
	assert_json(json_object_get(b, "query"),
		    "{\"bool\":{\"filter\":["
		    "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\"]}},"
		    "{\"bool\":{\"should\":["
		    "{\"range\":{\"@timestamp\":{\"lt\":1700000000123}}},"
		    "{\"bool\":{\"filter\":[{\"term\":{\"@timestamp\":1700000000123}},"
		    "{\"range\":{\"kibana.alert.uuid\":{\"gt\":\"uuid-9\"}}}]}}],"
		    "\"minimum_should_match\":1}}]}}");
	json_decref(b);
	/* Sort values that are not a pair are not a position: no condition. */
	json_t *one = json_pack("[I]", (json_int_t)5);
	q = (struct alerts_query){.after = one};
	b = alerts_query_body(&q);
	assert_json(json_object_get(b, "query"), "{\"match_all\":{}}");
	json_decref(b);
	json_decref(one);
	json_decref(after);
}

static void test_search_and_status_requests(void **state)
{
	(void)state;
	struct alerts_query q = {0};
	struct api_request *req = alerts_search_request(&q);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/detection_engine/signals/search");
	assert_false(req->global);
	api_request_free(req);
	const char **ids = xcalloc(ALERTS_STATUS_CHUNK + 5, sizeof(char *));
	for (size_t i = 0; i < ALERTS_STATUS_CHUNK + 5; i++)
		ids[i] = "id";
	req = alerts_status_request(ids, ALERTS_STATUS_CHUNK + 5, "closed");
	json_t *b = body_of(req);
	assert_string_equal(req->path, "/api/detection_engine/signals/status");
	assert_int_equal(json_array_size(json_object_get(b, "signal_ids")), ALERTS_STATUS_CHUNK);
	assert_string_equal(json_string_value(json_object_get(b, "status")), "closed");
	json_decref(b);
	api_request_free(req);
	free(ids);
}

static void test_since_check(void **state)
{
	(void)state;
	const char *good[] = {"24h", "30m", "7d", "1w", "90s"};
	const char *bad[] = {"", "h", "24", "24hours", "-1h", "1.5h", "24H"};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_null(alerts_since_check(good[i]));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *m = alerts_since_check(bad[i]);
		assert_non_null(m);
		assert_non_null(strstr(m, "e.g. 24h"));
		free(m);
	}
}

/* The `alerts` command's filters, as the pane and the command take them. */
static void test_alert_filters_from_args(void **state)
{
	(void)state;
	int used;
	char *w[] = {(char *)"alerts"};
	const struct cmd_def *def = cmd_lookup(1, w, &used);
	assert_non_null(def);
	char *argv[] = {(char *)"--since", (char *)"24h", (char *)"--status", (char *)"open", (char *)"--status",
			(char *)"closed", (char *)"--host", (char *)"web-1"};
	struct cmd_parsed parsed;
	char *err = NULL;
	struct query q;
	query_init(&q, &alertfmt_query);
	assert_int_equal(query_set_args(&q, 8, argv, &err), 0);
	struct alerts_query aq;
	assert_null(query_fill(&alertfmt_query, q.def, q.values, &aq));
	assert_int_equal(aq.n_statuses, 2);
	assert_string_equal(aq.statuses[1], "closed");
	assert_string_equal(aq.host, "web-1");
	assert_string_equal(aq.since, "24h");

	/* A bad combination is refused and leaves the filters as they were. */
	char *both[] = {(char *)"--since", (char *)"1d", (char *)"--from", (char *)"now-2d"};
	assert_int_equal(query_set_args(&q, 4, both, &err), -1);
	assert_non_null(strstr(err, "either --since or --from"));
	free(err);
	assert_string_equal(query_get(&q, "host"), "web-1");
	query_free(&q);

	char *badsev[] = {(char *)"--severity", (char *)"urgent"};
	assert_int_equal(cmd_parse_args(def, 2, badsev, &parsed, &err), -1);
	assert_non_null(strstr(err, "severity must be one of low, medium, high, critical"));
	free(err);
	cmd_parse_free(def, parsed.values);
}

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
	json_t *b = body_of(req);
	assert_json(b, "{\"endpoint_ids\":[\"ep-1\"],\"comment\":\"why\",\"case_ids\":[\"c1\"],\"alert_ids\":[\"a1\",\"a2\"],"
		       "\"agent_type\":\"endpoint\",\"parameters\":{\"entity_id\":\"abc123\"}}");
	json_decref(b);
	api_request_free(req);
	p = (struct action_params){.endpoint_ids = ep, .n_endpoints = 1, .has_pid = true, .pid = 4242, .comment = ""};
	req = actions_create_request(ACTION_SUSPEND, &p);
	b = body_of(req);
	assert_json(b, "{\"endpoint_ids\":[\"ep-1\"],\"parameters\":{\"pid\":4242}}");
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
		b = body_of(req);
		/* Kibana reads the fields at the top level (the spec's "body" wrapper is its own defect). */
		assert_json(b, "{\"endpoint_ids\":[\"ep-1\"],\"comment\":\"c\"}");
		json_decref(b);
		api_request_free(req);
	}
}

static void test_list_queries(void **state)
{
	(void)state;
	const char *cmds[] = {"suspend-process", "isolate"}, *agents[] = {"a b"};
	struct actions_query aq = {.page = 2, .page_size = 20, .commands = cmds, .n_commands = 2, .agent_ids = agents,
				   .n_agent_ids = 1};
	struct api_request *req = actions_list_request(&aq);
	assert_string_equal(req->path, "/api/endpoint/action");
	assert_string_equal(req->query, "?page=2&pageSize=20&commands=suspend-process&commands=isolate&agentIds=a%20b");
	api_request_free(req);
	req = actions_get_request("id/with slash");
	assert_string_equal(req->path, "/api/endpoint/action/id%2Fwith%20slash");
	api_request_free(req);

	const char *st[] = {"healthy", "offline"};
	struct endpoints_query eq = {.page = 0, .page_size = 50, .kuery = "host.name:web*", .statuses = st, .n_statuses = 2};
	req = endpoints_list_request(&eq);
	assert_string_equal(req->query, "?page=0&pageSize=50&kuery=host.name%3Aweb%2A&hostStatuses=healthy&hostStatuses=offline");
	api_request_free(req);
	req = endpoints_lookup_request("x\"y");
	assert_string_equal(req->query, "?page=0&pageSize=10&kuery=united.endpoint.agent.id%3A%22x%5C%22y%22");
	api_request_free(req);

	struct conversations_query cq = {.page = 3, .per_page = 500, .filter = "mitre", .sort_field = "title",
					 .sort_order = "asc"};
	req = conversations_find_request(&cq);
	assert_string_equal(req->path, "/api/security_ai_assistant/current_user/conversations/_find");
	assert_string_equal(req->query, "?page=3&per_page=100&filter=mitre&sort_field=title&sort_order=asc");
	api_request_free(req);
}

static void test_sessions_request(void **state)
{
	(void)state;
	struct api_request *req = sessions_invalidate_request(NULL);
	assert_string_equal(req->path, "/api/security/session/_invalidate");
	assert_true(req->global);
	json_t *b = body_of(req);
	assert_json(b, "{\"match\":\"all\"}");
	json_decref(b);
	api_request_free(req);
	struct sessions_match m = {.provider_type = "oidc", .username = "user@my-oidc-sso.com"};
	req = sessions_invalidate_request(&m);
	b = body_of(req);
	assert_json(b, "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"oidc\"},\"username\":\"user@my-oidc-sso.com\"}}");
	json_decref(b);
	api_request_free(req);
	m = (struct sessions_match){.provider_type = "saml", .provider_name = "saml1"};
	req = sessions_invalidate_request(&m);
	b = body_of(req);
	assert_json(b, "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"saml\",\"name\":\"saml1\"}}}");
	json_decref(b);
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query_first_page),
		cmocka_unit_test(test_query_filters),
		cmocka_unit_test(test_query_keyset),
		cmocka_unit_test(test_search_and_status_requests),
		cmocka_unit_test(test_since_check),
		cmocka_unit_test(test_alert_filters_from_args),
		cmocka_unit_test(test_action_validation),
		cmocka_unit_test(test_action_bodies),
		cmocka_unit_test(test_list_queries),
		cmocka_unit_test(test_sessions_request),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
