/* Threads started under threadsig_block leave asynchronous signals to the main thread. */
#include "config.h"
#include "ktest.h"
#include "core/threadsig.h"
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static sigset_t seen_mask;

static void *record_mask(void *arg)
{
	(void)arg;
	pthread_sigmask(SIG_SETMASK, NULL, &seen_mask);
	return NULL;
}

static void test_threadsig_started_thread_blocks_async_signals(void **state)
{
	(void)state;
	sigset_t saved;
	threadsig_block(&saved);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, record_mask, NULL), 0);
	threadsig_restore(&saved);
	pthread_join(t, NULL);
	static const int blocked[] = {SIGTERM, SIGHUP, SIGINT, SIGCONT, SIGWINCH, SIGPIPE, SIGUSR1};
	for (size_t i = 0; i < sizeof(blocked) / sizeof(blocked[0]); i++)
		assert_int_equal(sigismember(&seen_mask, blocked[i]), 1);
	static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		assert_int_equal(sigismember(&seen_mask, faults[i]), 0);
}

static void test_threadsig_restore_gives_back_the_mask(void **state)
{
	(void)state;
	sigset_t before, saved, after;
	pthread_sigmask(SIG_SETMASK, NULL, &before);
	threadsig_block(&saved);
	threadsig_restore(&saved);
	pthread_sigmask(SIG_SETMASK, NULL, &after);
	assert_int_equal(sigismember(&before, SIGTERM), sigismember(&after, SIGTERM));
	assert_int_equal(sigismember(&after, SIGUSR1), 0);
}

static atomic_bool stop_spinning;
static pthread_t handled_by;
static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled_by = pthread_self();
	handled = 1;
}

static void *spin(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop_spinning))
		usleep(1000);
	return NULL;
}

static void test_threadsig_signal_reaches_the_main_thread(void **state)
{
	(void)state;
	struct sigaction sa = {0}, old;
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, &old);
	sigset_t saved;
	threadsig_block(&saved);
	pthread_t workers[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&workers[i], NULL, spin, NULL), 0);
	threadsig_restore(&saved);
	/* Only the main thread accepts it, so it is handled there, whichever thread runs when it is sent. */
	for (int round = 0; round < 20; round++) {
		handled = 0;
		kill(getpid(), SIGUSR1);
		while (!handled)
			usleep(100);
		assert_true(pthread_equal(handled_by, pthread_self()));
	}
	atomic_store(&stop_spinning, true);
	for (int i = 0; i < 4; i++)
		pthread_join(workers[i], NULL);
	sigaction(SIGUSR1, &old, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threadsig_started_thread_blocks_async_signals),
		cmocka_unit_test(test_threadsig_restore_gives_back_the_mask),
		cmocka_unit_test(test_threadsig_signal_reaches_the_main_thread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
