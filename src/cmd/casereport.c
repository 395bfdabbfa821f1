#include "config.h"
#include "cmd/casereport.h"
#include "cmd/storyfmt.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/cases.h"
#include "core/markdown.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A time in UTC ("2024-05-02 09:00 UTC"), the same wherever the report is read; the text as sent if unparsable. */
static void report_time(struct strbuf *out, const char *iso)
{
	time_t t;
	struct tm tm;
	char buf[40];
	if (iso && timefmt_parse(iso, &t) && gmtime_r(&t, &tm) && strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M UTC", &tm))
		strbuf_puts(out, buf);
	else
		markdown_inline(out, iso ? iso : "-");
}

/* "- **Label:** value" with the value escaped (nothing when value is NULL). */
static void report_field(struct strbuf *out, const char *label, const char *value)
{
	if (!value)
		return;
	strbuf_printf(out, "- **%s:** ", label);
	markdown_inline(out, *value ? value : "-");
	strbuf_putc(out, '\n');
}

static void report_when_by(struct strbuf *out, const char *label, const char *iso, const struct case_user *by)
{
	if (!iso)
		return;
	strbuf_printf(out, "- **%s:** ", label);
	report_time(out, iso);
	strbuf_puts(out, " by ");
	markdown_inline(out, cases_user_name(by));
	strbuf_putc(out, '\n');
}

static void report_list(struct strbuf *out, const char *label, char *const *v, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", v[i]);
	report_field(out, label, n ? sb.buf : "none");
	strbuf_free(&sb);
}

static void report_case(struct strbuf *out, const struct casereport *r)
{
	const struct kb_case *c = r->kcase;
	strbuf_puts(out, "# ");
	markdown_inline(out, c->title);
	strbuf_puts(out, "\n\n");
	report_field(out, "Status", c->status);
	report_field(out, "Severity", c->severity);
	report_field(out, "Case", c->id);
	if (r->link)
		strbuf_printf(out, "- **In Kibana:** <%s>\n", r->link); /* built from the profile, printable ASCII only */
	report_list(out, "Tags", c->tags, c->n_tags);
	report_list(out, "Assignees", c->assignees, c->n_assignees);
	report_field(out, "Category", c->category);
	report_when_by(out, "Opened", c->created_at, &c->created_by);
	report_when_by(out, "Updated", c->updated_at, &c->updated_by);
	report_when_by(out, "Closed", c->closed_at, &c->closed_by);
	if (c->external.present) {
		strbuf_puts(out, "- **External incident:** ");
		markdown_inline(out, c->external.external_title ? c->external.external_title : "-");
		strbuf_puts(out, " in ");
		markdown_inline(out, c->external.connector_name ? c->external.connector_name : "-");
		if (c->external.external_url) {
			strbuf_puts(out, " (");
			markdown_inline(out, c->external.external_url);
			strbuf_putc(out, ')');
		}
		strbuf_putc(out, '\n');
	}
	strbuf_printf(out, "- **Alerts:** %lld · **Comments:** %lld\n", c->total_alerts, c->total_comment);
	if (r->source) {
		strbuf_puts(out, "- **From:** ");
		markdown_inline(out, r->source);
		strbuf_putc(out, '\n');
	}
	strbuf_puts(out, "\n## Description\n\n");
	markdown_block(out, c->description ? c->description : "", "");
}

static void report_timeline(struct strbuf *out, const struct story *s)
{
	strbuf_printf(out, "\n## Timeline (%zu)\n\n", s->n);
	if (!s->n)
		strbuf_puts(out, "Nothing recorded.\n");
	for (size_t i = 0; i < s->n; i++) {
		const struct story_entry *e = &s->items[i];
		strbuf_puts(out, "- ");
		report_time(out, e->when);
		strbuf_puts(out, " · **");
		markdown_inline(out, e->who);
		strbuf_puts(out, "** ");
		markdown_inline(out, e->what);
		strbuf_putc(out, '\n');
	}
}

static void report_comments(struct strbuf *out, const struct story *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->items[i].kind == STORY_COMMENT && s->items[i].body;
	strbuf_printf(out, "\n## Comments (%zu)\n", n);
	if (!n)
		strbuf_puts(out, "\nNo comments.\n");
	for (size_t i = 0; i < s->n; i++) {
		const struct story_entry *e = &s->items[i];
		if (e->kind != STORY_COMMENT || !e->body)
			continue;
		strbuf_puts(out, "\n**");
		markdown_inline(out, e->who);
		strbuf_puts(out, "**, ");
		report_time(out, e->when);
		strbuf_puts(out, ":\n\n");
		markdown_block(out, e->body, "> ");
	}
}

/* One table cell: escaped, "-" when empty. */
static void report_cell(struct strbuf *out, const char *s)
{
	strbuf_puts(out, " ");
	markdown_inline(out, s && *s ? s : "-");
	strbuf_puts(out, " |");
}

static void report_alerts(struct strbuf *out, const struct casereport *r)
{
	strbuf_printf(out, "\n## Attached alerts (%zu)\n\n", r->n_attached);
	if (r->n_alerts < r->n_attached)
		strbuf_printf(out, "%zu of them %s no longer found.\n\n", r->n_attached - r->n_alerts,
			      r->n_attached - r->n_alerts == 1 ? "is" : "are");
	if (!r->n_alerts) {
		if (!r->n_attached)
			strbuf_puts(out, "No alerts are attached.\n");
		return;
	}
	strbuf_puts(out, "| Time | Severity | Rule | Host | User | Status | Alert |\n|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < r->n_alerts; i++) {
		const struct alert *a = &r->alerts[i];
		strbuf_puts(out, "| ");
		report_time(out, a->timestamp);
		strbuf_puts(out, " |");
		report_cell(out, a->severity);
		report_cell(out, a->rule_name);
		report_cell(out, a->host_name);
		report_cell(out, a->user_name);
		report_cell(out, a->workflow_status);
		report_cell(out, a->id);
		strbuf_putc(out, '\n');
	}
}

static void report_actions(struct strbuf *out, const struct casereport *r)
{
	strbuf_printf(out, "\n## Response actions on these hosts (%zu)\n\n", r->n_actions);
	if (!r->n_actions) {
		strbuf_puts(out, "None.\n");
		return;
	}
	strbuf_puts(out, "| Started | Command | Hosts | Status | By | Comment |\n|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < r->n_actions; i++) {
		const struct response_action *a = &r->actions[i];
		char *hosts = actions_hosts_text(a);
		strbuf_puts(out, "| ");
		report_time(out, a->started_at);
		strbuf_puts(out, " |");
		report_cell(out, a->command);
		report_cell(out, hosts);
		report_cell(out, a->status);
		report_cell(out, a->created_by);
		report_cell(out, a->comment);
		strbuf_putc(out, '\n');
		free(hosts);
	}
}

void casereport_markdown(struct strbuf *out, const struct casereport *r)
{
	report_case(out, r);
	report_timeline(out, r->story);
	report_comments(out, r->story);
	report_alerts(out, r);
	report_actions(out, r);
}
