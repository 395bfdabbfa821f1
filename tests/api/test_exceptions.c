/* Endpoint exceptions: the seed document's page, broken answers, every kind of condition as a phrase, the _find
 * request and its filter check. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/exceptions.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void test_exceptions(void **state)
{
	struct exception_page *p = testjson_parsed(&exceptions_page_model, "exceptions", "endpoint_list_find_200.json");
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
	testjson_refused(&exceptions_page_model, "{\"data\": [], \"page\": 1, \"per_page\": 20}", "\"total\" is missing");
	/* An item with only an id loads; a condition whose value is a number is shown as its text; an item
	 * without an id is a placeholder that says why. */
	char *err = NULL;
	p = testjson_parse(&exceptions_page_model,
		"{\"data\": [{\"id\": \"a\"}, {\"id\": \"b\", \"entries\": [{\"field\": \"f\", \"type\": \"match\", "
		"\"operator\": \"included\", \"value\": 3}, {\"type\": \"wildcard_v2\", \"value\": \"x*\"}, 5]}, {\"name\": \"n\"}], "
		"\"page\": 1, \"per_page\": 20, \"total\": 3}", &err);
	assert_non_null(p);
	assert_int_equal(p->n, 3);
	assert_int_equal(p->bad, 1);
	assert_null(p->items[0].name);
	assert_int_equal(p->items[0].n_entries, 0);
	assert_int_equal(p->items[1].n_entries, 2);
	t = exceptions_entry_text(&p->items[1].entries[0]);
	assert_string_equal(t, "f is 3");
	free(t);
	t = exceptions_entry_text(&p->items[1].entries[1]);
	assert_string_equal(t, "? is x*");
	free(t);
	assert_string_equal(p->items[2].problem, "endpoint exceptions.data[2]: required field \"id\" is missing");
	kmodel_free(&exceptions_page_model, p);
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

static void test_exceptions_query(void **state)
{
	struct exceptions_query q = {.filter = "exception-list-agnostic.attributes.name:\"a b\"", .page = 2, .per_page = 0,
				     .sort_field = "name", .sort_order = "asc"};
	struct api_request *req = exceptions_find_request(&q);
	assert_string_equal(req->path, "/api/endpoint_list/items/_find");
	assert_string_equal(req->query, "?filter=exception-list-agnostic.attributes.name%3A%22a%20b%22&page=2&per_page=0"
					"&sort_field=name&sort_order=asc");
	api_request_free(req);
	q = (struct exceptions_query){.page = -1, .per_page = -1};
	req = exceptions_find_request(&q);
	assert_null(req->query);
	api_request_free(req);
	assert_null(exceptions_check_filter("name:x"));
	char *err = exceptions_check_filter("Backup");
	assert_non_null(strstr(err, "field:value"));
	free(err);
	err = exceptions_check_filter(":x");
	assert_non_null(err);
	free(err);
}

/* find_endpoint_list_item_route.ts: an item as stored, with a nested code-signature condition. */
static void test_exceptions_kibana(void **state)
{
	struct exception_page *p = testjson_parsed(&exceptions_page_model, "exceptions", "endpoint_list_find_kibana.json");
	assert_int_equal(p->n, 1);
	assert_null(p->items[0].expire_time);
	assert_int_equal(p->items[0].n_entries, 2);
	char *t = exceptions_entry_text(&p->items[0].entries[1]);
	assert_string_equal(t, "process.Ext.code_signature: { subject_name is Acme Corp; trusted is true }");
	free(t);
	kmodel_free(&exceptions_page_model, p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_entry_texts),
		cmocka_unit_test(test_nested_and_list_entries),
		cmocka_unit_test(test_exceptions_query),
		cmocka_unit_test(test_exceptions_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
