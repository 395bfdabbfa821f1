/* One request and its response as route handlers see them, with Kibana's error shapes and validation. */
#ifndef KT_DEMO_HTTP_H
#define KT_DEMO_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_data;

/* Most path wildcards a route pattern may have. */
#define DEMO_MAX_PARAMS 4

/* A decoded query parameter; repeated keys appear several times. */
struct demo_kv {
	char *key, *value;
};

/* A request after routing: decoded path parameters, query and body. */
struct demo_req {
	const char *method;
	const char *path;               /* decoded path without the /s/<space> prefix */
	const char *space;              /* the space from the prefix, or "default" */
	const char *params[DEMO_MAX_PARAMS]; /* decoded path wildcards, in order */
	const struct demo_kv *query;
	size_t nquery;
	const char *body;               /* raw body (NUL-terminated), may be empty */
	size_t body_len;
	const char *content_type;       /* request Content-Type, or NULL */
	json_t *json;                   /* the body parsed as JSON (routes that take JSON), or NULL */
	struct demo_data *data;
	int64_t now_ms;
	json_t *keep;                   /* values that live as long as the request (the server frees it) */
	bool anonymous;                 /* no credentials came (only DEMO_R_AUTH_OPTIONAL routes see this) */
};

/* What the body of a response is. */
enum demo_body {
	DEMO_BODY_NONE,
	DEMO_BODY_JSON,
	DEMO_BODY_HTML,
	DEMO_BODY_STREAM, /* NDJSON sent a line at a time, piece_ms apart, chunked (a streamed reply) */
	DEMO_BODY_FILE,   /* a file as Kibana streams one (application/octet-stream, an attachment) */
};

/* A response under construction; the server adds headers and applies faults. */
struct demo_resp {
	int status;
	enum demo_body kind;
	char *body;                     /* owned */
	size_t len;
	unsigned retry_after;           /* seconds for a Retry-After header, 0: none */
	unsigned piece_ms;              /* DEMO_BODY_STREAM: the pause before each line after the first */
	char *filename;                 /* DEMO_BODY_FILE: the name in Content-Disposition (owned) */
};

/* A route: method, pattern with "{}" wildcards for whole segments, handler, flags. */
struct demo_route {
	const char *method;
	const char *pattern;
	void (*fn)(struct demo_req *req, struct demo_resp *resp);
	unsigned flags;
};

/*
 * Route flags. Handlers of GET routes run beside each other under a shared lock, so they must
 * not change the data; other methods run alone. A GET that changes something (settling pending
 * actions) says so with DEMO_R_WRITES; a POST that only reads (a search) with DEMO_R_READS.
 */
enum {
	DEMO_R_JSON_BODY = 1,  /* parse the body as JSON before the handler (400 when malformed) */
	DEMO_R_PLAIN_TYPE = 2, /* the spec declares plain application/json for this route */
	DEMO_R_MULTIPART = 4,  /* the body may be multipart/form-data */
	DEMO_R_AUTH_OPTIONAL = 8, /* answers without credentials too (req->anonymous); wrong ones still get 401 */
	DEMO_R_WRITES = 16,    /* a GET whose handler changes the data: it runs alone */
	DEMO_R_READS = 32,     /* a POST whose handler only reads: it runs beside other readers */
	DEMO_R_LIVE = 64,      /* a reader that first adds the alerts a live demo has due: alone when the demo is live */
};

/* True when the route's handler only reads the data (live: the demo adds alerts as time passes), so it may run beside other readers. */
bool demo_route_reads_only(const struct demo_route *r, bool live);

/* The standard reason phrase of an HTTP status, as Kibana puts it in "error". */
const char *demo_reason(int status);
/* Respond with a JSON value (stolen) and a status. */
void demo_reply_json(struct demo_resp *resp, int status, json_t *v);
/* Respond with Kibana's error shape {statusCode, error, message}. */
void demo_reply_error(struct demo_resp *resp, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Respond with the security solution's error shape {message, status_code}. */
void demo_reply_siem_error(struct demo_resp *resp, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Respond with NDJSON lines (taken over) sent one at a time, piece_ms apart. */
void demo_reply_stream(struct demo_resp *resp, int status, char *ndjson, unsigned piece_ms);
/* Respond 200 with a file as Kibana streams one: application/octet-stream, attachment; filename="name". */
void demo_reply_file(struct demo_resp *resp, const char *name, const void *data, size_t len);
/* Respond with a status and no body. */
void demo_reply_empty(struct demo_resp *resp, int status);
/* Free the body and reset. */
void demo_resp_clear(struct demo_resp *resp);

/* The first value of a query parameter (NULL when absent; "" for "?key"). */
const char *demo_query(const struct demo_req *req, const char *key);
/* All values of a repeated query parameter (at most max); a value like '["a","b"]' counts as its items. */
size_t demo_query_all(struct demo_req *req, const char *key, const char **out, size_t max);

/*
 * Validation that names the field, in the words of Kibana's route validation:
 * "[request body.cases.0.status]: expected one of [open, in-progress, closed] but got [x]".
 * The first problem wins; later calls do nothing once err is set.
 */
struct demo_check {
	char *err;
};

/* Record a problem at where.key unless one is recorded. */
void demo_check_fail(struct demo_check *c, const char *where, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A string field (maxlen 0: any length; nonempty: whitespace-only rejected); NULL when absent. */
const char *demo_check_str(struct demo_check *c, json_t *obj, const char *where, const char *key,
			   bool required, size_t maxlen, bool nonempty);
/* A string field that must be one of choices (NULL-terminated); its index, or -1 when absent. */
int demo_check_enum(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		    const char *const *choices);
/* An object field (borrowed), NULL when absent. */
json_t *demo_check_obj(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required);
/* An array field with size bounds (max 0: unbounded), NULL when absent. */
json_t *demo_check_arr(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		       size_t min, size_t max);
/* An array of strings (each non-empty when nonempty), NULL when absent. */
json_t *demo_check_strv(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
			size_t min, size_t max, bool nonempty);
/* A boolean field: 1, 0, or -1 when absent. */
int demo_check_bool(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required);
/* An integer field within [min, max]; false when absent or wrong. */
bool demo_check_int(struct demo_check *c, json_t *obj, const char *where, const char *key, bool required,
		    long long min, long long max, long long *out);
/* Reject keys of obj not in allowed (NULL-terminated). */
void demo_check_keys(struct demo_check *c, json_t *obj, const char *where, const char *const *allowed);
/* The request body must be a JSON object. */
json_t *demo_check_body(struct demo_check *c, const struct demo_req *req);
/* A query parameter as an integer in [min, max] (dflt when absent). */
long long demo_check_qint(struct demo_check *c, const struct demo_req *req, const char *key, long long dflt,
			  long long min, long long max);
/* A query parameter that must be one of choices; its index, or dflt when absent. */
int demo_check_qenum(struct demo_check *c, const struct demo_req *req, const char *key, const char *const *choices,
		     int dflt);
/*
 * A query parameter validated as config-schema's arrayOf: repeated keys are the array; a lone
 * value must be a JSON array of strings (a bare "healthy" is refused as Kibana refuses it).
 * Up to max values go to out (borrowed for the request); their count, or 0 with c's problem set.
 */
size_t demo_check_qarray(struct demo_check *c, struct demo_req *req, const char *key, const char **out, size_t max);
/* A query parameter as a boolean ("true"/"false"); dflt when absent. */
bool demo_check_qbool(struct demo_check *c, const struct demo_req *req, const char *key, bool dflt);
/* When c has a problem: respond 400 in Kibana's shape, free it and return true. */
bool demo_check_reply(struct demo_check *c, struct demo_resp *resp);

#endif
