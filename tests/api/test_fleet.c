/* Fleet: deleting an agent's file, and looking up saved objects (type:id references, the request, the answer). */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/fleet.h"
#include <stdlib.h>
#include <string.h>

static void test_file_deleted(void **state)
{
	struct fleet_file_deleted *f = testjson_parsed(&fleet_file_deleted_model, "fleet", "fleet_file_delete_200.json");
	assert_string_equal(f->id, "string");
	assert_true(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
	/* Only "deleted": false says the file was kept; the id is shown when it comes. */
	char *err = NULL;
	f = testjson_parse(&fleet_file_deleted_model, "{\"deleted\": true}", &err);
	assert_null(f->id);
	assert_true(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
	f = testjson_parse(&fleet_file_deleted_model, "{\"id\": \"a\", \"deleted\": \"yes\"}", &err);
	assert_true(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
	f = testjson_parse(&fleet_file_deleted_model, "{\"id\": \"a\", \"deleted\": false}", &err);
	assert_false(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
}

static void test_file_delete_request(void **state)
{
	struct api_request *req = fleet_file_delete_request("../x");
	assert_string_equal(req->path, "/api/fleet/agents/files/..%2Fx");
	assert_non_null(req->model);
	api_request_free(req);
}

static void test_assets(void **state)
{
	struct fleet_asset_list *l = testjson_parsed(&fleet_assets_model, "fleet", "bulk_assets_200.json");
	assert_int_equal(l->n, 1);
	assert_string_equal(l->items[0].type, "string");
	assert_string_equal(l->items[0].title, "string");
	assert_string_equal(l->items[0].app_link, "string");
	kmodel_free(&fleet_assets_model, l);
	/* An asset without attributes is shown without a title; one without an id is a placeholder. */
	char *err = NULL;
	l = testjson_parse(&fleet_assets_model, "{\"items\": [{\"id\": \"a\", \"type\": \"dashboard\"}, {\"type\": \"lens\"}]}",
			   &err);
	assert_int_equal(l->n, 2);
	assert_int_equal(l->bad, 1);
	assert_null(l->items[0].title);
	assert_null(l->items[0].problem);
	assert_string_equal(l->items[1].problem, "assets.items[1]: required field \"id\" is missing");
	kmodel_free(&fleet_assets_model, l);
	testjson_refused(&fleet_assets_model, "{\"items\": {}}", "\"items\" must be an array");
}

static void test_asset_requests(void **state)
{
	char a[] = "dashboard:abc:def", b[] = "nocolon", c[] = ":x", d[] = "lens:";
	struct fleet_asset_ref refs[2];
	assert_null(fleet_asset_ref_parse(a, &refs[0]));
	assert_string_equal(refs[0].type, "dashboard");
	assert_string_equal(refs[0].id, "abc:def");
	char *err = fleet_asset_ref_parse(b, &refs[1]);
	assert_non_null(strstr(err, "is not type:id"));
	free(err);
	err = fleet_asset_ref_parse(c, &refs[1]);
	assert_non_null(strstr(err, "no type before the colon"));
	free(err);
	err = fleet_asset_ref_parse(d, &refs[1]);
	assert_non_null(strstr(err, "no id after the colon"));
	free(err);
	refs[1] = (struct fleet_asset_ref){"index-pattern", "logs-*"};
	struct api_request *req = fleet_bulk_assets_request(refs, 2);
	assert_int_equal(req->method, HTTP_POST);
	testjson_assert_body(req, "{\"assetIds\": [{\"id\": \"abc:def\", \"type\": \"dashboard\"}, {\"id\": \"logs-*\", \"type\": \"index-pattern\"}]}");
	api_request_free(req);
}

/* handlers.ts of the agent files and of EPM's bulk assets. */
static void test_fleet_kibana(void **state)
{
	struct fleet_file_deleted *f = testjson_parsed(&fleet_file_deleted_model, "fleet", "fleet_file_delete_kibana.json");
	assert_string_equal(f->id, "agent-file-0001");
	assert_true(f->deleted);
	kmodel_free(&fleet_file_deleted_model, f);
	struct fleet_asset_list *l = testjson_parsed(&fleet_assets_model, "fleet", "bulk_assets_kibana.json");
	assert_int_equal(l->n, 2);
	assert_string_equal(l->items[0].title, "[Logs] Web Traffic");
	assert_null(l->items[1].app_link);
	assert_null(l->items[1].updated_at);
	kmodel_free(&fleet_assets_model, l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_deleted),
		cmocka_unit_test(test_file_delete_request),
		cmocka_unit_test(test_assets),
		cmocka_unit_test(test_asset_requests),
		cmocka_unit_test(test_fleet_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
