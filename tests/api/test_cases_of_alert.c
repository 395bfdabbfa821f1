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
	static const struct {
		const char *json, *want;
	} cases[] = {
		{"{\"cases\":[]}", "cases for an alert: expected an array, got an object"},
		{"[{\"id\":\"a\"},{\"id\":5}]", "cases for an alert[1]: field \"id\" must be a string, got an integer"},
		{"[{\"id\":\"a\",\"title\":null}]", "cases for an alert[0]: field \"title\" is null"},
		{"[null]", "cases for an alert[0]: expected an object, got null"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *err = NULL;
		json_t *j = kjson_parse(cases[i].json, strlen(cases[i].json), &err);
		assert_non_null(j);
		void *model = NULL;
		assert_int_equal(kmodel_parse(&cases_of_alert_list_model, j, &model, &err), -1);
		assert_null(model);
		if (!err || !strstr(err, cases[i].want))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, err ? err : "(null)", cases[i].want);
		free(err);
		json_decref(j);
	}
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
