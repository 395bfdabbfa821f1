/* The JSON model descriptor: one parse and one free for every model, and messages that name the model. */
#include "config.h"
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "api/actions.h"
#include "api/alerts.h"
#include "api/alerts_of_case.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/connectors.h"
#include "api/conversations.h"
#include "api/endpoints.h"
#include "api/entity_store.h"
#include "api/exceptions.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/kibana_status.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "api/lists.h"
#include "api/ml.h"
#include "api/risk_engine.h"
#include "api/sessions.h"
#include "api/streams.h"
#include "api/timelines.h"
#include <stdlib.h>
#include <string.h>

/* A small model of the test's own: strings, a string array and a number, so a failed read has things to free. */
struct probe {
	char *name;
	char **tags;
	size_t n_tags;
	long long count;
};

static int probe_clears;

static void probe_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct probe *p = out;
	/* kmodel_parse hands over a zeroed struct. */
	assert_null(p->name);
	assert_null(p->tags);
	assert_int_equal(p->count, 0);
	p->name = kjson_str(r, j, "name", KJ_REQ);
	kjson_strv(r, j, "tags", KJ_OPT, &p->tags, &p->n_tags);
	p->count = kjson_int(r, j, "count", KJ_REQ, 0);
}

static void probe_clear(void *out)
{
	struct probe *p = out;
	probe_clears++;
	free(p->name);
	kjson_strv_free(p->tags, p->n_tags);
	memset(p, 0, sizeof(*p));
}

static const struct kmodel probe_model = {
	.what = "probe response",
	.size = sizeof(struct probe),
	.read = probe_read,
	.clear = probe_clear,
};

static json_t *json_of(const char *text)
{
	json_t *j = json_loads(text, JSON_DECODE_ANY, NULL);
	assert_non_null(j);
	return j;
}

static void test_parse_fills_the_model(void **state)
{
	(void)state;
	json_t *j = json_of("{\"name\": \"probe\", \"tags\": [\"a\", \"b\"], \"count\": 3}");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&probe_model, j, &model, &err), 0);
	assert_null(err);
	struct probe *p = model;
	assert_string_equal(p->name, "probe");
	assert_int_equal(p->n_tags, 2);
	assert_string_equal(p->tags[1], "b");
	assert_int_equal(p->count, 3);
	probe_clears = 0;
	kmodel_free(&probe_model, p);
	assert_int_equal(probe_clears, 1);
	json_decref(j);
}

/* The read stops after name and tags were copied: both are freed (valgrind and ASan check), the model is not given out. */
static void test_read_error_names_what_and_frees(void **state)
{
	(void)state;
	json_t *j = json_of("{\"name\": \"probe\", \"tags\": [\"a\", \"b\"], \"count\": \"three\"}");
	void *model = (void *)&probe_model;
	char *err = NULL;
	probe_clears = 0;
	assert_int_equal(kmodel_parse(&probe_model, j, &model, &err), -1);
	assert_string_equal(err, "probe response: field \"count\" must be an integer, got a string");
	assert_int_equal(probe_clears, 1);
	/* On failure *out is left as it was. */
	assert_ptr_equal(model, &probe_model);
	free(err);
	json_decref(j);
}

static void test_non_object_input(void **state)
{
	(void)state;
	static const char *const inputs[] = {"[1, 2]", "\"text\"", "7", "null"};
	static const char *const want[] = {
		"probe response: expected an object, got an array",
		"probe response: expected an object, got a string",
		"probe response: expected an object, got an integer",
		"probe response: expected an object, got null",
	};
	for (size_t i = 0; i < sizeof(inputs) / sizeof(*inputs); i++) {
		json_t *j = json_of(inputs[i]);
		void *model = NULL;
		char *err = NULL;
		assert_int_equal(kmodel_parse(&probe_model, j, &model, &err), -1);
		assert_null(model);
		assert_string_equal(err, want[i]);
		free(err);
		json_decref(j);
	}
}

/* clear leaves the struct zeroed, so clearing twice (a pane clears a row it already moved out) is safe. */
static void test_clear_twice(void **state)
{
	(void)state;
	json_t *j = json_of("{\"name\": \"probe\", \"tags\": [\"a\"], \"count\": 1}");
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&probe_model, j, &model, &err), 0);
	probe_clear(model);
	struct probe zero = {0};
	assert_memory_equal(model, &zero, sizeof(zero));
	kmodel_free(&probe_model, model);
	kmodel_free(&probe_model, NULL);
	json_decref(j);
}

/* A model of size 0 only checks the JSON: success gives a NULL model. */
static void test_check_only_model(void **state)
{
	(void)state;
	json_t *j = json_of("{\"group\": {}}");
	void *model = (void *)1;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&streams_object_model, j, &model, &err), 0);
	assert_null(model);
	kmodel_free(&streams_object_model, model);
	json_decref(j);
	j = json_of("[]");
	assert_int_equal(kmodel_parse(&streams_object_model, j, &model, &err), -1);
	assert_string_equal(err, "streams: expected an object, got an array");
	free(err);
	json_decref(j);
}

/* Every model the API exports refuses a bare number, with a message that names it. */
static void test_every_model_names_itself(void **state)
{
	(void)state;
	static const struct kmodel *const models[] = {
		&cases_case_model, &cases_page_model, &cases_list_model, &connectors_list_model,
		&cases_of_alert_list_model, &alerts_of_case_list_model, &alerts_page_model, &alerts_status_model,
		&conversations_page_model, &conversations_conversation_model, &endpoints_page_model,
		&actions_page_model, &actions_action_model, &sessions_result_model, &fleet_file_deleted_model,
		&fleet_assets_model, &fleet_hosts_list_model, &fleet_hosts_host_model, &ml_sync_model,
		&exceptions_page_model, &entity_engine_model, &risk_config_result_model, &lists_value_list_model,
		&timelines_import_model, &streams_object_model, &cases_comment_page_model, &kibana_status_model,
	};
	json_t *j = json_integer(5);
	for (size_t i = 0; i < sizeof(models) / sizeof(*models); i++) {
		const struct kmodel *m = models[i];
		assert_non_null(m->what);
		assert_non_null(m->read);
		void *model = NULL;
		char *err = NULL;
		assert_int_equal(kmodel_parse(m, j, &model, &err), -1);
		assert_null(model);
		if (!strstr(err, m->what))
			fail_msg("model %zu: \"%s\" does not name \"%s\"", i, err, m->what);
		free(err);
	}
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_fills_the_model),
		cmocka_unit_test(test_read_error_names_what_and_frees),
		cmocka_unit_test(test_non_object_input),
		cmocka_unit_test(test_clear_twice),
		cmocka_unit_test(test_check_only_model),
		cmocka_unit_test(test_every_model_names_itself),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
