#include "config.h"
#include "cmd/alertfmt.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/kjson.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The groups of the detail view, by field prefix; the first match wins, the last group takes the rest. */
static const struct {
	const char *title;
	const char *const prefixes[6];
} alertfmt_groups[] = {
	{"Rule", {"kibana.alert.rule.", NULL}},
	{"Alert", {"kibana.", "signal.", NULL}},
	{"Host", {"host.", "agent.", NULL}},
	{"User", {"user.", NULL}},
	{"Process", {"process.", NULL}},
	{"Network", {"source.", "destination.", "network.", "dns.", "url.", "http."}},
	{"File", {"file.", "dll.", "registry.", NULL}},
	{"Other", {NULL}},
};
#define ALERTFMT_NGROUPS (sizeof(alertfmt_groups) / sizeof(alertfmt_groups[0]))

/* One leaf of the _source: its dotted name and its value as text. */
struct alertfmt_leaf {
	char *name;
	char *value;
	size_t group;
};

struct alertfmt_leaves {
	struct alertfmt_leaf *v;
	size_t n;
};

static const char *alertfmt_id(const void *row)
{
	return ((const struct alert *)row)->id;
}

static void alertfmt_clear(void *row)
{
	alerts_alert_clear(row);
}

static void alertfmt_copy(void *dst, const void *src)
{
	alerts_alert_copy(dst, src);
}

const struct rowset_kind alertfmt_rows = {sizeof(struct alert), alertfmt_clear, alertfmt_id, alertfmt_copy};

/* --since and --from exclude each other, and --since must read as a duration. */
static char *alertfmt_check(const void *query)
{
	const struct alerts_query *q = query;
	if (q->since && q->from)
		return xstrdup("give either --since or --from, not both");
	return q->since ? alerts_since_check(q->since) : NULL;
}

static const struct query_field alertfmt_fields[] = {
	{"status", "status", QUERY_STRV, offsetof(struct alerts_query, statuses), offsetof(struct alerts_query, n_statuses)},
	{"severity", "severity", QUERY_STRV, offsetof(struct alerts_query, severities),
	 offsetof(struct alerts_query, n_severities)},
	{"since", "since", QUERY_STR, offsetof(struct alerts_query, since), 0},
	{"from", "from", QUERY_STR, offsetof(struct alerts_query, from), 0},
	{"to", "to", QUERY_STR, offsetof(struct alerts_query, to), 0},
	{"rule", "rule", QUERY_STR, offsetof(struct alerts_query, rule), 0},
	{"host", "host", QUERY_STR, offsetof(struct alerts_query, host), 0},
	{"user", "user", QUERY_STR, offsetof(struct alerts_query, user), 0},
	{"search", "search", QUERY_STR, offsetof(struct alerts_query, search), 0},
	{"id", "id", QUERY_STRV, offsetof(struct alerts_query, ids), offsetof(struct alerts_query, n_ids)},
	{NULL, NULL, 0, 0, 0},
};

static const char *const alertfmt_views[] = {"open", "acknowledged", "closed", NULL};

const struct query_desc alertfmt_query = {
	.command = "alerts",
	.size = sizeof(struct alerts_query),
	.fields = alertfmt_fields,
	.defaults = "--status open",
	.cycle_arg = "status",
	.cycle = alertfmt_views,
	.check = alertfmt_check,
};

static void col_time(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct alert *a = row;
	char buf[64];
	if (!a->timestamp)
		return;
	/* "YYYY-MM-DD HH:MM:SS" local; a pane has room for "MM-DD HH:MM". */
	timefmt_local(a->timestamp, buf, sizeof(buf));
	if (!cx->batch && strlen(buf) >= 16)
		strbuf_add(out, buf + 5, 11);
	else
		strbuf_puts(out, buf);
}

static void col_severity(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	(void)cx;
	strbuf_puts(out, ((const struct alert *)row)->severity ? ((const struct alert *)row)->severity : "");
}

static void col_risk(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	char buf[32];
	(void)cx;
	alertfmt_risk(row, buf, sizeof(buf));
	strbuf_puts(out, buf);
}

/* A string field of an alert, or nothing. */
#define ALERTFMT_TEXT_COLUMN(fn, field)                                                    \
	static void fn(const void *row, const struct column_ctx *cx, struct strbuf *out)   \
	{                                                                                  \
		const struct alert *a = row;                                               \
		(void)cx;                                                                  \
		if (a->field)                                                              \
			strbuf_puts(out, a->field);                                        \
	}
ALERTFMT_TEXT_COLUMN(col_host, host_name)
ALERTFMT_TEXT_COLUMN(col_user, user_name)
ALERTFMT_TEXT_COLUMN(col_status, workflow_status)
ALERTFMT_TEXT_COLUMN(col_id, id)

static void col_rule(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct alert *a = row;
	(void)cx;
	if (a->problem)
		strbuf_printf(out, "(unreadable alert: %s)", a->problem);
	else
		strbuf_puts(out, a->rule_name);
}

static void col_process(const void *row, const struct column_ctx *cx, struct strbuf *out)
{
	const struct alert *a = row;
	(void)cx;
	if (a->process_name)
		strbuf_puts(out, a->process_name);
	if (a->pid >= 0)
		strbuf_printf(out, "%s%lld", a->process_name ? " " : "", a->pid);
}

const struct column alertfmt_columns[] = {
	{"TIME", col_time, 11, 19, 0, 9, 0, COLUMN_DIM},
	{"SEV", col_severity, 4, 8, 0, 8, 0, COLUMN_SEVERITY},
	{"RISK", col_risk, 4, 4, 0, 4, COLUMN_RIGHT, COLUMN_PLAIN},
	{"RULE", col_rule, 16, 0, 6, 10, 0, COLUMN_NAME},
	{"HOST", col_host, 6, 0, 3, 7, 0, COLUMN_PLAIN},
	{"USER", col_user, 6, 24, 1, 5, 0, COLUMN_PLAIN},
	{"STATUS", col_status, 6, 12, 0, 6, 0, COLUMN_STATUS},
	{"PROCESS", col_process, 7, 32, 2, 3, 0, COLUMN_DIM},
	{"ID", col_id, 8, 0, 0, 1, COLUMN_BATCH_ONLY, COLUMN_PLAIN},
	{NULL, NULL, 0, 0, 0, 0, 0, COLUMN_PLAIN},
};

void alertfmt_risk(const struct alert *a, char *buf, unsigned long len)
{
	if (a->risk_score < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.0f", a->risk_score);
}

static size_t alertfmt_group_of(const char *name)
{
	for (size_t g = 0; g + 1 < ALERTFMT_NGROUPS; g++)
		for (size_t k = 0; k < 6 && alertfmt_groups[g].prefixes[k]; k++)
			if (strncmp(name, alertfmt_groups[g].prefixes[k], strlen(alertfmt_groups[g].prefixes[k])) == 0)
				return g;
	return ALERTFMT_NGROUPS - 1;
}

/* An array of scalars reads best joined; anything nested is shown as compact JSON. */
static char *alertfmt_value(json_t *v)
{
	if (!json_is_array(v))
		return kjson_text(v);
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		char *t = kjson_text(e);
		strbuf_printf(&sb, "%s%s", i ? ", " : "", t);
		free(t);
	}
	return strbuf_detach(&sb, NULL);
}

/* Flatten nested objects ("host": {"name": ...}) and flat keys ("host.name") alike. */
static void alertfmt_flatten(json_t *obj, const char *prefix, struct alertfmt_leaves *out)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		char *name = *prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
		if (json_is_object(v) && json_object_size(v)) {
			alertfmt_flatten(v, name, out);
			free(name);
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
		out->v[out->n].group = alertfmt_group_of(name);
		out->v[out->n].name = name;
		out->v[out->n].value = alertfmt_value(v);
		out->n++;
	}
}

static int alertfmt_cmp(const void *x, const void *y)
{
	const struct alertfmt_leaf *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return strcmp(a->name, b->name);
}

void alertfmt_record(struct record *r, const struct alert *a)
{
	char when[64], risk[32];
	record_add_section(r, a->rule_name ? a->rule_name : "Alert");
	record_add(r, "id", a->id);
	record_add(r, "index", a->index);
	timefmt_local(a->timestamp, when, sizeof(when));
	record_add(r, "time", a->timestamp ? when : NULL);
	record_add(r, "status", a->workflow_status);
	record_add(r, "severity", a->severity);
	alertfmt_risk(a, risk, sizeof(risk));
	record_add(r, "risk score", risk);
	if (a->reason)
		record_add_block(r, "reason", a->reason);

	struct alertfmt_leaves leaves = {0};
	alertfmt_flatten(a->source, "", &leaves);
	qsort(leaves.v, leaves.n, sizeof(*leaves.v), alertfmt_cmp);
	size_t shown = ALERTFMT_NGROUPS;
	for (size_t i = 0; i < leaves.n; i++) {
		struct alertfmt_leaf *l = &leaves.v[i];
		if (l->group != shown) {
			record_add_section(r, alertfmt_groups[l->group].title);
			shown = l->group;
		}
		/* Field names come from the server too. */
		char *label = sanitize_str(l->name, SANITIZE_LINE);
		record_add(r, label, l->value);
		free(label);
		free(l->name);
		free(l->value);
	}
	free(leaves.v);
}
