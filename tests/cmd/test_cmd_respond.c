/* Response actions on endpoints (cmd_respond.c) against the demo server in-process: what each refuses before
 * sending, what its confirmation names, what it sends, and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/actions.h"
#include "api/endpoints.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test", .action_delay_ms = 300});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

/* An endpoint that can take actions: a healthy Defend host. */
static char *healthy_endpoint(void)
{
	const char *st[] = {"healthy"};
	struct endpoints_query q = {.page = 0, .page_size = 1, .statuses = st, .n_statuses = 1};
	struct worker_done *d = testenv_request(&env, endpoints_list_request(&q));
	assert_int_equal(d->res.status, API_OK);
	struct endpoint_page *p = d->res.model;
	assert_true(p->n == 1);
	char *id = xstrdup(p->items[0].agent_id);
	worker_done_free(d);
	return id;
}

/* Wait (bounded) until an action is no longer pending; its final state. */
static struct response_action *action_final(const char *id)
{
	for (int i = 0; i < 100; i++) {
		struct worker_done *d = testenv_request(&env, actions_get_request(id));
		assert_int_equal(d->res.status, API_OK);
		struct response_action *a = d->res.model;
		if (a->is_completed) {
			d->res.model = NULL;
			worker_done_free(d);
			return a;
		}
		worker_done_free(d);
		struct timespec ts = {0, 100 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	fail_msg("action %s still pending after 10 seconds", id);
	return NULL;
}

/* Suspend a process: validation first, then the action is created, pending, and later successful. */
static void test_endpoint_suspend(void **state)
{
	(void)state;
	char *ep = healthy_endpoint();
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint suspend --endpoint %s --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--pid <n> or --entity-id"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint suspend --endpoint %s --pid 1 --entity-id x --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint suspend --endpoint '' --pid 1 --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint suspend --endpoint no-such-endpoint --pid 1 --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "nothing was sent"));
	testenv_run_free(&r);
	/* The confirmation names the host, looked up by its id. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint processes --endpoint %s", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "Ask "));
	assert_null(strstr(r.error, ep));
	testenv_run_free(&r);

	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint processes --endpoint %s --comment 'a test' --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	const char *procs_id = json_string_value(json_object_get(json_object_get(r.json, "data"), "id"));
	char *pid = xstrdup(procs_id);
	testenv_run_free(&r);
	struct response_action *procs = action_final(pid);
	assert_true(procs->was_successful);
	struct action_process_list *l = actions_processes(procs);
	assert_true(l->n > 0);
	char *entity = xstrdup(l->items[0].entity_id);
	actions_processes_free(l);
	kmodel_free(&actions_action_model, procs);

	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"endpoint suspend --endpoint %s --entity-id %s --comment 'a test' --yes", ep, entity);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_string_equal(json_string_value(json_object_get(data, "command")), "suspend-process");
	assert_false(json_is_true(json_object_get(data, "isCompleted")));
	char *aid = xstrdup(json_string_value(json_object_get(data, "id")));
	assert_non_null(strstr(r.message, aid));
	testenv_run_free(&r);
	struct response_action *a = action_final(aid);
	assert_true(a->was_successful);
	assert_string_equal(a->status, "successful");
	assert_string_equal(json_string_value(json_object_get(a->parameters, "entity_id")), entity);
	kmodel_free(&actions_action_model, a);
	/* It is in the history, and the audit log has its id. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "actions --command suspend-process --agent %s", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *list = json_dumps(r.json, 0);
	assert_non_null(strstr(list, aid));
	free(list);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action show %s", aid);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	char *log = testenv_audit(&env);
	char *want = xasprintf("\"result_id\":\"%s\"", aid);
	assert_non_null(strstr(log, want));
	free(want);
	free(log);
	free(aid);
	free(entity);
	free(pid);
	free(ep);
}

static void test_endpoint_isolate_release(void **state)
{
	(void)state;
	char *ep = healthy_endpoint();
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint isolate --endpoint %s --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *id = xstrdup(json_string_value(json_object_get(json_object_get(r.json, "data"), "id")));
	testenv_run_free(&r);
	struct response_action *a = action_final(id);
	assert_true(a->was_successful);
	kmodel_free(&actions_action_model, a);
	free(id);
	struct worker_done *d = testenv_request(&env, endpoints_lookup_request(ep));
	const struct endpoint_host *h = endpoints_find(d->res.model, ep);
	assert_non_null(h);
	assert_true(h->isolated);
	worker_done_free(d);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint release --endpoint %s --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	id = xstrdup(json_string_value(json_object_get(json_object_get(r.json, "data"), "id")));
	testenv_run_free(&r);
	a = action_final(id);
	kmodel_free(&actions_action_model, a);
	free(id);
	d = testenv_request(&env, endpoints_lookup_request(ep));
	h = endpoints_find(d->res.model, ep);
	assert_false(h->isolated);
	worker_done_free(d);
	r = testenv_cmd(&env, TESTENV_BATCH, true, "endpoint isolate --endpoint %s --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "read-only"));
	testenv_run_free(&r);
	free(ep);
}


/* The id of the action a command created (caller frees). */
static char *created_id(const struct testenv_run *r)
{
	return xstrdup(json_string_value(json_object_get(json_object_get(r->json, "data"), "id")));
}

/* Run a response command with --yes and wait for its action to end. */
static struct response_action *act(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static struct response_action *act(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *line = xvasprintf(fmt, ap);
	va_end(ap);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "%s --yes", line);
	if (r.exit_code != CMD_EXIT_OK)
		fail_msg("%s: %s", line, r.error ? r.error : "(no message)");
	char *id = created_id(&r);
	testenv_run_free(&r);
	struct response_action *a = action_final(id);
	free(id);
	free(line);
	return a;
}

/* The host name of an endpoint (caller frees). */
static char *host_name(const char *ep)
{
	struct worker_done *d = testenv_request(&env, endpoints_get_request(ep));
	assert_int_equal(d->res.status, API_OK);
	char *name = xstrdup(((struct endpoint_host *)d->res.model)->hostname);
	worker_done_free(d);
	return name;
}

/* Kill names the process as "name (pid N)" from the host's last process list; then it is gone. */
static void test_endpoint_kill(void **state)
{
	(void)state;
	char *ep = healthy_endpoint(), *host = host_name(ep);
	struct response_action *a = act("endpoint processes --endpoint %s", ep);
	struct action_process_list *l = actions_processes(a);
	assert_true(l->n > 1);
	char *pid = xstrdup(l->items[1].pid), *name = actions_process_name(l->items[1].command);
	actions_processes_free(l);
	kmodel_free(&actions_action_model, a);
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false, "endpoint kill --endpoint %s --pid %s --comment 'stop it'",
					   ep, pid);
	char *want = xasprintf("Kill %s (pid %s) on %s? It cannot be undone. Comment: \"stop it\".", name, pid, host);
	assert_string_equal(r.question, want);
	free(want);
	testenv_run_free(&r);
	/* A pid no process list names is said so. */
	r = testenv_cmd(&env, TESTENV_NO, false, "endpoint kill --endpoint %s --pid 999999", ep);
	assert_non_null(strstr(r.question, "the process with pid 999999 (no process list on the host names it)"));
	assert_non_null(strstr(r.question, "No comment."));
	testenv_run_free(&r);
	a = act("endpoint kill --endpoint %s --pid %s", ep, pid);
	assert_true(a->was_successful);
	assert_string_equal(a->command, "kill-process");
	kmodel_free(&actions_action_model, a);
	a = act("endpoint processes --endpoint %s", ep);
	l = actions_processes(a);
	for (size_t i = 0; i < l->n; i++)
		assert_string_not_equal(l->items[i].pid, pid);
	actions_processes_free(l);
	kmodel_free(&actions_action_model, a);
	/* Only the agent types Kibana kills on are offered; SentinelOne kills by name only. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint kill --endpoint %s --pid 5 --agent-type crowdstrike --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "agent-type must be one of endpoint, sentinel_one"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint kill --endpoint %s --pid 5 --agent-type sentinel_one --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "by name only"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint suspend --endpoint %s --pid 5 --agent-type sentinel_one --yes",
			ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "Elastic Defend (endpoint) only"));
	testenv_run_free(&r);
	free(name);
	free(pid);
	free(host);
	free(ep);
}

/* get-file: the question names the path; its zip is saved, unopened, with Kibana's password said. */
static void test_endpoint_get_file_and_download(void **state)
{
	(void)state;
	char *ep = healthy_endpoint(), *host = host_name(ep);
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false, "endpoint get-file --endpoint %s --path /etc/hosts", ep);
	char *want = xasprintf("Retrieve /etc/hosts from %s? Kibana keeps it as a password-protected zip. No comment.", host);
	assert_string_equal(r.question, want);
	free(want);
	testenv_run_free(&r);
	struct response_action *a = act("endpoint get-file --endpoint %s --path '%s'", ep, "C:\\Users\\Public\\odu.exe");
	assert_true(a->was_successful);
	char dir[] = "/tmp/kt-download-XXXXXX";
	assert_non_null(mkdtemp(dir));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action files %s", a->id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 1);
	assert_non_null(strstr(r.text, "odu.exe.zip"));
	assert_non_null(strstr(r.text, "READY"));
	assert_non_null(strstr(r.message, "zip password: elastic"));
	testenv_run_free(&r);
	/* -o into a folder: the zip keeps Kibana's name; a second save never overwrites. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action download %s -o %s", a->id, dir);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_non_null(strstr(r.message, "password-protected zip"));
	assert_non_null(strstr(r.message, "zip password: elastic"));
	testenv_run_free(&r);
	char *saved = xasprintf("%s/odu.exe.zip", dir);
	FILE *f = fopen(saved, "rb");
	assert_non_null(f);
	char magic[4];
	assert_int_equal(fread(magic, 1, 4, f), 4);
	fclose(f);
	assert_memory_equal(magic, "PK\3\4", 4);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action download %s %s.%s --output %s", a->id, a->id, ep, saved);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "already exists"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action download %s no-such-file -o %s", a->id, dir);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "has no file no-such-file"));
	testenv_run_free(&r);
	unlink(saved);
	rmdir(dir);
	free(saved);
	kmodel_free(&actions_action_model, a);
	/* An action that leaves no file says so. */
	a = act("endpoint scan --endpoint %s --path '%s'", ep, "C:\\Users");
	r = testenv_cmd(&env, TESTENV_BATCH, false, "action download %s", a->id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "scan actions leave no files"));
	testenv_run_free(&r);
	kmodel_free(&actions_action_model, a);
	free(host);
	free(ep);
}

/* execute: a shell command and a timeout in seconds; its output comes back. */
static void test_endpoint_execute(void **state)
{
	(void)state;
	char *ep = healthy_endpoint(), *host = host_name(ep);
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false,
					   "endpoint execute --endpoint %s --command 'whoami /all' --timeout 90", ep);
	char *want = xasprintf("Run `whoami /all` on %s (timeout 90 s)? No comment.", host);
	assert_string_equal(r.question, want);
	free(want);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint execute --endpoint %s --command '  ' --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "must not be blank"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint execute --endpoint %s --command ls --timeout 0 --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	struct response_action *a = act("endpoint execute --endpoint %s --command %s", ep, "whoami");
	assert_true(a->was_successful);
	assert_int_equal(json_integer_value(json_object_get(a->parameters, "timeout")), 0);
	assert_string_equal(json_string_value(json_object_get(a->parameters, "command")), "whoami");
	json_t *content = json_object_get(json_object_get(a->outputs, ep), "content");
	assert_string_equal(json_string_value(json_object_get(content, "stdout")), "nt authority\\system\n");
	kmodel_free(&actions_action_model, a);
	free(host);
	free(ep);
}

/* scan: refused locally where the agent does not report the capability (here, agents before 8.15). */
static void test_endpoint_scan_capability(void **state)
{
	(void)state;
	const char *st[] = {"healthy"};
	struct endpoints_query q = {.page_size = 100, .statuses = st, .n_statuses = 1};
	struct worker_done *d = testenv_request(&env, endpoints_list_request(&q));
	const struct endpoint_page *p = d->res.model;
	const struct endpoint_host *old = NULL;
	for (size_t i = 0; i < p->n && !old; i++)
		if (!endpoints_can(&p->items[i], "scan"))
			old = &p->items[i];
	assert_non_null(old);
	if (!old)
		return;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint scan --endpoint %s --path C:\\\\ --yes",
					   old->agent_id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	char *want = xasprintf("%s runs Elastic Defend %s, which does not report the scan capability", old->hostname,
			       old->agent_version);
	assert_non_null(strstr(r.error, want));
	assert_non_null(strstr(r.error, "nothing was sent"));
	free(want);
	testenv_run_free(&r);
	/* Nothing reached Kibana: the audit log has no scan of that host. */
	char *log = testenv_audit(&env);
	want = xasprintf("\"command\":\"endpoint scan\",\"targets\":[\"%s\"]", old->agent_id);
	assert_null(strstr(log, want));
	free(want);
	free(log);
	worker_done_free(d);
}

/* upload: multipart; its question names the file, its size and digest; a second upload needs --overwrite. */
static void test_endpoint_upload(void **state)
{
	(void)state;
	char *ep = healthy_endpoint(), *host = host_name(ep);
	char path[] = "/tmp/kt-upload-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "Write-Output fixed\n", 19), 19);
	close(fd);
	const char *base = strrchr(path, '/') + 1;
	struct testenv_run r = testenv_cmd(&env, TESTENV_NO, false, "endpoint upload %s --endpoint %s --comment fix", path, ep);
	char *want = xasprintf("Upload %s (19 bytes, sha256 ", base);
	assert_non_null(strstr(r.question, want));
	free(want);
	want = xasprintf(") to %s? A file of that name already there stops it. Comment: \"fix\".", host);
	assert_non_null(strstr(r.question, want));
	free(want);
	testenv_run_free(&r);
	struct response_action *a = act("endpoint upload %s --endpoint %s", path, ep);
	assert_true(a->was_successful);
	assert_string_equal(json_string_value(json_object_get(a->parameters, "file_name")), base);
	assert_int_equal(json_integer_value(json_object_get(a->parameters, "file_size")), 19);
	kmodel_free(&actions_action_model, a);
	a = act("endpoint upload %s --endpoint %s", path, ep);
	assert_false(a->was_successful);
	kmodel_free(&actions_action_model, a);
	a = act("endpoint upload %s --endpoint %s --overwrite", path, ep);
	assert_true(a->was_successful);
	kmodel_free(&actions_action_model, a);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint upload /no/such/file --endpoint %s --yes", ep);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	unlink(path);
	free(host);
	free(ep);
}

/* Read-only mode refuses every response command before anything is looked up or sent. */
static void test_readonly_refuses_every_action(void **state)
{
	(void)state;
	static const char *const lines[] = {
		"endpoint isolate --endpoint x", "endpoint release --endpoint x", "endpoint processes --endpoint x",
		"endpoint suspend --endpoint x --pid 1", "endpoint kill --endpoint x --pid 1",
		"endpoint get-file --endpoint x --path /a", "endpoint execute --endpoint x --command id",
		"endpoint scan --endpoint x --path /a", "endpoint upload /etc/hostname --endpoint x",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		struct testenv_run r = testenv_cmd(&env, TESTENV_YES, true, "%s", lines[i]);
		assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
		assert_non_null(strstr(r.error, "read-only"));
		assert_null(r.question);
		testenv_run_free(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoint_suspend),
		cmocka_unit_test(test_endpoint_isolate_release),
		cmocka_unit_test(test_endpoint_kill),
		cmocka_unit_test(test_endpoint_get_file_and_download),
		cmocka_unit_test(test_endpoint_execute),
		cmocka_unit_test(test_endpoint_scan_capability),
		cmocka_unit_test(test_endpoint_upload),
		cmocka_unit_test(test_readonly_refuses_every_action),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
