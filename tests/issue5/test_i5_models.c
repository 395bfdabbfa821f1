/* Issue 5's parsers: the seed document's examples, Elasticsearch-shaped alert hits, and broken input. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "testenv.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/conversations.h"
#include "api/endpoints.h"
#include "api/sessions.h"
#include "cmd/alertfmt.h"
#include "cmd/actionfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

/* Run a parser on JSON text; returns the model, or NULL with *err. */
static void *parse_text(const struct kmodel *fn, const char *text, char **err)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	if (!j)
		fail_msg("bad test JSON: %s", e.text);
	void *model = NULL;
	*err = NULL;
	int rc = kmodel_parse(fn, j, &model, err);
	json_decref(j);
	return rc == 0 ? model : NULL;
}

static void test_suspend_seed_example(void **state)
{
	(void)state;
	json_t *j = testenv_fixture("issue5", "suspend_process_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&actions_action_model, j, &model, &err), 0);
	struct response_action *a = model;
	assert_string_equal(a->id, "233db9ea-6733-4849-9226-5a7039c7161d");
	assert_string_equal(a->command, "suspend-process");
	assert_int_equal(a->n_agents, 1);
	assert_string_equal(a->agents[0], "ed518850-681a-4d60-bb98-e22640cae2a8");
	assert_null(a->hosts[0]);
	assert_true(a->is_completed);
	assert_true(a->was_successful);
	/* The seed's example has no "status": it is derived from isCompleted/wasSuccessful. */
	assert_string_equal(a->status, "successful");
	assert_string_equal(a->created_by, "myuser");
	assert_string_equal(a->agent_type, "endpoint");
	assert_string_equal(a->completed_at, "2022-07-29T19:09:44.961Z");
	assert_string_equal(json_string_value(json_object_get(a->parameters, "entity_id")), "abc123");
	assert_non_null(json_object_get(a->outputs, "ed518850-681a-4d60-bb98-e22640cae2a8"));
	char *hosts = actions_hosts_text(a);
	assert_string_equal(hosts, "ed518850-681a-4d60-bb98-e22640cae2a8");
	free(hosts);
	struct record r;
	record_init(&r);
	actionfmt_record(&r, a);
	struct strbuf sb;
	strbuf_init(&sb);
	record_render(&r, &sb);
	assert_non_null(strstr(sb.buf, "key: value"));
	assert_non_null(strstr(sb.buf, "suspend the process"));
	strbuf_free(&sb);
	record_free(&r);
	kmodel_free(&actions_action_model, a);
	json_decref(j);
}

static void test_action_pending_and_processes(void **state)
{
	(void)state;
	char *err;
	struct response_action *a = parse_text(&actions_action_model,
		"{\"data\":{\"id\":\"a1\",\"command\":\"running-processes\",\"agents\":[\"ag1\",\"ag2\"],"
		"\"hosts\":{\"ag1\":{\"name\":\"web-1\"}},\"isCompleted\":false,\"wasSuccessful\":false,"
		"\"startedAt\":\"2024-01-01T00:00:00Z\",\"completedAt\":null,\"errors\":null,"
		"\"outputs\":{\"ag1\":{\"type\":\"json\",\"content\":{\"code\":\"ok\",\"entries\":["
		"{\"command\":\"/bin/sh\",\"pid\":\"42\",\"entity_id\":\"e42\",\"user\":\"root\"},"
		"{\"command\":\"nginx\",\"pid\":7,\"entity_id\":\"e7\",\"user\":\"www\"}]}}}}}", &err);
	assert_non_null(a);
	assert_string_equal(a->status, "pending");
	assert_null(a->completed_at);
	assert_int_equal(a->n_errors, 0);
	char *hosts = actions_hosts_text(a);
	assert_string_equal(hosts, "web-1, ag2");
	free(hosts);
	struct action_process_list *l = actions_processes(a);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->items[0].agent_id, "ag1");
	assert_string_equal(l->items[0].pid, "42");
	assert_string_equal(l->items[1].pid, "7");
	assert_string_equal(l->items[1].entity_id, "e7");
	actions_processes_free(l);
	kmodel_free(&actions_action_model, a);
}

static void test_action_broken(void **state)
{
	(void)state;
	char *err;
	assert_null(parse_text(&actions_action_model, "{\"id\":\"x\"}", &err));
	assert_non_null(strstr(err, "\"data\""));
	free(err);
	assert_null(parse_text(&actions_action_model,
			       "{\"data\":{\"id\":\"x\",\"command\":\"isolate\",\"agents\":\"ag1\",\"isCompleted\":true,"
			       "\"wasSuccessful\":true,\"startedAt\":\"t\"}}", &err));
	assert_non_null(strstr(err, "response action.data"));
	assert_non_null(strstr(err, "agents"));
	free(err);
	assert_null(parse_text(&actions_page_model, "{\"data\":[{\"id\":\"x\"}],\"total\":1}", &err));
	assert_non_null(strstr(err, "data[0]"));
	free(err);
	struct action_page *p = parse_text(&actions_page_model, "{\"data\":[],\"total\":0,\"page\":null}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 0);
	kmodel_free(&actions_page_model, p);
}

static void test_conversations_seed_example(void **state)
{
	(void)state;
	json_t *j = testenv_fixture("issue5", "conversations_find_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&conversations_page_model, j, &model, &err), 0);
	struct conversation_page *p = model;
	assert_int_equal(p->n, 1);
	assert_int_equal(p->total, 42);
	assert_int_equal(p->per_page, 42);
	const struct conversation *c = &p->items[0];
	assert_string_equal(c->category, "assistant");
	assert_string_equal(c->title, "string");
	assert_int_equal(c->n_messages, 1);
	assert_string_equal(c->messages[0].role, "system");
	assert_true(c->messages[0].is_error);
	assert_string_equal(c->users, "string");
	assert_string_equal(c->model, "string");
	assert_string_equal(conversations_updated(c), "string");
	kmodel_free(&conversations_page_model, p);
	json_decref(j);
}

static void test_conversations_broken(void **state)
{
	(void)state;
	char *err;
	assert_null(parse_text(&conversations_page_model, "{\"data\":[],\"page\":1,\"total\":0}", &err));
	assert_non_null(strstr(err, "perPage"));
	free(err);
	assert_null(parse_text(&conversations_conversation_model,
			       "{\"id\":\"c\",\"title\":\"t\",\"category\":\"assistant\",\"createdAt\":\"x\",\"namespace\":\"default\","
			       "\"users\":[],\"messages\":[{\"role\":\"user\",\"timestamp\":\"x\"}]}", &err));
	assert_non_null(strstr(err, "messages[0]"));
	assert_non_null(strstr(err, "content"));
	free(err);
	struct conversation *c = parse_text(&conversations_conversation_model,
		"{\"id\":\"c\",\"title\":\"t\",\"category\":\"insights\",\"createdAt\":\"2024-01-01T00:00:00Z\","
		"\"namespace\":\"default\",\"users\":[{\"id\":\"u1\"},{\"name\":\"Ann\"}]}", &err);
	assert_non_null(c);
	assert_int_equal(c->n_messages, 0);
	assert_string_equal(c->users, "u1, Ann");
	assert_null(c->updated_at);
	assert_string_equal(conversations_updated(c), "2024-01-01T00:00:00Z");
	kmodel_free(&conversations_conversation_model, c);
}

static void test_sessions_seed_example(void **state)
{
	(void)state;
	json_t *j = testenv_fixture("issue5", "session_invalidate_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&sessions_result_model, j, &model, &err), 0);
	assert_int_equal(((struct sessions_result *)model)->total, 42);
	kmodel_free(&sessions_result_model, model);
	json_decref(j);
	struct sessions_result *s = parse_text(&sessions_result_model, "{}", &err);
	assert_int_equal(s->total, -1);
	kmodel_free(&sessions_result_model, s);
	assert_null(parse_text(&sessions_result_model, "{\"total\":\"many\"}", &err));
	assert_non_null(strstr(err, "total"));
	free(err);
}

/* Alerts vary: flat keys and nested objects, arrays, missing ECS fields, both total shapes. */
static void test_alert_hits(void **state)
{
	(void)state;
	char *err;
	struct alert_page *p = parse_text(&alerts_page_model,
		"{\"took\":1,\"hits\":{\"total\":{\"value\":12,\"relation\":\"gte\"},\"hits\":["
		"{\"_id\":\"a1\",\"_index\":\"idx-1\",\"sort\":[1700000000000,\"u1\"],\"_source\":{"
		"\"@timestamp\":\"2024-01-01T00:00:00Z\",\"kibana.alert.rule.name\":\"R1\",\"kibana.alert.severity\":\"high\","
		"\"kibana.alert.risk_score\":73,\"kibana.alert.workflow_status\":\"open\","
		"\"host\":{\"name\":\"web-1\"},\"user\":{\"name\":[\"root\",\"admin\"]},"
		"\"process\":{\"name\":\"sh\",\"pid\":42,\"entity_id\":\"e1\"},\"agent\":{\"id\":\"ag1\"}}},"
		"{\"_id\":\"a2\",\"_index\":\"idx-2\",\"_source\":{\"kibana\":{\"alert\":{\"rule\":{\"name\":\"R2\"},"
		"\"risk_score\":\"21\"}}}}]}}", &err);
	assert_non_null(p);
	assert_int_equal(p->total, 12);
	assert_true(p->total_is_floor);
	assert_int_equal(p->n, 2);
	const struct alert *a = &p->alerts[0];
	assert_string_equal(a->id, "a1");
	assert_string_equal(a->index, "idx-1");
	assert_string_equal(a->rule_name, "R1");
	assert_string_equal(a->host_name, "web-1");
	assert_string_equal(a->user_name, "root");
	assert_int_equal(a->pid, 42);
	assert_string_equal(a->entity_id, "e1");
	assert_string_equal(a->agent_id, "ag1");
	assert_true(a->risk_score == 73);
	assert_int_equal(json_array_size(a->sort), 2);
	const struct alert *b = &p->alerts[1];
	assert_string_equal(b->rule_name, "R2");
	assert_true(b->risk_score == 21);
	assert_null(b->host_name);
	assert_null(b->timestamp);
	assert_int_equal(b->pid, -1);
	assert_null(b->sort);
	struct record r;
	record_init(&r);
	alertfmt_record(&r, a);
	struct strbuf sb;
	strbuf_init(&sb);
	record_render(&r, &sb);
	/* Grouped: the rule's fields under Rule, the process's under Process, arrays joined. */
	char *rule = strstr(sb.buf, "\nRule\n"), *proc = strstr(sb.buf, "\nProcess\n");
	assert_non_null(rule);
	assert_non_null(proc);
	assert_non_null(strstr(rule, "kibana.alert.rule.name"));
	assert_non_null(strstr(proc, "process.entity_id"));
	assert_non_null(strstr(sb.buf, "root, admin"));
	strbuf_free(&sb);
	record_free(&r);
	kmodel_free(&alerts_page_model, p);

	p = parse_text(&alerts_page_model, "{\"hits\":{\"total\":3,\"hits\":[]}}", &err);
	assert_int_equal(p->total, 3);
	assert_false(p->total_is_floor);
	kmodel_free(&alerts_page_model, p);
}

static void test_alert_hits_broken(void **state)
{
	(void)state;
	char *err;
	assert_null(parse_text(&alerts_page_model, "{\"took\":1}", &err));
	assert_non_null(strstr(err, "\"hits\""));
	free(err);
	assert_null(parse_text(&alerts_page_model, "{\"hits\":{\"hits\":[{\"_index\":\"i\"}]}}", &err));
	assert_non_null(strstr(err, "hits.hits[0]"));
	assert_non_null(strstr(err, "_id"));
	free(err);
	assert_null(parse_text(&alerts_page_model, "{\"hits\":{\"hits\":[{\"_id\":\"x\",\"_index\":\"i\",\"_source\":[]}]}}", &err));
	assert_non_null(strstr(err, "_source"));
	free(err);
	assert_null(parse_text(&alerts_page_model, "{\"hits\":{\"total\":\"lots\",\"hits\":[]}}", &err));
	assert_non_null(strstr(err, "total"));
	free(err);
}

static void test_alert_status_result(void **state)
{
	(void)state;
	char *err;
	struct alert_status_result *s = parse_text(&alerts_status_model,
		"{\"took\":3,\"timed_out\":false,\"total\":2,\"updated\":2,\"deleted\":0,\"version_conflicts\":0,\"failures\":[]}",
		&err);
	assert_int_equal(s->updated, 2);
	assert_int_equal(s->n_failures, 0);
	kmodel_free(&alerts_status_model, s);
	assert_null(parse_text(&alerts_status_model, "{\"total\":2}", &err));
	assert_non_null(strstr(err, "updated"));
	free(err);
}

static void test_endpoints(void **state)
{
	(void)state;
	char *err;
	struct endpoint_page *p = parse_text(&endpoints_page_model,
		"{\"data\":[{\"metadata\":{\"agent\":{\"id\":\"ag1\",\"version\":\"8.14.0\"},"
		"\"host\":{\"hostname\":\"web-1\",\"ip\":[\"10.0.0.1\",\"fe80::1\"],\"os\":{\"full\":\"Ubuntu 22.04\"}},"
		"\"Endpoint\":{\"state\":{\"isolation\":true},\"policy\":{\"applied\":{\"name\":\"Protect\"}}}},"
		"\"host_status\":\"healthy\",\"last_checkin\":\"2024-01-01T00:00:00Z\"},"
		"{\"metadata\":{\"agent\":{\"id\":\"ag2\"}},\"host_status\":\"offline\"}],"
		"\"total\":2,\"page\":0,\"pageSize\":10}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 2);
	assert_string_equal(p->items[0].hostname, "web-1");
	assert_string_equal(p->items[0].ip, "10.0.0.1, fe80::1");
	assert_true(p->items[0].isolated);
	assert_string_equal(p->items[0].policy, "Protect");
	assert_null(p->items[1].hostname);
	assert_false(p->items[1].isolated);
	assert_ptr_equal(endpoints_find(p, "ag2"), &p->items[1]);
	assert_null(endpoints_find(p, "nope"));
	kmodel_free(&endpoints_page_model, p);
	assert_null(parse_text(&endpoints_page_model, "{\"data\":[{\"metadata\":{}}],\"total\":1}", &err));
	assert_non_null(strstr(err, "data[0]"));
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suspend_seed_example),
		cmocka_unit_test(test_action_pending_and_processes),
		cmocka_unit_test(test_action_broken),
		cmocka_unit_test(test_conversations_seed_example),
		cmocka_unit_test(test_conversations_broken),
		cmocka_unit_test(test_sessions_seed_example),
		cmocka_unit_test(test_alert_hits),
		cmocka_unit_test(test_alert_hits_broken),
		cmocka_unit_test(test_alert_status_result),
		cmocka_unit_test(test_endpoints),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
