/* Defensive JSON: bounded parsing and typed field access that names what is wrong. */
#ifndef KT_KJSON_H
#define KT_KJSON_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* Deepest nesting accepted in a response. */
#define KJSON_MAX_DEPTH 256

/* Parse len bytes (duplicate keys rejected, nesting bounded, a number too big for jansson kept as a string of its
 * text); NULL with *err set on failure. */
json_t *kjson_parse(const char *buf, size_t len, char **err);

/*
 * How a field may appear. Kibana's handlers differ from its spec (doc/HACKING.md, "Being liberal
 * in what we accept"): only a value ktriage cannot act without (an id, a version it sends back,
 * the totals it pages by) is KJ_REQ; every other field is KJ_ANY whatever the spec says.
 */
enum kjson_need {
	KJ_REQ,          /* present and not null */
	KJ_REQ_NULLABLE, /* present; null allowed */
	KJ_OPT,          /* may be absent; null is not allowed */
	KJ_OPT_NULLABLE, /* may be absent or null */
	KJ_ANY,          /* whatever comes: absent, null or another type gives the default (a scalar read as text
			    for a string), never a problem */
};

/* A field reader: records the first problem, prefixed with where it was found. */
struct kjson_reader {
	char *err;        /* first problem, or NULL */
	char where[160];  /* e.g. "cases[3]" */
};

/* Start reading; where names the object for messages ("case"). */
void kjson_reader_init(struct kjson_reader *r, const char *where);
/* True when v is an object; else records "expected an object, got ..." (a body no model can read). */
bool kjson_want_object(struct kjson_reader *r, json_t *v);
/* Change the location used in messages (printf-style). */
void kjson_reader_at(struct kjson_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Record a problem unless one is already recorded. */
void kjson_fail(struct kjson_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A copied string field (NULL when absent/null and allowed). */
char *kjson_str(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need);
/* An integer field (dflt when absent/null and allowed); accepts integral reals. */
long long kjson_int(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, long long dflt);
/* A boolean field. */
bool kjson_bool(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, bool dflt);
/* An object field (borrowed), NULL when absent/null and allowed. */
json_t *kjson_obj(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need);
/* An array field (borrowed), NULL when absent/null and allowed. */
json_t *kjson_arr(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need);
/* An array of strings copied into *out (count in *n). */
void kjson_strv(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need, char ***out, size_t *n);
/* Reads one element of an array into elem (a struct of the caller's type). */
typedef void (*kjson_elem_fn)(struct kjson_reader *r, json_t *v, void *elem);
/*
 * Read every element of array a with read_one into a new zeroed array of elem_size items
 * (count in *n, which includes an element that failed, so it can be freed); where names
 * the array in messages ("data"). Stops at the first problem, leaving it in r.
 */
void *kjson_read_array(struct kjson_reader *r, json_t *a, const char *where, size_t elem_size, kjson_elem_fn read_one,
		       size_t *n);
/*
 * Read every element of array a as a row of its own into a new zeroed array of elem_size items
 * (count in *n): a row that cannot be read does not stop the others. Its problem, named with
 * where ("cases[3]: required field \"id\" is missing"), goes to the row's char * at problem_off,
 * and *bad counts such rows. Never fails.
 */
void *kjson_read_rows(json_t *a, const char *where, size_t elem_size, kjson_elem_fn read_one, size_t problem_off,
		      size_t *n, size_t *bad);
/* Any scalar field as text (a copied string, a number or boolean written out), else NULL; never a problem. */
char *kjson_any_text(json_t *obj, const char *key);
/*
 * The body with the rows ktriage cannot use left out (for --json): the rows are the array at dotted
 * path rows ("cases", "hits.hits"; NULL: the body is the array), and a row is unusable when it is
 * not an object or has no string id_key. A new reference: the body itself when every row is usable.
 */
json_t *kjson_usable_rows(json_t *body, const char *rows, const char *id_key);
/* Free an array of strings from kjson_strv. */
void kjson_strv_free(char **v, size_t n);
/* Name of a JSON value's type for messages ("a number"). */
const char *kjson_type_name(const json_t *v);
/* Look up a dotted path ("kibana.alert.rule.name") as nested keys or a flat key; borrowed. */
json_t *kjson_path(json_t *obj, const char *dotted);
/* A compact rendering of any value as text (strings unquoted); caller frees. */
char *kjson_text(const json_t *v);

#endif
