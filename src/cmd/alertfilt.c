#include "config.h"
#include "cmd/alertfilt.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const struct cmd_value *alertfilt_value(const struct cmd_def *def, const struct cmd_value *values,
					       const char *name)
{
	for (size_t i = 0; def->args && def->args[i].name; i++)
		if (strcmp(def->args[i].name, name) == 0)
			return &values[i];
	return NULL;
}

static char *alertfilt_one(const struct cmd_def *def, const struct cmd_value *values, const char *name)
{
	const struct cmd_value *v = alertfilt_value(def, values, name);
	return v && v->n ? xstrdup(v->vals[0]) : NULL;
}

static void alertfilt_many(const struct cmd_def *def, const struct cmd_value *values, const char *name, char ***out,
			   size_t *n)
{
	const struct cmd_value *v = alertfilt_value(def, values, name);
	*n = v ? v->n : 0;
	*out = xcalloc(*n + 1, sizeof(char *));
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = xstrdup(v->vals[i]);
}

int alertfilt_from_values(struct alertfilt *f, const struct cmd_def *def, const struct cmd_value *values, char **err)
{
	memset(f, 0, sizeof(*f));
	f->since = alertfilt_one(def, values, "since");
	f->from = alertfilt_one(def, values, "from");
	f->to = alertfilt_one(def, values, "to");
	f->rule = alertfilt_one(def, values, "rule");
	f->host = alertfilt_one(def, values, "host");
	f->user = alertfilt_one(def, values, "user");
	f->search = alertfilt_one(def, values, "search");
	alertfilt_many(def, values, "status", &f->statuses, &f->n_statuses);
	alertfilt_many(def, values, "severity", &f->severities, &f->n_severities);
	if (f->since && f->from) {
		*err = xstrdup("give either --since or --from, not both");
		alertfilt_clear(f);
		return -1;
	}
	if (f->since && (*err = alerts_since_check(f->since)) != NULL) {
		alertfilt_clear(f);
		return -1;
	}
	return 0;
}

void alertfilt_query(const struct alertfilt *f, struct alerts_query *q)
{
	memset(q, 0, sizeof(*q));
	q->since = f->since;
	q->from = f->from;
	q->to = f->to;
	q->statuses = (const char *const *)f->statuses;
	q->n_statuses = f->n_statuses;
	q->severities = (const char *const *)f->severities;
	q->n_severities = f->n_severities;
	q->rule = f->rule;
	q->host = f->host;
	q->user = f->user;
	q->search = f->search;
}

static void alertfilt_list(struct strbuf *out, const char *label, char *const *v, size_t n)
{
	if (!n)
		return;
	strbuf_printf(out, "%s%s: ", out->len ? " · " : "", label);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", v[i]);
}

static void alertfilt_text(struct strbuf *out, const char *label, const char *v)
{
	if (v)
		strbuf_printf(out, "%s%s: %s", out->len ? " · " : "", label, v);
}

void alertfilt_describe(const struct alertfilt *f, struct strbuf *out)
{
	struct strbuf sb;
	strbuf_init(&sb);
	alertfilt_list(&sb, "status", f->statuses, f->n_statuses);
	alertfilt_list(&sb, "severity", f->severities, f->n_severities);
	alertfilt_text(&sb, "since", f->since);
	alertfilt_text(&sb, "from", f->from);
	alertfilt_text(&sb, "to", f->to);
	alertfilt_text(&sb, "rule", f->rule);
	alertfilt_text(&sb, "host", f->host);
	alertfilt_text(&sb, "user", f->user);
	if (f->search)
		strbuf_printf(&sb, "%ssearch: \"%s\"", sb.len ? " · " : "", f->search);
	strbuf_puts(out, sb.buf);
	strbuf_free(&sb);
}

void alertfilt_clear(struct alertfilt *f)
{
	free(f->since);
	free(f->from);
	free(f->to);
	free(f->rule);
	free(f->host);
	free(f->user);
	free(f->search);
	for (size_t i = 0; i < f->n_statuses; i++)
		free(f->statuses[i]);
	free(f->statuses);
	for (size_t i = 0; i < f->n_severities; i++)
		free(f->severities[i]);
	free(f->severities);
	memset(f, 0, sizeof(*f));
}
