/*
 * The case parsers (one case, a _find page, a list, comments, a comments _find page) on the seed document's example,
 * on answers shaped as Kibana's handlers send them (tests/fixtures/cases/README.md names the source of each), and on
 * broken input: only a case without an id or a version is unreadable, and then only that case.
 */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/cases.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_fixtures_are_the_seed_examples(void **state)
{
	testjson_fixture_is_seed_example("cases", "case_push_200.json",
					 "POST /api/cases/{caseId}/connector/{connectorId}/_push", "200");
	testjson_fixture_is_seed_example("cases", "case_push_401.json",
					 "POST /api/cases/{caseId}/connector/{connectorId}/_push", "401");
}

static void check_seed_case(const struct kb_case *c)
{
	assert_string_equal(c->id, "b917f300-0ed9-11ed-bd18-65557fe66949");
	assert_string_equal(c->title, "Case title 1");
	assert_string_equal(c->description, "A case description.");
	assert_string_equal(c->owner, "cases");
	assert_string_equal(c->version, "WzE3NjgsM10=");
	assert_null(c->category);
	assert_string_equal(c->status, "open");
	assert_string_equal(c->severity, "low");
	assert_int_equal(c->n_tags, 1);
	assert_string_equal(c->tags[0], "tag 1");
	assert_int_equal(c->n_assignees, 0);
	assert_string_equal(c->created_at, "2022-07-29T00:59:39.444Z");
	assert_string_equal(c->updated_at, "2022-07-29T01:20:58.436Z");
	assert_null(c->closed_at);
	assert_string_equal(c->created_by.username, "elastic");
	assert_null(c->created_by.full_name);
	assert_null(c->created_by.email);
	assert_string_equal(cases_user_name(&c->created_by), "elastic");
	assert_string_equal(cases_user_name(&c->closed_by), "-");
	assert_int_equal(c->total_alerts, 0);
	assert_int_equal(c->total_comment, 0);
	assert_int_equal(c->duration, -1);
	assert_true(c->sync_alerts);
	assert_string_equal(c->connector.id, "09f8c0b0-0eda-11ed-bd18-65557fe66949");
	assert_string_equal(c->connector.name, "My connector");
	assert_string_equal(c->connector.type, ".jira");
	assert_true(json_is_object(c->connector.fields));
	assert_string_equal(json_string_value(json_object_get(c->connector.fields, "priority")), "Low");
	assert_true(c->external.present);
	assert_string_equal(c->external.external_title, "ES-554");
	assert_string_equal(c->external.external_id, "71926");
	assert_string_equal(c->external.external_url, "https://cases.jira.com");
	assert_string_equal(c->external.connector_name, "My connector");
	assert_string_equal(c->external.pushed_by.username, "elastic");
	assert_int_equal(c->n_comments, 0);
	assert_true(c->has_comments);
	assert_int_equal(c->n_custom_fields, 0);
	assert_null(c->problem);
}

static void test_parse_one_seed(void **state)
{
	json_t *j = testjson_fixture("cases", "case_push_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_case_model, j, &model, &err), 0);
	assert_null(err);
	check_seed_case(model);
	kmodel_free(&cases_case_model, model);
	json_decref(j);
}

/* A _find page holding copies of the seed case with the given ids. */
static json_t *find_page(const char *const *ids, size_t n)
{
	json_t *seed = testjson_fixture("cases", "case_push_200.json");
	json_t *cases = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *c = json_deep_copy(seed);
		json_object_set_new(c, "id", json_string(ids[i]));
		json_array_append_new(cases, c);
	}
	json_decref(seed);
	return json_pack("{s:o, s:i, s:i, s:i, s:i, s:i, s:i}", "cases", cases, "page", 2, "per_page", 20, "total",
			 21, "count_open_cases", 5, "count_in_progress_cases", 6, "count_closed_cases", 10);
}

static void test_parse_find(void **state)
{
	static const char *const ids[] = {"a", "b"};
	json_t *j = find_page(ids, 2);
	json_t *second = json_array_get(json_object_get(j, "cases"), 1);
	json_object_set_new(second, "status", json_string("in-progress"));
	json_object_set_new(second, "severity", json_string("critical"));
	json_object_set_new(second, "category", json_string("malware"));
	json_object_set_new(second, "duration", json_integer(3600));
	json_object_set_new(second, "external_service", json_null());
	json_object_set_new(second, "assignees", json_pack("[{s:s},{s:s}]", "uid", "u_1", "uid", "u_2"));
	json_object_set_new(second, "customFields",
			    json_pack("[{s:s,s:s,s:s},{s:s,s:s,s:b},{s:s,s:s,s:n}]", "key", "k1", "type", "text",
				      "value", "hello", "key", "k2", "type", "toggle", "value", 1, "key", "k3", "type",
				      "text", "value"));
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_page_model, j, &model, &err), 0);
	struct case_page *p = model;
	assert_int_equal(p->n, 2);
	assert_int_equal(p->page, 2);
	assert_int_equal(p->per_page, 20);
	assert_int_equal(p->total, 21);
	assert_int_equal(p->count_open, 5);
	assert_int_equal(p->count_in_progress, 6);
	assert_int_equal(p->count_closed, 10);
	assert_string_equal(p->cases[0].id, "a");
	const struct kb_case *c = &p->cases[1];
	assert_string_equal(c->id, "b");
	assert_string_equal(c->status, "in-progress");
	assert_string_equal(c->severity, "critical");
	assert_string_equal(c->category, "malware");
	assert_int_equal(c->duration, 3600);
	assert_false(c->external.present);
	assert_int_equal(c->n_assignees, 2);
	assert_string_equal(c->assignees[1], "u_2");
	assert_int_equal(c->n_custom_fields, 3);
	assert_string_equal(c->custom_fields[0].value, "hello");
	assert_string_equal(c->custom_fields[1].value, "true");
	assert_string_equal(c->custom_fields[2].value, "");
	kmodel_free(&cases_page_model, p);
	json_decref(j);
}

static void test_parse_find_optional_fields(void **state)
{
	json_t *j = json_object();
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_page_model, j, &model, &err), 0);
	struct case_page *p = model;
	assert_int_equal(p->n, 0);
	assert_int_equal(p->page, 1);
	assert_int_equal(p->count_open, -1);
	kmodel_free(&cases_page_model, p);
	json_decref(j);
}

static char *find_err(json_t *j)
{
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_page_model, j, &model, &err), -1);
	assert_null(model);
	assert_non_null(err);
	json_decref(j);
	return err;
}

static void test_parse_find_broken(void **state)
{
	static const char *const ids[] = {"a", "b", "c"};
	json_t *j = find_page(ids, 3);
	json_t *third = json_array_get(json_object_get(j, "cases"), 2);
	json_object_del(third, "title");
	json_object_del(json_array_get(json_object_get(j, "cases"), 1), "id");
	json_array_append_new(json_object_get(j, "cases"), json_string("x"));
	/* One case without an id and one that is not a case: placeholders that say why, the rest load. */
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_page_model, j, &model, &err), 0);
	struct case_page *p = model;
	assert_int_equal(p->n, 4);
	assert_int_equal(p->bad, 2);
	assert_null(p->cases[0].problem);
	assert_null(p->cases[1].id);
	assert_string_equal(p->cases[1].problem, "cases[1]: required field \"id\" is missing");
	assert_string_equal(p->cases[1].title, "Case title 1");
	assert_null(p->cases[2].problem);
	assert_null(p->cases[2].title);
	assert_string_equal(p->cases[3].problem, "cases[3]: expected an object, got a string");
	kmodel_free(&cases_page_model, p);
	json_decref(j);

	/* What the list pages by must be what it says. */
	j = find_page(ids, 1);
	json_object_set_new(j, "total", json_string("21"));
	err = find_err(j);
	assert_non_null(strstr(err, "\"total\" must be an integer, got a string"));
	free(err);

	j = find_page(ids, 1);
	json_object_set_new(j, "cases", json_object());
	err = find_err(j);
	assert_non_null(strstr(err, "\"cases\" must be an array"));
	free(err);

	err = find_err(json_array());
	assert_non_null(strstr(err, "expected an object, got an array"));
	free(err);
}

/* A _find page as Kibana's find_cases.ts sends it: an unknown status and severity are kept as they came. */
static void test_parse_find_kibana(void **state)
{
	json_t *j = testjson_fixture("cases", "cases_find_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_page_model, j, &model, &err), 0);
	struct case_page *p = model;
	assert_int_equal(p->n, 3);
	assert_int_equal(p->total, 3);
	assert_int_equal(p->bad, 1);
	assert_string_equal(p->cases[0].created_by.username, "elastic");
	assert_null(p->cases[0].created_by.full_name);
	assert_string_equal(cases_user_name(&p->cases[0].created_by), "elastic");
	assert_true(p->cases[0].has_comments);
	assert_string_equal(p->cases[1].status, "awaiting-triage");
	assert_string_equal(p->cases[1].severity, "urgent");
	assert_string_equal(cases_user_name(&p->cases[1].created_by), "svc-triage");
	assert_string_equal(p->cases[1].created_by.profile_uid, "u_svc_0");
	assert_null(p->cases[1].problem);
	assert_string_equal(p->cases[2].problem, "cases[2]: required field \"id\" is missing");
	assert_string_equal(p->cases[2].status, "closed");
	kmodel_free(&cases_page_model, p);
	json_decref(j);
}

static void test_parse_list(void **state)
{
	json_t *c = testjson_fixture("cases", "case_push_200.json");
	json_t *j = json_pack("[o]", c);
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_list_model, j, &model, &err), 0);
	struct case_list *l = model;
	assert_int_equal(l->n, 1);
	check_seed_case(&l->cases[0]);
	kmodel_free(&cases_list_model, l);

	/* A status ktriage has never seen is kept, not refused and not mapped. */
	json_object_set_new(json_array_get(j, 0), "status", json_string("reopened"));
	assert_int_equal(kmodel_parse(&cases_list_model, j, &model, &err), 0);
	l = model;
	assert_string_equal(l->cases[0].status, "reopened");
	assert_int_equal(l->bad, 0);
	kmodel_free(&cases_list_model, l);
	json_decref(j);

	j = json_object();
	assert_int_equal(kmodel_parse(&cases_list_model, j, &model, &err), -1);
	assert_string_equal(err, "expected an array of cases, got an object");
	free(err);
	json_decref(j);
}

/* Break the seed case with fn and return kmodel_parse's message. */
static char *one_err_after(void (*fn)(json_t *c))
{
	json_t *c = testjson_fixture("cases", "case_push_200.json");
	fn(c);
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_case_model, c, &model, &err), -1);
	assert_null(model);
	assert_non_null(err);
	json_decref(c);
	return err;
}

/* The seed case changed by fn, parsed: it must load. */
static struct kb_case *one_after(void (*fn)(json_t *c))
{
	json_t *c = testjson_fixture("cases", "case_push_200.json");
	fn(c);
	void *model = NULL;
	char *err = NULL;
	if (kmodel_parse(&cases_case_model, c, &model, &err) < 0)
		fail_msg("%s", err);
	json_decref(c);
	return model;
}

static void del_id(json_t *c) { json_object_del(c, "id"); }
static void null_version(json_t *c) { json_object_set_new(c, "version", json_null()); }
static void int_id(json_t *c) { json_object_set_new(c, "id", json_integer(7)); }

/* Only what a case is acted on by is required. */
static void test_parse_one_broken(void **state)
{
	static const struct {
		void (*fn)(json_t *c);
		const char *want;
	} cases[] = {
		{del_id, "case: required field \"id\" is missing"},
		{null_version, "case: field \"version\" is null but must have a value"},
		{int_id, "case: field \"id\" must be a string, got an integer"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *err = one_err_after(cases[i].fn);
		if (!strstr(err, cases[i].want))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err, cases[i].want);
		free(err);
	}
}

static void del_title(json_t *c) { json_object_del(c, "title"); }
static void int_title(json_t *c) { json_object_set_new(c, "title", json_integer(5)); }
static void bad_status(json_t *c) { json_object_set_new(c, "status", json_string("reopened")); }
static void null_severity(json_t *c) { json_object_set_new(c, "severity", json_null()); }
static void bad_tags(json_t *c) { json_object_set_new(c, "tags", json_pack("[s,i,{}]", "x", 1)); }
static void str_alerts(json_t *c) { json_object_set_new(c, "totalAlerts", json_string("3")); }
static void del_settings(json_t *c) { json_object_del(c, "settings"); }
static void null_created_by(json_t *c) { json_object_set_new(c, "created_by", json_null()); }
static void only_username(json_t *c) { json_object_set_new(c, "created_by", json_pack("{s:s}", "username", "elastic")); }
static void del_closed_at(json_t *c) { json_object_del(c, "closed_at"); }
static void del_connector(json_t *c) { json_object_del(c, "connector"); }
static void del_conn_fields(json_t *c) { json_object_del(json_object_get(c, "connector"), "fields"); }
static void del_external(json_t *c) { json_object_del(c, "external_service"); }
static void del_comments(json_t *c) { json_object_del(c, "comments"); }
static void real_duration(json_t *c) { json_object_set_new(c, "duration", json_real(1.5)); }
static void bad_assignee(json_t *c) { json_object_set_new(c, "assignees", json_pack("[{s:s},{}]", "uid", "u")); }
static void bad_custom(json_t *c) { json_object_set_new(c, "customFields", json_pack("[i]", 1)); }
static void comment_no_type(json_t *c)
{
	json_object_set_new(c, "comments", json_pack("[{s:s,s:s},{s:s},s]", "type", "user", "comment", "hi", "id", "x",
						     "junk"));
}
static void pushed_by_bad(json_t *c)
{
	json_object_set_new(json_object_get(c, "external_service"), "pushed_by", json_pack("{s:i}", "username", 1));
}

/* Everything else is taken as it comes: missing, null or of another type, the case still loads. */
static void test_parse_one_tolerated(void **state)
{
	struct kb_case *c = one_after(del_title);
	assert_null(c->title);
	kmodel_free(&cases_case_model, c);
	c = one_after(int_title);
	assert_string_equal(c->title, "5");
	kmodel_free(&cases_case_model, c);
	c = one_after(bad_status);
	assert_string_equal(c->status, "reopened");
	kmodel_free(&cases_case_model, c);
	c = one_after(null_severity);
	assert_null(c->severity);
	kmodel_free(&cases_case_model, c);
	c = one_after(bad_tags);
	assert_int_equal(c->n_tags, 2);
	assert_string_equal(c->tags[1], "1");
	kmodel_free(&cases_case_model, c);
	c = one_after(str_alerts);
	assert_int_equal(c->total_alerts, 3);
	kmodel_free(&cases_case_model, c);
	c = one_after(del_settings);
	assert_false(c->sync_alerts);
	kmodel_free(&cases_case_model, c);
	c = one_after(null_created_by);
	assert_string_equal(cases_user_name(&c->created_by), "-");
	kmodel_free(&cases_case_model, c);
	/* user/v1.ts: username, full_name and email may each be missing. */
	c = one_after(only_username);
	assert_string_equal(cases_user_name(&c->created_by), "elastic");
	assert_null(c->created_by.email);
	kmodel_free(&cases_case_model, c);
	c = one_after(del_closed_at);
	assert_null(c->closed_at);
	kmodel_free(&cases_case_model, c);
	c = one_after(del_connector);
	assert_null(c->connector.type);
	kmodel_free(&cases_case_model, c);
	c = one_after(del_conn_fields);
	assert_null(c->connector.fields);
	assert_string_equal(c->connector.type, ".jira");
	kmodel_free(&cases_case_model, c);
	c = one_after(del_external);
	assert_false(c->external.present);
	kmodel_free(&cases_case_model, c);
	/* get_case.ts in Kibana 9: no "comments" at all, which the model says. */
	c = one_after(del_comments);
	assert_false(c->has_comments);
	assert_int_equal(c->n_comments, 0);
	kmodel_free(&cases_case_model, c);
	c = one_after(real_duration);
	assert_int_equal(c->duration, -1);
	kmodel_free(&cases_case_model, c);
	c = one_after(bad_assignee);
	assert_int_equal(c->n_assignees, 1);
	kmodel_free(&cases_case_model, c);
	c = one_after(bad_custom);
	assert_int_equal(c->n_custom_fields, 0);
	kmodel_free(&cases_case_model, c);
	/* A comment without a type is kept as it is; one that is not an object is a placeholder with its problem. */
	c = one_after(comment_no_type);
	assert_int_equal(c->n_comments, 3);
	assert_int_equal(c->comments[1].type, CASE_COMMENT_OTHER);
	assert_null(c->comments[1].type_name);
	assert_null(c->comments[1].problem);
	assert_string_equal(c->comments[2].problem, "case.comments[2]: expected an object, got a string");
	assert_int_equal(c->bad_comments, 1);
	kmodel_free(&cases_case_model, c);
	c = one_after(pushed_by_bad);
	assert_string_equal(c->external.pushed_by.username, "1");
	kmodel_free(&cases_case_model, c);
}

/* GET /api/cases/{id} as Kibana 9 sends it (get_case.ts strips comments) and as 8.19 does (all attachment types). */
static void test_parse_kibana_get(void **state)
{
	json_t *j = testjson_fixture("cases", "case_get_9x.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_case_model, j, &model, &err), 0);
	struct kb_case *c = model;
	assert_false(c->has_comments);
	assert_int_equal(c->number, 17);
	assert_int_equal(c->total_comment, 2);
	assert_string_equal(cases_user_name(&c->created_by), "elastic");
	assert_string_equal(cases_user_name(&c->updated_by), "analyst1");
	assert_int_equal(c->n_assignees, 1);
	kmodel_free(&cases_case_model, c);
	json_decref(j);

	j = testjson_fixture("cases", "case_get_819.json");
	assert_int_equal(kmodel_parse(&cases_case_model, j, &model, &err), 0);
	c = model;
	assert_true(c->has_comments);
	assert_int_equal(c->number, -1);
	assert_int_equal(c->n_comments, 3);
	assert_int_equal(c->bad_comments, 0);
	/* An alert whose rule is {"id": null, "name": null} (attachment/v1.ts). */
	assert_int_equal(c->comments[1].type, CASE_COMMENT_ALERT);
	assert_null(c->comments[1].rule_name);
	assert_string_equal(c->comments[1].alert_ids[0], "4f1a9e7c2b");
	/* A registered attachment type is kept as it came. */
	assert_int_equal(c->comments[2].type, CASE_COMMENT_OTHER);
	assert_string_equal(c->comments[2].type_name, "event");
	kmodel_free(&cases_case_model, c);
	json_decref(j);
}

/* GET /api/cases/{id}/comments/_find (find_comments.ts): a page of user comments, and the pages after it. */
static void test_comment_pages(void **state)
{
	json_t *j = testjson_fixture("cases", "comments_find_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_comment_page_model, j, &model, &err), 0);
	struct case_comment_page *p = model;
	assert_int_equal(p->n, 2);
	assert_int_equal(p->total, 2);
	assert_int_equal(cases_comments_next_page(p), 0);
	assert_string_equal(p->comments[1].comment, "Next: reset the service account.");
	assert_string_equal(cases_user_name(&p->comments[0].created_by), "Ana Lyst");
	/* Taken into a case that came without comments. */
	struct kb_case c = {0};
	cases_take_comments(&c, p);
	assert_true(c.has_comments);
	assert_int_equal(c.n_comments, 2);
	assert_int_equal(p->n, 0);
	assert_string_equal(c.comments[0].comment, "Isolated the host.");
	cases_case_clear(&c);
	kmodel_free(&cases_comment_page_model, p);
	/* More pages: by total, and without a total by a full page. */
	json_object_set_new(j, "per_page", json_integer(2));
	json_object_set_new(j, "total", json_integer(5));
	assert_int_equal(kmodel_parse(&cases_comment_page_model, j, &model, &err), 0);
	assert_int_equal(cases_comments_next_page(model), 2);
	kmodel_free(&cases_comment_page_model, model);
	json_object_del(j, "total");
	assert_int_equal(kmodel_parse(&cases_comment_page_model, j, &model, &err), 0);
	assert_int_equal(cases_comments_next_page(model), 2);
	kmodel_free(&cases_comment_page_model, model);
	json_object_set_new(j, "comments", json_array());
	assert_int_equal(kmodel_parse(&cases_comment_page_model, j, &model, &err), 0);
	assert_int_equal(cases_comments_next_page(model), 0);
	kmodel_free(&cases_comment_page_model, model);
	json_decref(j);
}

static void test_parse_one_not_object(void **state)
{
	json_t *j = json_array();
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_case_model, j, &model, &err), -1);
	assert_string_equal(err, "case: expected an object, got an array");
	free(err);
	json_decref(j);
}

static void test_comments(void **state)
{
	json_t *c = testjson_fixture("cases", "case_push_200.json");
	json_object_set_new(
		c, "comments",
		json_pack("[{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:n,s:n}},"
			  "{s:s,s:s,s:s,s:[s,s],s:[s,s],s:{s:s,s:s}},"
			  "{s:s,s:s,s:s,s:s},"
			  "{s:s,s:s,s:s}]",
			  "id", "c1", "type", "user", "comment", "first\nline", "created_at", "2024-01-01T00:00:00Z",
			  "version", "v1", "created_by", "username", "ana", "full_name", "email",
			  "id", "c2", "type", "alert", "owner", "securitySolution", "alertId", "al1", "al2", "index", "i1",
			  "i2", "rule", "id", "r1", "name", "Rule one",
			  "id", "c3", "type", "alert", "alertId", "single", "owner", "cases",
			  "id", "c4", "type", "actions", "comment", "isolated host"));
	void *model = NULL;
	char *err = NULL;
	if (kmodel_parse(&cases_case_model, c, &model, &err) < 0)
		fail_msg("%s", err);
	struct kb_case *k = model;
	assert_int_equal(k->n_comments, 4);
	assert_int_equal(k->comments[0].type, CASE_COMMENT_USER);
	assert_string_equal(k->comments[0].comment, "first\nline");
	assert_string_equal(cases_user_name(&k->comments[0].created_by), "ana");
	assert_int_equal(k->comments[1].type, CASE_COMMENT_ALERT);
	assert_int_equal(k->comments[1].n_alert_ids, 2);
	assert_string_equal(k->comments[1].alert_ids[1], "al2");
	assert_string_equal(k->comments[1].rule_name, "Rule one");
	assert_int_equal(k->comments[2].n_alert_ids, 1);
	assert_string_equal(k->comments[2].alert_ids[0], "single");
	assert_int_equal(k->comments[3].type, CASE_COMMENT_OTHER);
	assert_string_equal(k->comments[3].type_name, "actions");
	kmodel_free(&cases_case_model, k);
	json_decref(c);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures_are_the_seed_examples),
		cmocka_unit_test(test_parse_one_seed),
		cmocka_unit_test(test_parse_find),
		cmocka_unit_test(test_parse_find_optional_fields),
		cmocka_unit_test(test_parse_find_broken),
		cmocka_unit_test(test_parse_find_kibana),
		cmocka_unit_test(test_parse_list),
		cmocka_unit_test(test_parse_one_broken),
		cmocka_unit_test(test_parse_one_tolerated),
		cmocka_unit_test(test_parse_kibana_get),
		cmocka_unit_test(test_comment_pages),
		cmocka_unit_test(test_parse_one_not_object),
		cmocka_unit_test(test_comments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
