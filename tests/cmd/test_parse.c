/* Command argument parsing against declarations, and usage text. */
#include "config.h"
#include "ktest.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const colors[] = {"red", "green", NULL};

static const struct cmd_arg thing_args[] = {
	{"caseId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_CASE, "the case id"},
	{"rest", CMD_ARG_TEXT, CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE, "more words"},
	{"color", CMD_ARG_ENUM, 0, colors, CMD_ID_NONE, "a color"},
	{"count", CMD_ARG_INT, 0, NULL, CMD_ID_NONE, "how many"},
	{"tag", CMD_ARG_STRING, CMD_MULTI, NULL, CMD_ID_NONE, "a tag (repeatable)"},
	{"force", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "do it anyway"},
	{"owner", CMD_ARG_STRING, CMD_REQUIRED, NULL, CMD_ID_NONE, "who owns it"},
	{"file", CMD_ARG_FILE, 0, NULL, CMD_ID_NONE, "a file"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_def thing = {"thing do", thing_args, CMD_MUTATES, "do a thing", NULL, NULL, NULL};

static const struct cmd_arg one_args[] = {
	{"id", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "an id"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_def one = {"one", one_args, 0, "one id", NULL, NULL, NULL};

enum { A_CASE, A_REST, A_COLOR, A_COUNT, A_TAG, A_FORCE, A_OWNER, A_FILE };

/* Parse a command line (words of the command already removed) for def. */
static int parse(const struct cmd_def *def, const char *line, struct cmd_parsed *out, char **err)
{
	int argc;
	char **argv;
	char *terr = NULL;
	assert_int_equal(tokenize(line, &argc, &argv, &terr), 0);
	*err = NULL;
	int rc = cmd_parse_args(def, argc, argv, out, err);
	tokenize_free(argc, argv);
	return rc;
}

/* Parse expecting failure; the message must contain want and the usage line. */
static void expect_error(const struct cmd_def *def, const char *line, const char *want)
{
	struct cmd_parsed p;
	char *err;
	int rc = parse(def, line, &p, &err);
	cmd_parse_free(def, p.values);
	if (rc != -1)
		fail_msg("\"%s\" parsed, expected an error containing \"%s\"", line, want);
	assert_non_null(err);
	if (!strstr(err, want))
		fail_msg("\"%s\": got \"%s\", want \"%s\"", line, err, want);
	assert_non_null(strstr(err, "\nusage: "));
	assert_non_null(strstr(err, def->words));
	free(err);
}

static void test_positional_and_option_forms(void **state)
{
	struct cmd_parsed p;
	char *err;
	assert_int_equal(parse(&thing, "c1 --owner=me", &p, &err), 0);
	assert_int_equal(p.values[A_CASE].n, 1);
	assert_string_equal(p.values[A_CASE].vals[0], "c1");
	assert_string_equal(p.values[A_OWNER].vals[0], "me");
	assert_int_equal(p.values[A_REST].n, 0);
	assert_false(p.yes);
	assert_false(p.json);
	assert_false(p.help);
	cmd_parse_free(&thing, p.values);

	assert_int_equal(parse(&thing, "--owner me c1 w1 'w 2' --tag a --tag=b --force --count 3 --color red --yes --json",
			       &p, &err), 0);
	assert_string_equal(p.values[A_CASE].vals[0], "c1");
	assert_int_equal(p.values[A_REST].n, 2);
	assert_string_equal(p.values[A_REST].vals[1], "w 2");
	assert_null(p.values[A_REST].vals[2]);
	assert_int_equal(p.values[A_TAG].n, 2);
	assert_string_equal(p.values[A_TAG].vals[0], "a");
	assert_string_equal(p.values[A_TAG].vals[1], "b");
	assert_int_equal(p.values[A_FORCE].n, 1);
	assert_string_equal(p.values[A_COUNT].vals[0], "3");
	assert_string_equal(p.values[A_COLOR].vals[0], "red");
	assert_true(p.yes);
	assert_true(p.json);
	assert_false(p.ndjson);
	cmd_parse_free(&thing, p.values);
	/* --ndjson is JSON too, one list item per line. */
	assert_int_equal(parse(&thing, "--owner x c1 --ndjson", &p, &err), 0);
	assert_true(p.json);
	assert_true(p.ndjson);
	cmd_parse_free(&thing, p.values);
}

static void test_double_dash_ends_options(void **state)
{
	struct cmd_parsed p;
	char *err;
	assert_int_equal(parse(&thing, "--owner x c1 -- --tag --yes -", &p, &err), 0);
	assert_int_equal(p.values[A_REST].n, 3);
	assert_string_equal(p.values[A_REST].vals[0], "--tag");
	assert_string_equal(p.values[A_REST].vals[1], "--yes");
	assert_string_equal(p.values[A_REST].vals[2], "-");
	assert_false(p.yes);
	assert_int_equal(p.values[A_TAG].n, 0);
	cmd_parse_free(&thing, p.values);
	/* An option value may itself look like an option. */
	assert_int_equal(parse(&thing, "c1 --owner --help", &p, &err), 0);
	assert_string_equal(p.values[A_OWNER].vals[0], "--help");
	assert_false(p.help);
	cmd_parse_free(&thing, p.values);
}

static void test_enum_and_int_validation(void **state)
{
	expect_error(&thing, "c1 --owner o --color blue", "color must be one of red, green (got \"blue\")");
	expect_error(&thing, "c1 --owner o --count 3x", "--count takes a whole number, not \"3x\"");
	expect_error(&thing, "c1 --owner o --count=-1", "--count takes a whole number");
	expect_error(&thing, "c1 --owner o --count 99999999999999999999999", "--count takes a whole number");
	expect_error(&thing, "c1 --owner o --count ''", "--count takes a whole number");
}

static void test_missing_required(void **state)
{
	expect_error(&thing, "--owner o", "missing <caseId>: the case id");
	expect_error(&thing, "c1", "missing --owner: who owns it");
	expect_error(&thing, "", "missing <caseId>");
	expect_error(&thing, "'' --owner o", "caseId must not be empty");
}

static void test_option_errors(void **state)
{
	expect_error(&thing, "c1 --owner o --bogus", "unknown option --bogus for \"thing do\"");
	expect_error(&thing, "c1 --owner o --bogus=1", "unknown option --bogus for \"thing do\"");
	expect_error(&thing, "c1 --owner o --force=yes", "--force takes no value");
	expect_error(&thing, "c1 --owner o --count", "--count needs a value");
	expect_error(&thing, "c1 --owner o --owner p", "--owner given twice");
	expect_error(&thing, "c1 --owner o --file /nonexistent/kt-no-such-file", "cannot read /nonexistent/kt-no-such-file");
	/* Positional names are not options. */
	expect_error(&thing, "--caseId c1 --owner o", "unknown option --caseId");
	expect_error(&one, "a b", "unexpected argument \"b\"");
}

static void test_help_skips_required(void **state)
{
	struct cmd_parsed p;
	char *err;
	assert_int_equal(parse(&thing, "--help", &p, &err), 0);
	assert_true(p.help);
	cmd_parse_free(&thing, p.values);
	/* --help does not excuse a bad value. */
	expect_error(&thing, "--help --color blue", "color must be one of");
}

static void test_check_value(void **state)
{
	char *m = cmd_check_value(&thing_args[A_COUNT], "42");
	assert_null(m);
	m = cmd_check_value(&thing_args[A_COLOR], "green");
	assert_null(m);
	m = cmd_check_value(&thing_args[A_FILE], "/dev/null");
	assert_null(m);
	m = cmd_check_value(&thing_args[A_COLOR], "Red");
	assert_non_null(m);
	free(m);
}

static void test_usage_and_help(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	cmd_usage(&thing, &sb);
	assert_string_equal(sb.buf, "thing do <caseId> [<rest>...] [--color red|green] [--count <n>] [--tag <value>...]"
				    " [--force] --owner <value> [--file <file>] [--yes] [--json]");
	strbuf_reset(&sb);
	cmd_help_text(&thing, &sb);
	assert_non_null(strstr(sb.buf, "usage: thing do <caseId>"));
	assert_non_null(strstr(sb.buf, "do a thing (changes data"));
	assert_non_null(strstr(sb.buf, "  <caseId>               the case id (required)\n"));
	assert_non_null(strstr(sb.buf, "  --tag                  a tag (repeatable)\n"));
	strbuf_free(&sb);
	assert_int_equal(cmd_arg_count(&thing), 8);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positional_and_option_forms),
		cmocka_unit_test(test_double_dash_ends_options),
		cmocka_unit_test(test_enum_and_int_validation),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_option_errors),
		cmocka_unit_test(test_help_skips_required),
		cmocka_unit_test(test_check_value),
		cmocka_unit_test(test_usage_and_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
