/* Value lists: the deleted list as the seed document shows it, a broken one, the get and delete requests. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/lists.h"
#include <stdlib.h>
#include <string.h>

static void test_list_parse(void **state)
{
	struct value_list *l = testjson_parsed(&lists_value_list_model, "lists", "list_delete_200.json");
	assert_string_equal(l->name, "Bad ips");
	assert_string_equal(l->type, "ip");
	assert_int_equal(l->version, 3);
	kmodel_free(&lists_value_list_model, l);
	/* The answer only names the list: what is missing is left out of the message. */
	char *err = NULL;
	l = testjson_parse(&lists_value_list_model, "{\"id\": \"x\", \"name\": \"n\"}", &err);
	assert_string_equal(l->name, "n");
	assert_null(l->description);
	assert_false(l->immutable);
	kmodel_free(&lists_value_list_model, l);
}

static void test_get_and_delete_requests(void **state)
{
	struct api_request *req = lists_delete_request("ip list&x", true, false);
	assert_string_equal(req->path, "/api/lists");
	assert_string_equal(req->query, "?id=ip%20list%26x&deleteReferences=true");
	api_request_free(req);
	req = lists_delete_request("a", false, true);
	assert_string_equal(req->query, "?id=a&ignoreReferences=true");
	api_request_free(req);
	req = lists_get_request("a");
	assert_int_equal(req->method, HTTP_GET);
	assert_string_equal(req->query, "?id=a");
	api_request_free(req);
}

/* delete_list_route.ts answers with the list it deleted. */
static void test_list_kibana(void **state)
{
	struct value_list *l = testjson_parsed(&lists_value_list_model, "lists", "list_delete_kibana.json");
	assert_string_equal(l->name, "Known C2 domains");
	assert_string_equal(l->type, "keyword");
	kmodel_free(&lists_value_list_model, l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_parse),
		cmocka_unit_test(test_get_and_delete_requests),
		cmocka_unit_test(test_list_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
