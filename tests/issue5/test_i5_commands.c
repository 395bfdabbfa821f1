/* Issue 5's commands against the demo server in-process: results, then the server's state afterwards. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testenv.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/endpoints.h"
#include "cmd/cmd.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static struct testenv env;

static int setup(void **state)
{
	(void)state;
	testenv_start(&env, &(struct testenv_options){.profile = "issue5", .action_delay_ms = 300});
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	testenv_stop(&env);
	return 0;
}

/* The hits of a run's search JSON. */
static json_t *hits_of(const struct testenv_run *r)
{
	return json_object_get(json_object_get(r->json, "hits"), "hits");
}

/* The workflow status of an alert, as the server now has it. */
static char *status_of(const char *id)
{
	const char *ids[] = {id};
	struct alerts_query q = {.ids = ids, .n_ids = 1, .size = 1};
	struct worker_done *d = testenv_request(&env, alerts_search_request(&q));
	assert_int_equal(d->res.status, API_OK);
	struct alert_page *p = d->res.model;
	assert_int_equal(p->n, 1);
	char *s = xstrdup(p->alerts[0].workflow_status);
	worker_done_free(d);
	return s;
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

static void test_alerts_filters_and_limit(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "alerts --status open --severity critical --limit 7");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 7);
	json_t *hits = hits_of(&r);
	assert_int_equal(json_array_size(hits), 7);
	size_t i;
	json_t *h;
	json_array_foreach(hits, i, h) {
		json_t *src = json_object_get(h, "_source");
		assert_string_equal(json_string_value(json_object_get(src, "kibana.alert.workflow_status")), "open");
		assert_string_equal(json_string_value(json_object_get(src, "kibana.alert.severity")), "critical");
	}
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --since 24x");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--since takes a number and a unit"));
	testenv_run_free(&r);
}

/* --all pages by keyset through every alert: all of them, once each, newest first. */
static void test_alerts_all_keyset(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --all --status closed");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *hits = hits_of(&r);
	long long total = json_integer_value(json_object_get(json_object_get(json_object_get(r.json, "hits"), "total"), "value"));
	assert_true(total > ALERTS_PAGE_SIZE);
	assert_int_equal(json_array_size(hits), total);
	json_t *seen = json_object();
	const char *prev = NULL;
	size_t i;
	json_t *h;
	json_array_foreach(hits, i, h) {
		const char *id = json_string_value(json_object_get(h, "_id"));
		assert_null(json_object_get(seen, id));
		json_object_set_new(seen, id, json_true());
		const char *ts = json_string_value(json_object_get(json_object_get(h, "_source"), "@timestamp"));
		if (prev)
			assert_true(strcmp(prev, ts) >= 0);
		prev = ts;
	}
	json_decref(seen);
	testenv_run_free(&r);
}

static void test_alert_status_bulk(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --status open --limit 3");
	json_t *hits = hits_of(&r);
	char *ids[3];
	for (size_t i = 0; i < 3; i++)
		ids[i] = xstrdup(json_string_value(json_object_get(json_array_get(hits, i), "_id")));
	testenv_run_free(&r);
	/* Batch mode refuses without --yes, and --readonly before anything is sent. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert status %s %s %s acknowledged", ids[0], ids[1], ids[2]);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "Set 3 alerts to acknowledged?"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, true, "alert status %s acknowledged --yes", ids[0]);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "read-only"));
	testenv_run_free(&r);
	char *s = status_of(ids[0]);
	assert_string_equal(s, "open");
	free(s);
	/* The order: ids, then the status. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert status %s %s %s acknowledged --yes", ids[0], ids[1], ids[2]);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_string_equal(r.message, "3 alerts set to acknowledged.");
	assert_int_equal(json_integer_value(json_object_get(r.json, "updated")), 3);
	testenv_run_free(&r);
	for (size_t i = 0; i < 3; i++) {
		s = status_of(ids[i]);
		assert_string_equal(s, "acknowledged");
		free(s);
	}
	/* Or by --status. */
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert status %s --status closed --yes", ids[0]);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	s = status_of(ids[0]);
	assert_string_equal(s, "closed");
	free(s);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert status %s closed --status open --yes", ids[1]);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "given twice"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert status %s --yes", ids[1]);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "which status?"));
	testenv_run_free(&r);
	char *log = testenv_audit(&env);
	assert_non_null(strstr(log, "\"command\":\"alert status\""));
	assert_non_null(strstr(log, ids[2]));
	free(log);
	for (size_t i = 0; i < 3; i++)
		free(ids[i]);
}

/* More alerts than one signals/status request takes: split, and every one changed. */
static void test_alert_status_no_cap(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --status open --limit 1200");
	json_t *hits = hits_of(&r);
	size_t n = json_array_size(hits);
	assert_true(n > ALERTS_STATUS_CHUNK);
	struct strbuf line;
	strbuf_init(&line);
	strbuf_puts(&line, "alert status");
	size_t i;
	json_t *h;
	json_array_foreach(hits, i, h)
		strbuf_printf(&line, " %s", json_string_value(json_object_get(h, "_id")));
	char *first = xstrdup(json_string_value(json_object_get(json_array_get(hits, 0), "_id")));
	char *last = xstrdup(json_string_value(json_object_get(json_array_get(hits, n - 1), "_id")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "%s closed --yes", line.buf);
	strbuf_free(&line);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	char *want = xasprintf("%zu alerts set to closed.", n);
	assert_string_equal(r.message, want);
	free(want);
	/* Two requests went out; --json shows both answers. */
	assert_int_equal(json_array_size(r.json), 2);
	testenv_run_free(&r);
	char *s = status_of(first);
	assert_string_equal(s, "closed");
	free(s);
	s = status_of(last);
	assert_string_equal(s, "closed");
	free(s);
	free(first);
	free(last);
}

static void test_alert_attach_new_case(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --status open --limit 2");
	json_t *hits = hits_of(&r);
	char *a0 = xstrdup(json_string_value(json_object_get(json_array_get(hits, 0), "_id")));
	char *a1 = xstrdup(json_string_value(json_object_get(json_array_get(hits, 1), "_id")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert attach %s %s", a0, a1);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--new-case"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false,
			"alert attach %s no-such-alert --new-case 'Beaconing «ñ»' --yes", a0);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "no-such-alert"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert attach %s %s --new-case 'Beaconing «ñ»' --yes", a0, a1);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_non_null(strstr(r.message, "Attached 2 alerts"));
	testenv_run_free(&r);
	/* The server now lists the new case for each alert. */
	const char *ids[] = {a0, a1};
	for (size_t i = 0; i < 2; i++) {
		struct worker_done *d = testenv_request(&env, cases_of_alert_request(ids[i]));
		assert_int_equal(d->res.status, API_OK);
		struct cases_of_alert_list *l = d->res.model;
		bool found = false;
		for (size_t k = 0; k < l->n; k++)
			found |= l->items[k].title && !strcmp(l->items[k].title, "Beaconing «ñ»");
		assert_true(found);
		worker_done_free(d);
	}
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert cases %s", a0);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_true(r.rows >= 1);
	testenv_run_free(&r);
	free(a0);
	free(a1);
}

static void test_conversations(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "conversations --per-page 5 --sort-field title --sort-order asc");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *data = json_object_get(r.json, "data");
	assert_int_equal(json_array_size(data), 5);
	const char *t0 = json_string_value(json_object_get(json_array_get(data, 0), "title"));
	const char *t4 = json_string_value(json_object_get(json_array_get(data, 4), "title"));
	assert_true(strcmp(t0, t4) <= 0);
	char *id = xstrdup(json_string_value(json_object_get(json_array_get(data, 0), "id")));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversation show %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_string_equal(json_string_value(json_object_get(r.json, "id")), id);
	assert_true(json_array_size(json_object_get(r.json, "messages")) > 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversation show no-such-conversation");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "404"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "conversations --per-page 0");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	free(id);
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

	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint processes --endpoint %s --comment 'i5 test' --yes", ep);
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
			"endpoint suspend --endpoint %s --entity-id %s --comment 'i5 test' --yes", ep, entity);
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

static void test_sessions(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --username bob --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--provider-type"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "--yes"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, true, "sessions invalidate --all --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type basic --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	long long basic = json_integer_value(json_object_get(r.json, "total"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --provider-type basic --yes");
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	long long rest = json_integer_value(json_object_get(r.json, "total"));
	assert_true(basic + rest > 0);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "sessions invalidate --all --yes");
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	assert_string_equal(r.message, "Invalidated 0 sessions: every session of every user (you are logged out too).");
	testenv_run_free(&r);
	char *log = testenv_audit(&env);
	assert_non_null(strstr(log, "\"command\":\"sessions invalidate\""));
	free(log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alerts_filters_and_limit),
		cmocka_unit_test(test_alerts_all_keyset),
		cmocka_unit_test(test_alert_status_bulk),
		cmocka_unit_test(test_alert_status_no_cap),
		cmocka_unit_test(test_alert_attach_new_case),
		cmocka_unit_test(test_conversations),
		cmocka_unit_test(test_endpoint_suspend),
		cmocka_unit_test(test_endpoint_isolate_release),
		cmocka_unit_test(test_endpoints_list),
		cmocka_unit_test(test_sessions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
