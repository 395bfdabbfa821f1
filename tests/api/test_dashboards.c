/* Deleting a dashboard: the id is one encoded path segment. */
#include "config.h"
#include "ktest.h"
#include "api/dashboards.h"
#include <stdlib.h>
#include <string.h>

static void test_delete_encodes_id(void **state)
{
	struct api_request *req = dashboards_delete_request("exec-summary/été #1?");
	assert_int_equal(req->method, HTTP_DELETE);
	assert_string_equal(req->path, "/api/dashboards/dashboard/exec-summary%2F%C3%A9t%C3%A9%20%231%3F");
	assert_null(req->body);
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delete_encodes_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
