#include "config.h"
#include "ktest.h"
#include "testserver.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

/* The longest a barrier waits before giving up: far past anything a working worker needs. */
#define TESTSERVER_BARRIER_BOUND_MS 30000

struct testserver_routedef {
	char *method;
	char *path;
	bool prefix;
	testserver_fn fn;
	void *arg;
	struct testserver_reply fixed; /* for static and mode routes */
};

struct testserver {
	struct MHD_Daemon *daemon;
	char url[64];
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool stopping;
	unsigned barrier_arrived;
	struct testserver_request **reqs;
	size_t nreqs, cap;
	struct testserver_routedef **routes;
	size_t nroutes;
	unsigned in_flight, peak;      /* requests being answered now, and the most at once */
	unsigned connections;          /* TCP connections accepted */
};

/* One request while it arrives. */
struct testserver_conn {
	char *target;
	struct strbuf body;
	bool started;
};

/* What a streamed (truncated, chunked or trickled) answer still has to send. */
struct testserver_stream {
	char *body;
	size_t len, off;
	bool truncate;
	struct testserver *server;  /* trickled: whose stop ends the pauses */
	unsigned delay_ms;          /* trickled: the pause before each line after the first */
};

static void testserver_deadline(struct timespec *ts, int ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

static void *testserver_uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct testserver_conn *c = xcalloc(1, sizeof(*c));
	c->target = xstrdup(uri);
	strbuf_init(&c->body);
	return c;
}

static void testserver_completed(void *cls, struct MHD_Connection *con, void **con_cls,
				 enum MHD_RequestTerminationCode toe)
{
	struct testserver_conn *c = *con_cls;
	if (!c)
		return;
	free(c->target);
	strbuf_free(&c->body);
	free(c);
	*con_cls = NULL;
}

static enum MHD_Result testserver_header_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct testserver_request *r = cls;
	r->hnames = xreallocarray(r->hnames, r->nheaders + 1, sizeof(char *));
	r->hvalues = xreallocarray(r->hvalues, r->nheaders + 1, sizeof(char *));
	r->hnames[r->nheaders] = xstrdup(key);
	r->hvalues[r->nheaders] = xstrdup(value ? value : "");
	r->nheaders++;
	return MHD_YES;
}

static struct testserver_request *testserver_record(struct testserver *s, struct MHD_Connection *con,
						    const char *method, struct testserver_conn *c)
{
	struct testserver_request *r = xcalloc(1, sizeof(*r));
	r->method = xstrdup(method);
	r->target = xstrdup(c->target);
	size_t plen = strcspn(r->target, "?");
	r->path = xstrndup(r->target, plen);
	r->query = xstrdup(r->target + plen);
	MHD_get_connection_values(con, MHD_HEADER_KIND, testserver_header_cb, r);
	r->body = strbuf_detach(&c->body, &r->body_len);
	pthread_mutex_lock(&s->lock);
	if (s->nreqs == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->reqs = xreallocarray(s->reqs, s->cap, sizeof(*s->reqs));
	}
	s->reqs[s->nreqs++] = r;
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
	return r;
}

static bool testserver_match(const struct testserver_routedef *rt, const char *method, const char *path)
{
	if (rt->method && strcmp(rt->method, method) != 0)
		return false;
	if (rt->prefix)
		return strncmp(path, rt->path, strlen(rt->path)) == 0;
	return strcmp(path, rt->path) == 0;
}

void testserver_reply_body(struct testserver_reply *reply, const char *body, size_t len)
{
	free(reply->body);
	reply->body = NULL;
	reply->body_len = 0;
	if (!body)
		return;
	reply->body = xmalloc(len + 1);
	memcpy(reply->body, body, len);
	reply->body[len] = '\0';
	reply->body_len = len;
}

/* Handler of static and mode routes: copy the fixed answer. */
static void testserver_fixed_fn(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	const struct testserver_reply *f = arg;
	char *body = reply->body;
	*reply = *f;
	reply->body = body;
	testserver_reply_body(reply, f->body, f->body_len);
}

static void testserver_not_found(const struct testserver_request *req, struct testserver_reply *reply, void *arg)
{
	static const char msg[] = "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"no test route\"}";
	reply->status = 404;
	testserver_reply_body(reply, msg, sizeof(msg) - 1);
}

/* True when the client has closed its end (a cancelled transfer); connection thread only. */
static bool testserver_client_gone(struct MHD_Connection *con)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (!ci)
		return false;
	char c;
	ssize_t n = recv(ci->connect_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
	return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

/* Wait on the server's condition for up to ms; called with the lock held. */
static void testserver_nap(struct testserver *s, int ms)
{
	struct timespec until;
	testserver_deadline(&until, ms);
	pthread_cond_timedwait(&s->cond, &s->lock, &until);
}

/* Block as the mode says; false when the answer must change (a barrier that never opened). */
static bool testserver_hold(struct testserver *s, struct MHD_Connection *con, const struct testserver_reply *reply)
{
	struct timespec until;
	bool ok = true;
	pthread_mutex_lock(&s->lock);
	switch (reply->mode) {
	case TESTSERVER_BARRIER:
		s->barrier_arrived++;
		pthread_cond_broadcast(&s->cond);
		testserver_deadline(&until, TESTSERVER_BARRIER_BOUND_MS);
		while (!s->stopping && s->barrier_arrived < reply->barrier)
			if (pthread_cond_timedwait(&s->cond, &s->lock, &until) == ETIMEDOUT)
				break;
		ok = s->barrier_arrived >= reply->barrier;
		break;
	case TESTSERVER_HANG:
		/* Until the server stops or the client gives up, so cancelled requests leave no thread behind. */
		while (!s->stopping && !testserver_client_gone(con))
			testserver_nap(s, 50);
		break;
	case TESTSERVER_SLOW:
		testserver_deadline(&until, (int)reply->delay_ms);
		while (!s->stopping)
			if (pthread_cond_timedwait(&s->cond, &s->lock, &until) == ETIMEDOUT)
				break;
		break;
	default:
		break;
	}
	pthread_mutex_unlock(&s->lock);
	return ok;
}

/* Pause a trickled answer before its next line; false when the server is stopping. */
static bool testserver_trickle_pause(struct testserver_stream *st)
{
	struct testserver *s = st->server;
	struct timespec until;
	testserver_deadline(&until, (int)st->delay_ms);
	pthread_mutex_lock(&s->lock);
	while (!s->stopping)
		if (pthread_cond_timedwait(&s->cond, &s->lock, &until) == ETIMEDOUT)
			break;
	bool go_on = !s->stopping;
	pthread_mutex_unlock(&s->lock);
	return go_on;
}

static ssize_t testserver_stream_cb(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct testserver_stream *st = cls;
	if (st->off >= st->len)
		return st->truncate ? MHD_CONTENT_READER_END_WITH_ERROR : MHD_CONTENT_READER_END_OF_STREAM;
	if (st->server) {
		if (st->off && !testserver_trickle_pause(st))
			return MHD_CONTENT_READER_END_WITH_ERROR;
		const char *nl = memchr(st->body + st->off, '\n', st->len - st->off);
		size_t n = nl ? (size_t)(nl - (st->body + st->off)) + 1 : st->len - st->off;
		if (n > max)
			n = max;
		memcpy(buf, st->body + st->off, n);
		st->off += n;
		return (ssize_t)n;
	}
	size_t n = st->len - st->off;
	if (n > max)
		n = max;
	if (n > 4096)
		n = 4096;
	memcpy(buf, st->body + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

static void testserver_stream_free(void *cls)
{
	struct testserver_stream *st = cls;
	free(st->body);
	free(st);
}

static struct MHD_Response *testserver_response(struct testserver *s, struct testserver_reply *reply)
{
	if (reply->mode == TESTSERVER_TRUNCATE || reply->mode == TESTSERVER_CHUNKED || reply->mode == TESTSERVER_TRICKLE) {
		struct testserver_stream *st = xcalloc(1, sizeof(*st));
		st->body = reply->body;
		st->len = reply->body_len;
		st->truncate = reply->mode == TESTSERVER_TRUNCATE;
		if (reply->mode == TESTSERVER_TRICKLE) {
			st->server = s;
			st->delay_ms = reply->delay_ms;
		}
		reply->body = NULL;
		uint64_t size = st->truncate ? (uint64_t)reply->declared_len : MHD_SIZE_UNKNOWN;
		return MHD_create_response_from_callback(size, 4096, testserver_stream_cb, st, testserver_stream_free);
	}
	return MHD_create_response_from_buffer(reply->body_len, reply->body ? reply->body : (char *)"",
					       MHD_RESPMEM_MUST_COPY);
}

static enum MHD_Result testserver_handle(void *cls, struct MHD_Connection *con, const char *url, const char *method,
					 const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct testserver *s = cls;
	struct testserver_conn *c = *con_cls;
	if (!c)
		return MHD_NO;
	if (!c->started) {
		c->started = true;
		return MHD_YES;
	}
	if (*upload_size) {
		strbuf_add(&c->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	struct testserver_request *r = testserver_record(s, con, method, c);
	pthread_mutex_lock(&s->lock);
	if (++s->in_flight > s->peak)
		s->peak = s->in_flight;
	pthread_mutex_unlock(&s->lock);

	testserver_fn fn = testserver_not_found;
	void *arg = NULL;
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->nroutes; i++) {
		if (testserver_match(s->routes[i], method, r->path)) {
			fn = s->routes[i]->fn;
			arg = s->routes[i]->arg;
			break;
		}
	}
	pthread_mutex_unlock(&s->lock);

	struct testserver_reply reply = {.mode = TESTSERVER_REPLY, .status = 200};
	snprintf(reply.content_type, sizeof(reply.content_type), "%s", TESTSERVER_JSON);
	fn(r, &reply, arg);
	if (!testserver_hold(s, con, &reply)) {
		static const char msg[] = "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"barrier never opened\"}";
		reply.status = 503;
		reply.mode = TESTSERVER_REPLY;
		testserver_reply_body(&reply, msg, sizeof(msg) - 1);
	}
	struct MHD_Response *resp = testserver_response(s, &reply);
	if (reply.content_type[0])
		MHD_add_response_header(resp, "Content-Type", reply.content_type);
	if (reply.location[0])
		MHD_add_response_header(resp, "Location", reply.location);
	if (reply.retry_after[0])
		MHD_add_response_header(resp, "Retry-After", reply.retry_after);
	enum MHD_Result rc = MHD_queue_response(con, (unsigned)reply.status, resp);
	MHD_destroy_response(resp);
	free(reply.body);
	pthread_mutex_lock(&s->lock);
	s->in_flight--;
	pthread_mutex_unlock(&s->lock);
	return rc;
}

static void testserver_connection(void *cls, struct MHD_Connection *con, void **socket_context,
				  enum MHD_ConnectionNotificationCode code)
{
	struct testserver *s = cls;
	if (code != MHD_CONNECTION_NOTIFY_STARTED)
		return;
	pthread_mutex_lock(&s->lock);
	s->connections++;
	pthread_mutex_unlock(&s->lock);
}

unsigned testserver_peak(struct testserver *s)
{
	pthread_mutex_lock(&s->lock);
	unsigned n = s->peak;
	pthread_mutex_unlock(&s->lock);
	return n;
}

unsigned testserver_connections(struct testserver *s)
{
	pthread_mutex_lock(&s->lock);
	unsigned n = s->connections;
	pthread_mutex_unlock(&s->lock);
	return n;
}

struct testserver *testserver_start(void)
{
	struct testserver *s = xcalloc(1, sizeof(*s));
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	struct sockaddr_in sin;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = 0;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0, NULL, NULL,
				     testserver_handle, s, MHD_OPTION_SOCK_ADDR, &sin, MHD_OPTION_URI_LOG_CALLBACK,
				     testserver_uri_log, s, MHD_OPTION_NOTIFY_COMPLETED, testserver_completed, s,
				     MHD_OPTION_NOTIFY_CONNECTION, testserver_connection, s, MHD_OPTION_END);
	if (!s->daemon) {
		fprintf(stderr, "testserver: cannot start libmicrohttpd on 127.0.0.1\n");
		pthread_mutex_destroy(&s->lock);
		pthread_cond_destroy(&s->cond);
		free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	snprintf(s->url, sizeof(s->url), "http://127.0.0.1:%u", (unsigned)info->port);
	return s;
}

static void testserver_request_free(struct testserver_request *r)
{
	free(r->method);
	free(r->target);
	free(r->path);
	free(r->query);
	for (size_t i = 0; i < r->nheaders; i++) {
		free(r->hnames[i]);
		free(r->hvalues[i]);
	}
	free(r->hnames);
	free(r->hvalues);
	free(r->body);
	free(r);
}

void testserver_stop(struct testserver *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = true;
	pthread_cond_broadcast(&s->cond);
	pthread_mutex_unlock(&s->lock);
	MHD_stop_daemon(s->daemon);
	for (size_t i = 0; i < s->nreqs; i++)
		testserver_request_free(s->reqs[i]);
	free(s->reqs);
	for (size_t i = 0; i < s->nroutes; i++) {
		free(s->routes[i]->method);
		free(s->routes[i]->path);
		free(s->routes[i]->fixed.body);
		free(s->routes[i]);
	}
	free(s->routes);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->cond);
	free(s);
}

const char *testserver_url(const struct testserver *s)
{
	return s->url;
}

static struct testserver_routedef *testserver_add(struct testserver *s, const char *method, const char *path)
{
	struct testserver_routedef *rt = xcalloc(1, sizeof(*rt));
	rt->method = xstrdup(method);
	size_t len = strlen(path);
	rt->prefix = len && path[len - 1] == '*';
	rt->path = xstrndup(path, rt->prefix ? len - 1 : len);
	pthread_mutex_lock(&s->lock);
	s->routes = xreallocarray(s->routes, s->nroutes + 1, sizeof(*s->routes));
	s->routes[s->nroutes++] = rt;
	pthread_mutex_unlock(&s->lock);
	return rt;
}

void testserver_route(struct testserver *s, const char *method, const char *path, testserver_fn fn, void *arg)
{
	struct testserver_routedef *rt = testserver_add(s, method, path);
	rt->fn = fn;
	rt->arg = arg;
}

void testserver_route_static(struct testserver *s, const char *method, const char *path, int status,
			     const char *content_type, const char *body)
{
	struct testserver_routedef *rt = testserver_add(s, method, path);
	rt->fixed.mode = TESTSERVER_REPLY;
	rt->fixed.status = status;
	snprintf(rt->fixed.content_type, sizeof(rt->fixed.content_type), "%s", content_type ? content_type : "");
	testserver_reply_body(&rt->fixed, body, body ? strlen(body) : 0);
	rt->fn = testserver_fixed_fn;
	rt->arg = &rt->fixed;
}

void testserver_route_mode(struct testserver *s, const char *path, enum testserver_mode mode, unsigned n)
{
	struct testserver_routedef *rt = testserver_add(s, NULL, path);
	rt->fixed.mode = mode;
	rt->fixed.status = 200;
	rt->fixed.barrier = n;
	rt->fixed.delay_ms = n;
	snprintf(rt->fixed.content_type, sizeof(rt->fixed.content_type), "%s", TESTSERVER_JSON);
	testserver_reply_body(&rt->fixed, "{}", 2);
	rt->fn = testserver_fixed_fn;
	rt->arg = &rt->fixed;
}

/* Called with the lock held. */
static size_t testserver_count_locked(struct testserver *s, const char *prefix)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nreqs; i++)
		if (!prefix || strncmp(s->reqs[i]->path, prefix, strlen(prefix)) == 0)
			n++;
	return n;
}

size_t testserver_count(struct testserver *s, const char *prefix)
{
	pthread_mutex_lock(&s->lock);
	size_t n = testserver_count_locked(s, prefix);
	pthread_mutex_unlock(&s->lock);
	return n;
}

const struct testserver_request *testserver_get(struct testserver *s, const char *prefix, size_t nth)
{
	const struct testserver_request *r = NULL;
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < s->nreqs && !r; i++) {
		if (prefix && strncmp(s->reqs[i]->path, prefix, strlen(prefix)) != 0)
			continue;
		if (nth-- == 0)
			r = s->reqs[i];
	}
	pthread_mutex_unlock(&s->lock);
	return r;
}

bool testserver_wait(struct testserver *s, const char *prefix, size_t n, int timeout_ms)
{
	struct timespec until;
	testserver_deadline(&until, timeout_ms);
	pthread_mutex_lock(&s->lock);
	while (testserver_count_locked(s, prefix) < n)
		if (pthread_cond_timedwait(&s->cond, &s->lock, &until) == ETIMEDOUT)
			break;
	bool ok = testserver_count_locked(s, prefix) >= n;
	pthread_mutex_unlock(&s->lock);
	return ok;
}

const char *testserver_header(const struct testserver_request *r, const char *name, size_t *count)
{
	const char *v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < r->nheaders; i++) {
		if (strcasecmp(r->hnames[i], name) == 0) {
			if (!v)
				v = r->hvalues[i];
			n++;
		}
	}
	if (count)
		*count = n;
	return v;
}

static int testserver_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static char *testserver_decode(const char *s, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len && testserver_hex(s[i + 1]) >= 0 && testserver_hex(s[i + 2]) >= 0) {
			strbuf_putc(&sb, (char)(testserver_hex(s[i + 1]) * 16 + testserver_hex(s[i + 2])));
			i += 2;
		} else if (s[i] == '+') {
			strbuf_putc(&sb, ' ');
		} else {
			strbuf_putc(&sb, s[i]);
		}
	}
	return strbuf_detach(&sb, NULL);
}

char *testserver_query_param(const struct testserver_request *r, const char *name, size_t nth)
{
	const char *p = r->query[0] == '?' ? r->query + 1 : r->query;
	size_t nlen = strlen(name);
	while (*p) {
		size_t len = strcspn(p, "&");
		const char *eq = memchr(p, '=', len);
		size_t klen = eq ? (size_t)(eq - p) : len;
		if (klen == nlen && strncmp(p, name, nlen) == 0 && nth-- == 0)
			return eq ? testserver_decode(eq + 1, len - klen - 1) : xstrdup("");
		p += len;
		if (*p == '&')
			p++;
	}
	return NULL;
}
