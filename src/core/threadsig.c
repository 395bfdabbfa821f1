/* A signal goes to any thread that does not block it. The UI's handlers (SIGTERM, SIGHUP, SIGINT,
 * SIGCONT, SIGWINCH) belong to the main thread, which owns the terminal and the self-pipe they
 * write to; a worker or demo server thread that received one would race the main thread's
 * teardown. So every thread the program starts is started with asynchronous signals blocked. */
#include "core/threadsig.h"

#include <pthread.h>

void threadsig_block(sigset_t *saved)
{
	sigset_t all;
	sigfillset(&all);
	/* Faults are delivered to the thread that caused them and cannot be blocked usefully. */
	static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS};
	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		sigdelset(&all, faults[i]);
	pthread_sigmask(SIG_BLOCK, &all, saved);
}

void threadsig_restore(const sigset_t *saved)
{
	pthread_sigmask(SIG_SETMASK, saved, NULL);
}
