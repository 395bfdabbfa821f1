/* Case routes over HTTP: find, get, create, update with version conflicts, comments, connectors and push. */
#include "config.h"
#include "demo_testutil.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *some_case(void)
{
	json_t *f = dt_get(dt_server, "/api/cases/_find?perPage=100");
	size_t i;
	json_t *c, *found = NULL;
	json_array_foreach(json_object_get(f, "cases"), i, c) {
		if (!found && dt_int(c, "totalAlerts") > 0)
			found = json_incref(c);
	}
	json_decref(f);
	assert_non_null(found);
	return found;
}

static json_t *connector(const char *type, bool misconfigured)
{
	json_t *all = dt_get(dt_server, "/api/actions/connectors"), *found = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(all, i, c) {
		if (!found && strcmp(dt_str(c, "connector_type_id"), type) == 0 &&
		    (strstr(dt_str(c, "name"), "misconfigured") != NULL) == misconfigured)
			found = json_incref(c);
	}
	json_decref(all);
	assert_non_null(found);
	return found;
}

static void test_cases_find_shape_and_filters(void **state)
{
	json_t *f = dt_get(dt_server, "/api/cases/_find?perPage=5&page=2&sortField=title&sortOrder=asc");
	assert_int_equal(dt_int(f, "page"), 2);
	assert_int_equal(dt_int(f, "per_page"), 5);
	assert_int_equal(dt_int(f, "total"), 60);
	assert_int_equal(json_array_size(json_object_get(f, "cases")), 5);
	assert_int_equal(dt_int(f, "count_open_cases") + dt_int(f, "count_in_progress_cases") + dt_int(f, "count_closed_cases"), 60);
	json_t *c0 = json_array_get(json_object_get(f, "cases"), 0), *c1 = json_array_get(json_object_get(f, "cases"), 1);
	assert_true(strcmp(dt_str(c0, "title"), dt_str(c1, "title")) <= 0);
	assert_int_equal(json_array_size(json_object_get(c0, "comments")), 0);
	assert_non_null(dt_str(c0, "version"));
	assert_true(json_is_object(json_object_get(c0, "settings")));
	json_decref(f);
	f = dt_get(dt_server, "/api/cases/_find?status=closed&perPage=100");
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(f, "cases"), i, c) {
		assert_string_equal(dt_str(c, "status"), "closed");
	}
	assert_int_equal(dt_int(f, "total"), dt_int(f, "count_closed_cases"));
	json_decref(f);
	f = dt_get(dt_server, "/api/cases/_find?search=CREDENTIAL&perPage=100");
	json_array_foreach(json_object_get(f, "cases"), i, c) {
		char *t = dt_fmt("%s %s", dt_str(c, "title"), dt_str(c, "description"));
		assert_true(strcasestr(t, "credential") != NULL);
		free(t);
	}
	json_decref(f);
	f = dt_get(dt_server, "/api/cases/_find?tags=ransomware&tags=phishing&perPage=100");
	json_array_foreach(json_object_get(f, "cases"), i, c) {
		char *tags = json_dumps(json_object_get(c, "tags"), 0);
		assert_true(strstr(tags, "ransomware") || strstr(tags, "phishing"));
		free(tags);
	}
	json_decref(f);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/cases/_find?perPage=101", NULL, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "perPage"));
	json_decref(err);
	assert_int_equal(dt_json(dt_server, "GET", "/api/cases/_find?sortField=nope", NULL, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "sortField"));
	json_decref(err);
}

/* A demo server like the shared one that behaves as Kibana 8.19. */
static struct demo_server *start_819(void)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = 11;
	o.alerts = 1500;
	o.quiet = true;
	o.api_key = xstrdup(DT_KEY);
	char *err = NULL;
	assert_int_equal(demo_options_set_kibana(&o, "8.19", &err), 0);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

/* Kibana 8.19 sends a case with all its comments (get_case.ts before 9.0), unless includeComments=false. */
static void test_case_get_comments_819(void **state)
{
	struct demo_server *old = start_819();
	json_t *c = some_case();
	char *p = dt_fmt("/api/cases/%s", dt_str(c, "id"));
	json_t *full = dt_get(old, p);
	size_t users = 0, alerts = 0, i;
	json_t *e;
	json_array_foreach(json_object_get(full, "comments"), i, e) {
		users += strcmp(dt_str(e, "type"), "user") == 0;
		alerts += strcmp(dt_str(e, "type"), "alert") == 0;
	}
	assert_int_equal((json_int_t)users, dt_int(full, "totalComment"));
	assert_true(alerts > 0);
	free(p);
	p = dt_fmt("/api/cases/%s?includeComments=false", dt_str(c, "id"));
	json_t *bare = dt_get(old, p);
	assert_int_equal(json_array_size(json_object_get(bare, "comments")), 0);
	free(p);
	p = dt_fmt("/api/cases/%s/comments", dt_str(c, "id"));
	json_t *all = dt_get(old, p);
	assert_int_equal(json_array_size(json_object_get(all, "comments")),
			 json_array_size(json_object_get(full, "comments")));
	free(p);
	/* _find holds the user comments only, as in 9.2. */
	p = dt_fmt("/api/cases/%s/comments/_find?perPage=100", dt_str(c, "id"));
	json_t *page = dt_get(old, p);
	assert_int_equal(dt_int(page, "total"), (json_int_t)users);
	free(p);
	json_decref(page);
	json_decref(all);
	json_decref(bare);
	json_decref(full);
	json_decref(c);
	demo_stop(old);
}

/* Kibana 9.2 strips the comments (get_case.ts) and has no get-all route; _find pages the user comments and
 * /alerts lists the attached alerts. */
static void test_case_get_comments_alerts(void **state)
{
	json_t *c = some_case();
	char *p = dt_fmt("/api/cases/%s", dt_str(c, "id"));
	json_t *full = dt_get(dt_server, p);
	assert_null(json_object_get(full, "comments"));
	assert_int_equal(dt_int(full, "totalAlerts"), dt_int(c, "totalAlerts"));
	free(p);
	p = dt_fmt("/api/cases/%s/comments", dt_str(c, "id"));
	json_t *gone = NULL;
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &gone), 404);
	json_decref(gone);
	free(p);
	p = dt_fmt("/api/cases/%s/alerts", dt_str(c, "id"));
	json_t *alerts = dt_get(dt_server, p);
	assert_int_equal((json_int_t)json_array_size(alerts), dt_int(c, "totalAlerts"));
	json_t *a0 = json_array_get(alerts, 0);
	assert_non_null(dt_str(a0, "id"));
	assert_string_equal(dt_str(a0, "index"), ".internal.alerts-security.alerts-default-000001");
	assert_non_null(dt_str(a0, "attached_at"));
	free(p);
	p = dt_fmt("/api/cases/alerts/%s", dt_str(a0, "id"));
	json_t *by_alert = dt_get(dt_server, p);
	bool found = false;
	size_t i;
	json_t *e;
	json_array_foreach(by_alert, i, e) {
		found = found || strcmp(dt_str(e, "id"), dt_str(c, "id")) == 0;
	}
	assert_true(found);
	free(p);
	/* find_comments.ts: {comments, page, per_page, total}, user comments only, oldest first when asked. */
	p = dt_fmt("/api/cases/%s/comments/_find?perPage=2&sortOrder=asc", dt_str(c, "id"));
	json_t *page = dt_get(dt_server, p);
	assert_int_equal(dt_int(page, "per_page"), 2);
	assert_int_equal(dt_int(page, "total"), dt_int(c, "totalComment"));
	assert_true(json_array_size(json_object_get(page, "comments")) <= 2);
	json_array_foreach(json_object_get(page, "comments"), i, e) {
		assert_string_equal(dt_str(e, "type"), "user");
	}
	assert_null(json_object_get(page, "id"));
	free(p);
	json_decref(page);
	json_decref(by_alert);
	json_decref(alerts);
	json_decref(full);
	json_decref(c);
}

static void test_case_create_patch_conflict_delete(void **state)
{
	json_t *c = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/cases",
				 "{\"title\":\"New case\",\"description\":\"From a test\",\"tags\":[\"t1\"],"
				 "\"owner\":\"securitySolution\",\"settings\":{\"syncAlerts\":false},"
				 "\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null}}",
				 &c),
			 200);
	assert_string_equal(dt_str(c, "status"), "open");
	assert_string_equal(dt_str(c, "severity"), "low");
	assert_int_equal(dt_int(c, "totalComment"), 0);
	const char *id = dt_str(c, "id"), *v1 = dt_str(c, "version");
	char *body =
		dt_fmt("{\"cases\":[{\"id\":\"%s\",\"version\":\"%s\",\"status\":\"closed\",\"severity\":\"high\"}]}",
		       id, v1);
	json_t *upd = NULL;
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, &upd), 200);
	json_t *u0 = json_array_get(upd, 0);
	assert_string_equal(dt_str(u0, "status"), "closed");
	assert_string_equal(dt_str(u0, "severity"), "high");
	assert_string_not_equal(dt_str(u0, "version"), v1);
	assert_non_null(dt_str(u0, "closed_at"));
	assert_non_null(dt_str(u0, "updated_at"));
	assert_true(json_is_integer(json_object_get(u0, "duration")));
	/* The same update with the old version conflicts, in Kibana's words. */
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, &err), 409);
	assert_int_equal(dt_int(err, "statusCode"), 409);
	assert_string_equal(dt_str(err, "error"), "Conflict");
	assert_non_null(strstr(dt_str(err, "message"), "have been updated. Please refresh before saving additional updates."));
	json_decref(err);
	free(body);
	/* Nothing to change: 406. */
	body = dt_fmt("{\"cases\":[{\"id\":\"%s\",\"version\":\"%s\",\"status\":\"closed\"}]}", id, dt_str(u0, "version"));
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, NULL), 406);
	free(body);
	/* Reopening clears the closing fields. */
	body =
	    dt_fmt("{\"cases\":[{\"id\":\"%s\",\"version\":\"%s\",\"status\":\"open\"}]}", id, dt_str(u0, "version"));
	json_t *re = NULL;
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, &re), 200);
	assert_true(json_is_null(json_object_get(json_array_get(re, 0), "closed_at")));
	json_decref(re);
	free(body);
	body = dt_fmt("{\"cases\":[{\"id\":\"nope\",\"version\":\"x\",\"status\":\"open\"}]}");
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, &err), 404);
	assert_non_null(strstr(dt_str(err, "message"), "nope"));
	json_decref(err);
	free(body);
	char *path = dt_fmt("/api/cases?ids=%s", id);
	struct dt_resp r = dt_req(dt_server, "DELETE", path, NULL, NULL, 0);
	assert_int_equal(r.status, 204);
	assert_int_equal(r.len, 0);
	dt_resp_free(&r);
	free(path);
	path = dt_fmt("/api/cases/%s", id);
	assert_int_equal(dt_json(dt_server, "GET", path, NULL, &err), 404);
	assert_string_equal(dt_str(err, "error"), "Not Found");
	free(path);
	json_decref(err);
	json_decref(upd);
	json_decref(c);
}

static void test_case_invalid_bodies_name_the_field(void **state)
{
	static const struct {
		const char *method, *path, *body, *field;
	} bad[] = {
		{"POST", "/api/cases",
		 "{\"description\":\"d\",\"tags\":[],\"owner\":\"cases\",\"settings\":{\"syncAlerts\":true},"
		 "\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null}}",
		 "title"},
		{"POST", "/api/cases",
		 "{\"title\":\"t\",\"description\":\"d\",\"tags\":\"x\",\"owner\":\"cases\",\"settings\":"
		 "{\"syncAlerts\":true},\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null}}",
		 "tags"},
		{"POST", "/api/cases",
		 "{\"title\":\"t\",\"description\":\"d\",\"tags\":[],\"owner\":\"cases\",\"severity\":\"huge\","
		 "\"settings\":{\"syncAlerts\":true},\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null}}",
		 "severity"},
		{"POST", "/api/cases",
		 "{\"title\":\"t\",\"description\":\"d\",\"tags\":[],\"owner\":\"cases\",\"settings\":"
		 "{\"syncAlerts\":true},\"connector\":{\"id\":\"j\",\"name\":\"j\",\"type\":\".jira\",\"fields\":{}}}",
		 "issueType"},
		{"PATCH", "/api/cases", "{\"cases\":[]}", "cases"},
		{"PATCH", "/api/cases", "{\"cases\":[{\"id\":\"x\",\"version\":\"y\",\"status\":\"done\"}]}",
		 "status"},
		{"POST", "/api/detection_engine/signals/status", "{\"signal_ids\":[\"a\"],\"status\":\"gone\"}",
		 "status"},
		{"POST", "/api/detection_engine/signals/search", "{\"size\":\"ten\"}", "size"},
		{"POST", "/api/security/session/_invalidate", "{\"match\":\"query\"}", "query"},
		{"POST", "/api/fleet/fleet_server_hosts", "{\"name\":\"x\",\"host_urls\":[]}", "host_urls"},
		{"POST", "/api/cases", "{not json", "JSON"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *err = NULL;
		long st = dt_json(dt_server, bad[i].method, bad[i].path, bad[i].body, &err);
		const char *msg = dt_str(err, "message");
		if (st != 400 || !msg || !strstr(msg, bad[i].field))
			fprintf(stderr, "%s %s %s -> %ld %s\n", bad[i].method, bad[i].path, bad[i].body, st, msg ? msg : "");
		assert_int_equal(st, 400);
		assert_non_null(strstr(msg, bad[i].field));
		assert_int_equal(dt_int(err, "statusCode"), 400);
		json_decref(err);
	}
}

static void test_comments_post(void **state)
{
	json_t *c = some_case();
	char *p = dt_fmt("/api/cases/%s/comments", dt_str(c, "id"));
	char *body = dt_fmt("{\"type\":\"user\",\"comment\":\"Looked at it.\",\"owner\":\"%s\"}", dt_str(c, "owner"));
	json_t *after = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, body, &after), 200);
	assert_int_equal(dt_int(after, "totalComment"), dt_int(c, "totalComment") + 1);
	json_t *last = json_array_get(json_object_get(after, "comments"),
				      json_array_size(json_object_get(after, "comments")) - 1);
	assert_string_equal(dt_str(last, "comment"), "Looked at it.");
	free(body);
	body = dt_fmt(
		"{\"type\":\"alert\",\"alertId\":[\"a1\",\"a2\"],\"index\":[\"i1\",\"i2\"],\"rule\":{\"id\":\"r\",\"name\":\"R\"},"
		"\"owner\":\"%s\"}",
		dt_str(c, "owner"));
	json_t *after2 = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, body, &after2), 200);
	assert_int_equal(dt_int(after2, "totalAlerts"), dt_int(after, "totalAlerts") + 2);
	free(body);
	/* rule must carry id and name, each a string or null (attachment/v1.ts): {} is refused, nulls are fine. */
	json_t *rerr = NULL;
	body = dt_fmt("{\"type\":\"alert\",\"alertId\":\"a3\",\"index\":\"i3\",\"rule\":{},\"owner\":\"%s\"}", dt_str(c, "owner"));
	assert_int_equal(dt_json(dt_server, "POST", p, body, &rerr), 400);
	assert_non_null(strstr(dt_str(rerr, "message"), "rule.id"));
	json_decref(rerr);
	free(body);
	body = dt_fmt("{\"type\":\"alert\",\"alertId\":\"a3\",\"index\":\"i3\",\"rule\":{\"id\":null,\"name\":null},"
		      "\"owner\":\"%s\"}", dt_str(c, "owner"));
	json_t *after3 = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, body, &after3), 200);
	json_decref(after3);
	free(body);
	json_t *err = NULL;
	body = dt_fmt("{\"type\":\"user\",\"owner\":\"%s\",\"comment\":\" \"}", dt_str(c, "owner"));
	assert_int_equal(dt_json(dt_server, "POST", p, body, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "comment"));
	json_decref(err);
	free(body);
	free(p);
	json_decref(after);
	json_decref(after2);
	json_decref(c);
}

/* The connector of a type; skip_bad skips the misconfigured one. */

static void test_connectors_and_push(void **state)
{
	json_t *all = dt_get(dt_server, "/api/actions/connectors");
	assert_true(json_array_size(all) >= 10);
	json_t *c0 = json_array_get(all, 0);
	assert_non_null(dt_str(c0, "connector_type_id"));
	assert_true(json_is_boolean(json_object_get(c0, "is_preconfigured")));
	assert_true(json_is_integer(json_object_get(c0, "referenced_by_count")));
	json_decref(all);
	json_t *cc = dt_get(dt_server, "/api/cases/configure/connectors/_find");
	size_t i;
	json_t *e;
	json_array_foreach(cc, i, e) {
		assert_null(strstr(".email .index .slack .webhook", dt_str(e, "actionTypeId")));
		assert_non_null(json_object_get(e, "isMissingSecrets"));
	}
	assert_true(json_array_size(cc) >= 6);
	json_decref(cc);
	json_t *c = some_case(), *jira = connector(".jira", false), *sn = connector(".servicenow", false);
	char *p = dt_fmt("/api/cases/%s/connector/%s/_push", dt_str(c, "id"), dt_str(jira, "id"));
	json_t *pushed = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", &pushed), 200);
	json_t *ext = json_object_get(pushed, "external_service");
	assert_string_equal(dt_str(ext, "connector_id"), dt_str(jira, "id"));
	assert_non_null(strstr(dt_str(ext, "external_title"), "SOC-"));
	assert_non_null(strstr(dt_str(ext, "external_url"), dt_str(ext, "external_title")));
	assert_non_null(dt_str(ext, "pushed_at"));
	assert_string_not_equal(dt_str(pushed, "version"), dt_str(c, "version"));
	/* Pushing again to the same connector updates the same incident. */
	json_t *again = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, NULL, &again), 200);
	assert_string_equal(dt_str(json_object_get(again, "external_service"), "external_id"),
			    dt_str(ext, "external_id"));
	free(p);
	p = dt_fmt("/api/cases/%s/connector/%s/_push", dt_str(c, "id"), dt_str(sn, "id"));
	json_t *snp = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", &snp), 200);
	assert_non_null(strstr(dt_str(json_object_get(snp, "external_service"), "external_title"), "INC"));
	free(p);
	/* The push sticks: the case shows it afterwards. */
	p = dt_fmt("/api/cases/%s", dt_str(c, "id"));
	json_t *now = dt_get(dt_server, p);
	assert_string_equal(dt_str(json_object_get(now, "external_service"), "connector_id"), dt_str(sn, "id"));
	free(p);
	/* A connector that fails passes its whole message through, as Kibana does (424). */
	json_t *bad = connector(".jira", true), *err = NULL;
	p = dt_fmt("/api/cases/%s/connector/%s/_push", dt_str(c, "id"), dt_str(bad, "id"));
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", &err), 424);
	assert_string_equal(dt_str(err, "error"), "Failed Dependency");
	assert_true(strlen(dt_str(err, "message")) > 300);
	assert_non_null(strstr(dt_str(err, "message"), "[Action][Jira]"));
	json_decref(err);
	free(p);
	json_t *email = connector(".email", false);
	p = dt_fmt("/api/cases/%s/connector/%s/_push", dt_str(c, "id"), dt_str(email, "id"));
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", NULL), 400);
	free(p);
	p = dt_fmt("/api/cases/%s/connector/no-such-connector/_push", dt_str(c, "id"));
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", NULL), 404);
	free(p);
	json_decref(email);
	json_decref(bad);
	json_decref(now);
	json_decref(snp);
	json_decref(again);
	json_decref(pushed);
	json_decref(sn);
	json_decref(jira);
	json_decref(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases_find_shape_and_filters),
		cmocka_unit_test(test_case_get_comments_alerts),
		cmocka_unit_test(test_case_get_comments_819),
		cmocka_unit_test(test_case_create_patch_conflict_delete),
		cmocka_unit_test(test_case_invalid_bodies_name_the_field),
		cmocka_unit_test(test_comments_post),
		cmocka_unit_test(test_connectors_and_push),
	};
	return cmocka_run_group_tests(tests, dt_setup, dt_teardown);
}
