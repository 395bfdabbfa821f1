/* Fault switches: how the demo server misbehaves on purpose so clients can be tested against it. */
#ifndef KT_DEMO_FAULTS_H
#define KT_DEMO_FAULTS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <jansson.h>

struct demo_resp;
struct demo_rng;

/* What a fault does. */
enum demo_fault_kind {
	DEMO_FAULT_LATENCY,    /* latency=MS: wait before answering */
	DEMO_FAULT_STATUS,     /* status=CODE: answer CODE with Kibana's error body */
	DEMO_FAULT_TRUNCATE,   /* truncate: cut a successful JSON body in half, still 200 */
	DEMO_FAULT_HTML_ERROR, /* html-error: 502 with a reverse proxy's HTML page */
	DEMO_FAULT_HUGE,       /* huge: a valid JSON body of about 80 MiB, streamed */
	DEMO_FAULT_HOSTILE,    /* hostile-strings: escape sequences and bad UTF-8 in every text field */
	DEMO_FAULT_NESTED,     /* nested: 100,000 nested arrays */
	DEMO_FAULT_DUPKEYS,    /* dupkeys: a JSON object with a duplicate key */
	DEMO_FAULT_RETRY,      /* retry-after=S: every other request answered 429 with Retry-After: S */
	DEMO_FAULT_BUSY,       /* busy=S: every request answered 503 with Retry-After: S */
	DEMO_FAULT_REPEAT,     /* repeat-page: every search answers one full page, the same each time, "at least" 10,000 */
	DEMO_FAULT_ENDLESS,    /* endless-pages: every search answers a full page of new hits, without end */
	DEMO_FAULT_PARTIAL,    /* partial-bulk: a bulk update reports half of what it updated as version conflicts */
	DEMO_FAULT_ULONG,      /* unsigned-long: the first hit's _source holds 18446744073709551615 */
	DEMO_FAULT_ODDROWS,    /* oddrows: in the answer's first list, a row without an id and one with new values */
};

/* One fault switch; prefix limits it to paths starting with it (NULL: every path). */
struct demo_fault {
	enum demo_fault_kind kind;
	unsigned value;        /* milliseconds for latency, the status code for status, seconds for retry-after/busy */
	char *prefix;
	unsigned long seen;    /* requests the fault applied to so far (retry-after alternates by it) */
};

/* Bytes of padding the huge fault adds. */
#define DEMO_HUGE_PAD ((uint64_t)80 << 20)
/* Depth of the nested fault. */
#define DEMO_NESTED_DEPTH 100000
/*
 * What stands for invalid UTF-8 in generated text until demo_hostile_finish replaces it.
 * jansson only holds valid UTF-8 strings, so hostile text carries this ASCII marker through
 * generation and serialization; the serialized body then gets raw bytes in its place
 * (an overlong '/', a stray continuation byte, an encoded surrogate, 0xFF, a cut-off
 * sequence), never NUL. Escapes and controls need no trick: JSON carries them as \u001b.
 */
#define DEMO_BAD_UTF8_MARK "@@KT-BAD-UTF8@@"

/* Parse "latency=2000", "status=503@/api/cases", "truncate", ...; false with *err (caller frees). */
bool demo_fault_parse(const char *spec, struct demo_fault *out, char **err);
/* The Elasticsearch unsigned_long the unsigned-long fault puts in a hit: one more than any int64 can hold. */
#define DEMO_ULONG_TEXT "18446744073709551615"
/* The field it is put in. */
#define DEMO_ULONG_FIELD "kt.unsigned_long"

/* The first fault of this kind that applies to path, or NULL. */
const struct demo_fault *demo_fault_match(const struct demo_fault *f, size_t n, enum demo_fault_kind kind,
					  const char *path);
/* Answer 429 or 503 with Retry-After instead of running the route (retry-after, busy); false when none applies. */
bool demo_faults_refuse(struct demo_fault *f, size_t n, const char *path, struct demo_resp *resp);
/* Rewrite a request's JSON body before its route runs: repeat-page and endless-pages ignore the query. */
void demo_faults_request(const struct demo_fault *f, size_t n, const char *path, json_t *req);
/* Rewrite a route's answer as repeat-page, endless-pages, partial-bulk and unsigned-long say (req: its JSON body). */
void demo_faults_rewrite(const struct demo_fault *f, size_t n, const char *path, json_t *req, struct demo_resp *resp);
/* Replace the response with the fault's status and Kibana's error body. */
void demo_fault_status(struct demo_resp *resp, int status, const char *path);
/* Replace the response with a 502 HTML page as nginx sends it. */
void demo_fault_html(struct demo_resp *resp);
/* Replace the response with DEMO_NESTED_DEPTH nested arrays. */
void demo_fault_nested(struct demo_resp *resp);
/* Cut the body in half (a successful JSON response only). */
void demo_fault_truncate(struct demo_resp *resp);
/* Give the first object in the body a duplicate of its first key. */
void demo_fault_dupkeys(struct demo_resp *resp);
/*
 * In the first list of objects of a successful JSON body, take the id (id, _id) from the first row and give the
 * second a status and severity no Kibana has today ("awaiting-triage", "urgent"), where it has those fields.
 */
void demo_fault_oddrows(struct demo_resp *resp);
/* Text decorated with terminal escapes, bidi controls, CR and a bad-UTF-8 marker; caller frees. */
char *demo_hostile_text(struct demo_rng *r, const char *s);
/* Turn every bad-UTF-8 marker in a serialized body into invalid UTF-8 bytes. */
void demo_hostile_finish(struct demo_resp *resp);

/* A huge body streamed in pieces: the normal body with DEMO_HUGE_PAD spaces after its first byte. */
struct demo_huge {
	char *body;
	size_t len;
};
/* Total size of the huge body. */
uint64_t demo_huge_size(const struct demo_huge *h);
/* Fill buf with up to max bytes of the huge body from pos (libmicrohttpd's reader signature). */
ssize_t demo_huge_read(void *cls, uint64_t pos, char *buf, size_t max);
/* Free a huge body (libmicrohttpd's free callback signature). */
void demo_huge_free(void *cls);

#endif
