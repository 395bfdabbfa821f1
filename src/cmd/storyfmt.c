#include "config.h"
#include "cmd/storyfmt.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "api/kjson.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* People the story has seen (profile uid and name), so an assignee reads as a name where one is known. */
struct story_names {
	const char **uid, **name;
	size_t n;
};

static void names_add(struct story_names *nm, const struct case_user *u)
{
	if (!u->profile_uid || !strcmp(cases_user_name(u), "-"))
		return;
	for (size_t i = 0; i < nm->n; i++)
		if (!strcmp(nm->uid[i], u->profile_uid))
			return;
	nm->uid = xreallocarray(nm->uid, nm->n + 1, sizeof(*nm->uid));
	nm->name = xreallocarray(nm->name, nm->n + 1, sizeof(*nm->name));
	nm->uid[nm->n] = u->profile_uid;
	nm->name[nm->n++] = cases_user_name(u);
}

static const char *names_get(const struct story_names *nm, const char *uid)
{
	for (size_t i = 0; i < nm->n; i++)
		if (!strcmp(nm->uid[i], uid))
			return nm->name[i];
	return uid;
}

/* A string member of a payload, or NULL. */
static const char *pstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The strings of an array (or one string) joined with ", "; uids of {uid} objects turned into names. */
static void join_values(struct strbuf *out, json_t *v, const struct story_names *nm)
{
	if (json_is_string(v)) {
		strbuf_puts(out, json_string_value(v));
		return;
	}
	if (json_is_object(v)) {
		/* The contract's own example has assignees as one object. */
		const char *uid = pstr(v, "uid");
		strbuf_puts(out, uid ? names_get(nm, uid) : "?");
		return;
	}
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		if (i)
			strbuf_puts(out, ", ");
		join_values(out, e, nm);
	}
}

static size_t count_values(json_t *v)
{
	return json_is_array(v) ? json_array_size(v) : v ? 1 : 0;
}

/* A comment attachment in words (what) and its text (body); kind says whether it holds alerts. */
static void tell_attachment(json_t *c, struct strbuf *what, char **body, enum story_kind *kind, const char *verb,
			    const struct story_names *nm)
{
	/* The contract's example puts the comment's fields in the payload itself. */
	const char *type = pstr(c, "type");
	if (!type || !strcmp(type, "user")) {
		strbuf_printf(what, "%s", !strcmp(verb, "create") ? "commented" : !strcmp(verb, "delete") ? "deleted a comment"
												  : "edited a comment");
		const char *text = pstr(c, "comment");
		if (text && strcmp(verb, "delete"))
			*body = xstrdup(text);
		*kind = STORY_COMMENT;
	} else if (!strcmp(type, "alert")) {
		json_t *ids = json_object_get(c, "alertId");
		size_t n = count_values(ids);
		const char *rule = pstr(json_object_get(c, "rule"), "name");
		strbuf_printf(what, "%s %zu alert%s", !strcmp(verb, "delete") ? "removed" : "attached", n, n == 1 ? "" : "s");
		if (rule)
			strbuf_printf(what, " from rule \"%s\"", rule);
		strbuf_puts(what, ": ");
		join_values(what, ids, nm);
		*kind = STORY_ALERT;
	} else if (!strcmp(type, "actions")) {
		json_t *actions = json_object_get(c, "actions");
		struct strbuf hosts;
		strbuf_init(&hosts);
		size_t i;
		json_t *t;
		json_array_foreach(json_object_get(actions, "targets"), i, t) {
			strbuf_printf(&hosts, "%s%s", i ? ", " : "", pstr(t, "hostname") ? pstr(t, "hostname") : "?");
		}
		strbuf_printf(what, "ran %s on %s", pstr(actions, "type") ? pstr(actions, "type") : "a response action",
			      hosts.len ? hosts.buf : "an endpoint");
		strbuf_free(&hosts);
		if (pstr(c, "comment"))
			*body = xstrdup(pstr(c, "comment"));
	} else {
		strbuf_printf(what, "%s an attachment (%s)", !strcmp(verb, "delete") ? "removed" : "added", type);
	}
}

/* A change to a set (tags, assignees): added or removed, and which. */
static void tell_set(struct strbuf *what, const char *action, const char *noun, json_t *v, const struct story_names *nm)
{
	bool del = !strcmp(action, "delete");
	if (!strcmp(noun, "assignees")) {
		strbuf_puts(what, del ? "unassigned " : "assigned ");
	} else {
		strbuf_printf(what, "%s %s ", del ? "removed" : "added", count_values(v) == 1 ? "the tag" : "tags");
	}
	join_values(what, v, nm);
}

/* One user action in words; what gets the sentence, *body any text that goes under it. */
static enum story_kind tell_action(const struct case_user_action *a, struct strbuf *what, char **body,
				   const struct story_names *nm)
{
	json_t *p = a->payload;
	const char *t = a->type, *act = a->action;
	enum story_kind kind = STORY_CHANGE;
	if (!strcmp(t, "create_case")) {
		strbuf_puts(what, "created the case");
		if (pstr(p, "severity"))
			strbuf_printf(what, " (severity %s)", pstr(p, "severity"));
	} else if (!strcmp(t, "comment")) {
		json_t *c = json_object_get(p, "comment");
		tell_attachment(json_is_object(c) ? c : p, what, body, &kind, act, nm);
	} else if (!strcmp(t, "status")) {
		const char *s = pstr(p, "status");
		if (s && !strcmp(s, "closed"))
			strbuf_puts(what, "closed the case");
		else if (s && !strcmp(s, "open"))
			strbuf_puts(what, "reopened the case");
		else
			strbuf_printf(what, "changed the status to %s", s ? s : "?");
	} else if (!strcmp(t, "severity")) {
		strbuf_printf(what, "changed the severity to %s", pstr(p, "severity") ? pstr(p, "severity") : "?");
	} else if (!strcmp(t, "title")) {
		strbuf_printf(what, "renamed the case \"%s\"", pstr(p, "title") ? pstr(p, "title") : "");
	} else if (!strcmp(t, "description")) {
		strbuf_puts(what, "edited the description");
		if (pstr(p, "description"))
			*body = xstrdup(pstr(p, "description"));
	} else if (!strcmp(t, "tags") || !strcmp(t, "assignees")) {
		tell_set(what, act, t, json_object_get(p, t), nm);
	} else if (!strcmp(t, "connector")) {
		json_t *c = json_object_get(p, "connector");
		if (!pstr(c, "type") || !strcmp(pstr(c, "type"), ".none"))
			strbuf_puts(what, "removed the external connector");
		else
			strbuf_printf(what, "set the external connector to %s (%s)", pstr(c, "name") ? pstr(c, "name") : "?",
				      pstr(c, "type"));
	} else if (!strcmp(t, "pushed")) {
		json_t *e = json_object_get(p, "externalService");
		strbuf_printf(what, "pushed the case to %s", pstr(e, "connector_name") ? pstr(e, "connector_name") : "?");
		if (pstr(e, "external_title"))
			strbuf_printf(what, " as %s", pstr(e, "external_title"));
		if (pstr(e, "external_url"))
			*body = xstrdup(pstr(e, "external_url"));
	} else if (!strcmp(t, "settings")) {
		json_t *sync = json_object_get(json_object_get(p, "settings"), "syncAlerts");
		strbuf_printf(what, "turned alert status sync %s", json_is_true(sync) ? "on" : "off");
	} else if (!strcmp(t, "category")) {
		if (pstr(p, "category"))
			strbuf_printf(what, "set the category to %s", pstr(p, "category"));
		else
			strbuf_puts(what, "cleared the category");
	} else if (!strcmp(t, "delete_case")) {
		strbuf_puts(what, "deleted the case");
	} else if (!strcmp(t, "customFields")) {
		strbuf_puts(what, "changed custom fields");
	} else {
		/* A type newer than this client: said as Kibana names it. */
		strbuf_printf(what, "%s %s", !strcmp(act, "push_to_service") ? "pushed" : act, t);
	}
	return kind;
}

/* The comment with this id in the sources, or NULL. */
static const struct case_comment *find_comment(const struct story_sources *src, const char *id)
{
	for (size_t p = 0; id && p < src->n_comments; p++)
		for (size_t i = 0; i < src->comments[p]->n; i++)
			if (src->comments[p]->comments[i].id && !strcmp(src->comments[p]->comments[i].id, id))
				return &src->comments[p]->comments[i];
	return NULL;
}

/* Whether a user action of the sources tells the comment with this id. */
static bool told_by_action(const struct story_sources *src, const char *id)
{
	for (size_t p = 0; id && p < src->n_actions; p++)
		for (size_t i = 0; i < src->actions[p]->n; i++)
			if (src->actions[p]->items[i].comment_id && !strcmp(src->actions[p]->items[i].comment_id, id))
				return true;
	return false;
}

static bool after_horizon(const struct story_sources *src, const char *when)
{
	return src->horizon && when && strcmp(when, src->horizon) > 0;
}

static struct story_entry *story_push(struct story *s, size_t *cap)
{
	if (s->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		s->items = xreallocarray(s->items, *cap, sizeof(*s->items));
	}
	struct story_entry *e = &s->items[s->n];
	memset(e, 0, sizeof(*e));
	e->seq = s->n++;
	return e;
}

/* Oldest first; entries without a time go last; equal times keep their order. */
static int entry_cmp(const void *x, const void *y)
{
	const struct story_entry *a = x, *b = y;
	int c = !a->when || !b->when ? (a->when == NULL) - (b->when == NULL) : strcmp(a->when, b->when);
	return c ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

/* A comment as the story tells it when no user action does (the actions are not loaded that far, or an old Kibana). */
static void tell_comment(struct story_entry *e, const struct case_comment *cm)
{
	struct strbuf what;
	strbuf_init(&what);
	e->when = cm->created_at;
	e->who = xstrdup(cases_user_name(&cm->created_by));
	if (cm->type == CASE_COMMENT_ALERT) {
		e->kind = STORY_ALERT;
		strbuf_printf(&what, "attached %zu alert%s", cm->n_alert_ids, cm->n_alert_ids == 1 ? "" : "s");
		if (cm->rule_name)
			strbuf_printf(&what, " from rule \"%s\"", cm->rule_name);
		for (size_t i = 0; i < cm->n_alert_ids; i++)
			strbuf_printf(&what, "%s%s", i ? ", " : ": ", cm->alert_ids[i]);
	} else {
		e->kind = STORY_COMMENT;
		strbuf_puts(&what, cm->type == CASE_COMMENT_USER ? "commented" : "added an attachment");
		if (cm->comment)
			e->body = xstrdup(cm->comment);
	}
	e->what = strbuf_detach(&what, NULL);
}

void storyfmt_build(struct story *s, const struct story_sources *src)
{
	memset(s, 0, sizeof(*s));
	size_t cap = 0;
	struct story_names nm = {0};
	for (size_t p = 0; p < src->n_actions; p++)
		for (size_t i = 0; i < src->actions[p]->n; i++)
			names_add(&nm, &src->actions[p]->items[i].created_by);
	for (size_t p = 0; p < src->n_comments; p++)
		for (size_t i = 0; i < src->comments[p]->n; i++)
			names_add(&nm, &src->comments[p]->comments[i].created_by);
	for (size_t p = 0; p < src->n_actions; p++) {
		for (size_t i = 0; i < src->actions[p]->n; i++) {
			const struct case_user_action *a = &src->actions[p]->items[i];
			if (after_horizon(src, a->created_at))
				continue;
			struct story_entry *e = story_push(s, &cap);
			struct strbuf what;
			strbuf_init(&what);
			e->when = a->created_at;
			e->who = xstrdup(cases_user_name(&a->created_by));
			e->kind = tell_action(a, &what, &e->body, &nm);
			e->what = strbuf_detach(&what, NULL);
			/* A comment reads as it is now, not as it was first written. */
			const struct case_comment *cm = !strcmp(a->type, "comment") && !strcmp(a->action, "create")
								? find_comment(src, a->comment_id) : NULL;
			if (cm && cm->type == CASE_COMMENT_USER && cm->comment) {
				free(e->body);
				e->body = xstrdup(cm->comment);
			}
		}
	}
	for (size_t p = 0; p < src->n_comments; p++) {
		for (size_t i = 0; i < src->comments[p]->n; i++) {
			const struct case_comment *cm = &src->comments[p]->comments[i];
			if (told_by_action(src, cm->id) || after_horizon(src, cm->created_at))
				continue;
			tell_comment(story_push(s, &cap), cm);
		}
	}
	if (s->n)
		qsort(s->items, s->n, sizeof(*s->items), entry_cmp);
	free(nm.uid);
	free(nm.name);
}

void storyfmt_free(struct story *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].who);
		free(s->items[i].what);
		free(s->items[i].body);
	}
	free(s->items);
	memset(s, 0, sizeof(*s));
}
