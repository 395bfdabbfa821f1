/* alert status and alert attach (cmd_alert_edit.c) against the demo server in-process: results, what they ask, and
 * the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "cmd/cmd.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
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

static void test_alert_status_bulk(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --status open --limit 3");
	json_t *hits = testenv_hits(&r);
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
	/* The order the command documents: ids, then the status. */
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

/* Kibana answers 200 but updated only some (version conflicts): not a success, in the exit code, the message and the
 * audit log alike. */
static void test_alert_status_partial_is_a_failure(void **state)
{
	(void)state;
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){
							    "partial-bulk@/api/detection_engine/signals/status", NULL}});
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "alerts --status open --limit 3");
	json_t *hits = testenv_hits(&r);
	char *ids[3];
	for (size_t i = 0; i < 3; i++)
		ids[i] = xstrdup(json_string_value(json_object_get(json_array_get(hits, i), "_id")));
	testenv_run_free(&r);
	r = testenv_cmd(&e, TESTENV_BATCH, false, "alert status %s %s %s closed --yes", ids[0], ids[1], ids[2]);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "Asked to set 3 alerts to closed; Kibana updated 1 of 3 (2 version conflicts, "
					"0 failures): the others were not changed."));
	testenv_run_free(&r);
	char *log = testenv_audit(&e);
	assert_non_null(strstr(log, "\"outcome\":\"partial: Kibana did 1 of 3 (2 version conflicts, 0 failures)\""));
	assert_non_null(strstr(log, "\"asked\":3,\"done\":1,\"conflicts\":2,\"failures\":0"));
	assert_null(strstr(log, "\"outcome\":\"ok\""));
	free(log);
	/* One alert, none updated: "nothing was changed". */
	r = testenv_cmd(&e, TESTENV_BATCH, false, "alert status %s open --yes", ids[0]);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "Kibana updated 0 of 1 (1 version conflict, 0 failures): nothing was changed."));
	testenv_run_free(&r);
	log = testenv_audit(&e);
	assert_non_null(strstr(log, "\"outcome\":\"not done: Kibana did 0 of 1"));
	free(log);
	for (size_t i = 0; i < 3; i++)
		free(ids[i]);
	testenv_stop(&e);
}

/* More alerts than one signals/status request takes: split, and every one changed. */
static void test_alert_status_no_cap(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --status open --limit 1200");
	json_t *hits = testenv_hits(&r);
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
	json_t *hits = testenv_hits(&r);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alert_status_bulk),
		cmocka_unit_test(test_alert_status_no_cap),
		cmocka_unit_test(test_alert_status_partial_is_a_failure),
		cmocka_unit_test(test_alert_attach_new_case),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
