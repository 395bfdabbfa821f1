/* The connectors list: the seed document's example, broken answers, and its request. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/cases.h"
#include "api/connectors.h"
#include "api/kjson.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fixture is the seed document's example of the connectors list. */
static void test_fixture_is_the_seed_example(void **state)
{
	testjson_fixture_is_seed_example("connectors", "connectors_200.json", "GET /api/actions/connectors", "200");
}

static void test_connectors_seed(void **state)
{
	json_t *j = testjson_fixture("connectors", "connectors_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&connectors_list_model, j, &model, &err), 0);
	struct connector_list *l = model;
	assert_int_equal(l->n, 2);
	assert_string_equal(l->items[0].id, "preconfigured-email-connector");
	assert_string_equal(l->items[0].name, "my-preconfigured-email-notification");
	assert_string_equal(l->items[0].type, ".email");
	assert_true(l->items[0].is_preconfigured);
	assert_false(l->items[0].is_missing_secrets);
	assert_int_equal(l->items[0].referenced_by_count, 0);
	assert_string_equal(l->items[1].type, ".index");
	assert_false(l->items[1].is_preconfigured);
	assert_int_equal(l->items[1].referenced_by_count, 2);
	assert_ptr_equal(connectors_find(l, "e07d0c80-8b8b-11ed-a780-3b746c987a81"), &l->items[1]);
	assert_null(connectors_find(l, "nope"));
	assert_false(cases_connector_type_ok(l->items[0].type));
	assert_true(cases_connector_type_ok(".jira"));
	assert_false(cases_connector_type_ok(NULL));
	kmodel_free(&connectors_list_model, l);
	json_decref(j);
}

static void test_connectors_broken(void **state)
{
	char *err = NULL;
	const char *text = "{\"id\":\"a\"}";
	json_t *j = kjson_parse(text, strlen(text), &err);
	void *model = NULL;
	assert_int_equal(kmodel_parse(&connectors_list_model, j, &model, &err), -1);
	assert_string_equal(err, "connectors: expected an array, got an object");
	free(err);
	json_decref(j);
	/* Only the id is required: a connector without one is a placeholder; odd fields are taken as they come. */
	text = "[{\"id\":\"a\",\"name\":\"n\"},{\"name\":\"no id\",\"connector_type_id\":\".jira\"},"
	       "{\"id\":\"c\",\"name\":null,\"connector_type_id\":\".thehive\",\"is_preconfigured\":\"yes\","
	       "\"referenced_by_count\":null},7]";
	j = kjson_parse(text, strlen(text), &err);
	assert_int_equal(kmodel_parse(&connectors_list_model, j, &model, &err), 0);
	struct connector_list *l = model;
	assert_int_equal(l->n, 4);
	assert_int_equal(l->bad, 2);
	assert_null(l->items[0].type);
	assert_null(l->items[0].problem);
	assert_string_equal(l->items[1].problem, "connectors[1]: required field \"id\" is missing");
	assert_null(l->items[2].name);
	assert_false(l->items[2].is_preconfigured);
	assert_int_equal(l->items[2].referenced_by_count, 0);
	assert_true(cases_connector_type_ok(l->items[2].type));
	assert_string_equal(l->items[3].problem, "connectors[3]: expected an object, got an integer");
	/* A placeholder is never found by id. */
	assert_ptr_equal(connectors_find(l, "c"), &l->items[2]);
	kmodel_free(&connectors_list_model, l);
	json_decref(j);
}

static void test_list_request(void **state)
{
	struct api_request *req = connectors_list_request();
	assert_string_equal(req->path, "/api/actions/connectors");
	assert_ptr_equal(req->model, &connectors_list_model);
	api_request_free(req);
}

/* get_all.ts: TheHive takes cases; a system action has no config and no is_missing_secrets. */
static void test_connectors_kibana(void **state)
{
	struct connector_list *l = testjson_parsed(&connectors_list_model, "connectors", "connectors_kibana.json");
	assert_int_equal(l->n, 3);
	assert_int_equal(l->bad, 0);
	assert_true(cases_connector_type_ok(l->items[0].type));
	assert_false(cases_connector_type_ok(l->items[1].type));
	assert_false(l->items[1].is_missing_secrets);
	assert_true(l->items[2].is_preconfigured);
	kmodel_free(&connectors_list_model, l);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_is_the_seed_example),
		cmocka_unit_test(test_connectors_seed),
		cmocka_unit_test(test_connectors_broken),
		cmocka_unit_test(test_list_request),
		cmocka_unit_test(test_connectors_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
