/* The Alerts pane: POST /api/detection_engine/signals/search, newest first, a keyset page at a time as you scroll. */
#include "config.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/panes/alertview.h"
#include "ui/uifmt.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/worker.h"
#include "cmd/alertfilt.h"
#include "cmd/alertfmt.h"
#include "cmd/parse.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Status filters v cycles through (NULL: all). */
static const char *const alerts_views[] = {"open", "acknowledged", "closed", NULL};
#define ALERTS_NVIEWS 4

struct alerts_data {
	struct alert *alerts;
	size_t n, cap;
	struct alertfilt f;
	bool total_is_floor;
};

static const struct pane_column alerts_columns[] = {
	{"TIME", 11, 11, 0, false},
	{"SEV", 4, 8, 0, false},
	{"RISK", 4, 4, 0, true},
	{"RULE", 16, 0, 6, false},
	{"HOST", 6, 20, 2, false},
	{"USER", 4, 16, 1, false},
	{"STATUS", 6, 12, 0, false},
	{"PROCESS", 7, 24, 2, false},
};

static struct alerts_data *ad(struct pane *p)
{
	return p->data;
}

static void alerts_init(struct pane *p)
{
	struct alerts_data *d = xcalloc(1, sizeof(*d));
	p->data = d;
	d->f.statuses = xcalloc(2, sizeof(char *));
	d->f.statuses[0] = xstrdup("open");
	d->f.n_statuses = 1;
}

static void alerts_clear_rows(struct alerts_data *d)
{
	for (size_t i = 0; i < d->n; i++)
		alerts_alert_clear(&d->alerts[i]);
	d->n = 0;
}

static void alerts_fini(struct pane *p)
{
	struct alerts_data *d = ad(p);
	alerts_clear_rows(d);
	free(d->alerts);
	alertfilt_clear(&d->f);
	free(d);
}

static size_t alerts_take(struct pane *p, struct worker_done *done)
{
	struct alerts_data *d = ad(p);
	struct alert_page *page = done->res.model;
	size_t keep = d->n;
	if (d->n + page->n > d->cap) {
		d->cap = (d->n + page->n) * 2;
		d->alerts = xreallocarray(d->alerts, d->cap, sizeof(*d->alerts));
	}
	for (size_t i = 0; i < page->n; i++) {
		d->alerts[d->n++] = page->alerts[i];
		memset(&page->alerts[i], 0, sizeof(page->alerts[i]));
	}
	if (keep == 0) {
		p->total = page->total;
		d->total_is_floor = page->total_is_floor;
	}
	/* A short page ends the list; so does a last hit without sort values (no keyset to go on from). */
	p->complete = page->n < ALERTS_PAGE_SIZE || !d->n || json_array_size(d->alerts[d->n - 1].sort) < 2;
	return d->n;
}

static void alerts_more(struct pane *p)
{
	struct alerts_data *d = ad(p);
	struct alerts_query q;
	alertfilt_query(&d->f, &q);
	q.after = d->n ? d->alerts[d->n - 1].sort : NULL;
	pane_fetch(p, alerts_search_request(&q), alerts_take);
}

static void alerts_drop(struct pane *p)
{
	alerts_clear_rows(ad(p));
}

static const char *alerts_row_id(struct pane *p, size_t row)
{
	return ad(p)->alerts[row].id;
}

static void alerts_cell(struct pane *p, size_t row, size_t col, struct strbuf *t, enum theme_role *role)
{
	const struct alert *a = &ad(p)->alerts[row];
	char buf[64];
	switch (col) {
	case 0:
		/* "YYYY-MM-DD HH:MM:SS" local: the column shows "MM-DD HH:MM". */
		timefmt_local(a->timestamp, buf, sizeof(buf));
		if (strlen(buf) >= 16)
			strbuf_add(t, buf + 5, 11);
		else
			uifmt_line(t, a->timestamp ? buf : "-");
		*role = ROLE_DIM;
		break;
	case 1:
		uifmt_line(t, a->severity ? a->severity : "-");
		*role = uifmt_severity_role(a->severity);
		break;
	case 2:
		alertfmt_risk(a, buf, sizeof(buf));
		strbuf_puts(t, buf);
		break;
	case 3:
		uifmt_line(t, a->rule_name ? a->rule_name : "-");
		break;
	case 4:
		uifmt_line(t, a->host_name ? a->host_name : "-");
		break;
	case 5:
		uifmt_line(t, a->user_name ? a->user_name : "-");
		break;
	case 6:
		uifmt_line(t, a->workflow_status ? a->workflow_status : "-");
		*role = uifmt_status_role(a->workflow_status);
		break;
	case 7:
		uifmt_line(t, a->process_name ? a->process_name : "-");
		if (a->pid >= 0)
			strbuf_printf(t, " %lld", a->pid);
		*role = ROLE_DIM;
		break;
	}
}

static void alerts_row_text(struct pane *p, size_t row, struct strbuf *out)
{
	const struct alert *a = &ad(p)->alerts[row];
	const char *fields[] = {a->rule_name, a->host_name, a->user_name, a->workflow_status, a->severity,
				a->process_name, a->reason, a->id};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		if (fields[i])
			strbuf_printf(out, "%s ", fields[i]);
}

static void alerts_summary(struct pane *p, struct strbuf *out)
{
	struct alerts_data *d = ad(p);
	if (p->loaded_once)
		strbuf_printf(out, "showing %zu of %s%lld", d->n, d->total_is_floor ? "at least " : "", p->total);
	if (p->list.n_marked)
		strbuf_printf(out, "  marked %zu", p->list.n_marked);
	struct strbuf f;
	strbuf_init(&f);
	alertfilt_describe(&d->f, &f);
	strbuf_printf(out, "  %s", f.len ? f.buf : "all alerts");
	strbuf_free(&f);
	strbuf_puts(out, "  newest first");
}

static char *alerts_arg_value(struct pane *p, const struct cmd_arg *arg, const size_t *rows, size_t n)
{
	struct alerts_data *d = ad(p);
	if (n == 0 || arg->ids != CMD_ID_ALERT)
		return NULL;
	if (!(arg->flags & CMD_MULTI))
		return xstrdup(d->alerts[rows[0]].id);
	/* Every marked alert: a form splits the list at commas. */
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? "," : "", d->alerts[rows[i]].id);
	return strbuf_detach(&sb, NULL);
}

static void alerts_ids(struct pane *p, enum cmd_id_kind kind, struct strbuf *out)
{
	struct alerts_data *d = ad(p);
	if (kind != CMD_ID_ALERT)
		return;
	for (size_t i = 0; i < d->n; i++) {
		const struct alert *a = &d->alerts[i];
		strbuf_printf(out, "%s\t%s\t%s\n", a->id, a->rule_name ? a->rule_name : "-", a->host_name ? a->host_name : "-");
	}
}

static bool alerts_apply(struct pane *p, const struct cmd_def *def, int argc, char **argv, char **err)
{
	struct alerts_data *d = ad(p);
	if (strcmp(def->words, "alerts") != 0)
		return false;
	struct cmd_parsed parsed;
	if (cmd_parse_args(def, argc, argv, &parsed, err) < 0) {
		cmd_parse_free(def, parsed.values);
		return false;
	}
	struct alertfilt f;
	int rc = alertfilt_from_values(&f, def, parsed.values, err);
	cmd_parse_free(def, parsed.values);
	if (rc < 0)
		return false;
	alertfilt_clear(&d->f);
	d->f = f;
	pane_reload(p);
	return true;
}

/* v: the next status view (open, acknowledged, closed, all). */
static void alerts_cycle_status(struct alerts_data *d)
{
	size_t i = 0;
	if (d->f.n_statuses == 1)
		while (i < ALERTS_NVIEWS - 1 && strcmp(alerts_views[i], d->f.statuses[0]) != 0)
			i++;
	else
		i = ALERTS_NVIEWS - 1;
	const char *next = alerts_views[(i + 1) % ALERTS_NVIEWS];
	for (size_t k = 0; k < d->f.n_statuses; k++)
		free(d->f.statuses[k]);
	d->f.n_statuses = next ? 1 : 0;
	if (next)
		d->f.statuses[0] = xstrdup(next);
}

static bool alerts_key(struct pane *p, int key)
{
	struct alerts_data *d = ad(p);
	size_t row = listmodel_cursor_row(&p->list);
	switch (key) {
	case 'v':
		if (d->f.n_statuses > 1) {
			for (size_t k = 0; k < d->f.n_statuses; k++)
				free(d->f.statuses[k]);
			d->f.n_statuses = 0;
		} else {
			alerts_cycle_status(d);
		}
		pane_reload(p);
		return true;
	case 'c':
		if (row != (size_t)-1)
			alertview_cases_jump(p->app, d->alerts[row].id);
		return true;
	case 'S':
	case 'I':
		if (row != (size_t)-1)
			alertview_respond(p->app, &d->alerts[row], key == 'S' ? "suspend" : "isolate");
		return true;
	default:
		return false;
	}
}

static void alerts_open(struct pane *p, size_t row)
{
	alertview_open(p, &ad(p)->alerts[row]);
}

static const struct pane_keyhelp alerts_keyhelp[] = {
	{"v", "show open, acknowledged, closed or all alerts"},
	{"c", "cases holding this alert: pick one to show it in the Cases pane"},
	{"S", "suspend this alert's process on its endpoint (form prefilled)"},
	{"I", "isolate this alert's host (form prefilled)"},
	{NULL, NULL},
};

const struct pane_ops alerts_pane_ops = {
	.name = "alerts",
	.title = "Alerts",
	.columns = alerts_columns,
	.n_columns = sizeof(alerts_columns) / sizeof(*alerts_columns),
	.init = alerts_init,
	.fini = alerts_fini,
	.drop = alerts_drop,
	.more = alerts_more,
	.row_id = alerts_row_id,
	.cell = alerts_cell,
	.row_text = alerts_row_text,
	.open = alerts_open,
	.arg_value = alerts_arg_value,
	.apply = alerts_apply,
	.summary = alerts_summary,
	.key = alerts_key,
	.keyhelp = alerts_keyhelp,
	.ids = alerts_ids,
};
