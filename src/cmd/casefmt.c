#include "config.h"
#include "cmd/casefmt.h"
#include "api/cases.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

char *casefmt_join(char *const *v, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", v[i]);
	return strbuf_detach(&sb, NULL);
}

void casefmt_record(struct record *r, const struct kb_case *c)
{
	char when[64];
	char *tags = casefmt_join(c->tags, c->n_tags);
	char *assignees = casefmt_join(c->assignees, c->n_assignees);
	record_add_section(r, c->title);
	record_add(r, "id", c->id);
	record_add(r, "status", cases_status_names[c->status]);
	record_add(r, "severity", cases_severity_names[c->severity]);
	record_add(r, "owner", c->owner);
	if (c->category)
		record_add(r, "category", c->category);
	record_add(r, "tags", *tags ? tags : "-");
	record_add(r, "assignees", *assignees ? assignees : "-");
	timefmt_local(c->created_at, when, sizeof(when));
	record_addf(r, "created", "%s by %s", when, cases_user_name(&c->created_by));
	if (c->updated_at) {
		timefmt_local(c->updated_at, when, sizeof(when));
		record_addf(r, "updated", "%s by %s", when, cases_user_name(&c->updated_by));
	}
	if (c->closed_at) {
		timefmt_local(c->closed_at, when, sizeof(when));
		record_addf(r, "closed", "%s by %s", when, cases_user_name(&c->closed_by));
	}
	record_addf(r, "alerts", "%lld", c->total_alerts);
	record_addf(r, "comments", "%lld", c->total_comment);
	record_add(r, "sync alerts", c->sync_alerts ? "on" : "off");
	if (strcmp(c->connector.type ? c->connector.type : ".none", ".none") == 0)
		record_add(r, "connector", "none");
	else
		record_addf(r, "connector", "%s (%s, %s)", c->connector.name, c->connector.type, c->connector.id);
	if (c->external.present) {
		record_addf(r, "pushed", "%s to %s", c->external.external_title ? c->external.external_title : "-",
			    c->external.connector_name ? c->external.connector_name : "-");
		record_add(r, "external url", c->external.external_url);
	}
	for (size_t i = 0; i < c->n_custom_fields; i++)
		record_addf(r, c->custom_fields[i].key ? c->custom_fields[i].key : "custom field", "%s",
			    c->custom_fields[i].value);
	record_add(r, "version", c->version);
	record_add_block(r, "description", c->description);
	free(tags);
	free(assignees);
	if (!c->n_comments)
		return;
	record_add_section(r, "Comments and alerts");
	for (size_t i = 0; i < c->n_comments; i++) {
		const struct case_comment *cm = &c->comments[i];
		timefmt_local(cm->created_at, when, sizeof(when));
		char *label = xasprintf("%s, %s", cases_user_name(&cm->created_by), when);
		if (cm->type == CASE_COMMENT_ALERT) {
			char *ids = casefmt_join(cm->alert_ids, cm->n_alert_ids);
			char *text = xasprintf("alert %s%s%s", ids, cm->rule_name ? " from rule " : "",
					       cm->rule_name ? cm->rule_name : "");
			record_add_block(r, label, text);
			free(text);
			free(ids);
		} else {
			record_add_block(r, label, cm->comment ? cm->comment : cm->type_name);
		}
		free(label);
	}
}

