/* Streams: the answers read as objects, the resync and group requests. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/streams.h"
#include <stdlib.h>
#include <string.h>

static void test_streams(void **state)
{
	json_t *j = json_loads("{\"group\": {\"members\": []}}", 0, NULL);
	void *m = (void *)1;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&streams_object_model, j, &m, &err), 0);
	assert_null(m);
	json_decref(j);
	testjson_refused(&streams_object_model, "[1]", "expected an object");
}

static void test_requests(void **state)
{
	struct api_request *req = streams_resync_request();
	assert_int_equal(req->method, HTTP_POST);
	testjson_assert_body(req, "{}");
	api_request_free(req);
	req = streams_group_request("logs/web tier");
	assert_string_equal(req->path, "/api/streams/logs%2Fweb%20tier/_group");
	assert_null(req->body);
	api_request_free(req);
}

/* The streams plugin's resync and group answers: objects, read as they are. */
static void test_streams_kibana(void **state)
{
	static const char *const fixtures[] = {"streams_resync_kibana.json", "streams_group_kibana.json"};
	for (size_t i = 0; i < 2; i++) {
		json_t *j = testjson_fixture("streams", fixtures[i]);
		void *m = (void *)1;
		char *err = NULL;
		assert_int_equal(kmodel_parse(&streams_object_model, j, &m, &err), 0);
		assert_null(m);
		json_decref(j);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_requests),
		cmocka_unit_test(test_streams_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
