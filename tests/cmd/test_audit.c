/* The audit log: one JSON line per mutating action, private file, never a secret. */
#include "config.h"
#include "ktest.h"
#include "cmd/audit.h"
#include "cmd/cmd.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct fx {
	char *dir;
	char *log;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	f->dir = testutil_tmpdir();
	assert_non_null(f->dir);
	char *xdg = xasprintf("%s/state", f->dir);
	setenv("XDG_STATE_HOME", xdg, 1);
	setenv("HOME", f->dir, 1);
	f->log = xasprintf("%s/ktriage/audit.log", xdg);
	free(xdg);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	testutil_rmtree(f->dir);
	free(f->dir);
	free(f->log);
	free(f);
	return 0;
}

/* The log's lines parsed; asserts each is one JSON object. */
static json_t *read_log(const char *path)
{
	char *text = testutil_read_file(path, NULL);
	assert_non_null(text);
	json_t *lines = json_array();
	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');
		assert_non_null(nl);
		json_error_t e;
		json_t *j = json_loadb(p, (size_t)(nl - p), 0, &e);
		if (!json_is_object(j))
			fail_msg("audit line is not a JSON object: %.*s", (int)(nl - p), p);
		json_array_append_new(lines, j);
		p = nl + 1;
	}
	free(text);
	return lines;
}

static void test_append_one_line(void **state)
{
	struct fx *f = *state;
	const char *targets[] = {"case-1", "conn/2"};
	struct audit_entry e = {
		.profile = "prod",
		.url = "https://kb.example",
		.space = NULL,
		.command = "case push",
		.targets = targets,
		.n_targets = 2,
		.http_status = 200,
		.outcome = "ok",
		.result_id = "ES-554",
	};
	char *err = NULL;
	assert_int_equal(audit_append(&e, &err), 0);
	char *path = audit_path();
	assert_string_equal(path, f->log);
	free(path);

	struct stat st;
	assert_int_equal(stat(f->log, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *dir = xasprintf("%s/state/ktriage", f->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(dir);

	json_t *lines = read_log(f->log);
	assert_int_equal(json_array_size(lines), 1);
	json_t *l = json_array_get(lines, 0);
	assert_string_equal(json_string_value(json_object_get(l, "profile")), "prod");
	assert_string_equal(json_string_value(json_object_get(l, "url")), "https://kb.example");
	assert_string_equal(json_string_value(json_object_get(l, "space")), "default");
	assert_string_equal(json_string_value(json_object_get(l, "command")), "case push");
	assert_int_equal(json_array_size(json_object_get(l, "targets")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(l, "targets"), 1)), "conn/2");
	assert_int_equal(json_integer_value(json_object_get(l, "http_status")), 200);
	assert_string_equal(json_string_value(json_object_get(l, "outcome")), "ok");
	assert_string_equal(json_string_value(json_object_get(l, "result_id")), "ES-554");
	assert_int_equal(strlen(json_string_value(json_object_get(l, "time"))), 20);
	json_decref(lines);

	/* Appending again adds a line and keeps the first. */
	e.outcome = "HTTP 409 Conflict: version conflict\nsecond line";
	e.http_status = 409;
	e.result_id = NULL;
	assert_int_equal(audit_append(&e, &err), 0);
	lines = read_log(f->log);
	assert_int_equal(json_array_size(lines), 2);
	l = json_array_get(lines, 1);
	assert_string_equal(json_string_value(json_object_get(l, "outcome")), "HTTP 409 Conflict: version conflict\nsecond line");
	assert_true(json_is_null(json_object_get(l, "result_id")));
	json_decref(lines);
}

static void test_not_sent_and_odd_text(void **state)
{
	struct fx *f = *state;
	struct audit_entry e = {
		.profile = "p",
		.url = "http://x",
		.space = "soc team",
		.command = "case status",
		.http_status = 0,
		/* A server message can hold bytes that are not UTF-8; the line must still say what happened. */
		.outcome = "HTTP 500: bad \xff\xfe bytes",
	};
	char *err = NULL;
	assert_int_equal(audit_append(&e, &err), 0);
	json_t *lines = read_log(f->log);
	json_t *l = json_array_get(lines, 0);
	assert_true(json_is_null(json_object_get(l, "http_status")));
	assert_string_equal(json_string_value(json_object_get(l, "space")), "soc team");
	json_t *outcome = json_object_get(l, "outcome");
	assert_true(json_is_string(outcome));
	assert_non_null(strstr(json_string_value(outcome), "HTTP 500: bad"));
	assert_non_null(strstr(json_string_value(outcome), "bytes"));
	json_decref(lines);
}

/* A bulk change's record gives what was asked and done; one without counts has none of those keys. */
static void test_bulk_counts(void **state)
{
	struct fx *f = *state;
	struct audit_counts c = {5, 3, 1, 1};
	struct audit_entry e = {.profile = "p", .command = "alert status", .http_status = 200, .outcome = "partial",
				.counts = &c};
	char *err = NULL;
	assert_int_equal(audit_append(&e, &err), 0);
	e.counts = NULL;
	assert_int_equal(audit_append(&e, &err), 0);
	json_t *lines = read_log(f->log);
	json_t *l = json_array_get(lines, 0);
	assert_int_equal(json_integer_value(json_object_get(l, "asked")), 5);
	assert_int_equal(json_integer_value(json_object_get(l, "done")), 3);
	assert_int_equal(json_integer_value(json_object_get(l, "conflicts")), 1);
	assert_int_equal(json_integer_value(json_object_get(l, "failures")), 1);
	assert_null(json_object_get(json_array_get(lines, 1), "asked"));
	json_decref(lines);
	assert_false(audit_counts_complete(&c));
	c = (struct audit_counts){5, 5, 0, 0};
	assert_true(audit_counts_complete(&c));
	c.conflicts = 1;
	assert_false(audit_counts_complete(&c));
}

static void test_home_fallback_and_errors(void **state)
{
	struct fx *f = *state;
	unsetenv("XDG_STATE_HOME");
	char *path = audit_path();
	char *want = xasprintf("%s/.local/state/ktriage/audit.log", f->dir);
	assert_string_equal(path, want);
	free(want);
	free(path);

	/* A file where a directory should be: a clear error naming the path. */
	char *blocker = xasprintf("%s/blocker", f->dir);
	assert_true(testutil_write_file(blocker, "x", 0600));
	setenv("XDG_STATE_HOME", blocker, 1);
	struct audit_entry e = {.command = "case status", .outcome = "ok"};
	char *err = NULL;
	assert_int_equal(audit_append(&e, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, blocker));
	free(err);
	free(blocker);
}

static void test_cmd_audit_never_writes_secrets(void **state)
{
	struct fx *f = *state;
	struct profile p;
	profile_init(&p);
	profile_set(&p.name, "prod");
	profile_set(&p.url, "https://bob:hunter2@kb.example:5601/");
	profile_set_secret(&p.api_key, "QVBJS0VZU0VDUkVU");
	profile_set(&p.username, "bob");
	profile_set_secret(&p.password, "pa55word");
	struct cmd_host host = {.profile = &p, .batch = true};
	static const struct cmd_arg no_args[] = {{NULL, 0, 0, NULL, 0, NULL}};
	struct cmd_def def = {"case status", no_args, CMD_MUTATES, "x", NULL, NULL, NULL};
	struct cmd_ctx ctx = {.host = &host, .def = &def};
	struct worker_done done;
	memset(&done, 0, sizeof(done));
	done.res.status = API_OK;
	done.res.http_status = 200;
	const char *targets[] = {"case-9"};
	cmd_audit(&ctx, targets, 1, &done, NULL);

	done.res.status = API_ERR_HTTP;
	done.res.http_status = 401;
	char msg[] = "HTTP 401 Unauthorized: unable to authenticate";
	done.res.message = msg;
	cmd_audit(&ctx, targets, 1, &done, NULL);
	cmd_audit(&ctx, targets, 1, NULL, NULL);

	char *text = testutil_read_file(f->log, NULL);
	assert_non_null(text);
	assert_int_equal(testutil_count(text, "\n"), 3);
	assert_null(strstr(text, "QVBJS0VZU0VDUkVU"));
	assert_null(strstr(text, "pa55word"));
	assert_null(strstr(text, "hunter2"));
	assert_non_null(strstr(text, "\"url\":\"https://kb.example:5601/\""));
	assert_non_null(strstr(text, "\"outcome\":\"ok\""));
	assert_non_null(strstr(text, "\"outcome\":\"not sent\""));
	assert_non_null(strstr(text, "unable to authenticate"));
	free(text);
	profile_free(&p);
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	umask(022);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_append_one_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_sent_and_odd_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home_fallback_and_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cmd_audit_never_writes_secrets, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
