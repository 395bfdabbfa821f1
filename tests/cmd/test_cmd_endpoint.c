/* Endpoints and their response actions (cmd_endpoint.c, with the actions they leave) against the demo server
 * in-process: results, what they ask, and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/actions.h"
#include "api/endpoints.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static void test_endpoints_list(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --status healthy --per-page 3");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_true(json_array_size(data) <= 3);
	size_t i;
	json_t *h;
	json_array_foreach(data, i, h)
		assert_string_equal(json_string_value(json_object_get(h, "host_status")), "healthy");
	testenv_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoint_suspend),
		cmocka_unit_test(test_endpoint_isolate_release),
		cmocka_unit_test(test_endpoints_list),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
