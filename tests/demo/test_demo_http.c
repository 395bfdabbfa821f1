/* The demo server over HTTP: Kibana's edge behaviour (xsrf, auth, routing, encoding, limits) and the seed-document
 * routes. */
#include "config.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *fixtures(void)
{
	return dt_get(dt_server, "/_demo/fixtures");
}

static void test_sessions_invalidate_once(void **state)
{
	const char *q = "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"saml\",\"name\":\"saml1\"}}}";
	json_t *r = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/security/session/_invalidate", q, &r), 200);
	assert_int_equal(dt_int(r, "total"), 2);
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security/session/_invalidate", q, &r), 200);
	assert_int_equal(dt_int(r, "total"), 0);
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security/session/_invalidate",
				 "{\"match\":\"query\",\"query\":{\"provider\":{\"type\":\"oidc\"},\"username\":\"lnguyen\"}}", &r),
			 200);
	assert_int_equal(dt_int(r, "total"), 1);
	json_decref(r);
	struct dt_resp raw = dt_req(dt_server, "POST", "/api/security/session/_invalidate", "{\"match\":\"all\"}",
				    "application/json", 0);
	assert_int_equal(raw.status, 200);
	/* The spec declares plain application/json for this route. */
	assert_string_equal(raw.ctype, "application/json");
	dt_resp_free(&raw);
	assert_int_equal(dt_json(dt_server, "POST", "/api/security/session/_invalidate", "{\"match\":\"all\"}", &r),
			 200);
	assert_int_equal(dt_int(r, "total"), 0);
	json_decref(r);
}

static void test_seed_document_routes(void **state)
{
	json_t *fx = fixtures(), *r = NULL, *err = NULL;
	const char *dash = json_string_value(json_array_get(json_object_get(fx, "dashboards"), 0));
	char *p = dt_fmt("/api/dashboards/dashboard/%s", dash);
	struct dt_resp raw = dt_req(dt_server, "DELETE", p, NULL, NULL, 0);
	assert_int_equal(raw.status, 204);
	dt_resp_free(&raw);
	assert_int_equal(dt_json(dt_server, "DELETE", p, NULL, &err), 404);
	assert_non_null(strstr(dt_str(err, "message"), dash));
	json_decref(err);
	free(p);
	/* An id with reserved and non-ASCII characters, percent-encoded in the path. */
	json_t *dashes = json_object_get(fx, "dashboards");
	assert_string_equal(json_string_value(json_array_get(dashes, json_array_size(dashes) - 1)),
			    "exec-summary/\xc3\xa9t\xc3\xa9 #1?");
	raw = dt_req(dt_server, "DELETE", "/api/dashboards/dashboard/exec-summary%2F%C3%A9t%C3%A9%20%231%3F", NULL,
		     NULL, 0);
	assert_int_equal(raw.status, 204);
	dt_resp_free(&raw);
	const char *file = json_string_value(json_array_get(json_object_get(fx, "agent_files"), 0));
	p = dt_fmt("/api/fleet/agents/files/%s", file);
	assert_int_equal(dt_json(dt_server, "DELETE", p, NULL, &r), 200);
	assert_string_equal(dt_str(r, "id"), file);
	assert_true(json_is_true(json_object_get(r, "deleted")));
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "DELETE", p, NULL, NULL), 404);
	free(p);
	char *body = dt_fmt("{\"assetIds\":[{\"id\":\"%s\",\"type\":\"dashboard\"},{\"id\":\"x\",\"type\":\"lens\"}]}",
			    json_string_value(json_array_get(json_object_get(fx, "dashboards"), 1)));
	assert_int_equal(dt_json(dt_server, "POST", "/api/fleet/epm/bulk_assets", body, &r), 200);
	assert_int_equal(json_array_size(json_object_get(r, "items")), 1);
	assert_non_null(dt_str(json_object_get(json_array_get(json_object_get(r, "items"), 0), "attributes"), "title"));
	json_decref(r);
	free(body);
	r = dt_get(dt_server, "/api/fleet/fleet_server_hosts");
	json_int_t before = dt_int(r, "total");
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/fleet/fleet_server_hosts",
				 "{\"name\":\"Lab\",\"host_urls\":[\"https://lab:8220\"],\"is_default\":true}", &r), 200);
	assert_string_equal(dt_str(json_object_get(r, "item"), "name"), "Lab");
	json_decref(r);
	r = dt_get(dt_server, "/api/fleet/fleet_server_hosts");
	assert_int_equal(dt_int(r, "total"), before + 1);
	size_t i, defaults = 0;
	json_t *e;
	json_array_foreach(json_object_get(r, "items"), i, e) {
		defaults += json_is_true(json_object_get(e, "is_default"));
	}
	assert_int_equal(defaults, 1);
	json_decref(r);
	/* ML sync: simulate leaves the work to do; the real run does it once. */
	r = dt_get(dt_server, "/api/ml/saved_objects/sync?simulate=true");
	assert_true(json_object_size(json_object_get(json_object_get(r, "savedObjectsCreated"), "anomaly-detector")) > 0);
	json_decref(r);
	r = dt_get(dt_server, "/api/ml/saved_objects/sync");
	assert_true(json_object_size(json_object_get(json_object_get(r, "savedObjectsCreated"), "anomaly-detector")) > 0);
	json_decref(r);
	r = dt_get(dt_server, "/api/ml/saved_objects/sync");
	assert_int_equal(json_object_size(json_object_get(r, "savedObjectsCreated")), 0);
	json_decref(r);
	r = dt_get(dt_server, "/api/endpoint_list/items/_find?per_page=2&sort_field=name&sort_order=asc");
	assert_int_equal(dt_int(r, "total"), 5);
	assert_int_equal(json_array_size(json_object_get(r, "data")), 2);
	json_t *item = json_array_get(json_object_get(r, "data"), 0);
	assert_string_equal(dt_str(item, "list_id"), "endpoint_list");
	assert_true(json_is_array(json_object_get(item, "entries")));
	json_decref(r);
	r = dt_get(dt_server,
		   "/api/endpoint_list/items/_find?filter=exception-list-agnostic.attributes.os_types:linux");
	json_array_foreach(json_object_get(r, "data"), i, e) {
		assert_string_equal(json_string_value(json_array_get(json_object_get(e, "os_types"), 0)), "linux");
	}
	json_decref(r);
	/* Entity store: stop before init is 404; init installs, start and stop flip the state. */
	assert_int_equal(dt_json(dt_server, "POST", "/api/entity_store/engines/user/stop", NULL, &err), 404);
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "POST", "/api/entity_store/engines/user/init", "{\"fieldHistoryLength\":5}", &r), 200);
	assert_string_equal(dt_str(r, "type"), "user");
	assert_int_equal(dt_int(r, "fieldHistoryLength"), 5);
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/entity_store/engines/user/stop", NULL, &r), 200);
	assert_true(json_is_true(json_object_get(r, "stopped")));
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/entity_store/engines/user/start", NULL, &r), 200);
	assert_true(json_is_true(json_object_get(r, "started")));
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "POST", "/api/entity_store/engines/robot/init", "{}", NULL), 400);
	/* PUT, as configure_saved_object.ts registers it; the spec's PATCH is no route. */
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/risk_score/engine/saved_object/configure",
				 "{\"exclude_alert_statuses\":[\"closed\"]}", NULL),
			 404);
	assert_int_equal(dt_json(dt_server, "PUT", "/api/risk_score/engine/saved_object/configure",
				 "{\"exclude_alert_statuses\":[\"closed\"],\"range\":{\"start\":\"now-30d\",\"end\":\"now\"}}", &r),
			 200);
	assert_true(json_is_true(json_object_get(r, "risk_engine_saved_object_configured")));
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "PUT", "/api/risk_score/engine/saved_object/configure",
				 "{\"range\":{\"start\":\"soon\"}}", NULL),
			 400);
	const char *list = json_string_value(json_array_get(json_object_get(fx, "lists"), 0));
	p = dt_fmt("/api/lists?id=%s", list);
	assert_int_equal(dt_json(dt_server, "DELETE", p, NULL, &r), 200);
	assert_string_equal(dt_str(r, "id"), list);
	assert_non_null(dt_str(r, "type"));
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "DELETE", p, NULL, &err), 404);
	assert_int_equal(dt_int(err, "status_code"), 404);
	json_decref(err);
	free(p);
	assert_int_equal(dt_json(dt_server, "DELETE", "/api/lists", NULL, NULL), 400);
	body = dt_fmt("{\"noteIds\":[\"%s\",\"%s\"]}", json_string_value(json_array_get(json_object_get(fx, "notes"), 0)),
		      json_string_value(json_array_get(json_object_get(fx, "notes"), 1)));
	raw = dt_req(dt_server, "DELETE", "/api/note", body, NULL, 0);
	assert_int_equal(raw.status, 200);
	dt_resp_free(&raw);
	assert_int_equal(dt_json(dt_server, "DELETE", "/api/note", body, NULL), 404);
	free(body);
	assert_int_equal(dt_json(dt_server, "POST", "/api/streams/_resync", "{}", &r), 200);
	json_decref(r);
	r = dt_get(dt_server, "/api/streams/web-tier/_group");
	assert_true(json_array_size(json_object_get(json_object_get(r, "group"), "members")) > 0);
	json_decref(r);
	assert_int_equal(dt_json(dt_server, "GET", "/api/streams/logs/_group", NULL, NULL), 400);
	assert_int_equal(dt_json(dt_server, "GET", "/api/streams/nope/_group", NULL, NULL), 404);
	json_decref(fx);
}

static void test_timeline_import(void **state)
{
	const char *mp = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.ndjson\"\r\n"
			 "Content-Type: application/ndjson\r\n\r\n"
			 "{\"savedObjectId\":\"tl-1\",\"title\":\"One\"}\n{\"title\":\"Two\"}\nnot json\n"
			 "{\"savedObjectId\":\"tl-1\",\"title\":\"One again\"}\n\r\n--XyZ--\r\n";
	struct dt_resp r =
	    dt_req(dt_server, "POST", "/api/timeline/_import", mp, "multipart/form-data; boundary=XyZ", 0);
	assert_int_equal(r.status, 200);
	json_t *j = json_loads(r.body, 0, NULL);
	assert_int_equal(dt_int(j, "timelines_installed"), 2);
	assert_int_equal(dt_int(j, "success_count"), 2);
	assert_false(json_is_true(json_object_get(j, "success")));
	assert_int_equal(json_array_size(json_object_get(j, "errors")), 2);
	json_decref(j);
	dt_resp_free(&r);
	const char *wrong = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.json\"\r\n\r\n{}\r\n--B--\r\n";
	r = dt_req(dt_server, "POST", "/api/timeline/_import", wrong, "multipart/form-data; boundary=B", 0);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(r.body, "Invalid file extension"));
	dt_resp_free(&r);
	j = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/timeline/_import",
				 "{\"file\":\"{\\\"title\\\":\\\"From JSON\\\"}\\n\",\"isImmutable\":\"false\"}", &j), 200);
	assert_int_equal(dt_int(j, "timelines_installed"), 1);
	json_decref(j);
}

static void test_xsrf_auth_and_routing_edges(void **state)
{
	struct dt_resp r = dt_req(dt_server, "POST", "/api/cases", "{}", NULL, DT_NO_XSRF);
	assert_int_equal(r.status, 400);
	assert_string_equal(r.body,
			    "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Request must contain a kbn-xsrf header.\"}");
	dt_resp_free(&r);
	/* GET needs no xsrf header. */
	r = dt_req(dt_server, "GET", "/api/cases/_find", NULL, NULL, DT_NO_XSRF);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.ctype, DT_JTYPE);
	dt_resp_free(&r);
	r = dt_req(dt_server, "GET", "/api/cases/_find", NULL, NULL, DT_NO_AUTH);
	assert_int_equal(r.status, 401);
	json_t *j = json_loads(r.body, 0, NULL);
	assert_int_equal(dt_int(j, "statusCode"), 401);
	assert_string_equal(dt_str(j, "error"), "Unauthorized");
	json_decref(j);
	dt_resp_free(&r);
	r = dt_req(dt_server, "POST", "/api/security/session/_invalidate", "{\"match\":\"all\"}", NULL, DT_BAD_AUTH);
	assert_int_equal(r.status, 401);
	assert_null(strstr(r.body, "wrong-key"));
	dt_resp_free(&r);
	r = dt_req(dt_server, "GET", "/api/no/such/route", NULL, NULL, 0);
	assert_int_equal(r.status, 404);
	assert_non_null(strstr(r.body, "\"statusCode\":404"));
	dt_resp_free(&r);
	r = dt_req(dt_server, "PUT", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 404);
	dt_resp_free(&r);
	/* Unsupported body type on a JSON route. */
	r = dt_req(dt_server, "POST", "/api/cases", "title=x", "application/x-www-form-urlencoded", 0);
	assert_int_equal(r.status, 415);
	dt_resp_free(&r);
}

static void test_space_prefix_and_encoded_ids(void **state)
{
	/* The default space named in the prefix is the default space. */
	json_t *a = dt_get(dt_server, "/api/cases/_find?perPage=1"),
	       *b = dt_get(dt_server, "/s/default/api/cases/_find?perPage=1");
	assert_string_equal(dt_str(json_array_get(json_object_get(a, "cases"), 0), "id"),
			    dt_str(json_array_get(json_object_get(b, "cases"), 0), "id"));
	json_decref(a);
	/* Every byte of the id percent-encoded still finds the case, behind its space's prefix. */
	a = dt_get(dt_server, "/s/soc-eu/api/cases/_find?perPage=1");
	const char *id = dt_str(json_array_get(json_object_get(a, "cases"), 0), "id");
	assert_non_null(id);
	char enc[200] = "", *o = enc;
	for (const char *p = id; *p; p++)
		o += sprintf(o, "%%%02X", (unsigned char)*p);
	char *p = dt_fmt("/s/soc-eu/api/cases/%s", enc);
	json_t *c = dt_get(dt_server, p);
	assert_string_equal(dt_str(c, "id"), id);
	free(p);
	json_decref(c);
	/* %2F stays inside its segment: this is one unknown case id, not another route. */
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/cases/abc%2Fdef", NULL, &err), 404);
	assert_string_equal(dt_str(err, "message"), "Saved object [cases/abc/def] not found");
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "GET", "/api/cases/%C3%A9t%C3%A9%20%3F%23", NULL, &err), 404);
	assert_string_equal(dt_str(err, "message"), "Saved object [cases/\xc3\xa9t\xc3\xa9 ?#] not found");
	json_decref(err);
	/* An encoded NUL would cut the id short: refused. */
	struct dt_resp r = dt_req(dt_server, "GET", "/api/cases/abc%00def", NULL, NULL, 0);
	assert_int_equal(r.status, 400);
	dt_resp_free(&r);
	r = dt_req(dt_server, "HEAD", "/api/cases/_find", NULL, NULL, 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, 0);
	dt_resp_free(&r);
	/* Query values decode too, '+' included. */
	json_t *f = dt_get(dt_server, "/api/cases/_find?search=credential+dumping&perPage=100");
	size_t i;
	json_t *cs;
	json_array_foreach(json_object_get(f, "cases"), i, cs) {
		char *t = dt_fmt("%s %s", dt_str(cs, "title"), dt_str(cs, "description"));
		assert_non_null(strcasestr(t, "credential dumping"));
		free(t);
	}
	json_decref(f);
	json_decref(a);
	json_decref(b);
}

static void test_body_too_large(void **state)
{
	size_t n = ((size_t)16 << 20) + 10;
	char *big = xmalloc(n + 1);
	memset(big, ' ', n);
	big[0] = '{';
	big[n - 1] = '}';
	big[n] = '\0';
	struct dt_resp r = dt_req(dt_server, "POST", "/api/cases", big, NULL, 0);
	assert_int_equal(r.status, 413);
	assert_non_null(strstr(r.body, "\"statusCode\":413"));
	dt_resp_free(&r);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sessions_invalidate_once),
		cmocka_unit_test(test_seed_document_routes),
		cmocka_unit_test(test_timeline_import),
		cmocka_unit_test(test_xsrf_auth_and_routing_edges),
		cmocka_unit_test(test_space_prefix_and_encoded_ids),
		cmocka_unit_test(test_body_too_large),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
