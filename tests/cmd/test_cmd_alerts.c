/* The alerts command (cmd_alerts.c) against the demo server in-process: results, what they ask, and the server's
 * state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "cmd/batch.h"
#include "cmd/cmd.h"
#include "testutil.h"
#include <unistd.h>
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

static void test_alerts_filters_and_limit(void **state)
{
	(void)state;
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false,
					   "alerts --status open --severity critical --limit 7");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 7);
	json_t *hits = testenv_hits(&r);
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
	json_t *hits = testenv_hits(&r);
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

/* A server that answers the same page whatever cursor is asked for: --all stops at the second, saying why. */
static void test_alerts_all_stops_on_a_repeated_page(void **state)
{
	(void)state;
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){
							    "repeat-page@/api/detection_engine/signals/search", NULL}});
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "alerts --all");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "same page again"));
	assert_non_null(strstr(r.error, "stopped after 2 pages"));
	testenv_run_free(&r);
	testenv_stop(&e);
}

/* A server whose pages never end: --all stops at the first whole-fetch limit it passes, naming it. */
static void test_alerts_all_stops_at_the_limits(void **state)
{
	(void)state;
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){
							    "endless-pages@/api/detection_engine/signals/search", NULL}});
	static const struct {
		long pages, rows;
		size_t bytes;
		const char *want;
	} limits[] = {
		{0, 250, 0, "more than 250 rows came in (the max_rows limit"},
		{3, 0, 0, "more than 3 pages came in (the max_pages limit"},
		{0, 0, (size_t)1 << 20, "more than 1 MiB came in (the max_fetch_mb limit"},
	};
	for (size_t i = 0; i < sizeof(limits) / sizeof(*limits); i++) {
		e.p.fetch.pages = limits[i].pages;
		e.p.fetch.rows = limits[i].rows;
		e.p.fetch.bytes = limits[i].bytes;
		struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "alerts --all");
		assert_int_equal(r.exit_code, CMD_EXIT_API);
		if (!strstr(r.error, limits[i].want))
			fail_msg("got \"%s\", want \"%s\"", r.error, limits[i].want);
		testenv_run_free(&r);
	}
	testenv_stop(&e);
}

/* An Elasticsearch unsigned_long no int64 holds, in one alert: every alert is shown, that field as its text. */
static void test_alerts_with_an_unsigned_long_field(void **state)
{
	(void)state;
	struct testenv e;
	testenv_start(&e, &(struct testenv_options){.faults = (const char *const[]){
							    "unsigned-long@/api/detection_engine/signals/search", NULL}});
	struct testenv_run r = testenv_cmd(&e, TESTENV_BATCH, false, "alerts --limit 5");
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_int_equal(r.rows, 5);
	json_t *src = json_object_get(json_array_get(testenv_hits(&r), 0), "_source");
	assert_string_equal(json_string_value(json_object_get(src, "kt.unsigned_long")), "18446744073709551615");
	testenv_run_free(&r);
	testenv_stop(&e);
}

/* A batch run (ktriage -c) with its stdout read back; the exit code must be 0. */
static char *batch_out(const char *line)
{
	char path[] = "/tmp/kt-alerts-out-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stdout);
	int so = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	struct batch_options o = {.profile = &env.p, .quiet = true};
	int rc = batch_run(&o, line);
	fflush(stdout);
	dup2(so, STDOUT_FILENO);
	close(so);
	close(fd);
	char *out = testutil_read_file(path, NULL);
	unlink(path);
	if (rc)
		fail_msg("%s: exit %d", line, rc);
	return out;
}

/* In batch, --all's pages are written as they come: one search response of every hit, or one hit per line. */
static void test_alerts_all_batch_json_and_ndjson(void **state)
{
	(void)state;
	char *out = batch_out("alerts --all --status closed --json");
	json_error_t e;
	json_t *doc = json_loads(out, 0, &e);
	if (!doc)
		fail_msg("not one JSON document: %s", e.text);
	free(out);
	json_t *hits = json_object_get(json_object_get(doc, "hits"), "hits");
	long long total = json_integer_value(json_object_get(json_object_get(json_object_get(doc, "hits"), "total"), "value"));
	assert_true(total > 0);
	assert_int_equal(json_array_size(hits), total);
	assert_non_null(json_object_get(doc, "_shards"));
	out = batch_out("alerts --all --status closed --ndjson");
	size_t lines = 0;
	for (char *p = out, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
		json_t *h = json_loadb(p, (size_t)(nl - p), 0, &e);
		assert_string_equal(json_string_value(json_object_get(h, "_id")),
				    json_string_value(json_object_get(json_array_get(hits, lines), "_id")));
		json_decref(h);
	}
	assert_int_equal(lines, total);
	free(out);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alerts_filters_and_limit),
		cmocka_unit_test(test_alerts_all_keyset),
		cmocka_unit_test(test_alerts_all_stops_on_a_repeated_page),
		cmocka_unit_test(test_alerts_all_stops_at_the_limits),
		cmocka_unit_test(test_alerts_with_an_unsigned_long_field),
		cmocka_unit_test(test_alerts_all_batch_json_and_ndjson),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
