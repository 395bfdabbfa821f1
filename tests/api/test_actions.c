/* Response actions: the seed document's example, pending actions and their processes, broken answers, the list and
 * get requests. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/actions.h"
#include "cmd/actionfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include <stdlib.h>
#include <string.h>

static void test_suspend_seed_example(void **state)
{
	(void)state;
	json_t *j = testjson_fixture("actions", "suspend_process_200.json");
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
	struct response_action *a = testjson_parse(&actions_action_model,
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
	assert_null(testjson_parse(&actions_action_model, "{\"id\":\"x\"}", &err));
	assert_non_null(strstr(err, "\"data\""));
	free(err);
	assert_null(testjson_parse(&actions_action_model, "{\"data\":{\"command\":\"isolate\"}}", &err));
	assert_non_null(strstr(err, "response action.data: required field \"id\" is missing"));
	free(err);
	/* Only the id is required: agents as a lone string, no startedAt, a status ktriage does not know. */
	struct response_action *a = testjson_parse(&actions_action_model,
		"{\"data\":{\"id\":\"x\",\"command\":\"memory-dump\",\"agents\":\"ag1\",\"isCompleted\":true,"
		"\"wasSuccessful\":true,\"status\":\"cancelled\"}}", &err);
	assert_non_null(a);
	assert_int_equal(a->n_agents, 0);
	assert_null(a->started_at);
	assert_string_equal(a->status, "cancelled");
	assert_string_equal(a->command, "memory-dump");
	kmodel_free(&actions_action_model, a);
	/* A page: one action without an id is a placeholder, the others load. */
	struct action_page *p = testjson_parse(&actions_page_model,
		"{\"data\":[{\"command\":\"isolate\"},{\"id\":\"y\"},42],\"total\":3}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 2);
	assert_string_equal(p->items[0].problem, "response action list.data[0]: required field \"id\" is missing");
	assert_string_equal(p->items[0].command, "isolate");
	assert_string_equal(p->items[1].id, "y");
	assert_string_equal(p->items[1].status, "pending");
	assert_null(p->items[1].problem);
	assert_non_null(strstr(p->items[2].problem, "expected an object"));
	kmodel_free(&actions_page_model, p);
	/* What the list pages by must be there. */
	assert_null(testjson_parse(&actions_page_model, "{\"data\":[]}", &err));
	assert_non_null(strstr(err, "\"total\""));
	free(err);
	p = testjson_parse(&actions_page_model, "{\"data\":[],\"total\":0,\"page\":null}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 0);
	kmodel_free(&actions_page_model, p);
}

static void test_list_and_get_requests(void **state)
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
}

/* The list as list_handler.ts sends it (tests/fixtures/actions/README.md). */
static void test_actions_kibana(void **state)
{
	(void)state;
	struct action_page *p = testjson_parsed(&actions_page_model, "actions", "actions_list_kibana.json");
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 1);
	char *hosts = actions_hosts_text(&p->items[0]);
	assert_string_equal(hosts, "WIN-01");
	free(hosts);
	assert_string_equal(p->items[0].status, "successful");
	/* A command newer than ktriage's list and another agent type are kept; no status: still pending. */
	assert_string_equal(p->items[1].command, "runscript");
	assert_string_equal(p->items[1].agent_type, "sentinel_one");
	assert_string_equal(p->items[1].status, "pending");
	hosts = actions_hosts_text(&p->items[1]);
	assert_string_equal(hosts, "s1-agent-7");
	free(hosts);
	assert_non_null(strstr(p->items[2].problem, "required field \"id\" is missing"));
	kmodel_free(&actions_page_model, p);
}

/* The files an action leaves: which commands have them, their ids, their info, the zip password. */
static void test_files(void **state)
{
	(void)state;
	assert_true(actions_has_files("get-file", NULL));
	assert_true(actions_has_files("execute", "endpoint"));
	assert_true(actions_has_files("get-file", "sentinel_one"));
	assert_true(actions_has_files("running-processes", "sentinel_one"));
	assert_false(actions_has_files("running-processes", "endpoint"));
	assert_false(actions_has_files("execute", "sentinel_one"));
	assert_false(actions_has_files("isolate", NULL));
	char id_act[] = "act", ag[] = "ag-1", endpoint[] = "endpoint", s1[] = "sentinel_one";
	char *agents[] = {ag};
	struct response_action a = {.id = id_act, .agents = agents, .n_agents = 1, .agent_type = endpoint};
	char *id = actions_file_id(&a, "ag-1");
	assert_string_equal(id, "act.ag-1");
	free(id);
	a.agent_type = s1;
	id = actions_file_id(&a, "ag-1");
	assert_string_equal(id, "ag-1");
	free(id);
	struct api_request *req = actions_file_info_request("a/1", "a/1.b");
	assert_string_equal(req->path, "/api/endpoint/action/a%2F1/file/a%2F1.b");
	assert_ptr_equal(req->model, &actions_file_model);
	api_request_free(req);
	req = actions_file_download_request("a1", "a1.b");
	assert_string_equal(req->path, "/api/endpoint/action/a1/file/a1.b/download");
	assert_null(req->model);
	api_request_free(req);
	char *err = NULL;
	struct action_file *f = testjson_parse(&actions_file_model,
		"{\"data\":{\"id\":\"a1.b\",\"name\":\"upload.zip\",\"mimeType\":\"application/zip\",\"size\":1024,"
		"\"status\":\"READY\",\"created\":\"2024-05-02T10:11:12.000Z\",\"actionId\":\"a1\",\"agentId\":\"b\","
		"\"agentType\":\"endpoint\"}}", &err);
	assert_non_null(f);
	assert_string_equal(f->name, "upload.zip");
	assert_string_equal(f->status, "READY");
	assert_int_equal(f->size, 1024);
	kmodel_free(&actions_file_model, f);
	f = testjson_parse(&actions_file_model, "{\"data\":{\"id\":\"x\",\"name\":\"n\",\"status\":\"READY\"}}", &err);
	assert_non_null(f);
	assert_int_equal(f->size, -1);
	kmodel_free(&actions_file_model, f);
	assert_null(testjson_parse(&actions_file_model, "{\"data\":{\"id\":\"x\"}}", &err));
	assert_non_null(strstr(err, "name"));
	free(err);
	assert_string_equal(actions_zip_password(NULL), "elastic");
	assert_string_equal(actions_zip_password("endpoint"), "elastic");
	assert_string_equal(actions_zip_password("sentinel_one"), "Elastic@123");
	assert_null(actions_zip_password("crowdstrike"));
}

static void test_process_name(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -w hidden", "powershell.exe"},
		{"\"C:\\Program Files\\App\\app.exe\" --flag", "app.exe"},
		{"/usr/sbin/sshd -D", "sshd"},
		{"bash", "bash"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *n = actions_process_name(cases[i][0]);
		assert_string_equal(n, cases[i][1]);
		free(n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suspend_seed_example),
		cmocka_unit_test(test_action_pending_and_processes),
		cmocka_unit_test(test_action_broken),
		cmocka_unit_test(test_list_and_get_requests),
		cmocka_unit_test(test_actions_kibana),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_process_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
