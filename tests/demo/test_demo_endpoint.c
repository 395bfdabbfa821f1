/* Alerts search and status, AI conversations, endpoint metadata and response actions over HTTP. */
#include "config.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static json_t *search(const char *body)
{
	json_t *r = NULL;
	long st = dt_json(dt_server, "POST", "/api/detection_engine/signals/search", body, &r);
	if (st != 200)
		fprintf(stderr, "search %s -> %ld\n", body, st);
	assert_int_equal(st, 200);
	return r;
}

static void test_search_shape_sort_aggs(void **state)
{
	json_t *r = search("{\"size\":3,\"track_total_hits\":true,\"sort\":[{\"kibana.alert.risk_score\":\"desc\"},"
			   "{\"@timestamp\":{\"order\":\"asc\"}}],\"_source\":[\"kibana.alert.*\",\"host.name\"],"
			   "\"aggs\":{\"by_status\":{\"terms\":{\"field\":\"kibana.alert.workflow_status\"}}}}");
	assert_false(json_is_true(json_object_get(r, "timed_out")));
	assert_int_equal(dt_int(json_object_get(r, "_shards"), "failed"), 0);
	json_t *hits = json_object_get(r, "hits");
	assert_int_equal(dt_int(json_object_get(hits, "total"), "value"), 1500);
	assert_string_equal(dt_str(json_object_get(hits, "total"), "relation"), "eq");
	assert_true(json_is_null(json_object_get(hits, "max_score")));
	json_t *h0 = json_array_get(json_object_get(hits, "hits"), 0), *h1 = json_array_get(json_object_get(hits, "hits"), 1);
	assert_string_equal(dt_str(h0, "_index"), ".internal.alerts-security.alerts-default-000001");
	json_t *src = json_object_get(h0, "_source");
	assert_string_equal(dt_str(h0, "_id"), dt_str(src, "kibana.alert.uuid"));
	assert_non_null(json_object_get(json_object_get(src, "host"), "name"));
	assert_null(json_object_get(src, "process"));
	json_t *s0 = json_object_get(h0, "sort"), *s1 = json_object_get(h1, "sort");
	assert_int_equal(json_array_size(s0), 2);
	assert_true(json_integer_value(json_array_get(s0, 0)) >= json_integer_value(json_array_get(s1, 0)));
	json_t *buckets = json_object_get(json_object_get(json_object_get(r, "aggregations"), "by_status"), "buckets");
	json_int_t sum = 0;
	size_t i;
	json_t *b;
	json_array_foreach(buckets, i, b) {
		sum += dt_int(b, "doc_count");
		assert_non_null(dt_str(b, "key"));
	}
	assert_int_equal(sum, 1500);
	json_decref(r);
	/* Default sort: @timestamp desc; sort values mirror it. */
	r = search("{\"size\":2}");
	hits = json_object_get(json_object_get(r, "hits"), "hits");
	assert_true(json_integer_value(json_array_get(json_object_get(json_array_get(hits, 0), "sort"), 0)) >=
		    json_integer_value(json_array_get(json_object_get(json_array_get(hits, 1), "sort"), 0)));
	json_decref(r);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/detection_engine/signals/search", "{\"size\":10001}", &err),
			 400);
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "POST", "/api/detection_engine/signals/search",
				 "{\"query\":{\"match\":{\"a\":\"b\"}}}", &err),
			 400);
	assert_non_null(strstr(dt_str(err, "message"), "[match]"));
	assert_int_equal(dt_int(err, "status_code"), 400);
	json_decref(err);
}

/* Page through every alert with keyset conditions, as the ktriage client does. */

static void test_search_keyset_paging_covers_all(void **state)
{
	json_int_t last_ts = 0;
	char last_id[80] = "";
	size_t seen = 0;
	json_t *ids = json_object();
	for (int page = 0; page < 100; page++) {
		char *body;
		if (!*last_id)
			body = dt_fmt("{\"size\":100,\"sort\":[{\"@timestamp\":\"desc\"},{\"kibana.alert.uuid\":\"asc\"}],"
				      "\"_source\":false}");
		else
			body = dt_fmt("{\"size\":100,\"sort\":[{\"@timestamp\":\"desc\"},{\"kibana.alert.uuid\":\"asc\"}],"
				      "\"_source\":false,\"query\":{\"bool\":{\"minimum_should_match\":1,\"should\":["
				      "{\"range\":{\"@timestamp\":{\"lt\":%lld}}},{\"bool\":{\"filter\":[{\"term\":{\"@timestamp\":%lld}},"
				      "{\"range\":{\"kibana.alert.uuid\":{\"gt\":\"%s\"}}}]}}]}}}",
				      (long long)last_ts, (long long)last_ts, last_id);
		json_t *r = search(body);
		free(body);
		json_t *hits = json_object_get(json_object_get(r, "hits"), "hits");
		size_t i;
		json_t *h;
		json_array_foreach(hits, i, h) {
			json_t *sort = json_object_get(h, "sort");
			json_int_t ts = json_integer_value(json_array_get(sort, 0));
			const char *id = json_string_value(json_array_get(sort, 1));
			assert_null(json_object_get(h, "_source"));
			assert_null(json_object_get(ids, id));
			if (seen)
				assert_true(ts < last_ts || (ts == last_ts && strcmp(id, last_id) > 0));
			json_object_set_new(ids, id, json_true());
			last_ts = ts;
			snprintf(last_id, sizeof(last_id), "%s", id);
			seen++;
		}
		size_t n = json_array_size(hits);
		json_decref(r);
		if (n < 100)
			break;
	}
	assert_int_equal(seen, 1500);
	json_decref(ids);
}

static void test_alert_status_changes_stick(void **state)
{
	json_t *r = search("{\"size\":2,\"query\":{\"term\":{\"kibana.alert.workflow_status\":\"open\"}}}");
	json_t *hits = json_object_get(json_object_get(r, "hits"), "hits");
	const char *a = dt_str(json_array_get(hits, 0), "_id"), *b = dt_str(json_array_get(hits, 1), "_id");
	char *body = dt_fmt("{\"signal_ids\":[\"%s\",\"%s\",\"unknown-id\"],\"status\":\"in-progress\"}", a, b);
	json_t *u = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/detection_engine/signals/status", body, &u), 200);
	assert_int_equal(dt_int(u, "updated"), 2);
	assert_int_equal(dt_int(u, "total"), 2);
	assert_true(json_is_array(json_object_get(u, "failures")));
	assert_non_null(json_object_get(u, "retries"));
	free(body);
	json_decref(u);
	body = dt_fmt("{\"size\":2,\"query\":{\"ids\":{\"values\":[\"%s\",\"%s\"]}}}", a, b);
	json_t *r2 = search(body);
	free(body);
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(json_object_get(r2, "hits"), "hits"), i, h) {
		/* Kibana stores in-progress as acknowledged. */
		assert_string_equal(dt_str(json_object_get(h, "_source"), "kibana.alert.workflow_status"), "acknowledged");
	}
	json_decref(r2);
	/* By query. */
	body = dt_fmt("{\"query\":{\"ids\":{\"values\":[\"%s\"]}},\"status\":\"closed\",\"conflicts\":\"proceed\"}", a);
	assert_int_equal(dt_json(dt_server, "POST", "/api/detection_engine/signals/status", body, &u), 200);
	assert_int_equal(dt_int(u, "updated"), 1);
	json_decref(u);
	free(body);
	json_decref(r);
}

static void test_ai_conversations(void **state)
{
	json_t *f = dt_get(dt_server,
		"/api/security_ai_assistant/current_user/conversations/_find?per_page=50&sort_field=title&sort_order=asc");
	assert_int_equal(dt_int(f, "total"), 40);
	assert_int_equal(dt_int(f, "perPage"), 50);
	json_t *data = json_object_get(f, "data");
	assert_int_equal(json_array_size(data), 40);
	bool roles[3] = {false, false, false}, error = false;
	size_t i, k;
	json_t *c, *m;
	json_array_foreach(data, i, c) {
		assert_non_null(dt_str(c, "id"));
		assert_non_null(dt_str(c, "category"));
		assert_non_null(dt_str(c, "namespace"));
		assert_true(json_is_array(json_object_get(c, "users")));
		if (i)
			assert_true(strcmp(dt_str(json_array_get(data, i - 1), "title"), dt_str(c, "title")) <= 0);
		json_array_foreach(json_object_get(c, "messages"), k, m) {
			const char *role = dt_str(m, "role");
			roles[0] |= strcmp(role, "user") == 0;
			roles[1] |= strcmp(role, "assistant") == 0;
			roles[2] |= strcmp(role, "system") == 0;
			error |= json_is_true(json_object_get(m, "isError"));
			assert_non_null(dt_str(m, "timestamp"));
		}
	}
	assert_true(roles[0] && roles[1] && roles[2] && error);
	char *p = dt_fmt("/api/security_ai_assistant/current_user/conversations/%s", dt_str(json_array_get(data, 0), "id"));
	json_t *one = dt_get(dt_server, p);
	assert_string_equal(dt_str(one, "id"), dt_str(json_array_get(data, 0), "id"));
	assert_true(json_array_size(json_object_get(one, "messages")) > 0);
	assert_non_null(dt_str(json_object_get(one, "apiConfig"), "connectorId"));
	free(p);
	json_decref(one);
	json_decref(f);
	f = dt_get(dt_server,
		   "/api/security_ai_assistant/current_user/conversations/_find?filter=title:reverse%20shell");
	json_array_foreach(json_object_get(f, "data"), i, c) {
		assert_non_null(strcasestr(dt_str(c, "title"), "reverse shell"));
	}
	assert_true(dt_int(f, "total") > 0);
	json_decref(f);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/security_ai_assistant/current_user/conversations/nope", NULL, &err), 404);
	json_decref(err);
}

/* Poll an action until it leaves pending (bounded), returning its details. */

static void test_endpoint_metadata(void **state)
{
	json_t *m = dt_get(dt_server,
		"/api/endpoint/metadata?pageSize=5&page=0&sortField=metadata.host.hostname&sortDirection=asc");
	assert_int_equal(dt_int(m, "total"), 12);
	assert_int_equal(dt_int(m, "pageSize"), 5);
	assert_string_equal(dt_str(m, "sortField"), "metadata.host.hostname");
	json_t *data = json_object_get(m, "data"), *h0 = json_array_get(data, 0);
	json_t *meta = json_object_get(h0, "metadata");
	assert_non_null(dt_str(json_object_get(meta, "host"), "hostname"));
	assert_non_null(dt_str(json_object_get(json_object_get(meta, "host"), "os"), "name"));
	assert_non_null(dt_str(json_object_get(meta, "agent"), "id"));
	assert_true(json_is_boolean(
		json_object_get(json_object_get(json_object_get(meta, "Endpoint"), "state"), "isolation")));
	assert_non_null(dt_str(h0, "host_status"));
	assert_non_null(dt_str(h0, "last_checkin"));
	assert_true(json_is_object(json_object_get(h0, "policy_info")));
	json_decref(m);
	/* hostStatuses as config-schema's arrayOf reads it: repeated keys, or one JSON array. */
	m = dt_get(dt_server, "/api/endpoint/metadata?hostStatuses=offline&hostStatuses=unhealthy&pageSize=100");
	size_t i, n_repeated = json_array_size(json_object_get(m, "data"));
	json_t *h;
	assert_true(n_repeated > 0);
	json_array_foreach(json_object_get(m, "data"), i, h) {
		assert_true(strcmp(dt_str(h, "host_status"), "offline") == 0 || strcmp(dt_str(h, "host_status"), "unhealthy") == 0);
	}
	json_decref(m);
	m = dt_get(dt_server, "/api/endpoint/metadata?hostStatuses=%5B%22offline%22%2C%22unhealthy%22%5D&pageSize=100");
	assert_int_equal(json_array_size(json_object_get(m, "data")), n_repeated);
	json_decref(m);
	/* A lone bare value is refused, as Kibana refuses it; so is unenrolled, which the spec lists. */
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/metadata?hostStatuses=healthy", NULL, &err), 400);
	assert_string_equal(dt_str(err, "message"),
			    "[request query.hostStatuses]: could not parse array value from json input");
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/metadata?hostStatuses=%5B%22unenrolled%22%5D", NULL, NULL),
			 400);
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/metadata?hostStatuses=%22healthy%22", NULL, NULL), 400);
	m = dt_get(dt_server,
		   "/api/endpoint/metadata?kuery=united.endpoint.host.os.name%20%3A%20%22Linux%22&pageSize=100");
	json_array_foreach(json_object_get(m, "data"), i, h) {
		assert_string_equal(dt_str(json_object_get(json_object_get(json_object_get(h, "metadata"), "host"), "os"), "name"),
				    "Linux");
	}
	json_decref(m);
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/metadata?hostStatuses=%5B%22sleepy%22%5D", NULL, NULL),
			 400);
	/* Grouping parentheses are fine. */
	m = dt_get(dt_server, "/api/endpoint/metadata?kuery=%28united.endpoint.host.hostname%3A%2A%29%20and%20"
			      "united.endpoint.host.os.name%3A%22Linux%22&pageSize=100");
	assert_true(json_array_size(json_object_get(m, "data")) > 0);
	json_decref(m);
}

/* GET /api/endpoint/metadata/{id}: a bare HostInfo; an unknown id is 404. */
static void test_endpoint_one_host(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *p = dt_fmt("/api/endpoint/metadata/%s", agent);
	json_t *h = dt_get(dt_server, p);
	assert_null(json_object_get(h, "data"));
	assert_string_equal(dt_str(h, "host_status"), "healthy");
	json_t *meta = json_object_get(h, "metadata");
	assert_string_equal(dt_str(json_object_get(meta, "agent"), "id"), agent);
	assert_true(json_is_array(json_object_get(json_object_get(meta, "Endpoint"), "capabilities")));
	json_decref(h);
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/metadata/no-such-agent", NULL, NULL), 404);
	free(p);
	free(agent);
}

static void test_actions_history(void **state)
{
	json_t *l = dt_get(dt_server, "/api/endpoint/action?pageSize=100");
	assert_int_equal(dt_int(l, "total"), 30);
	json_t *data = json_object_get(l, "data");
	bool st[3] = {false, false, false};
	size_t i;
	json_t *a;
	json_array_foreach(data, i, a) {
		const char *s = dt_str(a, "status");
		st[0] |= strcmp(s, "pending") == 0;
		st[1] |= strcmp(s, "successful") == 0;
		st[2] |= strcmp(s, "failed") == 0;
		assert_non_null(dt_str(a, "command"));
		assert_non_null(dt_str(a, "createdBy"));
		assert_true(json_is_array(json_object_get(a, "agents")));
		assert_null(json_object_get(a, "outputs"));
		if (i)
			assert_true(strcmp(dt_str(json_array_get(data, i - 1), "startedAt"), dt_str(a, "startedAt")) >=
				    0);
	}
	assert_true(st[0] && st[1] && st[2]);
	json_decref(l);
	l = dt_get(dt_server, "/api/endpoint/action?commands=isolate&commands=unisolate&pageSize=100");
	json_array_foreach(json_object_get(l, "data"), i, a) {
		assert_non_null(strstr("isolate unisolate", dt_str(a, "command")));
	}
	json_decref(l);
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/action?commands=reboot", NULL, NULL), 400);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/endpoint/action/no-such-action", NULL, &err), 404);
	assert_non_null(strstr(dt_str(err, "message"), "no-such-action"));
	json_decref(err);
}

static void test_suspend_pending_then_successful(void **state)
{
	char *agent = dt_healthy_agent(dt_server);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"]}", agent);
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/running_procs", body, &r), 200);
	free(body);
	json_t *done = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	json_t *d = json_object_get(done, "data");
	assert_string_equal(dt_str(d, "status"), "successful");
	json_t *content = json_object_get(json_object_get(json_object_get(d, "outputs"), agent), "content");
	json_t *p0 = json_array_get(json_object_get(content, "entries"), 0);
	assert_non_null(dt_str(p0, "command"));
	assert_non_null(dt_str(p0, "entity_id"));
	long pid = atol(dt_str(p0, "pid"));
	assert_true(pid > 0);
	json_decref(r);
	/* Suspend that process: pending at first, successful after the action delay. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"pid\":%ld},\"comment\":\"from a test\"}", agent, pid);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/suspend_process", body, &r), 200);
	free(body);
	d = json_object_get(r, "data");
	assert_string_equal(dt_str(d, "status"), "pending");
	assert_false(json_is_true(json_object_get(d, "isCompleted")));
	assert_string_equal(dt_str(d, "command"), "suspend-process");
	assert_string_equal(dt_str(d, "comment"), "from a test");
	assert_int_equal(dt_int(json_object_get(d, "parameters"), "pid"), pid);
	json_t *fin = dt_wait_action(dt_server, dt_str(d, "id"));
	json_t *fd = json_object_get(fin, "data");
	assert_string_equal(dt_str(fd, "status"), "successful");
	assert_true(json_is_true(json_object_get(fd, "wasSuccessful")));
	assert_non_null(dt_str(fd, "completedAt"));
	json_t *out = json_object_get(json_object_get(json_object_get(fd, "outputs"), agent), "content");
	assert_int_equal(dt_int(out, "pid"), pid);
	json_decref(fin);
	json_decref(r);
	/* A pid the endpoint does not run fails with an error output. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"pid\":999999}}", agent);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/suspend_process", body, &r), 200);
	free(body);
	fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	fd = json_object_get(fin, "data");
	assert_string_equal(dt_str(fd, "status"), "failed");
	assert_true(json_array_size(json_object_get(fd, "errors")) > 0);
	assert_non_null(strstr(json_string_value(json_array_get(json_object_get(fd, "errors"), 0)), "999999"));
	json_decref(fin);
	json_decref(r);
	json_decref(done);
	/* Both pid and entity_id, or neither: 400 naming parameters. */
	body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{}}", agent);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/suspend_process", body, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "parameters"));
	json_decref(err);
	free(body);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/suspend_process",
				 "{\"endpoint_ids\":[\"\"],\"parameters\":{\"pid\":1}}", &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "endpoint_ids"));
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/isolate", "{\"endpoint_ids\":[\"not-an-agent\"]}", &err),
			 400);
	assert_non_null(strstr(dt_str(err, "message"), "Elastic Defend"));
	json_decref(err);
	free(agent);
}

/* The flow the client offers: pick an alert, suspend its process on its endpoint by entity_id. */
static void test_suspend_from_an_alert(void **state)
{
	char *agent = dt_healthy_agent(dt_server);
	char *q = dt_fmt("{\"size\":1,\"query\":{\"term\":{\"agent.id\":\"%s\"}}}", agent);
	json_t *r = search(q);
	free(q);
	json_t *src = json_object_get(json_array_get(json_object_get(json_object_get(r, "hits"), "hits"), 0), "_source");
	json_t *proc = json_object_get(src, "process");
	assert_string_equal(dt_str(json_object_get(src, "agent"), "id"), agent);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"entity_id\":\"%s\"},\"alert_ids\":[\"%s\"]}", agent,
			    dt_str(proc, "entity_id"), dt_str(src, "kibana.alert.uuid"));
	json_t *a = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/suspend_process", body, &a), 200);
	json_t *fin = dt_wait_action(dt_server, dt_str(json_object_get(a, "data"), "id"));
	json_t *out = json_object_get(json_object_get(json_object_get(json_object_get(fin, "data"), "outputs"), agent), "content");
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "successful");
	assert_int_equal(dt_int(out, "pid"), dt_int(proc, "pid"));
	assert_string_equal(dt_str(out, "entity_id"), dt_str(proc, "entity_id"));
	json_decref(fin);
	json_decref(a);
	json_decref(r);
	free(body);
	free(agent);
}

/* The pids a running-processes action reports for an agent. */
static char *process_pids(const char *agent)
{
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"]}", agent);
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/running_procs", body, &r), 200);
	json_t *fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	json_t *entries = json_object_get(
		json_object_get(json_object_get(json_object_get(json_object_get(fin, "data"), "outputs"), agent), "content"),
		"entries");
	char *pids = xstrdup(" ");
	size_t i;
	json_t *e;
	json_array_foreach(entries, i, e) {
		char *more = dt_fmt("%s%s ", pids, dt_str(e, "pid"));
		free(pids);
		pids = more;
	}
	json_decref(fin);
	json_decref(r);
	free(body);
	return pids;
}

static void test_kill_removes_the_process(void **state)
{
	char *agent = dt_healthy_agent(dt_server), *before = process_pids(agent);
	long pid = atol(before + 1); /* the first process listed */
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"parameters\":{\"pid\":%ld}}", agent, pid);
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/kill_process", body, &r), 200);
	json_t *fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "successful");
	char *after = process_pids(agent), *needle = dt_fmt(" %ld ", pid);
	assert_non_null(strstr(before, needle));
	assert_null(strstr(after, needle));
	json_decref(fin);
	json_decref(r);
	free(needle);
	free(after);
	free(body);
	free(before);
	free(agent);
}

static bool isolated(const char *agent)
{
	char *p = dt_fmt("/api/endpoint/metadata?pageSize=100&kuery=agent.id:%s", agent);
	json_t *m = dt_get(dt_server, p);
	free(p);
	json_t *meta = json_object_get(json_array_get(json_object_get(m, "data"), 0), "metadata");
	bool iso = json_is_true(json_object_get(json_object_get(json_object_get(meta, "Endpoint"), "state"), "isolation"));
	json_decref(m);
	return iso;
}

static void test_isolation_flips_when_done(void **state)
{
	char *agent = dt_healthy_agent(dt_server);
	char *body = dt_fmt("{\"endpoint_ids\":[\"%s\"],\"comment\":\"contain\"}", agent);
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/isolate", body, &r), 200);
	json_t *fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	assert_string_equal(dt_str(json_object_get(fin, "data"), "status"), "successful");
	assert_true(isolated(agent));
	json_decref(fin);
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/endpoint/action/unisolate", body, &r), 200);
	fin = dt_wait_action(dt_server, dt_str(json_object_get(r, "data"), "id"));
	assert_false(isolated(agent));
	json_decref(fin);
	json_decref(r);
	free(body);
	free(agent);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_shape_sort_aggs),
		cmocka_unit_test(test_search_keyset_paging_covers_all),
		cmocka_unit_test(test_alert_status_changes_stick),
		cmocka_unit_test(test_ai_conversations),
		cmocka_unit_test(test_endpoint_metadata),
		cmocka_unit_test(test_endpoint_one_host),
		cmocka_unit_test(test_actions_history),
		cmocka_unit_test(test_suspend_pending_then_successful),
		cmocka_unit_test(test_suspend_from_an_alert),
		cmocka_unit_test(test_kill_removes_the_process),
		cmocka_unit_test(test_isolation_flips_when_done),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
