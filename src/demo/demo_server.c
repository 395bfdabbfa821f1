#include "config.h"
#include "demo/demo_server.h"
#include "core/strbuf.h"
#include "core/threadsig.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "demo/demo_actions.h"
#include "demo/demo_ai.h"
#include "demo/demo_cases.h"
#include "demo/demo_casepush.h"
#include "demo/demo_data.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_faults.h"
#include "demo/demo_history.h"
#include "demo/demo_files.h"
#include "demo/demo_http.h"
#include "demo/demo_kibana.h"
#include "demo/demo_misc.h"
#include "demo/demo_search.h"
#include "demo/demo_secsol.h"
#include "demo/demo_spaces.h"
#include "demo/demo_util.h"
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

/* Every route the demo answers; earlier tables win (so "_find" beats "{}"). */
static const struct demo_route *const route_tables[] = {
	demo_case_routes, demo_casepush_routes, demo_search_routes, demo_ai_routes, demo_endpoint_routes,
	demo_action_routes, demo_misc_routes, demo_secsol_routes,
	demo_kibana_routes,
	demo_history_routes, demo_space_routes,
	demo_file_routes,
};

struct demo_server {
	struct MHD_Daemon *mhd;
	struct demo_data *data;
	pthread_rwlock_t lock;     /* guards data: readers share it, a request that changes data holds it alone */
	pthread_mutex_t stop_lock; /* guards stopping and stats, for latency waits */
	pthread_cond_t stop_cv;
	bool stopping;
	struct demo_stats stats;
	char *url;
	char *api_key;
	struct demo_fault *faults;
	size_t nfaults;
	bool quiet;
};

/* Per-request state while the body arrives. */
struct conn {
	struct strbuf body;
	bool too_big;
	int64_t t0;
};

/*
 * libmicrohttpd decodes %XX in the URL before the handler sees it, so an id holding
 * "%2F" would turn into two path segments (and "%00" would cut it short). This callback
 * leaves the URL and the query arguments as sent; dispatch splits the path on '/' and
 * only then decodes each segment, and collect_arg decodes each query key and value
 * ('+' as a space). An encoded '/' therefore stays inside its id, as in Kibana.
 */
static size_t no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static void connection_event(void *cls, struct MHD_Connection *c, void **socket_context,
			     enum MHD_ConnectionNotificationCode code)
{
	(void)c;
	(void)socket_context;
	struct demo_server *s = cls;
	if (code != MHD_CONNECTION_NOTIFY_STARTED)
		return;
	pthread_mutex_lock(&s->stop_lock);
	s->stats.connections++;
	pthread_mutex_unlock(&s->stop_lock);
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	struct conn *cn = *con_cls;
	if (cn) {
		strbuf_free(&cn->body);
		free(cn);
		*con_cls = NULL;
	}
}

/* The decoded segments of a raw path; *n gets their count. */
static char **split_path(const char *raw, size_t *n, bool *nul)
{
	*nul = strstr(raw, "%00") != NULL;
	size_t cap = 8;
	char **seg = xcalloc(cap, sizeof(*seg));
	*n = 0;
	for (const char *p = raw; *p;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		size_t len = strcspn(p, "/");
		if (*n + 1 >= cap)
			seg = xreallocarray(seg, cap *= 2, sizeof(*seg));
		seg[(*n)++] = demo_pct_decode(p, len, false);
		p += len;
	}
	return seg;
}

static bool route_match(const struct demo_route *r, const char *method, char **seg, size_t nseg,
			const char **params)
{
	size_t i = 0, np = 0;
	const char *p = r->pattern;
	while (*p) {
		p++;
		size_t len = strcspn(p, "/");
		if (i >= nseg)
			return false;
		if (len == 2 && p[0] == '{' && p[1] == '}') {
			if (np < DEMO_MAX_PARAMS)
				params[np++] = seg[i];
		} else if (strlen(seg[i]) != len || strncmp(seg[i], p, len) != 0) {
			return false;
		}
		i++;
		p += len;
	}
	/* HEAD is answered like GET (libmicrohttpd leaves the body out), as hapi does. */
	return i == nseg && (strcmp(method, r->method) == 0 || (strcmp(method, "HEAD") == 0 && strcmp(r->method, "GET") == 0));
}

static const struct demo_route *find_route(const char *method, char **seg, size_t nseg, const char **params)
{
	for (size_t t = 0; t < sizeof(route_tables) / sizeof(route_tables[0]); t++)
		for (const struct demo_route *r = route_tables[t]; r->method; r++)
			if (route_match(r, method, seg, nseg, params))
				return r;
	return NULL;
}

struct query_acc {
	struct demo_kv *v;
	size_t n, cap;
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct query_acc *q = cls;
	if (q->n == q->cap)
		q->v = xreallocarray(q->v, q->cap = q->cap ? q->cap * 2 : 8, sizeof(*q->v));
	q->v[q->n].key = demo_pct_decode(key, strlen(key), true);
	q->v[q->n].value = value ? demo_pct_decode(value, strlen(value), true) : xstrdup("");
	q->n++;
	return MHD_YES;
}

/* Count a request into (delta 1) or out of (-1) a stage; the peak remembers the most at once. */
static void stage_count(struct demo_server *s, unsigned *now, unsigned *peak, int delta)
{
	pthread_mutex_lock(&s->stop_lock);
	*now = delta > 0 ? *now + 1 : *now - 1;
	if (*now > *peak)
		*peak = *now;
	pthread_mutex_unlock(&s->stop_lock);
}

/* Wait ms milliseconds, or less when the server is stopping; no lock on the data is held, so waits overlap. */
static void fault_sleep(struct demo_server *s, unsigned ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&s->stop_lock);
	s->stats.sleeping++;
	if (s->stats.sleeping > s->stats.sleeping_peak)
		s->stats.sleeping_peak = s->stats.sleeping;
	while (!s->stopping && pthread_cond_timedwait(&s->stop_cv, &s->stop_lock, &until) != ETIMEDOUT)
		;
	s->stats.sleeping--;
	pthread_mutex_unlock(&s->stop_lock);
}

/* Run a route's handler under the lock its kind of access needs. */
static void run_handler(struct demo_server *s, const struct demo_route *r, struct demo_req *req,
			struct demo_resp *resp)
{
	bool shared = demo_route_reads_only(r, s->data->live_alert_ms != 0);
	if (shared)
		pthread_rwlock_rdlock(&s->lock);
	else
		pthread_rwlock_wrlock(&s->lock);
	stage_count(s, &s->stats.handling, &s->stats.handling_peak, 1);
	req->data = s->data;
	req->now_ms = demo_now_ms();
	r->fn(req, resp);
	stage_count(s, &s->stats.handling, &s->stats.handling_peak, -1);
	pthread_rwlock_unlock(&s->lock);
}

static bool stopping(struct demo_server *s)
{
	pthread_mutex_lock(&s->stop_lock);
	bool stop = s->stopping;
	pthread_mutex_unlock(&s->stop_lock);
	return stop;
}

/* Constant-time comparison, so the key cannot be guessed byte by byte from timing. */
static bool same_secret(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char diff = (unsigned char)(la != lb);
	for (size_t i = 0; i < la; i++)
		diff |= (unsigned char)(a[i] ^ b[i % (lb ? lb : 1)]);
	return diff == 0;
}

/* 401 unless the request carries "Authorization: ApiKey <key>". */
static bool check_auth(struct demo_server *s, struct MHD_Connection *c, struct demo_resp *resp)
{
	if (!s->api_key)
		return true;
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	if (!h) {
		demo_reply_error(resp, 401, "Unauthorized");
		return false;
	}
	if (strncasecmp(h, "ApiKey ", 7) == 0 && same_secret(h + 7, s->api_key))
		return true;
	demo_reply_error(resp, 401,
			 "[security_exception\n\tRoot causes:\n\t\tsecurity_exception: unable to authenticate with "
			 "provided credentials and anonymous access is not allowed for this request]: unable to "
			 "authenticate with provided credentials and anonymous access is not allowed for this request");
	return false;
}

/* A route that takes no credentials (GET /api/status) called without any: it answers as to an anonymous user. */
static bool anonymous_ok(struct demo_server *s, struct MHD_Connection *c, const struct demo_route *r)
{
	return (r->flags & DEMO_R_AUTH_OPTIONAL) && s->api_key &&
	       !MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
}

static bool is_json_type(const char *ct)
{
	if (!ct)
		return true;
	size_t n = strcspn(ct, ";");
	while (n && ct[n - 1] == ' ')
		n--;
	return (n == 16 && strncasecmp(ct, "application/json", 16) == 0) ||
	       (n > 5 && strncasecmp(ct + n - 5, "+json", 5) == 0);
}

/* Run the request through faults, checks and its handler; fills resp. */
static void dispatch(struct demo_server *s, struct MHD_Connection *c, struct conn *cn, const char *method,
		     const char *url, struct demo_resp *resp, unsigned *route_flags, bool *huge)
{
	size_t nseg;
	bool nul;
	char **seg = split_path(url, &nseg, &nul), **rseg = seg;
	const char *space = "default";
	if (nseg >= 2 && strcmp(seg[0], "s") == 0) {
		space = seg[1];
		rseg += 2;
		nseg -= 2;
	}
	struct strbuf path;
	strbuf_init(&path);
	for (size_t i = 0; i < nseg; i++)
		strbuf_printf(&path, "/%s", rseg[i]);
	if (!nseg)
		strbuf_putc(&path, '/');
	const struct demo_fault *f;
	if ((f = demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_LATENCY, path.buf)))
		fault_sleep(s, f->value);
	struct demo_req req = {.method = method, .path = path.buf, .space = space};
	struct query_acc q = {0};
	const struct demo_route *r = NULL;
	if (stopping(s)) {
		demo_reply_error(resp, 503, "The demo server is shutting down");
	} else if (nul) {
		/* A NUL byte would cut a decoded id short and match another object. */
		demo_reply_error(resp, 400, "Invalid request path: it holds an encoded NUL byte (%%00)");
	} else if (demo_faults_refuse(s->faults, s->nfaults, path.buf, resp)) {
		/* retry-after, busy: 429/503 with Retry-After */
	} else if ((f = demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_STATUS, path.buf))) {
		demo_fault_status(resp, (int)f->value, path.buf);
	} else if (demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_HTML_ERROR, path.buf)) {
		demo_fault_html(resp);
	} else if (demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_NESTED, path.buf)) {
		demo_fault_nested(resp);
	} else if (!(r = find_route(method, rseg, nseg, req.params))) {
		demo_reply_error(resp, 404, "Not Found");
	} else if ((*route_flags = r->flags, !(req.anonymous = anonymous_ok(s, c, r)) && !check_auth(s, c, resp))) {
		r = NULL;
	} else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
		   !MHD_lookup_connection_value(c, MHD_HEADER_KIND, "kbn-xsrf") &&
		   !MHD_lookup_connection_value(c, MHD_HEADER_KIND, "kbn-version")) {
		demo_reply_error(resp, 400, "Request must contain a kbn-xsrf header.");
	} else if (cn->too_big) {
		demo_reply_error(resp, 413, "Payload content length greater than maximum allowed: %zu", DEMO_MAX_BODY);
	} else {
		req.content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
		req.body = cn->body.buf;
		req.body_len = cn->body.len;
		bool multipart = req.content_type && strncasecmp(req.content_type, "multipart/form-data", 19) == 0;
		bool parse = (r->flags & DEMO_R_JSON_BODY) && cn->body.len && !(multipart && (r->flags & DEMO_R_MULTIPART));
		json_error_t jerr;
		if (parse && !is_json_type(req.content_type)) {
			demo_reply_error(resp, 415, "Unsupported Media Type");
		} else if (parse && !(req.json = json_loadb(cn->body.buf, cn->body.len, JSON_DECODE_ANY, &jerr))) {
			demo_reply_error(resp, 400, "Invalid request payload JSON format");
		} else {
			MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &q);
			req.query = q.v;
			req.nquery = q.n;
			demo_faults_request(s->faults, s->nfaults, path.buf, req.json);
			run_handler(s, r, &req, resp);
		}
	}
	if (r)
		demo_faults_rewrite(s->faults, s->nfaults, path.buf, req.json, resp);
	if (s->data->hostile)
		demo_hostile_finish(resp);
	if (demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_ODDROWS, path.buf))
		demo_fault_oddrows(resp);
	if (demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_DUPKEYS, path.buf))
		demo_fault_dupkeys(resp);
	if (demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_TRUNCATE, path.buf))
		demo_fault_truncate(resp);
	*huge = demo_fault_match(s->faults, s->nfaults, DEMO_FAULT_HUGE, path.buf) && resp->kind == DEMO_BODY_JSON &&
		resp->len > 0;
	json_decref(req.json);
	json_decref(req.keep);
	for (size_t i = 0; i < q.n; i++) {
		free(q.v[i].key);
		free(q.v[i].value);
	}
	free(q.v);
	for (size_t i = 0; i < (size_t)(rseg - seg) + nseg; i++)
		free(seg[i]);
	free(seg);
	strbuf_free(&path);
}

/* The request line for the log: the raw path with anything unprintable escaped. */
static void log_request(const char *method, const char *url, int status, int64_t ms)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)url; *p && sb.len < 300; p++) {
		if (*p > 0x20 && *p < 0x7f)
			strbuf_putc(&sb, (char)*p);
		else
			strbuf_printf(&sb, "%%%02X", *p);
	}
	fprintf(stderr, "%s %s %d %lldms\n", method, sb.buf, status, (long long)ms);
	strbuf_free(&sb);
}

/* A streamed reply on its way: the lines still to send, and the server whose stop ends the pauses. */
struct demo_trickle {
	struct demo_server *s;
	char *body;
	size_t len, off;
	unsigned ms;
};

/* The next line of a streamed reply, after a pause (libmicrohttpd's reader: on the connection's own thread). */
static ssize_t trickle_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct demo_trickle *t = cls;
	(void)pos;
	if (t->off >= t->len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	if (t->off && t->ms)
		fault_sleep(t->s, t->ms);
	if (stopping(t->s))
		return MHD_CONTENT_READER_END_WITH_ERROR;
	const char *nl = memchr(t->body + t->off, '\n', t->len - t->off);
	size_t n = nl ? (size_t)(nl - (t->body + t->off)) + 1 : t->len - t->off;
	if (n > max)
		n = max;
	memcpy(buf, t->body + t->off, n);
	t->off += n;
	return (ssize_t)n;
}

static void trickle_free(void *cls)
{
	struct demo_trickle *t = cls;
	free(t->body);
	free(t);
}

static enum MHD_Result queue(struct demo_server *s, struct MHD_Connection *c, struct demo_resp *resp, unsigned flags,
			     bool huge)
{
	struct MHD_Response *mr;
	if (resp->kind == DEMO_BODY_STREAM) {
		struct demo_trickle *t = xcalloc(1, sizeof(*t));
		t->s = s;
		t->body = resp->body;
		t->len = resp->len;
		t->ms = resp->piece_ms;
		resp->body = NULL;
		mr = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, trickle_read, t, trickle_free);
	} else if (huge) {
		struct demo_huge *h = xcalloc(1, sizeof(*h));
		h->body = resp->body;
		h->len = resp->len;
		resp->body = NULL;
		mr = MHD_create_response_from_callback(demo_huge_size(h), 64 * 1024, demo_huge_read, h, demo_huge_free);
	} else {
		mr = MHD_create_response_from_buffer(resp->len, resp->body ? resp->body : (char *)"",
						     resp->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
		resp->body = NULL;
	}
	if (!mr)
		return MHD_NO;
	if (resp->kind == DEMO_BODY_JSON)
		MHD_add_response_header(mr, "Content-Type", flags & DEMO_R_PLAIN_TYPE ? "application/json" : DEMO_JSON_TYPE);
	else if (resp->kind == DEMO_BODY_HTML)
		MHD_add_response_header(mr, "Content-Type", "text/html");
	if (resp->kind == DEMO_BODY_FILE) {
		/* As file_download_handler.ts streams a response action's file. */
		char *cd = xasprintf("attachment; filename=\"%s\"", resp->filename ? resp->filename : "download.zip");
		MHD_add_response_header(mr, "Content-Type", "application/octet-stream");
		MHD_add_response_header(mr, "Content-Disposition", cd);
		MHD_add_response_header(mr, "Cache-Control", "max-age=31536000, immutable");
		MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
		free(cd);
	}
	if (resp->kind == DEMO_BODY_JSON)
		MHD_add_response_header(mr, "Elastic-Api-Version", "2023-10-31");
	if (resp->retry_after) {
		char secs[16];
		snprintf(secs, sizeof(secs), "%u", resp->retry_after);
		MHD_add_response_header(mr, "Retry-After", secs);
	}
	if (resp->kind == DEMO_BODY_STREAM) {
		/* What Kibana's streamFactory sets; the type is the spec's (Kibana's own is unverified). */
		MHD_add_response_header(mr, "Content-Type", "application/octet-stream; Elastic-Api-Version=2023-10-31");
		MHD_add_response_header(mr, "X-Accel-Buffering", "no");
		MHD_add_response_header(mr, "Cache-Control", "no-cache");
	}
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)resp->status, mr);
	MHD_destroy_response(mr);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct demo_server *s = cls;
	struct conn *cn = *con_cls;
	if (!cn) {
		cn = xcalloc(1, sizeof(*cn));
		strbuf_init(&cn->body);
		cn->t0 = demo_now_ms();
		*con_cls = cn;
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > DEMO_MAX_BODY) {
			/* Refuse before reading: the client learns at once, as from Kibana's payload limit. */
			struct demo_resp resp = {0};
			demo_reply_error(&resp, 413, "Payload content length greater than maximum allowed: %zu",
					 DEMO_MAX_BODY);
			if (!s->quiet)
				log_request(method, url, 413, 0);
			return queue(s, c, &resp, 0, false);
		}
		return MHD_YES;
	}
	if (*upload_size) {
		if (cn->body.len + *upload_size > DEMO_MAX_BODY)
			cn->too_big = true;
		else
			strbuf_add(&cn->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	struct demo_resp resp = {0};
	unsigned flags = 0;
	bool huge = false;
	dispatch(s, c, cn, method, url, &resp, &flags, &huge);
	if (!s->quiet)
		log_request(method, url, resp.status, demo_now_ms() - cn->t0);
	enum MHD_Result ret = queue(s, c, &resp, flags, huge);
	demo_resp_clear(&resp);
	return ret;
}

/* Parse "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT" into an address to bind. */
static bool resolve_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len, char **err)
{
	char *host, *port;
	const char *colon = strrchr(listen, ':');
	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');
		if (!close || close[1] != ':') {
			*err = xasprintf("bad listen address '%s' (expected [ADDR]:PORT)", listen);
			return false;
		}
		host = xstrndup(listen + 1, (size_t)(close - listen - 1));
		port = xstrdup(close + 2);
	} else if (colon) {
		host = colon == listen ? xstrdup("127.0.0.1") : xstrndup(listen, (size_t)(colon - listen));
		port = xstrdup(colon + 1);
	} else {
		host = xstrdup("127.0.0.1");
		port = xstrdup(listen);
	}
	char *end;
	unsigned long pn = strtoul(port, &end, 10);
	bool ok = *port && !*end && pn <= 65535;
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV};
	struct addrinfo *res = NULL;
	int rc = ok ? getaddrinfo(host, port, &hints, &res) : EAI_SERVICE;
	if (rc != 0 || !res) {
		*err = ok ? xasprintf("cannot resolve listen address '%s': %s", listen, gai_strerror(rc))
			  : xasprintf("bad port in listen address '%s'", listen);
		ok = false;
	} else {
		memcpy(ss, res->ai_addr, res->ai_addrlen);
		*len = res->ai_addrlen;
	}
	if (res)
		freeaddrinfo(res);
	free(host);
	free(port);
	return ok;
}

/* "http://HOST:PORT" for the bound socket; a wildcard address becomes loopback. */
static char *bound_url(int fd, int family)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char host[NI_MAXHOST] = "127.0.0.1", port[NI_MAXSERV] = "0";
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		getnameinfo((struct sockaddr *)&ss, len, host, sizeof(host), port, sizeof(port),
			    NI_NUMERICHOST | NI_NUMERICSERV);
	if (strcmp(host, "0.0.0.0") == 0)
		strcpy(host, "127.0.0.1");
	if (strcmp(host, "::") == 0)
		strcpy(host, "::1");
	return family == AF_INET6 ? xasprintf("http://[%s]:%s", host, port) : xasprintf("http://%s:%s", host, port);
}

struct demo_server *demo_start(const struct demo_options *o, char **err)
{
	*err = NULL;
	struct sockaddr_storage ss;
	socklen_t sslen = 0;
	if (!resolve_listen(o->listen ? o->listen : "127.0.0.1:0", &ss, &sslen, err))
		return NULL;
	struct demo_server *s = xcalloc(1, sizeof(*s));
	pthread_rwlock_init(&s->lock, NULL);
	pthread_mutex_init(&s->stop_lock, NULL);
	pthread_cond_init(&s->stop_cv, NULL);
	s->api_key = xstrdup(o->api_key);
	s->quiet = o->quiet;
	s->nfaults = o->n_faults;
	s->faults = xcalloc(o->n_faults + 1, sizeof(*s->faults));
	for (size_t i = 0; i < o->n_faults; i++) {
		s->faults[i] = o->faults[i];
		s->faults[i].prefix = xstrdup(o->faults[i].prefix);
	}
	s->data = demo_data_new(o, demo_now_ms());
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	sigset_t saved;
	threadsig_block(&saved); /* MHD's threads, and the connection threads they start, inherit it */
	s->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				  MHD_OPTION_NOTIFY_COMPLETED, request_done, s, MHD_OPTION_NOTIFY_CONNECTION, connection_event, s,
				  MHD_OPTION_UNESCAPE_CALLBACK, no_unescape,
				  s, MHD_OPTION_CONNECTION_TIMEOUT, 120u, MHD_OPTION_END);
	threadsig_restore(&saved);
	if (!s->mhd) {
		*err = xasprintf("cannot listen on %s: %s", o->listen, strerror(errno ? errno : EADDRINUSE));
		demo_stop(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_LISTEN_FD);
	s->url = bound_url(info ? info->listen_fd : -1, ss.ss_family);
	return s;
}

const char *demo_url(const struct demo_server *s)
{
	return s->url;
}

void demo_stop(struct demo_server *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&s->stop_lock);
	s->stopping = true;
	pthread_cond_broadcast(&s->stop_cv);
	pthread_mutex_unlock(&s->stop_lock);
	if (s->mhd)
		MHD_stop_daemon(s->mhd);
	demo_data_free(s->data);
	for (size_t i = 0; i < s->nfaults; i++)
		free(s->faults[i].prefix);
	free(s->faults);
	xfree_secret(s->api_key);
	free(s->url);
	pthread_cond_destroy(&s->stop_cv);
	pthread_mutex_destroy(&s->stop_lock);
	pthread_rwlock_destroy(&s->lock);
	free(s);
}

void demo_get_stats(struct demo_server *s, struct demo_stats *out)
{
	pthread_mutex_lock(&s->stop_lock);
	*out = s->stats;
	pthread_mutex_unlock(&s->stop_lock);
}
