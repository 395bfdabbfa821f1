/* The alerts query evaluator: each clause form, keyset conditions, and refusals that name the clause. */
#include "config.h"
#include "ktest.h"
#include "demo/demo.h"
#include "demo/demo_alerts.h"
#include "demo/demo_data.h"
#include "demo/demo_query.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct demo_data *D;

static int setup(void **state)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = 77;
	o.alerts = 5000;
	D = demo_data_new(&o, demo_now_ms());
	demo_options_free(&o);
	return 0;
}

static int teardown(void **state)
{
	demo_data_free(D);
	return 0;
}

/* How many alerts a query (JSON text) matches; -1 when it does not compile (*err then set). */
static long count(const char *text, char **err)
{
	json_error_t je;
	json_t *q = json_loads(text, 0, &je);
	assert_non_null(q);
	char *e = NULL;
	struct demo_query *c = demo_query_compile(q, D->now_ms, &e);
	json_decref(q);
	if (err)
		*err = e;
	else
		free(e);
	if (!c)
		return -1;
	long n = 0;
	for (size_t i = 0; i < D->nalerts; i++)
		n += demo_query_match(c, D, &D->alerts[i]);
	demo_query_free(c);
	return n;
}

static long expect(bool (*pred)(const struct demo_alert *, const void *), const void *arg)
{
	long n = 0;
	for (size_t i = 0; i < D->nalerts; i++)
		n += pred(&D->alerts[i], arg);
	return n;
}

static bool is_status(const struct demo_alert *a, const void *arg)
{
	return a->status == *(const int *)arg;
}

static bool risk_over(const struct demo_alert *a, const void *arg)
{
	return a->risk > *(const int *)arg;
}

static bool newer_than(const struct demo_alert *a, const void *arg)
{
	return a->ts_ms >= *(const int64_t *)arg;
}

static void test_match_all_and_empty(void **state)
{
	assert_int_equal(count("{\"match_all\":{}}", NULL), (long)D->nalerts);
	assert_int_equal(count("{\"bool\":{}}", NULL), (long)D->nalerts);
	struct demo_query *q = demo_query_compile(NULL, 0, &(char *){NULL});
	assert_non_null(q);
	demo_query_free(q);
}

static void test_term_both_forms(void **state)
{
	int open = 0, ack = 1;
	long want = expect(is_status, &open);
	assert_true(want > 0);
	assert_int_equal(count("{\"term\":{\"kibana.alert.workflow_status\":\"open\"}}", NULL), want);
	assert_int_equal(count("{\"term\":{\"kibana.alert.workflow_status\":{\"value\":\"open\"}}}", NULL), want);
	assert_int_equal(count("{\"term\":{\"kibana.alert.workflow_status\":{\"value\":\"OPEN\",\"case_insensitive\":true}}}",
			       NULL), want);
	assert_int_equal(count("{\"term\":{\"kibana.alert.workflow_status\":\"acknowledged\"}}", NULL),
			 expect(is_status, &ack));
	/* A number on a numeric field, and the same number as text. */
	char q[256];
	snprintf(q, sizeof(q), "{\"term\":{\"process.pid\":%u}}", D->alerts[3].pid);
	long by_num = count(q, NULL);
	snprintf(q, sizeof(q), "{\"term\":{\"process.pid\":\"%u\"}}", D->alerts[3].pid);
	assert_int_equal(count(q, NULL), by_num);
	assert_true(by_num >= 1);
	/* Every field the alerts carry can be named; host.name picks that host's alerts. */
	snprintf(q, sizeof(q), "{\"term\":{\"host.name\":\"%s\"}}", D->hosts[D->alerts[0].host].hostname);
	long on_host = 0;
	for (size_t i = 0; i < D->nalerts; i++)
		on_host += D->alerts[i].host == D->alerts[0].host;
	assert_int_equal(count(q, NULL), on_host);
	snprintf(q, sizeof(q), "{\"term\":{\"agent.id\":\"%s\"}}", D->hosts[D->alerts[0].host].agent_id);
	assert_int_equal(count(q, NULL), on_host);
}

static void test_terms_and_ids(void **state)
{
	int open = 0, closed = 2;
	assert_int_equal(count("{\"terms\":{\"kibana.alert.workflow_status\":[\"open\",\"closed\"]}}", NULL),
			 expect(is_status, &open) + expect(is_status, &closed));
	char a[65], b[65], q[400];
	demo_alert_id(&D->alerts[10], a);
	demo_alert_id(&D->alerts[20], b);
	snprintf(q, sizeof(q), "{\"ids\":{\"values\":[\"%s\",\"%s\",\"no-such-id\"]}}", a, b);
	assert_int_equal(count(q, NULL), 2);
	snprintf(q, sizeof(q), "{\"terms\":{\"_id\":[\"%s\"]}}", a);
	assert_int_equal(count(q, NULL), 1);
}

static void test_range_dates_numbers_keywords(void **state)
{
	int64_t day = D->now_ms - 86400000LL;
	long want = expect(newer_than, &day);
	/* Date math is relative to the now the query is compiled with (the data's now here). */
	assert_int_equal(count("{\"range\":{\"@timestamp\":{\"gte\":\"now-24h\"}}}", NULL), want);
	assert_int_equal(count("{\"range\":{\"@timestamp\":{\"gte\":\"now-1d\"}}}", NULL), want);
	char q[256], iso[DEMO_ISO_LEN];
	snprintf(q, sizeof(q), "{\"range\":{\"@timestamp\":{\"gte\":%lld}}}", (long long)day);
	assert_int_equal(count(q, NULL), want);
	snprintf(q, sizeof(q), "{\"range\":{\"@timestamp\":{\"gte\":\"%s\"}}}", demo_iso(day, iso));
	assert_int_equal(count(q, NULL), want);
	snprintf(q, sizeof(q), "{\"range\":{\"@timestamp\":{\"lt\":\"%s\"}}}", iso);
	assert_int_equal(count(q, NULL), (long)D->nalerts - want);
	int r = 50;
	assert_int_equal(count("{\"range\":{\"kibana.alert.risk_score\":{\"gt\":50}}}", NULL), expect(risk_over, &r));
	assert_int_equal(count("{\"range\":{\"kibana.alert.risk_score\":{\"gt\":50,\"lte\":100}}}", NULL),
			 expect(risk_over, &r));
	/* uuid ranges are lexicographic: [lo, hi) of one alert's id is that alert alone or more. */
	char id[65];
	demo_alert_id(&D->alerts[7], id);
	snprintf(q, sizeof(q), "{\"range\":{\"kibana.alert.uuid\":{\"gte\":\"%s\",\"lte\":\"%s\"}}}", id, id);
	assert_int_equal(count(q, NULL), 1);
	snprintf(q, sizeof(q), "{\"range\":{\"kibana.alert.uuid\":{\"gt\":\"%s\",\"lt\":\"%s\"}}}", id, id);
	assert_int_equal(count(q, NULL), 0);
}

static void test_bool_clauses(void **state)
{
	int open = 0, ack = 1, closed = 2;
	long n_open = expect(is_status, &open), n_ack = expect(is_status, &ack), n_closed = expect(is_status, &closed);
	assert_int_equal(count("{\"bool\":{\"must_not\":[{\"term\":{\"kibana.alert.workflow_status\":\"closed\"}}]}}", NULL),
			 n_open + n_ack);
	/* should alone: at least one must match. */
	assert_int_equal(count("{\"bool\":{\"should\":[{\"term\":{\"kibana.alert.workflow_status\":\"open\"}},"
			       "{\"term\":{\"kibana.alert.workflow_status\":\"closed\"}}]}}", NULL),
			 n_open + n_closed);
	/* should next to a filter is optional (minimum_should_match 0)... */
	assert_int_equal(
		count("{\"bool\":{\"filter\":{\"match_all\":{}},\"should\":[{\"term\":{\"kibana.alert.workflow_status\":"
		      "\"open\"}}]}}",
		      NULL),
		(long)D->nalerts);
	/* ...unless asked for. */
	assert_int_equal(count("{\"bool\":{\"filter\":{\"match_all\":{}},\"minimum_should_match\":1,\"should\":[{\"term\":"
			       "{\"kibana.alert.workflow_status\":\"open\"}}]}}", NULL),
			 n_open);
	assert_int_equal(count("{\"bool\":{\"minimum_should_match\":\"2\",\"should\":["
			       "{\"term\":{\"kibana.alert.workflow_status\":\"open\"}},"
			       "{\"terms\":{\"kibana.alert.workflow_status\":[\"open\",\"closed\"]}}]}}", NULL),
			 n_open);
	assert_int_equal(count("{\"bool\":{\"must\":[{\"term\":{\"kibana.alert.workflow_status\":\"open\"}}],\"filter\":"
			       "[{\"term\":{\"kibana.alert.workflow_status\":\"closed\"}}]}}", NULL),
			 0);
}

static void test_simple_query_string(void **state)
{
	/* Every word must appear (any case) in one of the default fields. */
	const char *rule = D->rule_names[D->alerts[0].rule];
	char q[512];
	snprintf(q, sizeof(q), "{\"simple_query_string\":{\"query\":\"%s\"}}", rule);
	long n = count(q, NULL);
	long same_rule = 0;
	for (size_t i = 0; i < D->nalerts; i++)
		same_rule += D->alerts[i].rule == D->alerts[0].rule;
	assert_true(n >= same_rule && same_rule > 0);
	assert_int_equal(count("{\"simple_query_string\":{\"query\":\"zzqx-never-there ransomware\"}}", NULL), 0);
	assert_true(count("{\"simple_query_string\":{\"query\":\"zzqx-never-there RANSOMWARE\",\"default_operator\":\"or\"}}",
			  NULL) > 0);
	snprintf(q, sizeof(q), "{\"simple_query_string\":{\"query\":\"%s\",\"fields\":[\"host.name\"]}}",
		 D->hosts[D->alerts[0].host].hostname);
	long on_host = 0;
	for (size_t i = 0; i < D->nalerts; i++)
		on_host += strstr(D->hosts[D->alerts[i].host].hostname, D->hosts[D->alerts[0].host].hostname) != NULL;
	assert_int_equal(count(q, NULL), on_host);
	assert_int_equal(count("{\"simple_query_string\":{\"query\":\"\"}}", NULL), 0);
}

/* The condition a client sends for the page after cursor (ts, id) in "@timestamp desc, uuid asc" order. */
static void test_keyset_condition_selects_what_follows(void **state)
{
	size_t pivot = 123;
	const struct demo_alert *p = &D->alerts[pivot];
	char id[65], q[700];
	demo_alert_id(p, id);
	snprintf(q, sizeof(q),
		 "{\"bool\":{\"should\":[{\"range\":{\"@timestamp\":{\"lt\":%lld}}},"
		 "{\"bool\":{\"filter\":[{\"term\":{\"@timestamp\":%lld}},{\"range\":{\"kibana.alert.uuid\":{\"gt\":\"%s\"}}}]}}],"
		 "\"minimum_should_match\":1}}",
		 (long long)p->ts_ms, (long long)p->ts_ms, id);
	long want = 0;
	for (size_t i = 0; i < D->nalerts; i++) {
		char other[65];
		demo_alert_id(&D->alerts[i], other);
		want += D->alerts[i].ts_ms < p->ts_ms || (D->alerts[i].ts_ms == p->ts_ms && strcmp(other, id) > 0);
	}
	assert_int_equal(count(q, NULL), want);
}

static void assert_refused(const char *query, const char *names)
{
	char *err = NULL;
	assert_int_equal(count(query, &err), -1);
	assert_non_null(err);
	if (!strstr(err, names))
		fprintf(stderr, "message %s lacks %s\n", err, names);
	assert_non_null(strstr(err, names));
	free(err);
}

static void test_unsupported_forms_are_named(void **state)
{
	assert_refused("{\"match\":{\"host.name\":\"x\"}}", "[match]");
	assert_refused("{\"exists\":{\"field\":\"host.name\"}}", "[exists]");
	assert_refused("{\"bool\":{\"filter\":[{\"wildcard\":{\"host.name\":\"x*\"}}]}}", "[wildcard]");
	assert_refused("{\"term\":{\"no.such.field\":\"x\"}}", "no.such.field");
	assert_refused("{\"range\":{\"@timestamp\":{\"gte\":\"yesterday\"}}}", "yesterday");
	assert_refused("{\"range\":{\"@timestamp\":{\"from\":\"now\"}}}", "[from]");
	assert_refused("{\"bool\":{\"shouldnt\":[]}}", "[shouldnt]");
	assert_refused("{\"term\":{\"host.name\":\"a\"},\"terms\":{}}", "exactly one clause");
	assert_refused("{\"simple_query_string\":{\"query\":\"x\",\"fields\":[\"nope\"]}}", "nope");
}

/* Date math as Elasticsearch reads it: offsets, and rounding down to a unit in UTC. */
static void test_date_math(void **state)
{
	(void)state;
	/* 2026-11-27T21:17:14.500Z, a Friday */
	const int64_t now = 1795814234500LL;
	int64_t t;
	assert_true(demo_parse_time("now", now, &t));
	assert_int_equal(t, now);
	assert_true(demo_parse_time("now-30d/d", now, &t));
	assert_int_equal(t, now - 30 * 86400000LL - (now % 86400000LL));
	assert_true(demo_parse_time("now/h", now, &t));
	assert_int_equal(t % 3600000LL, 0);
	assert_true(now - t < 3600000LL);
	assert_true(demo_parse_time("now/w", now, &t));
	assert_int_equal(t, 1795392000000LL); /* Monday 2026-11-23T00:00:00Z */
	assert_true(demo_parse_time("now-1M", now, &t));
	assert_false(demo_parse_time("now/x", now, &t));
	assert_false(demo_parse_time("now-30x", now, &t));
	assert_false(demo_parse_time("now/dd", now, &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_math),
		cmocka_unit_test(test_match_all_and_empty),
		cmocka_unit_test(test_term_both_forms),
		cmocka_unit_test(test_terms_and_ids),
		cmocka_unit_test(test_range_dates_numbers_keywords),
		cmocka_unit_test(test_bool_clauses),
		cmocka_unit_test(test_simple_query_string),
		cmocka_unit_test(test_keyset_condition_selects_what_follows),
		cmocka_unit_test(test_unsupported_forms_are_named),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
