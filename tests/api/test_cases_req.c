/* Request builders of the cases API (method, encoded path, query string, JSON body), then every cases operation
 * through the real worker against the demo server, checking results and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "testjson.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_find_request_query(void **state)
{
	static const char *const tags[] = {"a b", "x&y", "\xc3\xa9t\xc3\xa9"};
	struct cases_query q = {
		.page = 3,
		.per_page = 500,
		.status = "in-progress",
		.severity = "high",
		.search = "ransom ware",
		.owner = "securitySolution",
		.tags = tags,
		.n_tags = 3,
		.sort_field = "updatedAt",
		.sort_order = "asc",
		.from = "2025-01-02T03:04:05.006Z",
		.to = "2025-02-01T00:00:00.000Z",
	};
	struct api_request *req = cases_find_request(&q);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/cases/_find");
	assert_string_equal(req->query, "?page=3&perPage=100&status=in-progress&severity=high&search=ransom%20ware"
					"&owner=securitySolution&tags=a%20b&tags=x%26y&tags=%C3%A9t%C3%A9"
					"&sortField=updatedAt&sortOrder=asc&from=2025-01-02T03%3A04%3A05.006Z"
					"&to=2025-02-01T00%3A00%3A00.000Z");
	assert_ptr_equal(req->model, &cases_page_model);
	assert_null(req->body);
	api_request_free(req);
}

static void test_find_request_minimal(void **state)
{
	struct cases_query q = {.search = ""};
	struct api_request *req = cases_find_request(&q);
	/* Nothing set, nothing sent: an empty search is not a filter. */
	assert_null(req->query);
	api_request_free(req);
}

static void test_get_and_alert_paths(void **state)
{
	struct api_request *req = cases_get_request("caso-\xc3\xb1/1");
	assert_string_equal(req->path, "/api/cases/caso-%C3%B1%2F1");
	assert_int_equal(req->method, HTTP_GET);
	assert_ptr_equal(req->model, &cases_case_model);
	api_request_free(req);

	req = cases_get_request("..");
	assert_string_equal(req->path, "/api/cases/%2E%2E");
	api_request_free(req);

	req = cases_of_alert_request("09f0c261e39e?x=1");
	assert_string_equal(req->path, "/api/cases/alerts/09f0c261e39e%3Fx%3D1");
	assert_ptr_equal(req->model, &cases_of_alert_list_model);
	api_request_free(req);
}

static void test_update_request(void **state)
{
	struct api_request *req = cases_update_request("id-1", "WzE3NjgsM10=", json_pack("{s:s}", "status", "closed"));
	assert_int_equal(req->method, HTTP_PATCH);
	assert_string_equal(req->path, "/api/cases");
	assert_ptr_equal(req->model, &cases_list_model);
	json_t *b = testjson_body(req);
	json_t *want = json_pack("{s:[{s:s,s:s,s:s}]}", "cases", "status", "closed", "id", "id-1", "version",
				 "WzE3NjgsM10=");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
}

static void test_comment_request(void **state)
{
	struct api_request *req = cases_comment_request("c/1", NULL, "line 1\nline \"2\"");
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases/c%2F1/comments");
	json_t *b = testjson_body(req);
	json_t *want = json_pack("{s:s,s:s,s:s}", "type", "user", "owner", "securitySolution", "comment",
				 "line 1\nline \"2\"");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
}

static void test_attach_alerts_request(void **state)
{
	static const char *const ids[] = {"a1", "a2"};
	static const char *const idx[] = {".alerts-security.alerts-default", ".alerts-security.alerts-default"};
	struct api_request *req = cases_attach_alerts_request("c1", "cases", ids, idx, 2, "r1", "Rule");
	json_t *b = testjson_body(req);
	json_t *want = json_pack("{s:s,s:s,s:[s,s],s:[s,s],s:{s:s,s:s}}", "type", "alert", "owner", "cases", "alertId",
				 "a1", "a2", "index", idx[0], idx[1], "rule", "id", "r1", "name", "Rule");
	assert_true(json_equal(b, want));
	json_decref(b);
	json_decref(want);
	api_request_free(req);
	/* No rule fields: Kibana still needs both keys (attachment/v1.ts), each null; "rule": {} is refused. */
	req = cases_attach_alerts_request("c1", "cases", ids, idx, 1, NULL, NULL);
	b = testjson_body(req);
	json_t *rule = json_object_get(b, "rule");
	assert_int_equal(json_object_size(rule), 2);
	assert_true(json_is_null(json_object_get(rule, "id")));
	assert_true(json_is_null(json_object_get(rule, "name")));
	json_decref(b);
	api_request_free(req);
	req = cases_attach_alerts_request("c1", "cases", ids, idx, 1, "r1", NULL);
	b = testjson_body(req);
	assert_string_equal(json_string_value(json_object_get(json_object_get(b, "rule"), "id")), "r1");
	assert_true(json_is_null(json_object_get(json_object_get(b, "rule"), "name")));
	json_decref(b);
	api_request_free(req);
}

/* The comments of a case Kibana 9 sent without them: _find, oldest first, at most 100 a page. */
static void test_comments_find_request(void **state)
{
	struct api_request *req = cases_comments_find_request("a/b", 2, 500);
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/cases/a%2Fb/comments/_find");
	assert_string_equal(req->query, "?page=2&perPage=100&sortOrder=asc");
	assert_ptr_equal(req->model, &cases_comment_page_model);
	api_request_free(req);
}

static void test_create_request(void **state)
{
	static const char *const tags[] = {"t1"};
	struct api_request *req = cases_create_request("Title", "Desc", NULL, "high", tags, 1);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases");
	json_t *b = testjson_body(req);
	assert_string_equal(json_string_value(json_object_get(b, "title")), "Title");
	assert_string_equal(json_string_value(json_object_get(b, "owner")), "securitySolution");
	assert_string_equal(json_string_value(json_object_get(b, "severity")), "high");
	assert_true(json_is_true(json_object_get(json_object_get(b, "settings"), "syncAlerts")));
	json_t *conn = json_object_get(b, "connector");
	assert_string_equal(json_string_value(json_object_get(conn, "type")), ".none");
	assert_true(json_is_null(json_object_get(conn, "fields")));
	json_decref(b);
	api_request_free(req);
}

static void test_push_request(void **state)
{
	struct api_request *req = cases_push_request("9c235210 6834", "abed/3a70");
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/cases/9c235210%206834/connector/abed%2F3a70/_push");
	assert_string_equal(req->body, "{}");
	api_request_free(req);
}

static void test_connector_json(void **state)
{
	json_t *j = cases_connector_json("id", "Jira", ".jira");
	json_t *want = json_pack("{s:s,s:s,s:s,s:{s:n,s:n,s:n}}", "id", "id", "name", "Jira", "type", ".jira", "fields",
				 "issueType", "parent", "priority");
	assert_true(json_equal(j, want));
	json_decref(j);
	json_decref(want);
	j = cases_connector_json("id", "SN", ".servicenow-sir");
	assert_int_equal(json_object_size(json_object_get(j, "fields")), 7);
	json_decref(j);
	j = cases_connector_json("id", "W", ".cases-webhook");
	assert_true(json_is_null(json_object_get(j, "fields")));
	json_decref(j);
	for (const char *const *t = cases_connector_types; *t; t++) {
		j = cases_connector_json("x", "y", *t);
		assert_non_null(j);
		json_decref(j);
	}
	assert_null(cases_connector_json("id", "Mail", ".email"));
	/* TheHive takes cases too (connector/v1.ts: ConnectorTypes.theHive, fields {tlp: number|null}). */
	assert_true(cases_connector_type_ok(".thehive"));
	j = cases_connector_json("id", "Hive", ".thehive");
	assert_true(json_is_null(json_object_get(json_object_get(j, "fields"), "tlp")));
	json_decref(j);
}

/* The same operations through the real worker against the demo server. */

static struct testenv env;

static int setup(void **state)
{
	(void)state;
	testenv_start(&env, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	testenv_stop(&env);
	return 0;
}

/* The first case of a status, fetched fresh. */
static struct kb_case *first_case(const char *status)
{
	struct cases_query q = {.page = 1, .per_page = 1, .status = status, .sort_field = "createdAt", .sort_order = "asc"};
	struct worker_done *d = testenv_request(&env, cases_find_request(&q));
	assert_int_equal(d->res.status, API_OK);
	struct case_page *p = d->res.model;
	assert_true(p->n == 1);
	struct kb_case *c = xcalloc(1, sizeof(*c));
	*c = p->cases[0];
	memset(&p->cases[0], 0, sizeof(p->cases[0]));
	worker_done_free(d);
	return c;
}

static struct kb_case *get_case(const char *id)
{
	struct worker_done *d = testenv_request(&env, cases_get_request(id));
	assert_int_equal(d->res.status, API_OK);
	struct kb_case *c = d->res.model;
	d->res.model = NULL;
	worker_done_free(d);
	return c;
}

static void test_find_pages_and_filters(void **state)
{
	(void)state;
	struct cases_query q = {.page = 2, .per_page = 7, .sort_field = "updatedAt", .sort_order = "desc"};
	struct worker_done *d = testenv_request(&env, cases_find_request(&q));
	assert_int_equal(d->res.status, API_OK);
	struct case_page *p = d->res.model;
	assert_int_equal(p->page, 2);
	assert_int_equal(p->n, 7);
	assert_true(p->total >= 14);
	assert_int_equal(p->count_open + p->count_in_progress + p->count_closed, p->total);
	worker_done_free(d);

	q = (struct cases_query){.page = 1, .per_page = 100, .status = "closed", .severity = "critical"};
	d = testenv_request(&env, cases_find_request(&q));
	assert_int_equal(d->res.status, API_OK);
	p = d->res.model;
	for (size_t i = 0; i < p->n; i++) {
		assert_string_equal(p->cases[i].status, "closed");
		assert_string_equal(p->cases[i].severity, "critical");
	}
	worker_done_free(d);
}

static void test_get_unknown_is_404(void **state)
{
	(void)state;
	struct worker_done *d = testenv_request(&env, cases_get_request("no-such-case/ñ"));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status, 404);
	assert_non_null(strstr(d->res.message, "HTTP 404 Not Found"));
	worker_done_free(d);
}

static void test_status_change_sticks(void **state)
{
	(void)state;
	struct kb_case *c = first_case("open");
	struct worker_done *d = testenv_request(&env, cases_update_request(c->id, c->version, json_pack("{s:s}", "status", "closed")));
	assert_int_equal(d->res.status, API_OK);
	struct case_list *l = d->res.model;
	assert_int_equal(l->n, 1);
	assert_string_equal(l->cases[0].status, "closed");
	assert_string_not_equal(l->cases[0].version, c->version);
	worker_done_free(d);
	struct kb_case *again = get_case(c->id);
	assert_string_equal(again->status, "closed");
	assert_non_null(again->closed_at);
	/* The old version is stale now: Kibana answers 409. */
	d = testenv_request(&env, cases_update_request(c->id, c->version, json_pack("{s:s}", "severity", "low")));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status, 409);
	worker_done_free(d);
	kmodel_free(&cases_case_model, again);
	kmodel_free(&cases_case_model, c);
}

static void test_comment_is_added(void **state)
{
	(void)state;
	struct kb_case *c = first_case("in-progress");
	struct worker_done *d = testenv_request(&env, cases_comment_request(c->id, c->owner, "Escalated to IR: «ñ» 漢字"));
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	/* Kibana 9 (the demo's default) sends the case without comments: _find pages them in. */
	struct kb_case *again = get_case(c->id);
	assert_int_equal(again->total_comment, c->total_comment + 1);
	assert_false(again->has_comments);
	for (long page = 1; page; ) {
		d = testenv_request(&env, cases_comments_find_request(c->id, page, 2));
		assert_int_equal(d->res.status, API_OK);
		page = cases_comments_next_page(d->res.model);
		cases_take_comments(again, d->res.model);
		worker_done_free(d);
	}
	assert_true(again->has_comments);
	assert_int_equal(again->n_comments, (size_t)again->total_comment);
	bool found = false;
	for (size_t i = 0; i < again->n_comments; i++)
		found |= again->comments[i].comment && !strcmp(again->comments[i].comment, "Escalated to IR: «ñ» 漢字");
	assert_true(found);
	kmodel_free(&cases_case_model, again);
	kmodel_free(&cases_case_model, c);
}

/* A connector of a type, by name fragment (NULL: any); aborts if none. */
static struct connector connector_like(struct connector_list *l, const char *type, const char *name_part, bool want)
{
	for (size_t i = 0; i < l->n; i++) {
		bool named = name_part && strstr(l->items[i].name, name_part);
		if (!strcmp(l->items[i].type, type) && named == want)
			return l->items[i];
	}
	fail_msg("no %s connector", type);
	return l->items[0];
}

static void test_push_sets_external_service(void **state)
{
	(void)state;
	struct worker_done *cd = testenv_request(&env, connectors_list_request());
	assert_int_equal(cd->res.status, API_OK);
	struct connector_list *l = cd->res.model;
	struct connector jira = connector_like(l, ".jira", "misconfigured", false);
	struct kb_case *c = first_case("open");
	/* Point the case at the connector, as the push command does, then push. */
	struct worker_done *d = testenv_request(&env, cases_update_request(c->id, c->version,
		json_pack("{s:o}", "connector", cases_connector_json(jira.id, jira.name, jira.type))));
	assert_int_equal(d->res.status, API_OK);
	worker_done_free(d);
	d = testenv_request(&env, cases_push_request(c->id, jira.id));
	assert_int_equal(d->res.status, API_OK);
	struct kb_case *pushed = d->res.model;
	assert_true(pushed->external.present);
	assert_string_equal(pushed->external.connector_id, jira.id);
	assert_non_null(pushed->external.external_url);
	assert_non_null(pushed->external.external_title);
	worker_done_free(d);
	struct kb_case *again = get_case(c->id);
	assert_true(again->external.present);
	assert_string_equal(again->connector.id, jira.id);
	kmodel_free(&cases_case_model, again);

	/* A connector that cannot take cases is refused; a broken one passes its error through whole. */
	struct connector mail = connector_like(l, ".email", NULL, false);
	d = testenv_request(&env, cases_push_request(c->id, mail.id));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_int_equal(d->res.http_status / 100, 4);
	worker_done_free(d);
	struct connector broken = connector_like(l, ".jira", "misconfigured", true);
	d = testenv_request(&env, cases_push_request(c->id, broken.id));
	assert_int_equal(d->res.status, API_ERR_HTTP);
	assert_true(strlen(d->res.message) > 80);
	worker_done_free(d);
	kmodel_free(&cases_case_model, c);
	worker_done_free(cd);
}

static void test_cases_for_an_attached_alert(void **state)
{
	(void)state;
	struct cases_query q = {.page = 1, .per_page = 100};
	struct worker_done *d = testenv_request(&env, cases_find_request(&q));
	struct case_page *p = d->res.model;
	const char *case_id = NULL;
	for (size_t i = 0; i < p->n && !case_id; i++)
		if (p->cases[i].total_alerts > 0)
			case_id = p->cases[i].id;
	assert_non_null(case_id);
	struct worker_done *ad = testenv_request(&env, alerts_of_case_request(case_id));
	assert_int_equal(ad->res.status, API_OK);
	struct alerts_of_case_list *al = ad->res.model;
	assert_true(al->n > 0);
	struct worker_done *fd = testenv_request(&env, cases_of_alert_request(al->items[0].id));
	assert_int_equal(fd->res.status, API_OK);
	struct cases_of_alert_list *cl = fd->res.model;
	bool found = false;
	for (size_t i = 0; i < cl->n; i++)
		found |= !strcmp(cl->items[i].id, case_id);
	assert_true(found);
	worker_done_free(fd);
	worker_done_free(ad);
	worker_done_free(d);
}

static void test_create_case(void **state)
{
	(void)state;
	const char *tags[] = {"ktriage-test"};
	struct worker_done *d = testenv_request(&env, cases_create_request("Created by a test", "Body", NULL, "high", tags, 1));
	assert_int_equal(d->res.status, API_OK);
	struct kb_case *c = d->res.model;
	assert_string_equal(c->title, "Created by a test");
	assert_string_equal(c->severity, "high");
	struct kb_case *again = get_case(c->id);
	assert_string_equal(again->tags[0], "ktriage-test");
	kmodel_free(&cases_case_model, again);
	worker_done_free(d);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_request_query),
		cmocka_unit_test(test_find_request_minimal),
		cmocka_unit_test(test_get_and_alert_paths),
		cmocka_unit_test(test_update_request),
		cmocka_unit_test(test_comment_request),
		cmocka_unit_test(test_attach_alerts_request),
		cmocka_unit_test(test_create_request),
		cmocka_unit_test(test_push_request),
		cmocka_unit_test(test_connector_json),
		cmocka_unit_test(test_comments_find_request),
		cmocka_unit_test(test_find_pages_and_filters),
		cmocka_unit_test(test_get_unknown_is_404),
		cmocka_unit_test(test_status_change_sticks),
		cmocka_unit_test(test_comment_is_added),
		cmocka_unit_test(test_push_sets_external_service),
		cmocka_unit_test(test_cases_for_an_attached_alert),
		cmocka_unit_test(test_create_case),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
