/* The client through the real worker against the demo server: every cases operation,
 * checking results and the server's state afterwards. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "testenv.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "core/xalloc.h"

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
		assert_int_equal(p->cases[i].status, CASE_CLOSED);
		assert_int_equal(p->cases[i].severity, CASE_SEV_CRITICAL);
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
	assert_int_equal(l->cases[0].status, CASE_CLOSED);
	assert_string_not_equal(l->cases[0].version, c->version);
	worker_done_free(d);
	struct kb_case *again = get_case(c->id);
	assert_int_equal(again->status, CASE_CLOSED);
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
	struct kb_case *again = get_case(c->id);
	assert_int_equal(again->total_comment, c->total_comment + 1);
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
	assert_int_equal(c->severity, CASE_SEV_HIGH);
	struct kb_case *again = get_case(c->id);
	assert_string_equal(again->tags[0], "ktriage-test");
	kmodel_free(&cases_case_model, again);
	worker_done_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
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
