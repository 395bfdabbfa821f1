#include "config.h"
#include "cmd/alertfmt.h"
#include "api/alerts.h"
#include "api/kjson.h"
#include "core/record.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <jansson.h>
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
