/* Small helpers shared by the demo server: time, identifiers, JSON and text. */
#ifndef KT_DEMO_UTIL_H
#define KT_DEMO_UTIL_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_rng;

/* Room for an ISO-8601 UTC timestamp with milliseconds ("2024-05-01T12:00:00.000Z"). */
#define DEMO_ISO_LEN 64

/* Milliseconds since the epoch, from the real-time clock. */
int64_t demo_now_ms(void);
/* Format epoch milliseconds as ISO-8601 UTC into buf (DEMO_ISO_LEN bytes); returns buf. */
char *demo_iso(int64_t ms, char *buf);
/* A JSON string holding the ISO form of ms. */
json_t *demo_json_iso(int64_t ms);
/*
 * A point in time from text: ISO-8601 ("2024-05-01", "2024-05-01T12:00:00Z",
 * with optional fraction and offset), epoch milliseconds ("1714564800000"), or
 * date math relative to now ("now", "now-15m", "now-24h", "now-7d", "now+1h",
 * units s m h d w). Returns false when the text is none of these.
 */
bool demo_parse_time(const char *s, int64_t now_ms, int64_t *out);
/* A random RFC 4122 version-4 UUID string into buf (37 bytes). */
void demo_uuid(struct demo_rng *r, char *buf);
/* Append n bytes as lowercase hex to buf (2n+1 bytes). */
void demo_hex(const unsigned char *bytes, size_t n, char *buf);
/* Standard base64 of n bytes; caller frees. */
char *demo_base64(const void *data, size_t n);
/* A saved-object version string like Kibana's "WzE3NjgsM10=" (base64 of "[seq,term]"); caller frees. */
char *demo_so_version(uint64_t seq, unsigned term);
/* True when needle occurs in hay, ignoring ASCII case; an empty needle always matches. */
bool demo_contains_ci(const char *hay, const char *needle);
/* Decode %XX escapes of len bytes into a new string (a bad escape is kept as it is); plus_space also maps '+' to ' '.
 */
char *demo_pct_decode(const char *s, size_t len, bool plus_space);
/* Set key to a string, or to null when s is NULL. */
void demo_set_str(json_t *obj, const char *key, const char *s);
/* A JSON array of the n strings in v. */
json_t *demo_json_strv(const char *const *v, size_t n);
/* A copy of tmpl with each "%s" replaced by value (templates are data, not printf formats); caller frees. */
char *demo_subst(const char *tmpl, const char *value);
/* Compare two optional strings (NULL sorts last). */
int demo_strcmp_null(const char *a, const char *b);
/* Compare items a and b of a sorted collection, given a context. */
typedef int (*demo_cmp_fn)(size_t a, size_t b, void *ctx);
/* Stable sort of n indexes with a context comparator (ties keep their order). */
void demo_sort_idx(size_t *idx, size_t n, demo_cmp_fn cmp, void *ctx);
/* Only the k first matter: put them at the start of idx exactly as demo_sort_idx orders them (the rest: undefined). */
void demo_sort_first(size_t *idx, size_t n, size_t k, demo_cmp_fn cmp, void *ctx);
/* A copy of obj without its internal keys (those starting with '_'). */
json_t *demo_public(const json_t *obj);
/* The string value of key in obj, or NULL when absent or not a string. */
const char *demo_jstr(const json_t *obj, const char *key);

#endif
