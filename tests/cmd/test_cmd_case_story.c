/* A case's story and its report (cmd_case_story.c) against the demo server in-process: the timeline as the demo
 * recorded it, the Markdown report with its sections, escaping and links, the file it writes, and hostile text. */
#include "config.h"
#include "ktest.h"
#include "testenv.h"
#include "cmd/cmd.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* The id of the first case (oldest first) with comments, or any case when none has. */
static char *a_case(struct testenv *e, const char *status)
{
	struct testenv_run r = testenv_cmd(e, TESTENV_BATCH, false, "cases --per-page 100 --sort-field createdAt "
							   "--sort-order asc --status %s", status);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	json_t *cases = json_object_get(r.json, "cases");
	char *id = NULL;
	size_t i;
	json_t *c;
	json_array_foreach(cases, i, c) {
		if (!id && json_integer_value(json_object_get(c, "totalComment")) > 0)
			id = xstrdup(json_string_value(json_object_get(c, "id")));
	}
	if (!id)
		id = xstrdup(json_string_value(json_object_get(json_array_get(cases, 0), "id")));
	testenv_run_free(&r);
	return id;
}

static void test_activity(void **state)
{
	char *id = a_case(&env, "closed");
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "case activity %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	/* Every comment has its user action in the demo, so the story has one row per user action. */
	size_t actions = json_array_size(json_object_get(r.json, "userActions"));
	assert_true(actions >= 3);
	assert_int_equal(r.rows, actions);
	assert_true(json_array_size(json_object_get(r.json, "comments")) > 0);
	assert_non_null(strstr(r.text, "created the case"));
	assert_non_null(strstr(r.text, "commented: "));
	assert_non_null(strstr(r.text, "closed the case"));
	/* Oldest first: the case was created before it was closed. */
	assert_true(strstr(r.text, "created the case") < strstr(r.text, "closed the case"));
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "case activity no-such-case");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	assert_non_null(strstr(r.error, "404"));
	testenv_run_free(&r);
	free(id);
}

/* An alert from an Elastic Defend host (it has agent.id), by the alerts list. */
static void endpoint_alert(char **alert, char **agent)
{
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "alerts --limit 100");
	json_t *hits = testenv_hits(&r);
	size_t i;
	json_t *h;
	*alert = *agent = NULL;
	json_t *eps = NULL;
	struct testenv_run er = testenv_cmd(&env, TESTENV_BATCH, false, "endpoints --per-page 100");
	eps = json_object_get(er.json, "data");
	json_array_foreach(hits, i, h) {
		json_t *src = json_object_get(h, "_source");
		const char *ag = json_string_value(json_object_get(json_object_get(src, "agent"), "id"));
		if (!ag)
			ag = json_string_value(json_object_get(src, "agent.id"));
		size_t k;
		json_t *ep;
		json_array_foreach(eps, k, ep) {
			const char *id = json_string_value(json_object_get(json_object_get(json_object_get(ep, "metadata"), "agent"), "id"));
			if (!*alert && ag && id && !strcmp(id, ag)) {
				*alert = xstrdup(json_string_value(json_object_get(h, "_id")));
				*agent = xstrdup(ag);
			}
		}
	}
	testenv_run_free(&er);
	testenv_run_free(&r);
	assert_non_null(*alert);
}

static void test_export(void **state)
{
	char *id = a_case(&env, "open"), *alert, *agent;
	endpoint_alert(&alert, &agent);
	/* Changes made now are part of the story: a status, a comment that tries to format, an alert, an action. */
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "case status %s in-progress --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "case comment %s '*not bold* <b>x</b> | [link](http://e.example)' --yes", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "alert attach %s --case %s --yes", alert, id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "endpoint isolate --endpoint %s --comment 'contain it' --yes", agent);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	testenv_run_free(&r);

	r = testenv_cmd(&env, TESTENV_BATCH, false, "case export %s --format md", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	const char *md = r.message;
	assert_true(md[0] == '#' && md[1] == ' ');
	char *link = xasprintf("- **In Kibana:** <%s/app/security/cases/%s>", env.p.url, id);
	assert_non_null(strstr(md, link));
	free(link);
	assert_non_null(strstr(md, "- **Status:** in-progress"));
	assert_non_null(strstr(md, "## Timeline ("));
	assert_non_null(strstr(md, "changed the status to in-progress"));
	assert_non_null(strstr(md, "## Comments ("));
	assert_non_null(strstr(md, "> \\*not bold\\* \\<b\\>x\\</b\\> \\| \\[link\\](http://e.example)\n"));
	assert_non_null(strstr(md, "## Attached alerts ("));
	char *row = xasprintf(" %s |\n", alert);
	assert_non_null(strstr(md, row));
	free(row);
	assert_non_null(strstr(md, "## Response actions on these hosts ("));
	assert_non_null(strstr(md, "| isolate |"));
	assert_non_null(strstr(md, "| contain it |"));
	/* --json: what the report was made from. */
	assert_non_null(json_object_get(r.json, "case"));
	assert_true(json_array_size(json_object_get(r.json, "userActions")) > 0);
	assert_true(json_array_size(json_object_get(r.json, "alerts")) > 0);
	assert_true(json_array_size(json_object_get(r.json, "actions")) > 0);
	testenv_run_free(&r);

	r = testenv_cmd(&env, TESTENV_BATCH, false, "case export %s --format html", id);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	testenv_run_free(&r);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "case export no-such-case");
	assert_int_equal(r.exit_code, CMD_EXIT_API);
	testenv_run_free(&r);
	free(id);
	free(alert);
	free(agent);
}

static void test_export_to_file(void **state)
{
	char *id = a_case(&env, "closed");
	char *path = xasprintf("%s/report.md", env.state_dir);
	struct testenv_run r = testenv_cmd(&env, TESTENV_BATCH, false, "case export %s --output %s", id, path);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	assert_non_null(strstr(r.message, "Wrote the report on"));
	assert_non_null(strstr(r.message, path));
	testenv_run_free(&r);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	FILE *f = fopen(path, "r");
	char head[3] = {0};
	assert_int_equal(fread(head, 1, 2, f), 2);
	fclose(f);
	assert_string_equal(head, "# ");
	unlink(path);
	free(path);
	r = testenv_cmd(&env, TESTENV_BATCH, false, "case export %s --output %s/no/such/dir/r.md", id, env.state_dir);
	assert_int_equal(r.exit_code, CMD_EXIT_USAGE);
	assert_non_null(strstr(r.error, "cannot write"));
	testenv_run_free(&r);
	free(id);
}

/* Every text field of the hostile demo carries escapes, OSC 52, C1 and bidi controls: none reaches the report. */
static void test_export_hostile(void **state)
{
	struct testenv hostile;
	testenv_start(&hostile, &(struct testenv_options){.profile = "test",
							   .faults = (const char *const[]){"hostile-strings", NULL}});
	char *id = a_case(&hostile, "closed");
	struct testenv_run r = testenv_cmd(&hostile, TESTENV_BATCH, false, "case export %s", id);
	assert_int_equal(r.exit_code, CMD_EXIT_OK);
	const char *md = r.message;
	assert_null(strchr(md, '\x1b'));
	assert_null(strchr(md, '\x07'));
	assert_null(strchr(md, '\r'));
	assert_null(strstr(md, "\xc2\x9b"));
	assert_null(strstr(md, "\xe2\x80\xae"));
	assert_non_null(strstr(md, "\xe2\x90\x9b\\]52;c;")); /* shown, inert */
	testenv_run_free(&r);
	free(id);
	testenv_stop(&hostile);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_activity),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_export_to_file),
		cmocka_unit_test(test_export_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
