/* Issue 6's parsers on the seed document's response examples, and on answers that break the contract. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "testenv.h"
#include "api/entity_store.h"
#include "api/exceptions.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/lists.h"
#include "api/ml.h"
#include "api/risk_engine.h"
#include "api/streams.h"
#include "api/timelines.h"
#include "core/xalloc.h"

/* Parse text that must be refused; the message must name what is wrong. */
static void refused(const struct kmodel *parse, const char *text, const char *needle)
{
	json_t *j = json_loads(text, JSON_DECODE_ANY, NULL);
	assert_non_null(j);
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(parse, j, &model, &err), -1);
	assert_null(model);
	assert_non_null(err);
	if (!strstr(err, needle))
		fail_msg("\"%s\" does not mention \"%s\"", err, needle);
	free(err);
	json_decref(j);
}

static void *parsed(const struct kmodel *parse, const char *fixture)
{
	json_t *j = testenv_fixture("issue6", fixture);
	void *model = NULL;
	char *err = NULL;
	if (kmodel_parse(parse, j, &model, &err) < 0)
		fail_msg("%s: %s", fixture, err);
	json_decref(j);
	return model;
}

static void test_file_deleted(void **state)
{
	struct fleet_file_deleted *f = parsed(&fleet_file_deleted_model, "fleet_file_delete_200.json");
	assert_string_equal(f->id, "string");
	assert_true(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
	refused(&fleet_file_deleted_model, "{\"deleted\": true}", "\"id\" is missing");
	refused(&fleet_file_deleted_model, "{\"id\": \"a\", \"deleted\": \"yes\"}", "\"deleted\" must be a boolean");
}

static void test_assets(void **state)
{
	struct fleet_asset_list *l = parsed(&fleet_assets_model, "bulk_assets_200.json");
	assert_int_equal(l->n, 1);
	assert_string_equal(l->items[0].type, "string");
	assert_string_equal(l->items[0].title, "string");
	assert_string_equal(l->items[0].app_link, "string");
	kmodel_free(&fleet_assets_model, l);
	refused(&fleet_assets_model, "{\"items\": [{\"id\": \"a\", \"type\": \"dashboard\"}]}", "assets.items[0]");
	refused(&fleet_assets_model, "{\"items\": {}}", "\"items\" must be an array");
}

static void test_server_hosts(void **state)
{
	struct fleet_host_list *l = parsed(&fleet_hosts_list_model, "fleet_server_hosts_200.json");
	assert_int_equal(l->n, 1);
	assert_int_equal(l->total, 42);
	assert_int_equal(l->per_page, 42);
	assert_int_equal(l->items[0].n_urls, 1);
	assert_true(l->items[0].is_internal);
	assert_false(l->items[0].is_default);
	assert_string_equal(l->items[0].proxy_id, "string");
	assert_true(l->items[0].has_ssl);
	kmodel_free(&fleet_hosts_list_model, l);
	struct fleet_host *h = parsed(&fleet_hosts_host_model, "fleet_server_host_create_200.json");
	assert_string_equal(h->name, "string");
	kmodel_free(&fleet_hosts_host_model, h);
	refused(&fleet_hosts_list_model, "{\"items\": [{\"id\": \"a\", \"name\": \"b\", \"host_urls\": []}], \"total\": 1, "
					"\"page\": 1, \"perPage\": 20}", "at least one URL");
	refused(&fleet_hosts_list_model, "{\"items\": [], \"page\": 1, \"perPage\": 20}", "\"total\" is missing");
	refused(&fleet_hosts_host_model, "{\"id\": \"a\"}", "\"item\" is missing");
	/* proxy_id is nullable */
	json_t *j = json_loads("{\"item\": {\"id\": \"a\", \"name\": \"b\", \"host_urls\": [\"https://x\"], \"proxy_id\": null}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&fleet_hosts_host_model, j, &m, &err), 0);
	assert_null(((struct fleet_host *)m)->proxy_id);
	kmodel_free(&fleet_hosts_host_model, m);
	json_decref(j);
}

static void test_ml_sync(void **state)
{
	struct ml_sync_result *s = parsed(&ml_sync_model, "ml_sync_200.json");
	assert_int_equal(s->n, 2);
	assert_string_equal(s->items[0].action, "create");
	assert_string_equal(s->items[0].kind, "anomaly-detector");
	assert_string_equal(s->items[0].id, "myjob1");
	assert_true(s->items[1].success);
	kmodel_free(&ml_sync_model, s);
	json_t *j = json_loads("{}", 0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&ml_sync_model, j, &m, &err), 0);
	assert_int_equal(((struct ml_sync_result *)m)->n, 0);
	kmodel_free(&ml_sync_model, m);
	json_decref(j);
	refused(&ml_sync_model, "{\"datafeedsAdded\": {\"feed\": true}}", "entry \"feed\" must be an object");
	refused(&ml_sync_model, "{\"savedObjectsCreated\": {\"trained-model\": []}}", "savedObjectsCreated.trained-model");
	refused(&ml_sync_model, "[]", "expected an object");
}

static void test_exceptions(void **state)
{
	struct exception_page *p = parsed(&exceptions_page_model, "endpoint_list_find_200.json");
	assert_int_equal(p->n, 1);
	assert_int_equal(p->total, 42);
	const struct exception_item *it = &p->items[0];
	assert_string_equal(it->id, "71a9f4b2-c85c-49b4-866f-c71eb9e67da2");
	assert_string_equal(it->item_id, "simple_list_item");
	assert_int_equal(it->n_entries, 1);
	assert_int_equal(it->n_comments, 1);
	assert_string_equal(it->os_types[0], "linux");
	assert_string_equal(it->expire_time, "2025-05-04T09:42:00Z");
	char *t = exceptions_entry_text(&it->entries[0]);
	assert_string_equal(t, "string is not string");
	free(t);
	kmodel_free(&exceptions_page_model, p);
	refused(&exceptions_page_model, "{\"data\": [], \"page\": 1, \"per_page\": 20}", "\"total\" is missing");
	refused(&exceptions_page_model,
		"{\"data\": [{\"id\": \"a\"}], \"page\": 1, \"per_page\": 20, \"total\": 1}", "data[0]: required field");
	refused(&exceptions_page_model,
		"{\"data\": [{\"id\": \"a\", \"item_id\": \"b\", \"list_id\": \"endpoint_list\", \"name\": \"n\", "
		"\"description\": \"d\", \"namespace_type\": \"agnostic\", \"type\": \"simple\", \"created_at\": \"x\", "
		"\"created_by\": \"x\", \"updated_at\": \"x\", \"updated_by\": \"x\", \"comments\": [], "
		"\"entries\": [{\"field\": \"f\", \"type\": \"match\", \"operator\": \"included\", \"value\": 3}]}], "
		"\"page\": 1, \"per_page\": 20, \"total\": 1}",
		"\"value\" must be a string");
}

/* Every kind of condition reads as a phrase. */
static void test_entry_texts(void **state)
{
	static const struct {
		const char *field, *type, *op, *value, *want;
	} cases[] = {
		{"process.name", "match", "included", "nessusd", "process.name is nessusd"},
		{"process.name", "match", "excluded", "nessusd", "process.name is not nessusd"},
		{"host.os", "match_any", "included", "linux, macos", "host.os is one of linux, macos"},
		{"source.ip", "list", "excluded", "bad-ips", "source.ip is not in list bad-ips"},
		{"file.hash", "exists", "included", NULL, "file.hash exists"},
		{"file.hash", "exists", "excluded", NULL, "file.hash does not exist"},
		{"file.path", "wildcard", "included", "/tmp/*", "file.path matches /tmp/*"},
		{"file.Ext", "nested", NULL, "code is 1", "file.Ext: { code is 1 }"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct exception_entry e = {xstrdup(cases[i].field), xstrdup(cases[i].type), xstrdup(cases[i].op),
					    xstrdup(cases[i].value)};
		char *t = exceptions_entry_text(&e);
		assert_string_equal(t, cases[i].want);
		free(t);
		free(e.field);
		free(e.type);
		free(e.op);
		free(e.value);
	}
}

static void test_nested_and_list_entries(void **state)
{
	json_t *j = json_loads(
		"{\"data\": [{\"id\": \"a\", \"item_id\": \"b\", \"list_id\": \"endpoint_list\", \"name\": \"n\", "
		"\"description\": \"d\", \"namespace_type\": \"agnostic\", \"type\": \"simple\", \"created_at\": \"x\", "
		"\"created_by\": \"x\", \"updated_at\": \"x\", \"updated_by\": \"x\", \"comments\": [], \"entries\": ["
		"{\"field\": \"file.Ext\", \"type\": \"nested\", \"entries\": [{\"field\": \"code\", \"type\": \"match\", "
		"\"operator\": \"included\", \"value\": \"1\"}, {\"field\": \"sig\", \"type\": \"exists\", \"operator\": \"excluded\"}]},"
		"{\"field\": \"ip\", \"type\": \"list\", \"operator\": \"included\", \"list\": {\"id\": \"ips\", \"type\": \"ip\"}},"
		"{\"field\": \"os\", \"type\": \"match_any\", \"operator\": \"included\", \"value\": [\"a\", \"b\"]}]}],"
		"\"page\": 1, \"per_page\": 20, \"total\": 1}",
		0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&exceptions_page_model, j, &m, &err), 0);
	struct exception_page *p = m;
	assert_int_equal(p->items[0].n_entries, 3);
	assert_string_equal(p->items[0].entries[0].value, "code is 1; sig does not exist");
	assert_string_equal(p->items[0].entries[1].value, "ips");
	assert_string_equal(p->items[0].entries[2].value, "a, b");
	kmodel_free(&exceptions_page_model, p);
	json_decref(j);
}

static void test_entity_engine(void **state)
{
	struct entity_engine *e = parsed(&entity_engine_model, "entity_init_200.json");
	assert_string_equal(e->type, "user");
	assert_string_equal(e->status, "installing");
	assert_int_equal(e->field_history_length, 42);
	assert_int_equal(e->docs_per_second, 42);
	assert_string_equal(e->lookback, "24h");
	assert_null(e->error); /* an empty error object is no error */
	kmodel_free(&entity_engine_model, e);
	refused(&entity_engine_model, "{\"type\": \"user\", \"status\": \"started\", \"indexPattern\": \"x\"}",
		"\"fieldHistoryLength\" is missing");
	json_t *j = json_loads("{\"type\": \"host\", \"status\": \"error\", \"indexPattern\": \"\", \"fieldHistoryLength\": 10, "
			       "\"error\": {\"message\": \"transform failed\", \"action\": \"init\"}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&entity_engine_model, j, &m, &err), 0);
	assert_string_equal(((struct entity_engine *)m)->error, "transform failed");
	kmodel_free(&entity_engine_model, m);
	json_decref(j);
}

/* start and stop answer {started} / {stopped}: the request carries the parser for its own answer. */
static void test_entity_toggles(void **state)
{
	static const struct {
		bool start;
		const char *fixture;
	} t[] = {{true, "entity_start_200.json"}, {false, "entity_stop_200.json"}};
	for (size_t i = 0; i < 2; i++) {
		struct api_request *req = entity_toggle_request("user", t[i].start);
		json_t *j = testenv_fixture("issue6", t[i].fixture);
		void *m = NULL;
		char *err = NULL;
		assert_int_equal(kmodel_parse(req->model, j, &m, &err), 0);
		assert_true(*(bool *)m);
		kmodel_free(req->model, m);
		json_decref(j);
		j = json_loads(t[i].start ? "{\"started\": \"yes\"}" : "{\"stopped\": 1}", 0, NULL);
		assert_int_equal(kmodel_parse(req->model, j, &m, &err), -1);
		assert_non_null(strstr(err, "must be a boolean"));
		free(err);
		json_decref(j);
		api_request_free(req);
	}
}

static void test_risk_and_lists(void **state)
{
	struct risk_config_result *r = parsed(&risk_config_result_model, "risk_configure_200.json");
	assert_true(r->configured);
	assert_int_equal(r->n_errors, 0);
	kmodel_free(&risk_config_result_model, r);
	r = parsed(&risk_config_result_model, "risk_configure_default.json");
	assert_false(r->configured);
	assert_int_equal(r->n_errors, 1);
	assert_string_equal(r->errors[0], "seq 42: string");
	kmodel_free(&risk_config_result_model, r);
	refused(&risk_config_result_model, "{\"errors\": [{\"seq\": 1}]}", "\"error\" is missing");

	struct value_list *l = parsed(&lists_value_list_model, "list_delete_200.json");
	assert_string_equal(l->name, "Bad ips");
	assert_string_equal(l->type, "ip");
	assert_int_equal(l->version, 3);
	kmodel_free(&lists_value_list_model, l);
	refused(&lists_value_list_model, "{\"id\": \"x\", \"name\": \"n\"}", "\"description\" is missing");
}

static void test_timeline_import(void **state)
{
	struct timeline_import_result *t = parsed(&timelines_import_model, "timeline_import_200.json");
	assert_true(t->success);
	assert_int_equal(t->success_count, 99);
	assert_int_equal(t->installed, 80);
	assert_int_equal(t->updated, 19);
	assert_int_equal(t->n_errors, 1);
	assert_string_equal(t->errors[0].id, "6ce1b592-84e3-4b4a-9552-f189d4b82075");
	assert_string_equal(t->errors[0].message, "Malformed JSON");
	assert_int_equal(t->errors[0].status, 400);
	kmodel_free(&timelines_import_model, t);
	refused(&timelines_import_model, "{\"errors\": [{\"error\": \"bad\"}]}", "\"error\" must be an object");
	refused(&timelines_import_model, "{\"success_count\": \"many\"}", "must be an integer");
}

static void test_streams(void **state)
{
	json_t *j = json_loads("{\"group\": {\"members\": []}}", 0, NULL);
	void *m = (void *)1;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&streams_object_model, j, &m, &err), 0);
	assert_null(m);
	json_decref(j);
	refused(&streams_object_model, "[1]", "expected an object");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_deleted),
		cmocka_unit_test(test_assets),
		cmocka_unit_test(test_server_hosts),
		cmocka_unit_test(test_ml_sync),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_entry_texts),
		cmocka_unit_test(test_nested_and_list_entries),
		cmocka_unit_test(test_entity_engine),
		cmocka_unit_test(test_entity_toggles),
		cmocka_unit_test(test_risk_and_lists),
		cmocka_unit_test(test_timeline_import),
		cmocka_unit_test(test_streams),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
