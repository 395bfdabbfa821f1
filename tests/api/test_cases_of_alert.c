/* The cases an alert is attached to: the seed document's example and broken answers. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/cases_of_alert.h"
#include "api/kjson.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fixture is the seed document's example of the cases an alert is attached to. */
static void test_fixture_is_the_seed_example(void **state)
{
	testjson_fixture_is_seed_example("cases_of_alert", "alert_cases_200.json", "GET /api/cases/alerts/{alertId}", "200");
}

static void test_alert_cases_seed(void **state)
{
	json_t *j = testjson_fixture("cases_of_alert", "alert_cases_200.json");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&cases_of_alert_list_model, j, &model, &err), 0);
	struct cases_of_alert_list *l = model;
	assert_int_equal(l->n, 1);
	assert_string_equal(l->items[0].id, "06116b80-e1c3-11ec-be9b-9b1838238ee6");
	assert_string_equal(l->items[0].title, "security_case");
	kmodel_free(&cases_of_alert_list_model, l);
	json_decref(j);

	j = json_array();
	assert_int_equal(kmodel_parse(&cases_of_alert_list_model, j, &model, &err), 0);
	assert_int_equal(((struct cases_of_alert_list *)model)->n, 0);
	kmodel_free(&cases_of_alert_list_model, model);
	json_decref(j);
}

static void test_alert_cases_broken(void **state)
{
	char *err = NULL;
	const char *text = "{\"cases\":[]}";
	json_t *j = kjson_parse(text, strlen(text), &err);
	void *model = NULL;
	assert_int_equal(kmodel_parse(&cases_of_alert_list_model, j, &model, &err), -1);
	assert_string_equal(err, "cases for an alert: expected an array, got an object");
	free(err);
	json_decref(j);
	/* Entries are taken as they come; one that is not an object is a placeholder with its problem. */
	text = "[{\"id\":\"a\"},{\"id\":5},{\"id\":\"c\",\"title\":null},null]";
	j = kjson_parse(text, strlen(text), &err);
	assert_int_equal(kmodel_parse(&cases_of_alert_list_model, j, &model, &err), 0);
	struct cases_of_alert_list *l = model;
	assert_int_equal(l->n, 4);
	assert_int_equal(l->bad, 1);
	assert_string_equal(l->items[1].id, "5");
	assert_null(l->items[2].title);
	assert_null(l->items[2].problem);
	assert_string_equal(l->items[3].problem, "cases for an alert[3]: expected an object, got null");
	kmodel_free(&cases_of_alert_list_model, l);
	json_decref(j);
}


/* get_cases.ts of newer Kibana adds description, status, createdAt and totals: all taken in stride. */
static void test_alert_cases_kibana(void **state)
{
	struct cases_of_alert_list *l = testjson_parsed(&cases_of_alert_list_model, "cases_of_alert", "alert_cases_kibana.json");
	assert_int_equal(l->n, 2);
	assert_int_equal(l->bad, 0);
	assert_string_equal(l->items[1].title, "Triage queue item");
	kmodel_free(&cases_of_alert_list_model, l);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_is_the_seed_example),
		cmocka_unit_test(test_alert_cases_seed),
		cmocka_unit_test(test_alert_cases_broken),
		cmocka_unit_test(test_alert_cases_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
