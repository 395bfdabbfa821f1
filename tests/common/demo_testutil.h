/* Helpers for the demo server tests: start a server in-process and talk to it with libcurl. */
#ifndef KT_DEMO_TESTUTIL_H
#define KT_DEMO_TESTUTIL_H
/* The group setup below is cmocka's. */
#include "ktest.h"
#include <jansson.h>

struct demo_options;
struct demo_server;

/* The API key tests start servers with. */
#define DT_KEY "dGVzdDpkZW1vLWtleQ=="
/* The content type of Kibana's JSON: what requests send and answers carry. */
#define DT_JTYPE "application/json; Elastic-Api-Version=2023-10-31"

/* One HTTP exchange's result. */
struct dt_resp {
	long status;
	char *body;        /* NUL-terminated; may hold NUL bytes before len */
	size_t len;
	char *ctype;       /* Content-Type, or NULL */
	long retry_after;  /* the Retry-After header's seconds, 0 without one */
};

/* Start a server on 127.0.0.1:0 with the options (the test fails when it cannot). */
struct demo_server *dt_start(const struct demo_options *o);
/*
 * Send a request: method, path (appended to the server URL), body (NULL: none) with
 * its content type (NULL: the versioned JSON type), auth "ApiKey DT_KEY" unless
 * no_auth, kbn-xsrf unless no_xsrf.
 */
struct dt_resp dt_req(struct demo_server *s, const char *method, const char *path, const char *body,
		      const char *ctype, int flags);
/* dt_req flags. */
enum { DT_NO_AUTH = 1, DT_NO_XSRF = 2, DT_BAD_AUTH = 4 };
/* A JSON request; the body is parsed into *out when out is not NULL (the test fails on bad JSON). */
long dt_json(struct demo_server *s, const char *method, const char *path, const char *body, json_t **out);
/* GET path, expecting 200, and return the parsed body. */
json_t *dt_get(struct demo_server *s, const char *path);
/* GET a response action until it is no longer pending (bounded: about 4 s); the last answer. */
json_t *dt_wait_action(struct demo_server *s, const char *id);
/* The agent id of the first healthy endpoint (caller frees). */
char *dt_healthy_agent(struct demo_server *s);
/* The entry called name of a zip, decrypted with password and checked by its CRC (caller frees); NULL when it cannot be. */
char *dt_unzip(const void *zip, size_t len, const char *password, const char *name, size_t *out_len);
/* The shared test server: seed 11, 1500 alerts, API key DT_KEY, 50 ms action delay, quiet. */
struct demo_server *dt_start_default(void);
/* The shared server of a program whose group runs with dt_setup and dt_teardown. */
extern struct demo_server *dt_server;
/* cmocka group setup: libcurl, then dt_start_default() into dt_server. */
int dt_setup(void **state);
/* cmocka group teardown: stop dt_server, then libcurl. */
int dt_teardown(void **state);
/* An object's string member, or NULL. */
const char *dt_str(json_t *o, const char *k);
/* An object's integer member (0 when it is not one). */
json_int_t dt_int(json_t *o, const char *k);
/* Free a response. */
void dt_resp_free(struct dt_resp *r);
/* printf into a new string. */
char *dt_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
