/* Keeping secrets out of core dumps and away from other processes of the same user. */
#include "config.h"
#include "ktest.h"
#include "core/secret.h"
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void test_secret_protect_process(void **state)
{
	/* In a child: the test process itself stays dumpable for the tools that watch it. */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		secret_protect_process();
		struct rlimit rl;
		int bad = getrlimit(RLIMIT_CORE, &rl) != 0 || rl.rlim_cur != 0 || prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
		_exit(bad);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_secret_protect_process),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
