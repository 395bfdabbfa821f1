/* Which Kibana the demo is (demo_kibana.c): /api/status and the space in both versions, the read-only routes a
 * doctor probes, and the behaviours that follow Kibana's handlers rather than its spec, in 8.19 and 9.2. */
#include "config.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A small demo server that behaves as Kibana version ("8.19" or "9.2"), with faults (NULL-terminated) if any. */
static struct demo_server *start(const char *version, const char *const *faults)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = 5;
	o.cases = 8;
	o.alerts = 200;
	o.quiet = true;
	o.api_key = xstrdup(DT_KEY);
	char *err = NULL;
	if (version)
		assert_int_equal(demo_options_set_kibana(&o, version, &err), 0);
	for (size_t i = 0; faults && faults[i]; i++)
		assert_int_equal(demo_options_add_fault(&o, faults[i], &err), 0);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

static void test_kibana_option(void **state)
{
	struct demo_options o;
	demo_options_init(&o);
	assert_int_equal(o.kibana_major, 9);
	assert_int_equal(o.kibana_minor, 2);
	char *err = NULL;
	assert_int_equal(demo_options_set_kibana(&o, "8.19", &err), 0);
	assert_int_equal(o.kibana_major, 8);
	assert_int_equal(o.kibana_minor, 19);
	assert_int_equal(demo_options_set_kibana(&o, "7.17", &err), -1);
	assert_non_null(strstr(err, "8.19 or 9.2"));
	free(err);
	demo_options_free(&o);
}

/* status.ts: the version for anyone authenticated, only the level without credentials, 401 for wrong ones. */
static void test_status(void **state)
{
	struct demo_server *s92 = start(NULL, NULL), *s819 = start("8.19", NULL);
	json_t *st = dt_get(s92, "/api/status");
	json_t *version = json_object_get(st, "version");
	assert_string_equal(dt_str(version, "number"), "9.2.0");
	assert_string_equal(dt_str(version, "build_flavor"), "traditional");
	assert_string_equal(dt_str(json_object_get(json_object_get(st, "status"), "overall"), "level"), "available");
	json_decref(st);
	st = dt_get(s819, "/api/status");
	version = json_object_get(st, "version");
	assert_string_equal(dt_str(version, "number"), "8.19.0");
	assert_null(json_object_get(version, "build_flavor"));
	json_decref(st);
	struct dt_resp r = dt_req(s92, "GET", "/api/status", NULL, NULL, DT_NO_AUTH);
	assert_int_equal(r.status, 200);
	json_t *anon = json_loads(r.body, 0, NULL);
	assert_null(json_object_get(anon, "version"));
	assert_string_equal(dt_str(json_object_get(json_object_get(anon, "status"), "overall"), "level"), "available");
	json_decref(anon);
	dt_resp_free(&r);
	r = dt_req(s92, "GET", "/api/status", NULL, NULL, DT_BAD_AUTH);
	assert_int_equal(r.status, 401);
	dt_resp_free(&r);
	/* Only this route takes no credentials. */
	r = dt_req(s92, "GET", "/api/cases/_find", NULL, NULL, DT_NO_AUTH);
	assert_int_equal(r.status, 401);
	dt_resp_free(&r);
	demo_stop(s819);
	demo_stop(s92);
}

/* The space check and the read-only routes a doctor probes; a fault answers 403 for one feature. */
static void test_probe_routes(void **state)
{
	static const char *const faults[] = {"status=403@/api/endpoint_list", NULL};
	struct demo_server *s = start(NULL, faults);
	json_t *sp = dt_get(s, "/api/spaces/space/default");
	assert_string_equal(dt_str(sp, "name"), "Default");
	json_decref(sp);
	assert_int_equal(dt_json(s, "GET", "/api/spaces/space/nope", NULL, NULL), 404);
	static const struct {
		const char *path, *key;
	} reads[] = {
		{"/api/dashboards/dashboard?perPage=1", "items"}, {"/api/fleet/agents?perPage=1", "items"},
		{"/api/entity_store/engines", "engines"},          {"/api/lists/_find?per_page=1", "data"},
		{"/api/note?perPage=1", "notes"},                  {"/api/timelines?page_size=1", "timeline"},
	};
	for (size_t i = 0; i < sizeof(reads) / sizeof(*reads); i++) {
		json_t *j = dt_get(s, reads[i].path);
		if (!json_is_array(json_object_get(j, reads[i].key)))
			fail_msg("%s has no %s array", reads[i].path, reads[i].key);
		json_decref(j);
	}
	json_t *dash = dt_get(s, "/api/dashboards/dashboard");
	assert_true(dt_int(dash, "total") > 0);
	assert_string_equal(dt_str(json_array_get(json_object_get(dash, "items"), 0), "type"), "dashboard");
	json_decref(dash);
	assert_int_equal(dt_json(s, "GET", "/api/endpoint_list/items/_find", NULL, NULL), 403);
	assert_int_equal(dt_json(s, "GET", "/api/cases/_find", NULL, NULL), 200);
	demo_stop(s);
}

/* configure_saved_object.ts: PUT; a Kibana drops the settings it does not read (zod), 8.19 more than 9.2. */
static void test_risk_configure_by_version(void **state)
{
	const char *body = "{\"exclude_alert_statuses\":[\"closed\"],\"enable_reset_to_zero\":false,\"page_size\":500,"
			   "\"filters\":[{\"entity_types\":[\"user\"],\"filter\":\"not user.name: root\"}]}";
	static const struct {
		const char *version;
		bool reset, filters;
	} v[] = {{"8.19", false, false}, {"9.2", true, false}};
	for (size_t i = 0; i < 2; i++) {
		struct demo_server *s = start(v[i].version, NULL);
		assert_int_equal(dt_json(s, "PUT", "/api/risk_score/engine/saved_object/configure", body, NULL), 200);
		json_t *fx = dt_get(s, "/_demo/fixtures");
		json_t *cfg = json_object_get(fx, "risk_config");
		assert_non_null(json_object_get(cfg, "exclude_alert_statuses"));
		assert_int_equal(json_object_get(cfg, "enable_reset_to_zero") != NULL, v[i].reset);
		assert_int_equal(json_object_get(cfg, "filters") != NULL, v[i].filters);
		json_decref(fx);
		assert_int_equal(dt_json(s, "PUT", "/api/risk_score/engine/saved_object/configure",
					 "{\"filters\":[{\"entity_types\":[\"robot\"],\"filter\":\"x\"}]}", NULL),
				 400);
		demo_stop(s);
	}
}

/* sync.ts: every section nested by job type; a datafeed's result is keyed by its job. */
static void test_ml_sync_nested(void **state)
{
	struct demo_server *s = start(NULL, NULL);
	json_t *r = dt_get(s, "/api/ml/saved_objects/sync?simulate=true");
	json_t *added = json_object_get(json_object_get(r, "datafeedsAdded"), "anomaly-detector");
	assert_true(json_is_true(json_object_get(json_object_get(added, "auth_high_count_logon_fails"), "success")));
	assert_non_null(json_object_get(json_object_get(r, "savedObjectsCreated"), "trained-model"));
	json_decref(r);
	demo_stop(s);
}

/* connector/v1.ts: TheHive takes cases, with fields {tlp}. */
static void test_thehive_takes_cases(void **state)
{
	struct demo_server *s = start(NULL, NULL);
	json_t *conns = dt_get(s, "/api/actions/connectors"), *hive = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(conns, i, c) {
		if (!strcmp(dt_str(c, "connector_type_id"), ".thehive"))
			hive = c;
	}
	assert_non_null(hive);
	json_t *f = dt_get(s, "/api/cases/_find?perPage=1");
	json_t *cs = json_array_get(json_object_get(f, "cases"), 0);
	/* A case set to TheHive with its fields, then pushed there. */
	char *body = dt_fmt("{\"cases\":[{\"id\":\"%s\",\"version\":\"%s\",\"connector\":{\"id\":\"%s\",\"name\":\"h\","
			    "\"type\":\".thehive\",\"fields\":{\"tlp\":2}}}]}",
			    dt_str(cs, "id"), dt_str(cs, "version"), dt_str(hive, "id"));
	assert_int_equal(dt_json(s, "PATCH", "/api/cases", body, NULL), 200);
	free(body);
	char *p = dt_fmt("/api/cases/%s/connector/%s/_push", dt_str(cs, "id"), dt_str(hive, "id"));
	json_t *pushed = NULL;
	assert_int_equal(dt_json(s, "POST", p, "{}", &pushed), 200);
	assert_string_equal(dt_str(json_object_get(pushed, "external_service"), "connector_id"), dt_str(hive, "id"));
	json_decref(pushed);
	free(p);
	json_decref(f);
	json_decref(conns);
	demo_stop(s);
}

/* import_timelines/index.ts lower-cases the extension: X.NDJSON is an ndjson upload. */
static void test_timeline_upper_case_extension(void **state)
{
	struct demo_server *s = start(NULL, NULL);
	const char *mp = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"T.NDJSON\"\r\n"
			 "Content-Type: application/ndjson\r\n\r\n{\"title\":\"One\"}\n\r\n--XyZ--\r\n";
	struct dt_resp r = dt_req(s, "POST", "/api/timeline/_import", mp, "multipart/form-data; boundary=XyZ", 0);
	assert_int_equal(r.status, 200);
	dt_resp_free(&r);
	demo_stop(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kibana_option),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_probe_routes),
		cmocka_unit_test(test_risk_configure_by_version),
		cmocka_unit_test(test_ml_sync_nested),
		cmocka_unit_test(test_thehive_takes_cases),
		cmocka_unit_test(test_timeline_upper_case_extension),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
