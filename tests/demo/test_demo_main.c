/* `ktriage serve-demo`: options, usage errors, the URL line, and a clean stop on SIGTERM. */
#include "config.h"
#include "ktest.h"
#include "demo_testutil.h"
#include "demo/demo.h"
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int run(const char *const *args)
{
	char *argv[32];
	int argc = 0;
	for (; args[argc]; argc++)
		argv[argc] = (char *)args[argc];
	argv[argc] = NULL;
	return demo_main(argc, argv);
}

static void test_usage_errors_exit_2(void **state)
{
	assert_int_equal(run((const char *const[]){"serve-demo", "--bogus", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--cases", "-1", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--alerts", "lots", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--fault", "bogus", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--api-key", "/nonexistent/key", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "stray", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--seed", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--help", NULL}), 0);
	assert_int_equal(run((const char *const[]){"serve-demo", "--listen", "127.0.0.1:99999", NULL}), 2);
	assert_int_equal(run((const char *const[]){"serve-demo", "--listen", "[::1", NULL}), 2);
	/* A well-formed address that cannot be bound is a runtime failure. */
	assert_int_equal(run((const char *const[]){"serve-demo", "--listen", "192.0.2.1:0", NULL}), 1);
}

static size_t keep(char *p, size_t size, size_t n, void *cls)
{
	return size * n;
}

/* Run serve-demo in a child, read its URL line, make a request with the key file's key, stop it. */
static void test_serves_until_sigterm(void **state)
{
	char keyfile[] = "/tmp/kt-demo-key-XXXXXX";
	int kfd = mkstemp(keyfile);
	assert_true(kfd >= 0);
	assert_int_equal(write(kfd, "sekrit\n", 7), 7);
	close(kfd);
	int out[2];
	assert_int_equal(pipe(out), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		_exit(run((const char *const[]){"serve-demo", "--listen", "127.0.0.1:0", "--api-key", keyfile, "--quiet",
						"--alerts", "10", NULL}));
	}
	close(out[1]);
	FILE *f = fdopen(out[0], "r");
	char line[256] = "";
	assert_non_null(fgets(line, sizeof(line), f));
	line[strcspn(line, "\n")] = '\0';
	assert_int_equal(strncmp(line, "http://127.0.0.1:", 17), 0);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	long codes[2];
	const char *auth[2] = {"Authorization: ApiKey sekrit", "Authorization: ApiKey other"};
	for (int i = 0; i < 2; i++) {
		CURL *c = curl_easy_init();
		char *url = dt_fmt("%s/api/cases/_find", line);
		struct curl_slist *h = curl_slist_append(NULL, auth[i]);
		curl_easy_setopt(c, CURLOPT_URL, url);
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
		curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
		assert_int_equal(curl_easy_perform(c), CURLE_OK);
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &codes[i]);
		curl_slist_free_all(h);
		curl_easy_cleanup(c);
		free(url);
	}
	curl_global_cleanup();
	assert_int_equal(codes[0], 200);
	assert_int_equal(codes[1], 401);
	kill(pid, SIGTERM);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	fclose(f);
	unlink(keyfile);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usage_errors_exit_2),
		cmocka_unit_test(test_serves_until_sigterm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
