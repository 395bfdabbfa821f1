/* Detection alerts: Elasticsearch-shaped hits as they vary, broken answers, and the status update's result. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/alerts.h"
#include "cmd/alertfmt.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Alerts vary: flat keys and nested objects, arrays, missing ECS fields, both total shapes. */
static void test_alert_hits(void **state)
{
	(void)state;
	char *err;
	struct alert_page *p = testjson_parse(&alerts_page_model,
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

	p = testjson_parse(&alerts_page_model, "{\"hits\":{\"total\":3,\"hits\":[]}}", &err);
	assert_int_equal(p->total, 3);
	assert_false(p->total_is_floor);
	kmodel_free(&alerts_page_model, p);
}

static void test_alert_hits_broken(void **state)
{
	(void)state;
	char *err;
	assert_null(testjson_parse(&alerts_page_model, "{\"took\":1}", &err));
	assert_non_null(strstr(err, "\"hits\""));
	free(err);
	/* A hit without an _id is a placeholder that says why; the others load, a _source of another type too. */
	struct alert_page *p = testjson_parse(&alerts_page_model,
		"{\"hits\":{\"hits\":[{\"_index\":\"i\"},{\"_id\":\"x\",\"_index\":\"i\",\"_source\":[]},"
		"{\"_id\":\"y\",\"_index\":\"i\",\"_source\":{\"kibana.alert.workflow_status\":\"in-progress\"}}]}}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 1);
	assert_string_equal(p->alerts[0].problem, "alerts search response.hits.hits[0]: required field \"_id\" is missing");
	assert_null(p->alerts[1].problem);
	assert_true(json_is_object(p->alerts[1].source));
	assert_string_equal(p->alerts[2].workflow_status, "in-progress");
	assert_int_equal(p->total, 3);
	kmodel_free(&alerts_page_model, p);
	assert_null(testjson_parse(&alerts_page_model, "{\"hits\":{\"total\":\"lots\",\"hits\":[]}}", &err));
	assert_non_null(strstr(err, "total"));
	free(err);
}

static void test_alert_status_result(void **state)
{
	(void)state;
	char *err;
	struct alert_status_result *s = testjson_parse(&alerts_status_model,
		"{\"took\":3,\"timed_out\":false,\"total\":2,\"updated\":2,\"deleted\":0,\"version_conflicts\":0,\"failures\":[]}",
		&err);
	assert_int_equal(s->updated, 2);
	assert_int_equal(s->n_failures, 0);
	kmodel_free(&alerts_status_model, s);
	/* An answer that does not say how many it updated says so: -1, never 0. */
	s = testjson_parse(&alerts_status_model, "{\"total\":2}", &err);
	assert_non_null(s);
	assert_int_equal(s->updated, -1);
	kmodel_free(&alerts_status_model, s);
}

/* The raw search and update-by-query answers of query_signals_route.ts and open_close_signals_route.ts. */
static void test_alerts_kibana(void **state)
{
	(void)state;
	struct alert_page *p = testjson_parsed(&alerts_page_model, "alerts", "signals_search_kibana.json");
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 1);
	assert_int_equal(p->total, 10000);
	assert_true(p->total_is_floor);
	assert_string_equal(p->alerts[0].rule_name, "Malware Prevention Alert");
	assert_string_equal(p->alerts[0].user_name, "svc-backup");
	assert_int_equal(p->alerts[0].pid, 4242);
	assert_int_equal(json_array_size(p->alerts[0].sort), 2);
	assert_string_equal(p->alerts[1].rule_name, "Threshold rule");
	assert_string_equal(p->alerts[1].workflow_status, "acknowledged");
	assert_int_equal(p->alerts[1].pid, 777);
	assert_non_null(strstr(p->alerts[2].problem, "\"_id\""));
	kmodel_free(&alerts_page_model, p);
	struct alert_status_result *s = testjson_parsed(&alerts_status_model, "alerts", "signals_status_kibana.json");
	assert_int_equal(s->updated, 2);
	assert_int_equal(s->version_conflicts, 1);
	assert_int_equal(s->n_failures, 1);
	kmodel_free(&alerts_status_model, s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alert_hits),
		cmocka_unit_test(test_alert_hits_broken),
		cmocka_unit_test(test_alert_status_result),
		cmocka_unit_test(test_alerts_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
