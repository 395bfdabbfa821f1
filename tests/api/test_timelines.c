/* Timeline import: the answer, NDJSON line counts, and the multipart upload request. */
#include "config.h"
#include "ktest.h"
#include "testjson.h"
#include "api/timelines.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void test_timeline_import(void **state)
{
	struct timeline_import_result *t = testjson_parsed(&timelines_import_model, "timelines", "timeline_import_200.json");
	assert_true(t->success);
	assert_int_equal(t->success_count, 99);
	assert_int_equal(t->installed, 80);
	assert_int_equal(t->updated, 19);
	assert_int_equal(t->n_errors, 1);
	assert_string_equal(t->errors[0].id, "6ce1b592-84e3-4b4a-9552-f189d4b82075");
	assert_string_equal(t->errors[0].message, "Malformed JSON");
	assert_int_equal(t->errors[0].status, 400);
	kmodel_free(&timelines_import_model, t);
	/* Taken as it comes: an error given as text, a count that is not a number. */
	json_t *j = json_loads("{\"errors\": [{\"error\": \"bad\"}], \"success_count\": \"many\"}", 0, NULL);
	void *m = NULL;
	char *err = NULL;
	assert_int_equal(kmodel_parse(&timelines_import_model, j, &m, &err), 0);
	t = m;
	assert_int_equal(t->n_errors, 1);
	assert_string_equal(t->errors[0].message, "bad");
	assert_int_equal(t->errors[0].status, -1);
	assert_int_equal(t->success_count, -1);
	kmodel_free(&timelines_import_model, t);
	json_decref(j);
}

static void test_timeline_upload(void **state)
{
	const char *nd = "{\"title\":\"a\"}\n\n  \n{\"title\":\"b\"}\nnot json\n[1]\n";
	struct timeline_ndjson_stats st;
	timelines_ndjson_stats(nd, strlen(nd), &st);
	assert_int_equal(st.lines, 4);
	assert_int_equal(st.n_bad, 2);
	assert_int_equal(st.bad_line, 5);
	timelines_ndjson_stats("", 0, &st);
	assert_int_equal(st.lines, 0);
	/* Only len bytes are read, even when the last line is blank (fuzz_models read past them). */
	char *exact = xmalloc(5);
	memcpy(exact, "{}\n  ", 5);
	timelines_ndjson_stats(exact, 5, &st);
	assert_int_equal(st.lines, 1);
	assert_int_equal(st.n_bad, 0);
	free(exact);
	struct api_request *req = timelines_import_request("t.ndjson", nd, strlen(nd), true);
	assert_int_equal(req->method, HTTP_POST);
	assert_string_equal(req->path, "/api/timeline/_import");
	assert_null(req->body);
	assert_int_equal(req->n_parts, 2);
	assert_string_equal(req->parts[0].name, "file");
	assert_string_equal(req->parts[0].filename, "t.ndjson");
	assert_string_equal(req->parts[0].content_type, "application/ndjson");
	assert_int_equal(req->parts[0].len, strlen(nd));
	assert_memory_equal(req->parts[0].data, nd, strlen(nd));
	assert_string_equal(req->parts[1].name, "isImmutable");
	assert_string_equal(req->parts[1].data, "true");
	api_request_free(req);
	req = timelines_import_request("t.ndjson", nd, 3, false);
	assert_int_equal(req->n_parts, 1);
	api_request_free(req);
}

/* import_timelines/index.ts: a partial import with its errors. */
static void test_timeline_import_kibana(void **state)
{
	struct timeline_import_result *t = testjson_parsed(&timelines_import_model, "timelines", "timeline_import_kibana.json");
	assert_false(t->success);
	assert_int_equal(t->installed, 1);
	assert_int_equal(t->n_errors, 2);
	assert_int_equal(t->errors[1].status, 409);
	assert_string_equal(t->errors[0].message, "Invalid JSON");
	kmodel_free(&timelines_import_model, t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline_import),
		cmocka_unit_test(test_timeline_upload),
		cmocka_unit_test(test_timeline_import_kibana),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
