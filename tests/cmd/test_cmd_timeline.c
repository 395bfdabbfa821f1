/* Timeline import and note deletion (cmd_timeline.c) against the demo server in-process: results, what they ask,
 * and the server's state afterwards. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct testenv env;

static int setup(void **state)
{
	testenv_start(&env, &(struct testenv_options){.profile = "test"});
	return 0;
}

static int teardown(void **state)
{
	testenv_stop(&env);
	return 0;
}

static void test_timeline_import(void **state)
{
	size_t before = testenv_demo_count(&env, "timelines");
	char *good = testutil_fixture_path("timelines", "timelines.ndjson");
	char *mixed = testutil_fixture_path("timelines", "timelines_mixed.ndjson");
	struct testenv_run r = testenv_cmd(&env, TESTENV_YES, false, "timeline import %s", good);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Import 2 timelines from");
	testutil_assert_has(r.message, "Imported 2 timelines from timelines.ndjson (2 new, 0 updated).");
	testenv_run_free(&r);
	assert_int_equal(testenv_demo_count(&env, "timelines"), before + 2);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --immutable --yes", mixed);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_int_equal(r.rows, 2);
	testutil_assert_has(r.error, "Imported 1 timeline from timelines_mixed.ndjson (1 new, 0 updated); 2 failed.");
	testutil_assert_has(r.text, "a title is required");
	testutil_assert_has(r.text, "Malformed JSON");
	testenv_run_free(&r);
	/* The audit log says what was asked and done: a partial import, not "ok". */
	char *log = testenv_audit(&env);
	testutil_assert_has(log, "\"outcome\":\"partial: Kibana did 1 of 3 (0 version conflicts, 2 failures)\"");
	testutil_assert_has(log, "\"asked\":3,\"done\":1,\"conflicts\":0,\"failures\":2");
	free(log);
	assert_int_equal(testenv_demo_count(&env, "timelines"), before + 3);
	/* Checked before anything is sent. */
	char tmpl[] = "/tmp/ktriage-timeline-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	close(fd);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --yes", tmpl);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "only from a file named *.ndjson");
	testenv_run_free(&r);
	char *empty = xasprintf("%s.ndjson", tmpl);
	assert_int_equal(rename(tmpl, empty), 0);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --yes", empty);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "holds no timelines");
	testenv_run_free(&r);
	remove(empty);
	free(empty);
	/* Kibana lower-cases the extension (import_timelines/index.ts): X.NDJSON is an upload like any other. */
	char *upper = xasprintf("%s.NDJSON", tmpl);
	char *text = testutil_read_file(good, NULL);
	assert_true(testutil_write_file(upper, text, 0600));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import %s --yes", upper);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.message, "Imported 2 timelines");
	testenv_run_free(&r);
	remove(upper);
	free(upper);
	free(text);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "timeline import /nonexistent/t.ndjson --yes");
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testutil_assert_has(r.error, "cannot read /nonexistent/t.ndjson");
	testenv_run_free(&r);
	assert_int_equal(testenv_demo_count(&env, "timelines"), before + 5);
	free(good);
	free(mixed);
}

static void test_note_delete(void **state)
{
	size_t before = testenv_demo_count(&env, "notes");
	char *n1 = testenv_demo_id(&env, "notes", 0), *n2 = testenv_demo_id(&env, "notes", 1);
	char *n3 = testenv_demo_id(&env, "notes", 2);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s %s --yes", n1, n1);
	testutil_assert_has(r.error, "given twice");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_YES, false, "note delete %s %s", n1, n2);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testutil_assert_has(r.question, "Delete 2 timeline notes (");
	testutil_assert_has(r.message, "Deleted 2 notes.");
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s --yes", n3);
	testutil_assert_has(r.message, "Deleted note");
	testenv_run_free(&r);
	assert_int_equal(testenv_demo_count(&env, "notes"), before - 3);
	assert_false(testenv_demo_has(&env, "notes", n2));
	r = testenv_cmd(&env, TESTENV_BATCH, false, "note delete %s --yes", n1);
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testenv_run_free(&r);
	free(n1);
	free(n2);
	free(n3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline_import),
		cmocka_unit_test(test_note_delete),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
