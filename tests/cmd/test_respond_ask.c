/* The questions response actions ask: the host by name, the process by name and pid, the file, the comment. */
#include "config.h"
#include "ktest.h"
#include "cmd/respond_ask.h"
#include <stdlib.h>
#include <string.h>

static char *ask(enum action_kind kind, const struct action_params *p, const char *process, const char *sha)
{
	struct respond_subject s = {kind, p, "WIN-1", process, sha};
	return respond_question(&s);
}

static void test_questions(void **state)
{
	const char *cases[] = {"c1", "c2"}, *alerts[] = {"a1"};
	struct {
		enum action_kind kind;
		struct action_params p;
		const char *process, *sha, *want;
	} q[] = {
		{ACTION_KILL, {.has_pid = true, .pid = 42, .comment = "why"}, "evil.exe", NULL,
		 "Kill evil.exe (pid 42) on WIN-1? It cannot be undone. Comment: \"why\"."},
		{ACTION_SUSPEND, {.entity_id = "e1"}, "evil.exe", NULL, "Suspend evil.exe (entity id e1) on WIN-1? No comment."},
		{ACTION_SUSPEND, {.has_pid = true, .pid = 7}, NULL, NULL,
		 "Suspend the process with pid 7 (no process list on the host names it) on WIN-1? No comment."},
		{ACTION_KILL, {.agent_type = "sentinel_one", .process_name = "evil.exe"}, "evil.exe", NULL,
		 "Kill every process named evil.exe on WIN-1? It cannot be undone. No comment."},
		{ACTION_GET_FILE, {.path = "/tmp/x"}, NULL, NULL,
		 "Retrieve /tmp/x from WIN-1? Kibana keeps it as a password-protected zip. No comment."},
		{ACTION_SCAN, {.path = "C:\\"}, NULL, NULL, "Scan C:\\ on WIN-1 for malware? No comment."},
		{ACTION_EXECUTE, {.command = "id"}, NULL, NULL, "Run `id` on WIN-1 (Kibana's default timeout, 4 hours)? No comment."},
		{ACTION_UPLOAD, {.file_name = "f.ps1", .file_len = 2048, .overwrite = true}, NULL,
		 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		 "Upload f.ps1 (2.0 KB, sha256 0123456789abcdef…) to WIN-1? It replaces a file of that name. No comment."},
		{ACTION_ISOLATE, {.case_ids = cases, .n_cases = 2, .alert_ids = alerts, .n_alerts = 1}, NULL, NULL,
		 "Isolate WIN-1 from the network? Only Elastic will reach it until it is released. No comment. "
		 "It is recorded on 2 cases and 1 alert."},
		{ACTION_RUNNING_PROCS, {.alert_ids = alerts, .n_alerts = 1}, NULL, NULL,
		 "Ask WIN-1 for its running processes (a response action)? No comment. It is recorded on 1 alert."},
	};
	for (size_t i = 0; i < sizeof(q) / sizeof(*q); i++) {
		char *got = ask(q[i].kind, &q[i].p, q[i].process, q[i].sha);
		if (strcmp(got, q[i].want))
			fail_msg("case %zu:\n got  %s\n want %s", i, got, q[i].want);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_questions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
