/* A signal goes to any thread that does not block it. The signals the UI reads (SIGTERM, SIGHUP,
 * SIGINT, SIGCONT, from a signalfd) and SIGWINCH (ncurses) belong to the main thread, which owns
 * the terminal; a worker or demo server thread that took one would lose it or race the main
 * thread. So every thread the program starts is started with asynchronous signals blocked. */
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
