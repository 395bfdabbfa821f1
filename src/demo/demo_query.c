#include "config.h"
#include "demo/demo_query.h"
#include "core/xalloc.h"
#include "demo/demo_alerts.h"
#include "demo/demo_data.h"
#include "demo/demo_util.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum qkind { Q_ALL, Q_BOOL, Q_TERMS, Q_RANGE, Q_SQS };

/* A value to compare with: the text, and for date and number fields its number. */
struct qval {
	char *s;
	int64_t n;
};

struct demo_query {
	enum qkind kind;
	int field;
	/* bool */
	struct demo_query **must, **should, **must_not;
	size_t nmust, nshould, nnot;
	long msm;
	/* term, terms, ids: the alert matches when its field equals any value */
	struct qval *vals;
	size_t nvals;
	bool icase;
	/* range: bounds present, inclusive or not */
	bool has_lo, has_hi, lo_incl, hi_incl;
	struct qval lo, hi;
	/* simple_query_string */
	char **words;
	size_t nwords;
	int *fields;
	size_t nfields;
	bool any_word;
};

#define DEMO_N_DEFAULTS 6

static const char supported[] = "match_all, bool, term, terms, ids, range, simple_query_string";

static struct demo_query *compile(json_t *q, int64_t now, char **err);

static struct demo_query *node(enum qkind kind)
{
	struct demo_query *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->field = -1;
	return n;
}

void demo_query_free(struct demo_query *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->nmust; i++)
		demo_query_free(q->must[i]);
	for (size_t i = 0; i < q->nshould; i++)
		demo_query_free(q->should[i]);
	for (size_t i = 0; i < q->nnot; i++)
		demo_query_free(q->must_not[i]);
	free(q->must);
	free(q->should);
	free(q->must_not);
	for (size_t i = 0; i < q->nvals; i++)
		free(q->vals[i].s);
	free(q->vals);
	free(q->lo.s);
	free(q->hi.s);
	for (size_t i = 0; i < q->nwords; i++)
		free(q->words[i]);
	free(q->words);
	free(q->fields);
	free(q);
}

static int field_of(const char *name, const char *clause, char **err)
{
	int f = demo_afield_lookup(name);
	if (f < 0)
		*err = xasprintf("[%s] query on unsupported field [%s]; the demo knows the alert fields it serves "
				 "(@timestamp, kibana.alert.*, host.name, process.*, ...)", clause, name);
	return f;
}

/* Turn a JSON scalar into a comparable value for field f. */
static bool make_val(json_t *v, int f, int64_t now, const char *clause, struct qval *out, char **err)
{
	char num[32];
	const char *s = json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		s = num;
	} else if (json_is_real(v)) {
		snprintf(num, sizeof(num), "%lld", (long long)json_real_value(v));
		s = num;
	} else if (json_is_boolean(v)) {
		s = json_is_true(v) ? "true" : "false";
	}
	if (!s) {
		*err = xasprintf("[%s] query on [%s]: expected a string or number value", clause, demo_afield_name(f));
		return false;
	}
	out->s = xstrdup(s);
	out->n = 0;
	enum demo_ftype t = demo_afield_type(f);
	if (t == DEMO_FT_DATE && !demo_parse_time(s, now, &out->n)) {
		*err = xasprintf("[%s] query on [%s]: failed to parse date field [%s]", clause, demo_afield_name(f), s);
		return false;
	}
	if (t == DEMO_FT_NUMBER) {
		char *end;
		double dv = strtod(s, &end);
		if (end == s || *end) {
			*err = xasprintf("[%s] query on [%s]: For input string: \"%s\"", clause, demo_afield_name(f), s);
			return false;
		}
		out->n = (int64_t)dv;
	}
	return true;
}

/* The one field and its body of term/terms/range ({FIELD: ...}, ignoring "boost"). */
static const char *only_field(json_t *body, const char *clause, json_t **val, char **err)
{
	const char *k, *found = NULL;
	json_t *v;
	if (!json_is_object(body)) {
		*err = xasprintf("[%s] query malformed, expected an object", clause);
		return NULL;
	}
	json_object_foreach(body, k, v) {
		if (strcmp(k, "boost") == 0 || strcmp(k, "_name") == 0)
			continue;
		if (found) {
			*err = xasprintf("[%s] query doesn't support multiple fields, found [%s] and [%s]", clause, found, k);
			return NULL;
		}
		found = k;
		*val = v;
	}
	if (!found)
		*err = xasprintf("[%s] query malformed, no field specified", clause);
	return found;
}

static struct demo_query *compile_term(json_t *body, const char *clause, int64_t now, char **err)
{
	json_t *v = NULL;
	const char *name = only_field(body, clause, &v, err);
	if (!name)
		return NULL;
	int f = field_of(name, clause, err);
	if (f < 0)
		return NULL;
	struct demo_query *n = node(Q_TERMS);
	n->field = f;
	if (strcmp(clause, "terms") == 0) {
		if (!json_is_array(v)) {
			*err = xasprintf("[terms] query on [%s]: expected an array of values", name);
			demo_query_free(n);
			return NULL;
		}
		n->vals = xcalloc(json_array_size(v) + 1, sizeof(*n->vals));
		size_t i;
		json_t *it;
		json_array_foreach(v, i, it) {
			if (!make_val(it, f, now, clause, &n->vals[n->nvals], err)) {
				demo_query_free(n);
				return NULL;
			}
			n->nvals++;
		}
		return n;
	}
	if (json_is_object(v)) {
		n->icase = json_is_true(json_object_get(v, "case_insensitive"));
		v = json_object_get(v, "value");
	}
	n->vals = xcalloc(1, sizeof(*n->vals));
	if (!v || !make_val(v, f, now, clause, &n->vals[0], err)) {
		if (!v)
			*err = xasprintf("[term] query on [%s]: no value specified", name);
		demo_query_free(n);
		return NULL;
	}
	n->nvals = 1;
	return n;
}

static struct demo_query *compile_ids(json_t *body, char **err)
{
	json_t *vals = json_object_get(body, "values");
	if (!json_is_array(vals)) {
		*err = xasprintf("[ids] query malformed, expected [values] to be an array");
		return NULL;
	}
	struct demo_query *n = node(Q_TERMS);
	n->field = DEMO_AF_UUID;
	n->vals = xcalloc(json_array_size(vals) + 1, sizeof(*n->vals));
	size_t i;
	json_t *it;
	json_array_foreach(vals, i, it) {
		if (json_is_string(it))
			n->vals[n->nvals++].s = xstrdup(json_string_value(it));
	}
	return n;
}

static struct demo_query *compile_range(json_t *body, int64_t now, char **err)
{
	json_t *b = NULL;
	const char *name = only_field(body, "range", &b, err);
	if (!name)
		return NULL;
	int f = field_of(name, "range", err);
	if (f < 0)
		return NULL;
	if (!json_is_object(b)) {
		*err = xasprintf("[range] query on [%s]: expected an object of bounds", name);
		return NULL;
	}
	struct demo_query *n = node(Q_RANGE);
	n->field = f;
	const char *k;
	json_t *v;
	json_object_foreach(b, k, v) {
		bool lo = strcmp(k, "gt") == 0 || strcmp(k, "gte") == 0;
		bool hi = strcmp(k, "lt") == 0 || strcmp(k, "lte") == 0;
		if (!lo && !hi) {
			if (strcmp(k, "format") == 0 || strcmp(k, "time_zone") == 0 || strcmp(k, "boost") == 0)
				continue;
			*err = xasprintf("[range] query does not support [%s]", k);
			demo_query_free(n);
			return NULL;
		}
		struct qval *dst = lo ? &n->lo : &n->hi;
		free(dst->s);
		dst->s = NULL;
		if (!make_val(v, f, now, "range", dst, err)) {
			demo_query_free(n);
			return NULL;
		}
		if (lo) {
			n->has_lo = true;
			n->lo_incl = k[2] == 'e';
		} else {
			n->has_hi = true;
			n->hi_incl = k[2] == 'e';
		}
	}
	return n;
}

/* Append the clause or clauses (an object or an array of objects) of a bool section. */
static bool add_clauses(json_t *v, const char *section, int64_t now, struct demo_query ***list, size_t *n,
			char **err)
{
	size_t count = json_is_array(v) ? json_array_size(v) : 1;
	*list = xreallocarray(*list, *n + count + 1, sizeof(**list));
	for (size_t i = 0; i < count; i++) {
		json_t *c = json_is_array(v) ? json_array_get(v, i) : v;
		struct demo_query *sub = compile(c, now, err);
		if (!sub) {
			if (!*err)
				*err = xasprintf("[bool] malformed [%s] clause", section);
			return false;
		}
		(*list)[(*n)++] = sub;
	}
	return true;
}

static struct demo_query *compile_bool(json_t *body, int64_t now, char **err)
{
	if (!json_is_object(body)) {
		*err = xasprintf("[bool] query malformed, expected an object");
		return NULL;
	}
	struct demo_query *n = node(Q_BOOL);
	bool has_msm = false;
	const char *k;
	json_t *v;
	json_object_foreach(body, k, v) {
		bool ok = true;
		if (strcmp(k, "filter") == 0 || strcmp(k, "must") == 0) {
			ok = add_clauses(v, k, now, &n->must, &n->nmust, err);
		} else if (strcmp(k, "should") == 0) {
			ok = add_clauses(v, k, now, &n->should, &n->nshould, err);
		} else if (strcmp(k, "must_not") == 0) {
			ok = add_clauses(v, k, now, &n->must_not, &n->nnot, err);
		} else if (strcmp(k, "minimum_should_match") == 0) {
			const char *s = json_string_value(v);
			char *end = NULL;
			if (json_is_integer(v))
				n->msm = (long)json_integer_value(v);
			else if (s)
				n->msm = strtol(s, &end, 10);
			if ((!json_is_integer(v) && (!s || !*s || *end)) || n->msm < 0) {
				*err = xasprintf("[bool] minimum_should_match must be a non-negative whole number");
				ok = false;
			}
			has_msm = true;
		} else if (strcmp(k, "boost") != 0 && strcmp(k, "_name") != 0) {
			*err = xasprintf("[bool] query does not support [%s]", k);
			ok = false;
		}
		if (!ok) {
			demo_query_free(n);
			return NULL;
		}
	}
	/* Elasticsearch: 1 when there are should clauses and no must or filter, else 0. */
	if (!has_msm)
		n->msm = n->nshould && !n->nmust ? 1 : 0;
	return n;
}

static struct demo_query *compile_sqs(json_t *body, char **err)
{
	static const int defaults[] = {DEMO_AF_RULE_NAME, DEMO_AF_REASON, DEMO_AF_HOST_NAME, DEMO_AF_USER,
				       DEMO_AF_PROC_NAME, DEMO_AF_CMDLINE};
	const char *query = json_string_value(json_object_get(body, "query"));
	if (!query) {
		*err = xasprintf("[simple_query_string] requires a [query] string");
		return NULL;
	}
	struct demo_query *n = node(Q_SQS);
	const char *op = json_string_value(json_object_get(body, "default_operator"));
	if (op && strcasecmp(op, "or") != 0 && strcasecmp(op, "and") != 0) {
		*err = xasprintf("[simple_query_string] default_operator must be [and] or [or], not [%s]", op);
		demo_query_free(n);
		return NULL;
	}
	n->any_word = op && strcasecmp(op, "or") == 0;
	char *copy = xstrdup(query), *save = NULL;
	n->words = xcalloc(strlen(query) / 2 + 2, sizeof(char *));
	for (char *w = strtok_r(copy, " \t\r\n", &save); w; w = strtok_r(NULL, " \t\r\n", &save))
		n->words[n->nwords++] = xstrdup(w);
	free(copy);
	json_t *fields = json_object_get(body, "fields");
	if (fields && !json_is_array(fields)) {
		*err = xasprintf("[simple_query_string] [fields] must be an array of field names");
		demo_query_free(n);
		return NULL;
	}
	n->fields = xcalloc(DEMO_AF_COUNT + DEMO_N_DEFAULTS, sizeof(int));
	size_t i;
	json_t *it;
	json_array_foreach(fields, i, it) {
		const char *name = json_string_value(it);
		char *f = xstrndup(name ? name : "", strcspn(name ? name : "", "^"));
		size_t fl = strlen(f);
		bool found = false;
		for (int k = 0; k < DEMO_AF_COUNT; k++) {
			const char *fn = demo_afield_name(k);
			bool hit = fl && f[fl - 1] == '*' ? strncmp(fn, f, fl - 1) == 0 : strcmp(fn, f) == 0;
			if (hit && demo_afield_type(k) == DEMO_FT_KEYWORD && n->nfields < DEMO_AF_COUNT) {
				n->fields[n->nfields++] = k;
				found = true;
			}
		}
		if (!found) {
			*err = xasprintf("[simple_query_string] unsupported field [%s]", f);
			free(f);
			demo_query_free(n);
			return NULL;
		}
		free(f);
	}
	if (!n->nfields)
		for (size_t k = 0; k < DEMO_N_DEFAULTS; k++)
			n->fields[n->nfields++] = defaults[k];
	return n;
}

static struct demo_query *compile(json_t *q, int64_t now, char **err)
{
	if (!json_is_object(q) || json_object_size(q) != 1) {
		*err = xasprintf("malformed query: expected an object with exactly one clause (%s)", supported);
		return NULL;
	}
	const char *k = json_object_iter_key(json_object_iter(q));
	json_t *body = json_object_iter_value(json_object_iter(q));
	if (strcmp(k, "match_all") == 0)
		return node(Q_ALL);
	if (strcmp(k, "bool") == 0)
		return compile_bool(body, now, err);
	if (strcmp(k, "term") == 0 || strcmp(k, "terms") == 0)
		return compile_term(body, k, now, err);
	if (strcmp(k, "ids") == 0)
		return compile_ids(body, err);
	if (strcmp(k, "range") == 0)
		return compile_range(body, now, err);
	if (strcmp(k, "simple_query_string") == 0)
		return compile_sqs(body, err);
	*err = xasprintf("unsupported query clause [%s]; the demo supports %s", k, supported);
	return NULL;
}

struct demo_query *demo_query_compile(json_t *q, int64_t now_ms, char **err)
{
	*err = NULL;
	if (!q)
		return node(Q_ALL);
	return compile(q, now_ms, err);
}

static bool match_terms(const struct demo_query *q, const struct demo_data *d, const struct demo_alert *a)
{
	if (demo_afield_type(q->field) != DEMO_FT_KEYWORD) {
		int64_t v = demo_alert_num(d, a, q->field);
		for (size_t i = 0; i < q->nvals; i++)
			if (q->vals[i].n == v)
				return true;
		return false;
	}
	char buf[DEMO_AFIELD_BUF];
	const char *v = demo_alert_str(d, a, q->field, buf);
	for (size_t i = 0; i < q->nvals; i++)
		if ((q->icase ? strcasecmp(v, q->vals[i].s) : strcmp(v, q->vals[i].s)) == 0)
			return true;
	return false;
}

static bool match_range(const struct demo_query *q, const struct demo_data *d, const struct demo_alert *a)
{
	int c;
	if (demo_afield_type(q->field) != DEMO_FT_KEYWORD) {
		int64_t v = demo_alert_num(d, a, q->field);
		if (q->has_lo && (v < q->lo.n || (v == q->lo.n && !q->lo_incl)))
			return false;
		return !q->has_hi || v < q->hi.n || (v == q->hi.n && q->hi_incl);
	}
	char buf[DEMO_AFIELD_BUF];
	const char *v = demo_alert_str(d, a, q->field, buf);
	if (q->has_lo && ((c = strcmp(v, q->lo.s)) < 0 || (c == 0 && !q->lo_incl)))
		return false;
	return !q->has_hi || (c = strcmp(v, q->hi.s)) < 0 || (c == 0 && q->hi_incl);
}

static bool match_sqs(const struct demo_query *q, const struct demo_data *d, const struct demo_alert *a)
{
	if (!q->nwords)
		return false;
	char buf[DEMO_AFIELD_BUF];
	for (size_t w = 0; w < q->nwords; w++) {
		bool found = false;
		for (size_t f = 0; f < q->nfields && !found; f++)
			found = demo_contains_ci(demo_alert_str(d, a, q->fields[f], buf), q->words[w]);
		if (found && q->any_word)
			return true;
		if (!found && !q->any_word)
			return false;
	}
	return !q->any_word;
}

bool demo_query_match(const struct demo_query *q, const struct demo_data *d, const struct demo_alert *a)
{
	switch (q->kind) {
	case Q_ALL: return true;
	case Q_TERMS: return match_terms(q, d, a);
	case Q_RANGE: return match_range(q, d, a);
	case Q_SQS: return match_sqs(q, d, a);
	case Q_BOOL: break;
	}
	for (size_t i = 0; i < q->nmust; i++)
		if (!demo_query_match(q->must[i], d, a))
			return false;
	for (size_t i = 0; i < q->nnot; i++)
		if (demo_query_match(q->must_not[i], d, a))
			return false;
	if (q->msm <= 0)
		return true;
	long hits = 0;
	for (size_t i = 0; i < q->nshould && hits < q->msm; i++)
		hits += demo_query_match(q->should[i], d, a);
	return hits >= q->msm;
}
