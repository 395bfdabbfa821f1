/* Issue 6's request builders and argument checks: paths, queries, bodies, multipart, the api console's raw requests. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "api/dashboards.h"
#include "api/entity_store.h"
#include "api/exceptions.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/http.h"
#include "api/lists.h"
#include "api/ml.h"
#include "api/notes.h"
#include "api/rawreq.h"
#include "api/risk_engine.h"
#include "api/streams.h"
#include "api/timelines.h"
#include "core/profile.h"
#include "core/xalloc.h"

/* The request's body as JSON (the test owns it). */
static json_t *body_of(const struct api_request *req)
{
	assert_non_null(req->body);
	json_error_t e;
	json_t *j = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fail_msg("body is not JSON: %s", e.text);
	return j;
}

static void assert_json(const struct api_request *req, const char *want)
{
	json_t *got = body_of(req), *exp = json_loads(want, 0, NULL);
	assert_non_null(exp);
	if (!json_equal(got, exp)) {
		char *g = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS);
		fail_msg("body %s, expected %s", g, want);
	}
	json_decref(got);
	json_decref(exp);
}

static void test_deletes_encode_ids(void **state)
{
	struct api_request *req = dashboards_delete_request("exec-summary/été #1?");
	assert_int_equal(req->method, HTTP_DELETE);
	assert_string_equal(req->path, "/api/dashboards/dashboard/exec-summary%2F%C3%A9t%C3%A9%20%231%3F");
	assert_null(req->body);
	api_request_free(req);
	req = fleet_file_delete_request("../x");
	assert_string_equal(req->path, "/api/fleet/agents/files/..%2Fx");
	assert_non_null(req->model);
	api_request_free(req);
	req = lists_delete_request("ip list&x", true, false);
	assert_string_equal(req->path, "/api/lists");
	assert_string_equal(req->query, "?id=ip%20list%26x&deleteReferences=true");
	api_request_free(req);
	req = lists_delete_request("a", false, true);
	assert_string_equal(req->query, "?id=a&ignoreReferences=true");
	api_request_free(req);
	req = lists_get_request("a");
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->query, "?id=a");
	api_request_free(req);
}

static void test_notes_body(void **state)
{
	const char *one[] = {"n1"};
	struct api_request *req = notes_delete_request(one, 1);
	assert_string_equal(req->path, "/api/note");
	assert_json(req, "{\"noteId\": \"n1\"}");
	api_request_free(req);
	const char *two[] = {"n1", "n2"};
	req = notes_delete_request(two, 2);
	assert_json(req, "{\"noteIds\": [\"n1\", \"n2\"]}");
	api_request_free(req);
}

static void test_assets(void **state)
{
	char a[] = "dashboard:abc:def", b[] = "nocolon", c[] = ":x", d[] = "lens:";
	struct fleet_asset_ref refs[2];
	assert_null(fleet_asset_ref_parse(a, &refs[0]));
	assert_string_equal(refs[0].type, "dashboard");
	assert_string_equal(refs[0].id, "abc:def");
	char *err = fleet_asset_ref_parse(b, &refs[1]);
	assert_non_null(strstr(err, "is not type:id"));
	free(err);
	err = fleet_asset_ref_parse(c, &refs[1]);
	assert_non_null(strstr(err, "no type before the colon"));
	free(err);
	err = fleet_asset_ref_parse(d, &refs[1]);
	assert_non_null(strstr(err, "no id after the colon"));
	free(err);
	refs[1] = (struct fleet_asset_ref){"index-pattern", "logs-*"};
	struct api_request *req = fleet_bulk_assets_request(refs, 2);
	assert_int_equal(req->method, HTTP_POST);
	assert_json(req, "{\"assetIds\": [{\"id\": \"abc:def\", \"type\": \"dashboard\"}, {\"id\": \"logs-*\", \"type\": \"index-pattern\"}]}");
	api_request_free(req);
}

static void test_server_host_create(void **state)
{
	const char *urls[] = {"https://a:8220", "https://b:8220"};
	struct fleet_host_new n = {.name = "Lab", .urls = urls, .n_urls = 2, .is_default = true, .proxy_id = "p"};
	struct api_request *req = fleet_hosts_create_request(&n);
	assert_string_equal(req->path, "/api/fleet/fleet_server_hosts");
	assert_json(req, "{\"name\": \"Lab\", \"host_urls\": [\"https://a:8220\", \"https://b:8220\"], \"is_default\": true, "
			 "\"proxy_id\": \"p\"}");
	api_request_free(req);
	n = (struct fleet_host_new){.name = "x", .urls = urls, .n_urls = 1, .id = "my-id",
				    .ssl = json_pack("{s:s}", "client_auth", "optional")};
	req = fleet_hosts_create_request(&n);
	assert_json(req, "{\"name\": \"x\", \"host_urls\": [\"https://a:8220\"], \"is_default\": false, \"id\": \"my-id\", "
			 "\"ssl\": {\"client_auth\": \"optional\"}}");
	api_request_free(req);
	req = fleet_hosts_list_request();
	assert_int_equal(req->method, HTTP_GET);
	api_request_free(req);
	assert_null(fleet_hosts_check_url("https://fleet.example.com:8220"));
	assert_null(fleet_hosts_check_url("http://10.0.0.1"));
	const char *bad[] = {"ftp://x", "fleet.example.com", "https://", "https://:8220", "https://a b"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *err = fleet_hosts_check_url(bad[i]);
		assert_non_null(err);
		free(err);
	}
}

static void test_ml_and_streams(void **state)
{
	struct api_request *req = ml_sync_request(true);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->query, "?simulate=true");
	api_request_free(req);
	req = ml_sync_request(false);
	assert_null(req->query);
	api_request_free(req);
	req = streams_resync_request();
	assert_int_equal(req->method, HTTP_POST);
	assert_json(req, "{}");
	api_request_free(req);
	req = streams_group_request("logs/web tier");
	assert_string_equal(req->path, "/api/streams/logs%2Fweb%20tier/_group");
	assert_null(req->body);
	api_request_free(req);
}

static void test_exceptions_query(void **state)
{
	struct exceptions_query q = {.filter = "exception-list-agnostic.attributes.name:\"a b\"", .page = 2, .per_page = 0,
				     .sort_field = "name", .sort_order = "asc"};
	struct api_request *req = exceptions_find_request(&q);
	assert_string_equal(req->path, "/api/endpoint_list/items/_find");
	assert_string_equal(req->query, "?filter=exception-list-agnostic.attributes.name%3A%22a%20b%22&page=2&per_page=0"
					"&sort_field=name&sort_order=asc");
	api_request_free(req);
	q = (struct exceptions_query){.page = -1, .per_page = -1};
	req = exceptions_find_request(&q);
	assert_null(req->query);
	api_request_free(req);
	assert_null(exceptions_check_filter("name:x"));
	char *err = exceptions_check_filter("Backup");
	assert_non_null(strstr(err, "field:value"));
	free(err);
	err = exceptions_check_filter(":x");
	assert_non_null(err);
	free(err);
}

static void test_entity_requests(void **state)
{
	struct entity_init_opts o;
	entity_init_opts_init(&o);
	struct api_request *req = entity_init_request("host", &o);
	assert_string_equal(req->path, "/api/entity_store/engines/host/init");
	assert_json(req, "{}");
	api_request_free(req);
	o.delay = "30s";
	o.lookback = "24h";
	o.enrich_interval = "1h";
	o.index_pattern = "logs-*";
	o.field_history_length = 0;
	o.docs_per_second = 500;
	req = entity_init_request("user", &o);
	assert_json(req, "{\"delay\": \"30s\", \"lookbackPeriod\": \"24h\", \"enrichPolicyExecutionInterval\": \"1h\", "
			 "\"indexPattern\": \"logs-*\", \"fieldHistoryLength\": 0, \"docsPerSecond\": 500}");
	api_request_free(req);
	req = entity_toggle_request("service", true);
	assert_string_equal(req->path, "/api/entity_store/engines/service/start");
	assert_null(req->body);
	api_request_free(req);
	req = entity_toggle_request("user", false);
	assert_string_equal(req->path, "/api/entity_store/engines/user/stop");
	api_request_free(req);
	const char *good[] = {"1m", "30s", "24h", "7d", "0s"};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		assert_null(entity_check_duration("delay", good[i], false));
	const char *bad[] = {"1", "m", "1x", "1.5h", "-1m", "1 m", "", "1mm"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *err = entity_check_duration("delay", bad[i], false);
		if (!err)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_non_null(strstr(err, "--delay"));
		free(err);
	}
	assert_null(entity_check_duration("enrich-interval", "1h", true));
	char *err = entity_check_duration("enrich-interval", "0h", true);
	assert_non_null(err);
	free(err);
	err = entity_check_duration("enrich-interval", "1d", true);
	assert_non_null(err);
	free(err);
	assert_int_equal(entity_duration_seconds("24h"), 86400);
	assert_int_equal(entity_duration_seconds("2d"), 172800);
	assert_int_equal(entity_duration_seconds("90s"), 90);
}

static void test_risk_body(void **state)
{
	const char *st[] = {"closed"}, *tags[] = {"fp", "test"};
	struct risk_config c = {.exclude_statuses = st, .n_exclude_statuses = 1, .exclude_tags = tags,
				.n_exclude_tags = 2, .range_start = "now-30d"};
	struct api_request *req = risk_configure_request(&c);
	assert_int_equal(req->method, HTTP_PATCH);
	assert_json(req, "{\"exclude_alert_statuses\": [\"closed\"], \"exclude_alert_tags\": [\"fp\", \"test\"], "
			 "\"range\": {\"start\": \"now-30d\"}}");
	api_request_free(req);
}

static void test_timeline_upload(void **state)
{
	const char *nd = "{\"title\":\"a\"}\n\n  \n{\"title\":\"b\"}\nnot json\n[1]\n";
	struct timeline_ndjson_stats st;
	timelines_ndjson_stats(nd, strlen(nd), &st);
	assert_int_equal(st.lines, 4);
	assert_int_equal(st.n_bad, 2);
	assert_int_equal(st.bad_line, 5);
	timelines_ndjson_stats("", 0, &st);
	assert_int_equal(st.lines, 0);
	/* Only len bytes are read, even when the last line is blank (fuzz_models read past them). */
	char *exact = xmalloc(5);
	memcpy(exact, "{}\n  ", 5);
	timelines_ndjson_stats(exact, 5, &st);
	assert_int_equal(st.lines, 1);
	assert_int_equal(st.n_bad, 0);
	free(exact);
	struct api_request *req = timelines_import_request("t.ndjson", nd, strlen(nd), true);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/timeline/_import");
	assert_null(req->body);
	assert_int_equal(req->n_parts, 2);
	assert_string_equal(req->parts[0].name, "file");
	assert_string_equal(req->parts[0].filename, "t.ndjson");
	assert_string_equal(req->parts[0].content_type, "application/ndjson");
	assert_int_equal(req->parts[0].len, strlen(nd));
	assert_memory_equal(req->parts[0].data, nd, strlen(nd));
	assert_string_equal(req->parts[1].name, "isImmutable");
	assert_string_equal(req->parts[1].data, "true");
	api_request_free(req);
	req = timelines_import_request("t.ndjson", nd, 3, false);
	assert_int_equal(req->n_parts, 1);
	api_request_free(req);
}

/* The URL the worker would use for a raw request under a profile in space "soc". */
static char *url_in_soc(const struct api_request *req)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "https://kibana.example:5601/");
	profile_set(&p.space, "soc");
	char *url = http_url(&p, req);
	profile_free(&p);
	return url;
}

static void test_raw_paths(void **state)
{
	char *err = NULL;
	struct api_request *req = rawreq_new(HTTP_GET, "/api/cases/_find?perPage=5&search=a b#c", NULL, 0, &err);
	assert_non_null(req);
	assert_string_equal(req->path, "/api/cases/_find");
	assert_string_equal(req->query, "?perPage=5&search=a%20b%23c");
	assert_false(req->global);
	char *url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/soc/api/cases/_find?perPage=5&search=a%20b%23c");
	free(url);
	api_request_free(req);
	/* A path that names a space is sent as typed: no second prefix. */
	req = rawreq_new(HTTP_GET, "/s/soc/api/cases/_find", NULL, 0, &err);
	assert_true(req->global);
	url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/soc/api/cases/_find");
	free(url);
	api_request_free(req);
	req = rawreq_new(HTTP_GET, "/s/other/api/x", NULL, 0, &err);
	url = url_in_soc(req);
	assert_string_equal(url, "https://kibana.example:5601/s/other/api/x");
	free(url);
	api_request_free(req);
	/* Existing escapes stay; a stray % and bytes a URL cannot carry are encoded. */
	req = rawreq_new(HTTP_DELETE, "/api/dashboards/dashboard/a%2Fb c%zz\xc3\xa9\x01", NULL, 0, &err);
	assert_string_equal(req->path, "/api/dashboards/dashboard/a%2Fb%20c%25zz%C3%A9%01");
	assert_null(req->query);
	api_request_free(req);
	req = rawreq_new(HTTP_GET, "/api/x?", NULL, 0, &err);
	assert_null(req->query);
	api_request_free(req);
	const char *bad[] = {"api/cases", "https://kibana/api/cases", "http://x", ""};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_null(rawreq_new(HTTP_GET, bad[i], NULL, 0, &err));
		assert_non_null(err);
		free(err);
		err = NULL;
	}
}

static void test_raw_bodies(void **state)
{
	char *err = NULL;
	const char *b = "{ \"a\" : [1, 2.5, null, \"\\u00e9\"] }";
	struct api_request *req = rawreq_new(HTTP_POST, "/api/x", b, strlen(b), &err);
	assert_non_null(req);
	assert_json(req, "{\"a\": [1, 2.5, null, \"\\u00e9\"]}");
	api_request_free(req);
	req = rawreq_new(HTTP_PUT, "/api/x", "[]", 2, &err);
	assert_json(req, "[]");
	api_request_free(req);
	assert_null(rawreq_new(HTTP_POST, "/api/x", "{a:1}", 5, &err));
	assert_non_null(strstr(err, "not valid JSON (line 1, column 2)"));
	assert_non_null(strstr(err, "single quotes"));
	free(err);
	assert_null(rawreq_new(HTTP_POST, "/api/x", "{\"a\":1,\"a\":2}", 13, &err));
	assert_non_null(strstr(err, "duplicate"));
	free(err);
	assert_null(rawreq_new(HTTP_GET, "/api/x", "{}", 2, &err));
	assert_non_null(strstr(err, "GET request carries no body"));
	free(err);
	req = rawreq_new(HTTP_DELETE, "/api/note", "{\"noteId\":\"n\"}", 14, &err);
	assert_int_equal(req->method, HTTP_DELETE);
	assert_json(req, "{\"noteId\": \"n\"}");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deletes_encode_ids),
		cmocka_unit_test(test_notes_body),
		cmocka_unit_test(test_assets),
		cmocka_unit_test(test_server_host_create),
		cmocka_unit_test(test_ml_and_streams),
		cmocka_unit_test(test_exceptions_query),
		cmocka_unit_test(test_entity_requests),
		cmocka_unit_test(test_risk_body),
		cmocka_unit_test(test_timeline_upload),
		cmocka_unit_test(test_raw_paths),
		cmocka_unit_test(test_raw_bodies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
