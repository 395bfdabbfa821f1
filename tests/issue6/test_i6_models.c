/* Issue 6's parsers on the seed document's response examples, and on answers that break the contract. */
#include "config.h"
#include "ktest.h"
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
static void refused(api_parse_fn parse, const char *text, const char *needle)
{
	json_t *j = json_loads(text, JSON_DECODE_ANY, NULL);
	assert_non_null(j);
	void *model = NULL;
	char *err = NULL;
	assert_int_equal(parse(j, &model, &err), -1);
	assert_null(model);
	assert_non_null(err);
	if (!strstr(err, needle))
		fail_msg("\"%s\" does not mention \"%s\"", err, needle);
	free(err);
	json_decref(j);
}

static void *parsed(api_parse_fn parse, const char *module, const char *fixture)
{
	json_t *j = testenv_fixture(module, fixture);
	void *model = NULL;
	char *err = NULL;
	if (parse(j, &model, &err) < 0)
		fail_msg("%s: %s", fixture, err);
	json_decref(j);
	return model;
}

static void test_file_deleted(void **state)
{
	struct fleet_file_deleted *f = parsed(fleet_parse_file_deleted, "fleet", "fleet_file_delete_200.json");
	assert_string_equal(f->id, "string");
	assert_true(f->deleted);
	fleet_file_deleted_free(f);
	refused(fleet_parse_file_deleted, "{\"deleted\": true}", "\"id\" is missing");
	refused(fleet_parse_file_deleted, "{\"id\": \"a\", \"deleted\": \"yes\"}", "\"deleted\" must be a boolean");
}

static void test_assets(void **state)
{
	struct fleet_asset_list *l = parsed(fleet_parse_assets, "fleet", "bulk_assets_200.json");
	assert_int_equal(l->n, 1);
	assert_string_equal(l->items[0].type, "string");
	assert_string_equal(l->items[0].title, "string");
	assert_string_equal(l->items[0].app_link, "string");
	fleet_assets_free(l);
	refused(fleet_parse_assets, "{\"items\": [{\"id\": \"a\", \"type\": \"dashboard\"}]}", "assets.items[0]");
	refused(fleet_parse_assets, "{\"items\": {}}", "\"items\" must be an array");
}

static void test_server_hosts(void **state)
{
	struct fleet_host_list *l = parsed(fleet_hosts_parse_list, "fleet_hosts", "fleet_server_hosts_200.json");
	assert_int_equal(l->n, 1);
	assert_int_equal(l->total, 42);
	assert_int_equal(l->per_page, 42);
	assert_int_equal(l->items[0].n_urls, 1);
	assert_true(l->items[0].is_internal);
	assert_false(l->items[0].is_default);
	assert_string_equal(l->items[0].proxy_id, "string");
	assert_true(l->items[0].has_ssl);
	fleet_hosts_list_free(l);
	struct fleet_host *h = parsed(fleet_hosts_parse_item, "fleet_hosts", "fleet_server_host_create_200.json");
	assert_string_equal(h->name, "string");
	fleet_host_free(h);
	refused(fleet_hosts_parse_list, "{\"items\": [{\"id\": \"a\", \"name\": \"b\", \"host_urls\": []}], \"total\": 1, "
					"\"page\": 1, \"perPage\": 20}", "at least one URL");
	refused(fleet_hosts_parse_list, "{\"items\": [], \"page\": 1, \"perPage\": 20}", "\"total\" is missing");
	refused(fleet_hosts_parse_item, "{\"id\": \"a\"}", "\"item\" is missing");
	/* proxy_id is nullable */
	json_t *j = json_loads("{\"item\": {\"id\": \"a\", \"name\": \"b\", \"host_urls\": [\"https://x\"], \"proxy_id\": null}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(fleet_hosts_parse_item(j, &m, &err), 0);
	assert_null(((struct fleet_host *)m)->proxy_id);
	fleet_host_free(m);
	json_decref(j);
}

static void test_ml_sync(void **state)
{
	struct ml_sync_result *s = parsed(ml_parse_sync, "ml", "ml_sync_200.json");
	assert_int_equal(s->n, 2);
	assert_string_equal(s->items[0].action, "create");
	assert_string_equal(s->items[0].kind, "anomaly-detector");
	assert_string_equal(s->items[0].id, "myjob1");
	assert_true(s->items[1].success);
	ml_sync_free(s);
	json_t *j = json_loads("{}", 0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(ml_parse_sync(j, &m, &err), 0);
	assert_int_equal(((struct ml_sync_result *)m)->n, 0);
	ml_sync_free(m);
	json_decref(j);
	refused(ml_parse_sync, "{\"datafeedsAdded\": {\"feed\": true}}", "entry \"feed\" must be an object");
	refused(ml_parse_sync, "{\"savedObjectsCreated\": {\"trained-model\": []}}", "savedObjectsCreated.trained-model");
	refused(ml_parse_sync, "[]", "expected an object");
}

static void test_exceptions(void **state)
{
	struct exception_page *p = parsed(exceptions_parse_page, "exceptions", "endpoint_list_find_200.json");
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
	exceptions_page_free(p);
	refused(exceptions_parse_page, "{\"data\": [], \"page\": 1, \"per_page\": 20}", "\"total\" is missing");
	refused(exceptions_parse_page,
		"{\"data\": [{\"id\": \"a\"}], \"page\": 1, \"per_page\": 20, \"total\": 1}", "data[0]: required field");
	refused(exceptions_parse_page,
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
	assert_int_equal(exceptions_parse_page(j, &m, &err), 0);
	struct exception_page *p = m;
	assert_int_equal(p->items[0].n_entries, 3);
	assert_string_equal(p->items[0].entries[0].value, "code is 1; sig does not exist");
	assert_string_equal(p->items[0].entries[1].value, "ips");
	assert_string_equal(p->items[0].entries[2].value, "a, b");
	exceptions_page_free(p);
	json_decref(j);
}

static void test_entity_engine(void **state)
{
	struct entity_engine *e = parsed(entity_parse_engine, "entity_store", "entity_init_200.json");
	assert_string_equal(e->type, "user");
	assert_string_equal(e->status, "installing");
	assert_int_equal(e->field_history_length, 42);
	assert_int_equal(e->docs_per_second, 42);
	assert_string_equal(e->lookback, "24h");
	assert_null(e->error); /* an empty error object is no error */
	entity_engine_free(e);
	refused(entity_parse_engine, "{\"type\": \"user\", \"status\": \"started\", \"indexPattern\": \"x\"}",
		"\"fieldHistoryLength\" is missing");
	json_t *j = json_loads("{\"type\": \"host\", \"status\": \"error\", \"indexPattern\": \"\", \"fieldHistoryLength\": 10, "
			       "\"error\": {\"message\": \"transform failed\", \"action\": \"init\"}}",
			       0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(entity_parse_engine(j, &m, &err), 0);
	assert_string_equal(((struct entity_engine *)m)->error, "transform failed");
	entity_engine_free(m);
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
		json_t *j = testenv_fixture("entity_store", t[i].fixture);
		void *m = NULL;
		char *err = NULL;
		assert_int_equal(req->parse(j, &m, &err), 0);
		assert_true(*(bool *)m);
		req->model_free(m);
		json_decref(j);
		j = json_loads(t[i].start ? "{\"started\": \"yes\"}" : "{\"stopped\": 1}", 0, NULL);
		assert_int_equal(req->parse(j, &m, &err), -1);
		assert_non_null(strstr(err, "must be a boolean"));
		free(err);
		json_decref(j);
		api_request_free(req);
	}
}

static void test_risk_and_lists(void **state)
{
	struct risk_config_result *r = parsed(risk_parse_configure, "risk_engine", "risk_configure_200.json");
	assert_true(r->configured);
	assert_int_equal(r->n_errors, 0);
	risk_config_result_free(r);
	r = parsed(risk_parse_configure, "risk_engine", "risk_configure_default.json");
	assert_false(r->configured);
	assert_int_equal(r->n_errors, 1);
	assert_string_equal(r->errors[0], "seq 42: string");
	risk_config_result_free(r);
	refused(risk_parse_configure, "{\"errors\": [{\"seq\": 1}]}", "\"error\" is missing");

	struct value_list *l = parsed(lists_parse, "lists", "list_delete_200.json");
	assert_string_equal(l->name, "Bad ips");
	assert_string_equal(l->type, "ip");
	assert_int_equal(l->version, 3);
	lists_free(l);
	refused(lists_parse, "{\"id\": \"x\", \"name\": \"n\"}", "\"description\" is missing");
}

static void test_timeline_import(void **state)
{
	struct timeline_import_result *t = parsed(timelines_parse_import, "timelines", "timeline_import_200.json");
	assert_true(t->success);
	assert_int_equal(t->success_count, 99);
	assert_int_equal(t->installed, 80);
	assert_int_equal(t->updated, 19);
	assert_int_equal(t->n_errors, 1);
	assert_string_equal(t->errors[0].id, "6ce1b592-84e3-4b4a-9552-f189d4b82075");
	assert_string_equal(t->errors[0].message, "Malformed JSON");
	assert_int_equal(t->errors[0].status, 400);
	timelines_import_free(t);
	refused(timelines_parse_import, "{\"errors\": [{\"error\": \"bad\"}]}", "\"error\" must be an object");
	refused(timelines_parse_import, "{\"success_count\": \"many\"}", "must be an integer");
}

static void test_streams(void **state)
{
	json_t *j = json_loads("{\"group\": {\"members\": []}}", 0, NULL);
	void *m = (void *)1;
	char *err = NULL;
	assert_int_equal(streams_parse_object(j, &m, &err), 0);
	assert_null(m);
	json_decref(j);
	refused(streams_parse_object, "[1]", "expected an object");
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
