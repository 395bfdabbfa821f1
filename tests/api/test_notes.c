/* Deleting timeline notes: one id or several, in the body. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/notes.h"
#include <stdlib.h>
#include <string.h>

static void test_notes_body(void **state)
{
	const char *one[] = {"n1"};
	struct api_request *req = notes_delete_request(one, 1);
	assert_string_equal(req->path, "/api/note");
	testjson_assert_body(req, "{\"noteId\": \"n1\"}");
	api_request_free(req);
	const char *two[] = {"n1", "n2"};
	req = notes_delete_request(two, 2);
	testjson_assert_body(req, "{\"noteIds\": [\"n1\", \"n2\"]}");
	api_request_free(req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notes_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
