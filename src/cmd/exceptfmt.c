#include "config.h"
#include "cmd/exceptfmt.h"
#include "cmd/opsutil.h"
#include "api/exceptions.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>

char *exceptfmt_conditions(const struct exception_item *it)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < it->n_entries; i++) {
		char *t = exceptions_entry_text(&it->entries[i]);
		strbuf_printf(&sb, "%s%s", i ? " AND " : "", t);
		free(t);
	}
	return strbuf_detach(&sb, NULL);
}

void exceptfmt_record(struct record *r, const struct exception_item *it)
{
	char when[64];
	record_add_section(r, it->name);
	record_add(r, "id", it->id);
	record_add(r, "item id", it->item_id);
	record_add(r, "list", it->list_id);
	char *os = opsutil_join(it->os_types, it->n_os_types, ", ");
	char *tags = opsutil_join(it->tags, it->n_tags, ", ");
	record_add(r, "os", *os ? os : "-");
	record_add(r, "tags", *tags ? tags : "-");
	free(os);
	free(tags);
	record_add(r, "namespace", it->namespace_type);
	timefmt_local(it->created_at, when, sizeof(when));
	record_addf(r, "created", "%s by %s", when, it->created_by);
	timefmt_local(it->updated_at, when, sizeof(when));
	record_addf(r, "updated", "%s by %s", when, it->updated_by);
	if (it->expire_time) {
		timefmt_local(it->expire_time, when, sizeof(when));
		record_add(r, "expires", when);
	}
	record_add_block(r, "description", it->description);
	record_add_section(r, "Conditions (all must match)");
	for (size_t i = 0; i < it->n_entries; i++) {
		char *t = exceptions_entry_text(&it->entries[i]);
		record_add(r, it->entries[i].type, t);
		free(t);
	}
	if (it->n_comments)
		record_add_section(r, "Comments");
	for (size_t i = 0; i < it->n_comments; i++) {
		const struct exception_comment *c = &it->comments[i];
		timefmt_local(c->created_at, when, sizeof(when));
		char *label = xasprintf("%s, %s", c->created_by, when);
		record_add_block(r, label, c->comment);
		free(label);
	}
}
