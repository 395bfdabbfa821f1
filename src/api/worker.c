#include "config.h"
#include "api/worker.h"
#include "api/http.h"
#include "core/profile.h"
#include "core/threadsig.h"
#include "core/trace.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A job from submission until it is taken back. */
struct worker_job {
	struct worker_job *next;
	uint64_t id;
	bool cancelled;
	size_t streamed;            /* body bytes already handed back as pieces (streamed requests) */
	struct http_transfer xfer;
	struct worker_done *done;   /* id, generation, udata, req */
	/* Waiting to be retried (worker thread only): */
	unsigned retries;           /* retries made so far */
	long long retry_at;         /* monotonic ms when it goes out again; 0: not waiting */
	long long next_note;        /* when the countdown's next note is due */
	long status;                /* the HTTP status that asked for the wait */
};

struct worker {
	struct profile profile;
	pthread_t thread;
	pthread_mutex_t lock;
	CURLM *multi;
	int pipe_rd, pipe_wr;
	bool stop;
	bool signalled;             /* a byte is already in the pipe */
	uint64_t next_id;
	unsigned pending;           /* submitted, not yet taken */
	struct worker_job *queued;  /* submitted, not yet started (FIFO via tail) */
	struct worker_job **queued_tail;
	struct worker_job *running; /* owned by the worker thread */
	struct worker_done **done;  /* finished, not yet taken (FIFO ring grown as needed) */
	size_t done_head, done_len, done_cap;
	unsigned concurrency;       /* most transfers at once, as asked for */
	unsigned applied;           /* as libcurl was last told; worker thread only */
};

/* Bound the transfers libcurl runs at once: connections to the host (HTTP/1.1) and streams on one (HTTP/2). */
static void worker_apply_concurrency(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	unsigned n = w->concurrency;
	pthread_mutex_unlock(&w->lock);
	if (n == w->applied)
		return;
	curl_multi_setopt(w->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)n);
	curl_multi_setopt(w->multi, CURLMOPT_MAX_CONCURRENT_STREAMS, (long)n);
	w->applied = n;
}

void worker_global_init(void)
{
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

void worker_global_cleanup(void)
{
	curl_global_cleanup();
}

/* Called with the lock held. */
static void worker_push_done(struct worker *w, struct worker_done *d)
{
	if (w->done_len == w->done_cap) {
		size_t cap = w->done_cap ? w->done_cap * 2 : 16;
		struct worker_done **nd = xcalloc(cap, sizeof(*nd));
		for (size_t i = 0; i < w->done_len; i++)
			nd[i] = w->done[(w->done_head + i) % w->done_cap];
		free(w->done);
		w->done = nd;
		w->done_cap = cap;
		w->done_head = 0;
	}
	w->done[(w->done_head + w->done_len) % w->done_cap] = d;
	w->done_len++;
	if (!w->signalled) {
		char c = 1;
		ssize_t n;
		do {
			n = write(w->pipe_wr, &c, 1);
		} while (n < 0 && errno == EINTR);
		w->signalled = true;
	}
}

static long long worker_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void worker_finish(struct worker *w, struct worker_job *job)
{
	pthread_mutex_lock(&w->lock);
	worker_push_done(w, job->done);
	pthread_mutex_unlock(&w->lock);
	job->done = NULL;
	free(job);
}

static void worker_cancelled(struct worker *w, struct worker_job *job)
{
	memset(&job->done->res, 0, sizeof(job->done->res));
	job->done->res.status = API_ERR_CANCELLED;
	job->done->res.message = xstrdup("cancelled");
	worker_finish(w, job);
}

/* Take the job off the running list (it failed to start); worker thread only. */
static void worker_unlink_running(struct worker *w, struct worker_job *job)
{
	pthread_mutex_lock(&w->lock);
	for (struct worker_job **pp = &w->running; *pp; pp = &(*pp)->next) {
		if (*pp == job) {
			*pp = job->next;
			break;
		}
	}
	pthread_mutex_unlock(&w->lock);
}

/* Start queued jobs and retire cancelled ones; worker thread only. */
static void worker_intake(struct worker *w)
{
	for (;;) {
		/*
		 * Move one job from the queue to the running list in one step, so that
		 * worker_cancel always finds it on one list or the other.
		 */
		pthread_mutex_lock(&w->lock);
		struct worker_job *job = w->queued;
		bool cancelled = false;
		if (job) {
			w->queued = job->next;
			if (!w->queued)
				w->queued_tail = &w->queued;
			cancelled = job->cancelled;
			if (!cancelled) {
				job->next = w->running;
				w->running = job;
			}
		}
		pthread_mutex_unlock(&w->lock);
		if (!job)
			break;
		if (cancelled) {
			worker_cancelled(w, job);
			continue;
		}
		char *err = NULL;
		if (http_transfer_init(&job->xfer, &w->profile, job->done->req, &err) < 0) {
			worker_unlink_running(w, job);
			http_transfer_cleanup(&job->xfer);
			memset(&job->done->res, 0, sizeof(job->done->res));
			job->done->res.status = API_ERR_NETWORK;
			job->done->res.message = err;
			worker_finish(w, job);
			continue;
		}
		curl_multi_add_handle(w->multi, job->xfer.easy);
		trace_event("request", "%s %s", api_method_name(job->done->req->method), job->done->req->path);
	}

	/* Cancellation flags are set under the lock by other threads. */
	pthread_mutex_lock(&w->lock);
	struct worker_job **pp = &w->running;
	struct worker_job *cancelled = NULL;
	while (*pp) {
		struct worker_job *job = *pp;
		if (job->cancelled) {
			*pp = job->next;
			job->next = cancelled;
			cancelled = job;
		} else {
			pp = &job->next;
		}
	}
	pthread_mutex_unlock(&w->lock);
	while (cancelled) {
		struct worker_job *job = cancelled;
		cancelled = job->next;
		curl_multi_remove_handle(w->multi, job->xfer.easy);
		http_transfer_cleanup(&job->xfer);
		worker_cancelled(w, job);
	}
}

/* Hand back a note about a job waiting to be retried (tick: the countdown moved on). */
static void worker_note(struct worker *w, struct worker_job *job, bool tick, long long now)
{
	struct worker_done *d = xcalloc(1, sizeof(*d));
	d->id = job->id;
	d->generation = job->done->generation;
	d->udata = job->done->udata;
	d->interim = true;
	d->tick = tick;
	long left = (long)((job->retry_at - now + 999) / 1000);
	d->res.status = API_ERR_HTTP;
	d->res.http_status = job->status;
	d->res.retry_after = left;
	d->res.message = xasprintf("Kibana answered HTTP %ld (%s): retrying in %ld s, as it asked (retry %u of %d)",
				   job->status, job->status == 429 ? "too many requests" : "unavailable", left, job->retries,
				   WORKER_RETRY_MAX);
	pthread_mutex_lock(&w->lock);
	worker_push_done(w, d);
	pthread_mutex_unlock(&w->lock);
}

/* Append to a result's message. */
static void worker_add_to_message(struct api_result *res, char *more)
{
	char *m = xasprintf("%s%s", res->message ? res->message : "request failed", more);
	free(res->message);
	free(more);
	res->message = m;
}

/*
 * A 429 or 503 with Retry-After waits as told and goes again, at most WORKER_RETRY_MAX
 * times and never for longer than WORKER_RETRY_WAIT_MAX seconds at once; true when the
 * job now waits. Otherwise the result stays, saying why it was not retried.
 */
static bool worker_retry_later(struct worker *w, struct worker_job *job)
{
	struct api_result *res = &job->done->res;
	long code = res->http_status, wait = res->retry_after;
	if (res->status != API_ERR_HTTP || (code != 429 && code != 503) || wait < 0) {
		if (job->retries)
			worker_add_to_message(res, xasprintf(" (after %u retr%s, each after the wait Kibana asked for)",
							     job->retries, job->retries == 1 ? "y" : "ies"));
		return false;
	}
	if (wait > WORKER_RETRY_WAIT_MAX) {
		worker_add_to_message(res, xasprintf(" (Kibana asked to retry in %ld s, longer than the %d s ktriage "
						     "waits: try again later)", wait, WORKER_RETRY_WAIT_MAX));
		return false;
	}
	if (job->retries >= WORKER_RETRY_MAX) {
		worker_add_to_message(res, xasprintf(" (still refused after %d retries, each after the %ld s Kibana "
						     "asked for: try again later)", WORKER_RETRY_MAX, wait));
		return false;
	}
	job->retries++;
	job->status = code;
	job->streamed = 0; /* the next transfer's body starts over */
	long long now = worker_clock_ms();
	job->retry_at = now + wait * 1000;
	job->next_note = now + 1000;
	api_result_clear(res);
	worker_note(w, job, false, now);
	return true;
}

/* Send again the waiting jobs whose time has come, and count the others down; worker thread only. */
static void worker_wake(struct worker *w)
{
	long long now = worker_clock_ms();
	for (struct worker_job *job = w->running, *next; job; job = next) {
		next = job->next;
		if (!job->retry_at)
			continue;
		if (now < job->retry_at) {
			if (now >= job->next_note) {
				worker_note(w, job, true, now);
				job->next_note += 1000;
			}
			continue;
		}
		job->retry_at = 0;
		char *err = NULL;
		if (http_transfer_init(&job->xfer, &w->profile, job->done->req, &err) < 0) {
			worker_unlink_running(w, job);
			http_transfer_cleanup(&job->xfer);
			job->done->res.status = API_ERR_NETWORK;
			job->done->res.message = err;
			worker_finish(w, job);
			continue;
		}
		curl_multi_add_handle(w->multi, job->xfer.easy);
	}
}

/* How long the worker may sleep before a waiting job needs it (at most a second). */
static int worker_sleep_ms(struct worker *w)
{
	long long now = worker_clock_ms(), ms = 1000;
	for (struct worker_job *job = w->running; job; job = job->next) {
		if (!job->retry_at)
			continue;
		long long due = job->retry_at < job->next_note ? job->retry_at : job->next_note;
		if (due - now < ms)
			ms = due - now;
	}
	return ms < 0 ? 0 : (int)ms;
}

/* Hand back what a streamed job received since its last piece; lock held, worker thread only. */
static void worker_piece(struct worker *w, struct worker_job *job)
{
	size_t len = job->xfer.body.len - job->streamed;
	if (!job->done->req->stream || job->cancelled || !len)
		return;
	long code = 0;
	curl_easy_getinfo(job->xfer.easy, CURLINFO_RESPONSE_CODE, &code);
	/* An error answer comes whole, in the final result. */
	if (code < 200 || code >= 300)
		return;
	struct worker_done *p = xcalloc(1, sizeof(*p));
	p->id = job->id;
	p->generation = job->done->generation;
	p->udata = job->done->udata;
	p->partial = true;
	p->res.status = API_OK;
	p->res.http_status = code;
	p->res.body = xmalloc(len + 1);
	memcpy(p->res.body, job->xfer.body.buf + job->streamed, len);
	p->res.body[len] = '\0';
	p->res.body_len = len;
	job->streamed = job->xfer.body.len;
	worker_push_done(w, p);
}

/* Pieces for every streamed job that received something; worker thread only. */
static void worker_stream(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	for (struct worker_job *j = w->running; j; j = j->next)
		worker_piece(w, j);
	pthread_mutex_unlock(&w->lock);
}

static void worker_reap(struct worker *w)
{
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(w->multi, &left))) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		CURL *easy = msg->easy_handle;
		CURLcode rc = msg->data.result;
		/* Only this thread changes the running list: the job stays on it while it may be retried. */
		struct worker_job *job = NULL;
		for (struct worker_job *j = w->running; j && !job; j = j->next)
			if (j->xfer.easy == easy)
				job = j;
		if (!job)
			continue;
		/* The last piece of a streamed body goes before its end. */
		pthread_mutex_lock(&w->lock);
		worker_piece(w, job);
		pthread_mutex_unlock(&w->lock);
		curl_multi_remove_handle(w->multi, easy);
		http_transfer_finish(&job->xfer, rc, job->done->req, &job->done->res);
		trace_event("response", "%ld %s", job->done->res.http_status, job->done->req->path);
		http_transfer_cleanup(&job->xfer);
		if (worker_retry_later(w, job))
			continue;
		worker_unlink_running(w, job);
		worker_finish(w, job);
	}
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	for (;;) {
		pthread_mutex_lock(&w->lock);
		bool stop = w->stop;
		pthread_mutex_unlock(&w->lock);
		if (stop)
			break;
		worker_apply_concurrency(w);
		worker_intake(w);
		worker_wake(w);
		int still;
		curl_multi_perform(w->multi, &still);
		worker_stream(w);
		worker_reap(w);
		curl_multi_poll(w->multi, NULL, 0, worker_sleep_ms(w), NULL);
	}
	/* Shutting down: everything still running is cancelled. */
	pthread_mutex_lock(&w->lock);
	for (struct worker_job *j = w->running; j; j = j->next)
		j->cancelled = true;
	for (struct worker_job *j = w->queued; j; j = j->next)
		j->cancelled = true;
	pthread_mutex_unlock(&w->lock);
	worker_intake(w);
	return NULL;
}

struct worker *worker_new(const struct profile *p, char **err)
{
	if (!profile_usable(p, err))
		return NULL;
	struct worker *w = xcalloc(1, sizeof(*w));
	profile_copy(&w->profile, p);
	w->queued_tail = &w->queued;
	w->next_id = 1;
	int fds[2];
	if (pipe(fds) < 0) {
		*err = xasprintf("cannot create the worker pipe: %s", strerror(errno));
		profile_free(&w->profile);
		free(w);
		return NULL;
	}
	w->pipe_rd = fds[0];
	w->pipe_wr = fds[1];
	for (int i = 0; i < 2; i++) {
		fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
		fcntl(fds[i], F_SETFD, FD_CLOEXEC);
	}
	pthread_mutex_init(&w->lock, NULL);
	w->multi = curl_multi_init();
	w->concurrency = p->concurrency ? p->concurrency : PROFILE_DEFAULT_CONCURRENCY;
	worker_apply_concurrency(w);
	sigset_t saved;
	threadsig_block(&saved);
	int started = pthread_create(&w->thread, NULL, worker_main, w);
	threadsig_restore(&saved);
	if (started != 0) {
		*err = xstrdup("cannot start the worker thread");
		curl_multi_cleanup(w->multi);
		close(fds[0]);
		close(fds[1]);
		profile_free(&w->profile);
		free(w);
		return NULL;
	}
	return w;
}

void worker_free(struct worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_mutex_unlock(&w->lock);
	curl_multi_wakeup(w->multi);
	pthread_join(w->thread, NULL);
	struct worker_done *d;
	while ((d = worker_take(w)))
		worker_done_free(d);
	curl_multi_cleanup(w->multi);
	pthread_mutex_destroy(&w->lock);
	close(w->pipe_rd);
	close(w->pipe_wr);
	free(w->done);
	profile_free(&w->profile);
	free(w);
}

void worker_set_concurrency(struct worker *w, unsigned n)
{
	pthread_mutex_lock(&w->lock);
	w->concurrency = n ? n : 1;
	pthread_mutex_unlock(&w->lock);
	curl_multi_wakeup(w->multi);
}

unsigned worker_concurrency(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	unsigned n = w->concurrency;
	pthread_mutex_unlock(&w->lock);
	return n;
}

int worker_fd(const struct worker *w)
{
	return w->pipe_rd;
}

uint64_t worker_submit(struct worker *w, struct api_request *req, uint64_t generation, void *udata)
{
	struct worker_job *job = xcalloc(1, sizeof(*job));
	job->done = xcalloc(1, sizeof(*job->done));
	job->done->req = req;
	job->done->generation = generation;
	job->done->udata = udata;
	pthread_mutex_lock(&w->lock);
	job->id = job->done->id = w->next_id++;
	*w->queued_tail = job;
	w->queued_tail = &job->next;
	w->pending++;
	uint64_t id = job->id;
	pthread_mutex_unlock(&w->lock);
	curl_multi_wakeup(w->multi);
	return id;
}

void worker_cancel(struct worker *w, uint64_t id)
{
	pthread_mutex_lock(&w->lock);
	for (struct worker_job *j = w->queued; j; j = j->next)
		if (j->id == id)
			j->cancelled = true;
	for (struct worker_job *j = w->running; j; j = j->next)
		if (j->id == id)
			j->cancelled = true;
	pthread_mutex_unlock(&w->lock);
	curl_multi_wakeup(w->multi);
}

void worker_cancel_all(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	for (struct worker_job *j = w->queued; j; j = j->next)
		j->cancelled = true;
	for (struct worker_job *j = w->running; j; j = j->next)
		j->cancelled = true;
	pthread_mutex_unlock(&w->lock);
	curl_multi_wakeup(w->multi);
}

void worker_drain(struct worker *w)
{
	worker_cancel_all(w);
	while (worker_pending(w)) {
		struct worker_done *d;
		while ((d = worker_take(w)))
			worker_dispatch(d);
		if (worker_pending(w))
			worker_wait(w, 1000);
	}
}

struct worker_done *worker_take(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	struct worker_done *d = NULL;
	if (w->done_len) {
		d = w->done[w->done_head];
		w->done_head = (w->done_head + 1) % w->done_cap;
		w->done_len--;
		if (!d->interim && !d->partial)
			w->pending--;
	}
	if (!w->done_len && w->signalled) {
		char buf[16];
		while (read(w->pipe_rd, buf, sizeof(buf)) > 0)
			;
		w->signalled = false;
	}
	pthread_mutex_unlock(&w->lock);
	return d;
}

unsigned worker_pending(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	unsigned n = w->pending;
	pthread_mutex_unlock(&w->lock);
	return n;
}

bool worker_wait(struct worker *w, int timeout_ms)
{
	struct pollfd pfd = {.fd = w->pipe_rd, .events = POLLIN};
	int rc;
	do {
		rc = poll(&pfd, 1, timeout_ms);
	} while (rc < 0 && errno == EINTR);
	return rc > 0;
}

void worker_done_free(struct worker_done *d)
{
	if (!d)
		return;
	api_result_clear(&d->res);
	api_request_free(d->req);
	free(d);
}

void worker_dispatch(struct worker_done *done)
{
	struct worker_sink *sink = done->udata;
	if (!done->interim) {
		sink->deliver(sink, done);
		return;
	}
	if (sink->note)
		sink->note(sink, done);
	worker_done_free(done);
}
