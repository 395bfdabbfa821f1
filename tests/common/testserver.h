/* A small HTTP server for the tests on the wire: records every request and answers by route. */
#ifndef KT_TESTSERVER_H
#define KT_TESTSERVER_H
#include <stdbool.h>
#include <stddef.h>

struct testserver;

/* One request as it arrived; immutable once recorded, valid until testserver_stop. */
struct testserver_request {
	char *method;
	char *target;        /* raw request target as sent: path and query, still percent-encoded */
	char *path;          /* target up to the '?' */
	char *query;         /* from the '?' on, or "" */
	char **hnames;       /* header names and values, in the order received */
	char **hvalues;
	size_t nheaders;
	char *body;          /* NUL-terminated */
	size_t body_len;
};

/* How a route answers. */
enum testserver_mode {
	TESTSERVER_REPLY,    /* answer at once */
	TESTSERVER_BARRIER,  /* answer only once `barrier` requests wait together */
	TESTSERVER_HANG,     /* never answer until the server stops */
	TESTSERVER_SLOW,     /* answer after delay_ms */
	TESTSERVER_TRUNCATE, /* claim declared_len bytes in Content-Length, send the body, then close */
	TESTSERVER_CHUNKED,  /* send the body chunked, with no Content-Length */
	TESTSERVER_TRICKLE,  /* send the body chunked one line at a time, delay_ms between lines */
};

/* What a route answers; a handler fills it in. */
struct testserver_reply {
	enum testserver_mode mode;
	int status;                 /* default 200 */
	char content_type[128];     /* default the contract's JSON type; "" sends none */
	char location[256];         /* Location header for redirects, or "" */
	char retry_after[64];       /* Retry-After header, or "" */
	char *body;                 /* malloc'd; NULL for an empty body */
	size_t body_len;
	unsigned barrier;           /* TESTSERVER_BARRIER */
	unsigned delay_ms;          /* TESTSERVER_SLOW, TESTSERVER_TRICKLE */
	size_t declared_len;        /* TESTSERVER_TRUNCATE */
};

/* Fills reply for a request (runs on a server thread). */
typedef void (*testserver_fn)(const struct testserver_request *req, struct testserver_reply *reply, void *arg);

/* The content type Kibana answers with. */
#define TESTSERVER_JSON "application/json; Elastic-Api-Version=2023-10-31"

/* Start on 127.0.0.1 with an ephemeral port; NULL with a message on stderr on failure. */
struct testserver *testserver_start(void);
/* Release every waiting request, stop and free. */
void testserver_stop(struct testserver *s);
/* "http://127.0.0.1:PORT". */
const char *testserver_url(const struct testserver *s);
/* Route method (NULL: any) and path (exact, or a prefix when it ends in '*') to fn; first match wins. */
void testserver_route(struct testserver *s, const char *method, const char *path, testserver_fn fn, void *arg);
/* Route to a fixed answer (body copied; NULL for none). */
void testserver_route_static(struct testserver *s, const char *method, const char *path, int status,
			     const char *content_type, const char *body);
/* Route to a fixed mode with an empty 200 JSON answer ({}); n is the barrier size or the delay. */
void testserver_route_mode(struct testserver *s, const char *path, enum testserver_mode mode, unsigned n);
/* Requests whose path starts with prefix (NULL: all) recorded so far. */
size_t testserver_count(struct testserver *s, const char *prefix);
/* The nth (from 0) recorded request whose path starts with prefix, or NULL. */
const struct testserver_request *testserver_get(struct testserver *s, const char *prefix, size_t nth);
/* Wait (up to timeout_ms) until n requests with the prefix are recorded; false on timeout. */
bool testserver_wait(struct testserver *s, const char *prefix, size_t n, int timeout_ms);
/* A header's value (name case-insensitive), or NULL; *count gets how often it appeared. */
const char *testserver_header(const struct testserver_request *r, const char *name, size_t *count);
/* A decoded query parameter's nth value, malloc'd, or NULL. */
char *testserver_query_param(const struct testserver_request *r, const char *name, size_t nth);
/* The most requests that were being answered at once (waiting in a mode included). */
unsigned testserver_peak(struct testserver *s);
/* TCP connections accepted so far. */
unsigned testserver_connections(struct testserver *s);
/* Set a reply body (copied). */
void testserver_reply_body(struct testserver_reply *reply, const char *body, size_t len);

#endif
