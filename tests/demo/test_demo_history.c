/* A case's user actions over HTTP: the story generated cases come with, paging, order and the types filter, and
 * every change through the demo's routes (create, PATCH, comment, push) recorded as Kibana records it. */
#include "config.h"
#include "demo_testutil.h"
#include "demo/demo.h"
#include "core/xalloc.h"
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* got, dumped compactly with sorted keys, must be want. */
static void assert_json(json_t *got, const char *want)
{
	char *text = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS);
	assert_non_null(text);
	assert_string_equal(text, want);
	free(text);
}

/* The user actions of a case (every one, oldest first). */
static json_t *history(const char *id)
{
	char *p = dt_fmt("/api/cases/%s/user_actions/_find?perPage=100&sortOrder=asc", id);
	json_t *h = dt_get(dt_server, p);
	free(p);
	return h;
}

/* A generated case with comments and a status other than open. */
static json_t *story_case(void)
{
	json_t *f = dt_get(dt_server, "/api/cases/_find?perPage=100&status=closed");
	size_t i;
	json_t *c, *found = NULL;
	json_array_foreach(json_object_get(f, "cases"), i, c) {
		if (!found && dt_int(c, "totalComment") > 0 && dt_int(c, "totalAlerts") > 0)
			found = json_incref(c);
	}
	json_decref(f);
	assert_non_null(found);
	return found;
}

static void test_generated_story(void **state)
{
	json_t *c = story_case();
	json_t *h = history(dt_str(c, "id"));
	json_t *ua = json_object_get(h, "userActions");
	assert_int_equal((size_t)dt_int(h, "total"), json_array_size(ua));
	json_t *first = json_array_get(ua, 0);
	assert_string_equal(dt_str(first, "type"), "create_case");
	assert_string_equal(dt_str(first, "action"), "create");
	assert_true(json_is_null(json_object_get(first, "comment_id")));
	assert_string_equal(dt_str(json_object_get(first, "payload"), "title"), dt_str(c, "title"));
	assert_string_equal(dt_str(first, "created_at"), dt_str(c, "created_at"));
	/* Every comment has its "comment create" action, naming it; the case was closed last. */
	char *p = dt_fmt("/api/cases/%s", dt_str(c, "id"));
	json_t *full = dt_get(dt_server, p);
	free(p);
	size_t i, j, comments = 0;
	json_t *cm, *a;
	json_array_foreach(json_object_get(full, "comments"), i, cm) {
		bool found = false;
		json_array_foreach(ua, j, a) {
			if (dt_str(a, "comment_id") && strcmp(dt_str(a, "comment_id"), dt_str(cm, "id")) == 0) {
				found = true;
				assert_string_equal(dt_str(a, "type"), "comment");
				assert_string_equal(dt_str(json_object_get(json_object_get(a, "payload"), "comment"), "type"),
						    dt_str(cm, "type"));
			}
		}
		assert_true(found);
		comments++;
	}
	assert_true(comments > 0);
	const char *prev = "";
	bool closed = false;
	json_array_foreach(ua, j, a) {
		assert_true(strcmp(prev, dt_str(a, "created_at")) <= 0);
		prev = dt_str(a, "created_at");
		closed = !strcmp(dt_str(a, "type"), "status") && !strcmp(dt_str(json_object_get(a, "payload"), "status"), "closed");
		assert_non_null(dt_str(json_object_get(a, "created_by"), "username"));
		assert_string_equal(dt_str(a, "owner"), dt_str(c, "owner"));
	}
	assert_true(closed);
	json_decref(full);
	json_decref(h);
	json_decref(c);
}

static void test_paging_order_types(void **state)
{
	json_t *c = story_case();
	const char *id = dt_str(c, "id");
	json_t *all = history(id);
	size_t n = json_array_size(json_object_get(all, "userActions"));
	assert_true(n >= 3);
	/* Newest first by default, 20 a page. */
	char *p = dt_fmt("/api/cases/%s/user_actions/_find?perPage=2&page=1", id);
	json_t *desc = dt_get(dt_server, p);
	free(p);
	assert_int_equal(dt_int(desc, "perPage"), 2);
	assert_int_equal((size_t)dt_int(desc, "total"), n);
	assert_string_equal(dt_str(json_array_get(json_object_get(desc, "userActions"), 0), "id"),
			    dt_str(json_array_get(json_object_get(all, "userActions"), n - 1), "id"));
	json_decref(desc);
	/* types: a filter group (alert: comments holding alerts) or a type; repeated keys add up. */
	p = dt_fmt("/api/cases/%s/user_actions/_find?types=alert&types=create_case&perPage=100", id);
	json_t *some = dt_get(dt_server, p);
	free(p);
	size_t i;
	json_t *a;
	assert_true(json_array_size(json_object_get(some, "userActions")) >= 2);
	json_array_foreach(json_object_get(some, "userActions"), i, a) {
		const char *t = dt_str(a, "type");
		const char *ct = dt_str(json_object_get(json_object_get(a, "payload"), "comment"), "type");
		assert_true(!strcmp(t, "create_case") || (!strcmp(t, "comment") && ct && !strcmp(ct, "alert")));
	}
	json_decref(some);
	json_t *err = NULL;
	p = dt_fmt("/api/cases/%s/user_actions/_find?types=everything", id);
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "types"));
	json_decref(err);
	free(p);
	p = dt_fmt("/api/cases/%s/user_actions/_find?perPage=101", id);
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &err), 400);
	assert_non_null(strstr(dt_str(err, "message"), "perPage"));
	json_decref(err);
	free(p);
	assert_int_equal(dt_json(dt_server, "GET", "/api/cases/nope/user_actions/_find", NULL, &err), 404);
	json_decref(err);
	json_decref(all);
	json_decref(c);
}

/* The last user action of a case. */
static json_t *last_action(const char *id, size_t *n)
{
	json_t *h = history(id);
	json_t *ua = json_object_get(h, "userActions");
	*n = json_array_size(ua);
	json_t *last = json_incref(json_array_get(ua, *n - 1));
	json_decref(h);
	return last;
}

static void test_changes_recorded(void **state)
{
	json_t *c = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/api/cases",
				 "{\"title\":\"Story\",\"description\":\"d\",\"tags\":[\"a\",\"b\"],\"owner\":\"securitySolution\","
				 "\"settings\":{\"syncAlerts\":false},\"connector\":{\"id\":\"none\",\"name\":\"none\","
				 "\"type\":\".none\",\"fields\":null}}", &c), 200);
	char *id = strdup(dt_str(c, "id"));
	size_t n;
	json_t *last = last_action(id, &n);
	assert_int_equal(n, 1);
	assert_string_equal(dt_str(last, "type"), "create_case");
	assert_string_equal(dt_str(json_object_get(last, "payload"), "title"), "Story");
	assert_null(json_object_get(json_object_get(last, "payload"), "id"));
	json_decref(last);
	/* One PATCH, three user actions: the status, a tag added and a tag removed. */
	char *body = dt_fmt("{\"cases\":[{\"id\":\"%s\",\"version\":\"%s\",\"status\":\"in-progress\",\"tags\":[\"b\",\"c\"]}]}",
			    id, dt_str(c, "version"));
	assert_int_equal(dt_json(dt_server, "PATCH", "/api/cases", body, NULL), 200);
	free(body);
	json_t *h = history(id);
	json_t *ua = json_object_get(h, "userActions");
	assert_int_equal(json_array_size(ua), 4);
	assert_string_equal(dt_str(json_array_get(ua, 1), "type"), "status");
	assert_string_equal(dt_str(json_object_get(json_array_get(ua, 1), "payload"), "status"), "in-progress");
	assert_string_equal(dt_str(json_array_get(ua, 2), "action"), "add");
	assert_json(json_object_get(json_array_get(ua, 2), "payload"), "{\"tags\":[\"c\"]}");
	assert_string_equal(dt_str(json_array_get(ua, 3), "action"), "delete");
	assert_json(json_object_get(json_array_get(ua, 3), "payload"), "{\"tags\":[\"a\"]}");
	json_decref(h);
	/* A comment names itself; a push carries where it went. */
	char *p = dt_fmt("/api/cases/%s/comments", id);
	json_t *after = NULL;
	assert_int_equal(dt_json(dt_server, "POST", p, "{\"type\":\"user\",\"comment\":\"Seen.\",\"owner\":\"securitySolution\"}",
				 &after), 200);
	free(p);
	json_t *cm = json_array_get(json_object_get(after, "comments"), 0);
	last = last_action(id, &n);
	assert_int_equal(n, 5);
	assert_string_equal(dt_str(last, "comment_id"), dt_str(cm, "id"));
	assert_string_equal(dt_str(json_object_get(json_object_get(last, "payload"), "comment"), "comment"), "Seen.");
	json_decref(last);
	json_decref(after);
	json_t *conns = dt_get(dt_server, "/api/actions/connectors");
	const char *jira = NULL;
	size_t i;
	json_t *k;
	json_array_foreach(conns, i, k) {
		if (!jira && !strcmp(dt_str(k, "connector_type_id"), ".jira") && !strstr(dt_str(k, "name"), "misconfigured"))
			jira = dt_str(k, "id");
	}
	assert_non_null(jira);
	p = dt_fmt("/api/cases/%s/connector/%s/_push", id, jira);
	assert_int_equal(dt_json(dt_server, "POST", p, "{}", NULL), 200);
	free(p);
	last = last_action(id, &n);
	assert_string_equal(dt_str(last, "type"), "pushed");
	assert_string_equal(dt_str(last, "action"), "push_to_service");
	assert_non_null(dt_str(json_object_get(json_object_get(last, "payload"), "externalService"), "external_url"));
	json_decref(last);
	json_decref(conns);
	free(id);
	json_decref(c);
}

static void test_spaces(void **state)
{
	json_t *s = dt_get(dt_server, "/api/spaces/space");
	assert_int_equal(json_array_size(s), 2);
	assert_string_equal(dt_str(json_array_get(s, 0), "id"), "default");
	assert_string_equal(dt_str(json_array_get(s, 1), "id"), "soc-eu");
	assert_null(json_object_get(json_array_get(s, 1), "authorizedPurposes"));
	json_decref(s);
	s = dt_get(dt_server, "/api/spaces/space?include_authorized_purposes=true");
	assert_true(json_is_true(json_object_get(json_object_get(json_array_get(s, 1), "authorizedPurposes"), "any")));
	json_decref(s);
	json_t *err = NULL;
	assert_int_equal(dt_json(dt_server, "GET", "/api/spaces/space?purpose=any&include_authorized_purposes=true", NULL,
				 &err), 400);
	json_decref(err);
	/* Each space has its own cases: the second space's are not found from the default one. */
	json_t *eu = dt_get(dt_server, "/s/soc-eu/api/cases/_find?perPage=100");
	assert_int_equal(dt_int(eu, "total"), 4);
	const char *eu_id = dt_str(json_array_get(json_object_get(eu, "cases"), 0), "id");
	char *p = dt_fmt("/api/cases/%s", eu_id);
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &err), 404);
	json_decref(err);
	free(p);
	p = dt_fmt("/s/soc-eu/api/cases/%s/user_actions/_find", eu_id);
	json_t *h = dt_get(dt_server, p);
	assert_true(dt_int(h, "total") >= 1);
	json_decref(h);
	free(p);
	json_t *def = dt_get(dt_server, "/api/cases/_find?perPage=100");
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(def, "cases"), i, c) {
		assert_string_not_equal(dt_str(c, "id"), eu_id);
	}
	json_decref(def);
	/* A case created in a space stays there. */
	json_t *made = NULL;
	assert_int_equal(dt_json(dt_server, "POST", "/s/soc-eu/api/cases",
				 "{\"title\":\"EU\",\"description\":\"d\",\"tags\":[],\"owner\":\"securitySolution\","
				 "\"settings\":{\"syncAlerts\":false},\"connector\":{\"id\":\"none\",\"name\":\"none\","
				 "\"type\":\".none\",\"fields\":null}}", &made), 200);
	json_t *eu2 = dt_get(dt_server, "/s/soc-eu/api/cases/_find?perPage=100");
	assert_int_equal(dt_int(eu2, "total"), 5);
	p = dt_fmt("/api/cases/%s", dt_str(made, "id"));
	assert_int_equal(dt_json(dt_server, "GET", p, NULL, &err), 404);
	json_decref(err);
	free(p);
	json_decref(eu2);
	json_decref(made);
	json_decref(eu);
}

/* The demo as Kibana 8.19, which still sends a case with all its comments: the story is checked against them. */
static int history_setup(void **state)
{
	struct demo_options o;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	demo_options_init(&o);
	o.seed = 11;
	o.alerts = 1500;
	o.quiet = true;
	o.action_delay_ms = 50;
	o.api_key = xstrdup(DT_KEY);
	o.kibana_major = 8;
	o.kibana_minor = 19;
	dt_server = dt_start(&o);
	demo_options_free(&o);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated_story),
		cmocka_unit_test(test_paging_order_types),
		cmocka_unit_test(test_changes_recorded),
		cmocka_unit_test(test_spaces),
	};
	return cmocka_run_group_tests(tests, history_setup, dt_teardown);
}
