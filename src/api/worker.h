/* The background thread that owns every network transfer. */
#ifndef KT_WORKER_H
#define KT_WORKER_H
#include <stdbool.h>
#include <stdint.h>
#include "api/request.h"

struct profile;
struct worker;

/* A finished job, handed back to the thread that submitted it. */
struct worker_done {
	uint64_t id;              /* from worker_submit */
	uint64_t generation;      /* as submitted: compare to drop stale results */
	void *udata;              /* as submitted */
	struct api_request *req;  /* the request, for context */
	struct api_result res;    /* the outcome (API_ERR_CANCELLED when cancelled) */
};

/* Whoever submitted a job and wants it back: pass a pointer to one as udata to use worker_dispatch. */
struct worker_sink {
	void (*deliver)(struct worker_sink *sink, struct worker_done *done);
};

/* Hand a finished job to the worker_sink in its udata; the sink takes ownership of done. */
void worker_dispatch(struct worker_done *done);
/* Call once before any thread starts: curl_global_init and SIGPIPE ignored. */
void worker_global_init(void);
/* Undo worker_global_init at exit. */
void worker_global_cleanup(void);
/* Start a worker for a profile (copied); NULL with *err on failure or an unusable profile (no URL). */
struct worker *worker_new(const struct profile *p, char **err);
/* Stop the thread (cancelling what is in flight) and free everything. */
void worker_free(struct worker *w);
/* Change the most requests in flight at once (from the profile's concurrency at start); 0 counts as 1. */
void worker_set_concurrency(struct worker *w, unsigned n);
/* The most requests in flight at once: what a command that fetches many pages keeps going. */
unsigned worker_concurrency(struct worker *w);
/* A descriptor that becomes readable when finished jobs are waiting. */
int worker_fd(const struct worker *w);
/* Queue a request (ownership passes to the worker); returns its job id, never 0. */
uint64_t worker_submit(struct worker *w, struct api_request *req, uint64_t generation, void *udata);
/* Cancel a job; it still comes back once, as API_ERR_CANCELLED, unless it already finished. */
void worker_cancel(struct worker *w, uint64_t id);
/* Cancel every job not yet finished (each still comes back once). */
void worker_cancel_all(struct worker *w);
/* Cancel everything and hand every outstanding job to its sink: nothing is left in flight. */
void worker_drain(struct worker *w);
/* Take the next finished job, or NULL; never blocks. */
struct worker_done *worker_take(struct worker *w);
/* Jobs submitted and not yet taken back. */
unsigned worker_pending(struct worker *w);
/* Block up to timeout_ms (-1: forever) until a finished job is waiting; for batch use only. */
bool worker_wait(struct worker *w, int timeout_ms);
/* Free a finished job. */
void worker_done_free(struct worker_done *d);

#endif
