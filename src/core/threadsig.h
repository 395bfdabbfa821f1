/* Threads that leave asynchronous signals to the main thread. */
#ifndef KT_THREADSIG_H
#define KT_THREADSIG_H

#include <signal.h>

/* Block every asynchronous signal in the calling thread, saving its mask: threads started now inherit it. */
void threadsig_block(sigset_t *saved);
/* Restore the mask threadsig_block saved. */
void threadsig_restore(const sigset_t *saved);

#endif
