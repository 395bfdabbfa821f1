/* The background thread that owns every network transfer. */
#ifndef KT_WORKER_H
#define KT_WORKER_H
#include <stdbool.h>
#include <stdint.h>
#include "api/request.h"

struct profile;
struct worker;

/* Retries of a request Kibana answered 429 or 503 with Retry-After: at most this many... */
#define WORKER_RETRY_MAX 3
/* ...each waiting as told, if that is no longer than this many seconds. */
#define WORKER_RETRY_WAIT_MAX 60

/*
 * A finished job, handed back to the thread that submitted it. While a job waits to be
 * retried, the worker also hands back notes about it (interim: res.message says what, e.g.
 * "retrying in 5 s"); they are not the end of the job, and do not count as taken back.
 */
struct worker_done {
	uint64_t id;              /* from worker_submit */
	uint64_t generation;      /* as submitted: compare to drop stale results */
	void *udata;              /* as submitted */
	struct api_request *req;  /* the request, for context (NULL in a note) */
	struct api_result res;    /* the outcome (API_ERR_CANCELLED when cancelled) */
	bool interim;             /* a note while the job waits to be retried, not its end */
	bool tick;                /* a note that only counts the same wait down by a second */
	/*
	 * A piece of a streamed request's body (res.body, res.body_len), not the end: req is NULL and
	 * more pieces, then the job's one final result, follow. Only requests with stream set send them.
	 */
	bool partial;
};

/* Whoever submitted a job and wants it back: pass a pointer to one as udata to use worker_dispatch. */
struct worker_sink {
	void (*deliver)(struct worker_sink *sink, struct worker_done *done);
	/* Optional: a note about the job while it waits (done->interim); done is freed after. */
	void (*note)(struct worker_sink *sink, const struct worker_done *done);
};

/* Hand a finished job to the worker_sink in its udata, which takes ownership of done; a note goes to its note. */
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
/* Take the next finished job or note (done->interim), or NULL; never blocks. */
struct worker_done *worker_take(struct worker *w);
/* Jobs submitted and not yet taken back. */
unsigned worker_pending(struct worker *w);
/* Block up to timeout_ms (-1: forever) until a finished job is waiting; for batch use only. */
bool worker_wait(struct worker *w, int timeout_ms);
/* Free a finished job. */
void worker_done_free(struct worker_done *d);

#endif
