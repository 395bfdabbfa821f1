/* Kibana spaces: the request (not space-scoped, with the one query the contract and Kibana both take), the list
 * as Kibana's handler sends it, and broken answers named. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/spaces.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_request(void **state)
{
	struct api_request *req = spaces_list_request();
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->path, "/api/spaces/space");
	assert_string_equal(req->query, "?include_authorized_purposes=true");
	assert_true(req->global);
	assert_ptr_equal(req->model, &spaces_list_model);
	api_request_free(req);
}

static void test_list(void **state)
{
	struct space_list *l = testjson_parsed(&spaces_list_model, "spaces", "spaces_200.json");
	assert_int_equal(l->n, 2);
	assert_string_equal(l->items[0].id, "default");
	assert_string_equal(l->items[1].name, "SOC EU");
	assert_null(l->items[1].description);
	assert_ptr_equal(spaces_find(l, "soc-eu"), &l->items[1]);
	assert_null(spaces_find(l, "soc"));
	assert_null(spaces_find(NULL, "soc-eu"));
	kmodel_free(&spaces_list_model, l);
}

static void test_refused(void **state)
{
	testjson_refused(&spaces_list_model, "{\"spaces\":[]}", "expected an array of spaces");
	testjson_refused(&spaces_list_model, "[{\"name\":\"x\"}]", "spaces[0]: required field \"id\"");
	testjson_refused(&spaces_list_model, "[{\"id\":7}]", "spaces[0]: field \"id\" must be a string");
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
