#include "config.h"
#include "api/cases.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const cases_status_names[] = {"open", "in-progress", "closed", NULL};
const char *const cases_severity_names[] = {"low", "medium", "high", "critical", NULL};
/* Kibana's ConnectorTypes less .none (x-pack/platform/plugins/shared/cases/common/types/domain/connector/v1.ts). */
const char *const cases_connector_types[] = {".jira", ".servicenow", ".servicenow-sir", ".resilient",
					      ".swimlane", ".cases-webhook", ".thehive", NULL};

bool cases_connector_type_ok(const char *type)
{
	for (int i = 0; type && cases_connector_types[i]; i++)
		if (strcmp(type, cases_connector_types[i]) == 0)
			return true;
	return false;
}

const char *cases_user_name(const struct case_user *u)
{
	if (!u)
		return "-";
	if (u->full_name && *u->full_name)
		return u->full_name;
	if (u->username && *u->username)
		return u->username;
	if (u->email && *u->email)
		return u->email;
	return "-";
}

static void cases_user_clear(struct case_user *u)
{
	free(u->username);
	free(u->full_name);
	free(u->email);
	free(u->profile_uid);
	memset(u, 0, sizeof(*u));
}

/*
 * A user object. Each of email, full_name and username may be missing or null, in 8.x and 9.x alike
 * (x-pack/platform/plugins/shared/cases/common/types/domain/user/v1.ts: z.union([z.string(), z.null(),
 * z.undefined()])), so {"username": "elastic"} alone is a whole user; nothing here is ever a problem.
 */
static void cases_parse_user(json_t *obj, const char *key, struct case_user *u)
{
	json_t *o = json_object_get(obj, key);
	if (!json_is_object(o))
		return;
	u->username = kjson_any_text(o, "username");
	u->full_name = kjson_any_text(o, "full_name");
	u->email = kjson_any_text(o, "email");
	u->profile_uid = kjson_any_text(o, "profile_uid");
}

static void cases_parse_connector(struct kjson_reader *r, json_t *obj, struct case_connector *c)
{
	json_t *o = kjson_obj(r, obj, "connector", KJ_ANY);
	if (!o)
		return;
	c->id = kjson_str(r, o, "id", KJ_ANY);
	c->name = kjson_str(r, o, "name", KJ_ANY);
	c->type = kjson_str(r, o, "type", KJ_ANY);
	json_t *f = json_object_get(o, "fields");
	if (f && !json_is_null(f))
		c->fields = json_incref(f);
}

static void cases_parse_external(struct kjson_reader *r, json_t *obj, struct case_external *e)
{
	json_t *o = kjson_obj(r, obj, "external_service", KJ_ANY);
	if (!o)
		return;
	e->present = true;
	e->connector_id = kjson_str(r, o, "connector_id", KJ_ANY);
	e->connector_name = kjson_str(r, o, "connector_name", KJ_ANY);
	e->external_id = kjson_str(r, o, "external_id", KJ_ANY);
	e->external_title = kjson_str(r, o, "external_title", KJ_ANY);
	e->external_url = kjson_str(r, o, "external_url", KJ_ANY);
	e->pushed_at = kjson_str(r, o, "pushed_at", KJ_ANY);
	cases_parse_user(o, "pushed_by", &e->pushed_by);
}

static void cases_parse_custom_fields(struct kjson_reader *r, json_t *obj, struct kb_case *c)
{
	json_t *a = kjson_arr(r, obj, "customFields", KJ_ANY);
	if (!a)
		return;
	c->custom_fields = xcalloc(json_array_size(a) + 1, sizeof(*c->custom_fields));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (!json_is_object(v))
			continue;
		struct case_custom_field *f = &c->custom_fields[c->n_custom_fields++];
		f->key = kjson_str(r, v, "key", KJ_ANY);
		f->type = kjson_str(r, v, "type", KJ_ANY);
		f->value = kjson_text(json_object_get(v, "value"));
	}
}

/* One attachment. Its type is kept whatever it is (Kibana adds registered types: "event", "dashboard"...). */
static void cases_parse_comment(struct kjson_reader *r, json_t *v, void *elem)
{
	struct case_comment *cm = elem;
	static const char *const types[] = {"user", "alert", NULL};
	cm->type = CASE_COMMENT_OTHER;
	if (!json_is_object(v)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
		return;
	}
	cm->id = kjson_str(r, v, "id", KJ_ANY);
	cm->type_name = kjson_str(r, v, "type", KJ_ANY);
	for (int t = 0; cm->type_name && types[t]; t++)
		if (strcmp(cm->type_name, types[t]) == 0)
			cm->type = (enum case_comment_type)t;
	cm->comment = kjson_str(r, v, "comment", KJ_ANY);
	cm->created_at = kjson_str(r, v, "created_at", KJ_ANY);
	cm->version = kjson_str(r, v, "version", KJ_ANY);
	cases_parse_user(v, "created_by", &cm->created_by);
	json_t *alert = json_object_get(v, "alertId");
	if (json_is_string(alert)) {
		cm->alert_ids = xcalloc(2, sizeof(char *));
		cm->alert_ids[0] = kjson_text(alert);
		cm->n_alert_ids = 1;
	} else {
		kjson_strv(r, v, "alertId", KJ_ANY, &cm->alert_ids, &cm->n_alert_ids);
	}
	/* rule is {id, name}, each a string or null (.../cases/common/types/domain/attachment/v1.ts). */
	json_t *rule = kjson_obj(r, v, "rule", KJ_ANY);
	if (rule)
		cm->rule_name = kjson_str(r, rule, "name", KJ_ANY);
}

static void cases_parse_comments(json_t *obj, struct kb_case *c, const char *where)
{
	json_t *a = json_object_get(obj, "comments");
	if (!json_is_array(a))
		return;
	c->has_comments = true;
	char *at = xasprintf("%s.comments", where);
	c->comments = kjson_read_rows(a, at, sizeof(*c->comments), cases_parse_comment,
				      offsetof(struct case_comment, problem), &c->n_comments, &c->bad_comments);
	free(at);
}

/* Assignees: [{uid}] (newer Kibana may add names); an entry without a uid is left out. */
static void cases_parse_assignees(json_t *obj, struct kb_case *c)
{
	json_t *a = json_object_get(obj, "assignees");
	if (!json_is_array(a))
		return;
	c->assignees = xcalloc(json_array_size(a) + 1, sizeof(char *));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		char *uid = kjson_any_text(v, "uid");
		if (uid)
			c->assignees[c->n_assignees++] = uid;
	}
}

/*
 * Read one case from an object into c (zeroed); r's location already names it. Only id and version
 * are required (the case is acted on by them); everything else is taken as it comes.
 */
static void cases_case_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct kb_case *c = out;
	c->duration = -1;
	c->number = -1;
	c->total_alerts = c->total_comment = -1;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	c->id = kjson_str(r, j, "id", KJ_REQ);
	c->version = kjson_str(r, j, "version", KJ_REQ);
	c->title = kjson_str(r, j, "title", KJ_ANY);
	c->description = kjson_str(r, j, "description", KJ_ANY);
	c->owner = kjson_str(r, j, "owner", KJ_ANY);
	c->category = kjson_str(r, j, "category", KJ_ANY);
	c->status = kjson_str(r, j, "status", KJ_ANY);
	c->severity = kjson_str(r, j, "severity", KJ_ANY);
	c->number = kjson_int(r, j, "incremental_id", KJ_ANY, -1);
	kjson_strv(r, j, "tags", KJ_ANY, &c->tags, &c->n_tags);
	cases_parse_assignees(j, c);
	c->created_at = kjson_str(r, j, "created_at", KJ_ANY);
	c->updated_at = kjson_str(r, j, "updated_at", KJ_ANY);
	c->closed_at = kjson_str(r, j, "closed_at", KJ_ANY);
	cases_parse_user(j, "created_by", &c->created_by);
	cases_parse_user(j, "updated_by", &c->updated_by);
	cases_parse_user(j, "closed_by", &c->closed_by);
	c->total_alerts = kjson_int(r, j, "totalAlerts", KJ_ANY, -1);
	c->total_comment = kjson_int(r, j, "totalComment", KJ_ANY, -1);
	c->duration = kjson_int(r, j, "duration", KJ_ANY, -1);
	c->sync_alerts = kjson_bool(r, kjson_obj(r, j, "settings", KJ_ANY), "syncAlerts", KJ_ANY, false);
	cases_parse_connector(r, j, &c->connector);
	cases_parse_external(r, j, &c->external);
	cases_parse_custom_fields(r, j, c);
	cases_parse_comments(j, c, r->where);
}

static void cases_comment_clear(struct case_comment *cm)
{
	free(cm->id);
	free(cm->type_name);
	free(cm->comment);
	kjson_strv_free(cm->alert_ids, cm->n_alert_ids);
	free(cm->rule_name);
	free(cm->created_at);
	cases_user_clear(&cm->created_by);
	free(cm->version);
	free(cm->problem);
	memset(cm, 0, sizeof(*cm));
}

void cases_case_clear(struct kb_case *c)
{
	free(c->id);
	free(c->version);
	free(c->title);
	free(c->description);
	free(c->owner);
	free(c->category);
	free(c->status);
	free(c->severity);
	kjson_strv_free(c->tags, c->n_tags);
	kjson_strv_free(c->assignees, c->n_assignees);
	free(c->created_at);
	free(c->updated_at);
	free(c->closed_at);
	cases_user_clear(&c->created_by);
	cases_user_clear(&c->updated_by);
	cases_user_clear(&c->closed_by);
	free(c->connector.id);
	free(c->connector.name);
	free(c->connector.type);
	json_decref(c->connector.fields);
	free(c->external.connector_id);
	free(c->external.connector_name);
	free(c->external.external_id);
	free(c->external.external_title);
	free(c->external.external_url);
	free(c->external.pushed_at);
	cases_user_clear(&c->external.pushed_by);
	for (size_t i = 0; i < c->n_custom_fields; i++) {
		free(c->custom_fields[i].key);
		free(c->custom_fields[i].type);
		free(c->custom_fields[i].value);
	}
	free(c->custom_fields);
	for (size_t i = 0; i < c->n_comments; i++)
		cases_comment_clear(&c->comments[i]);
	free(c->comments);
	free(c->problem);
	memset(c, 0, sizeof(*c));
}

static void cases_case_clear_model(void *out)
{
	cases_case_clear(out);
}

const struct kmodel cases_case_model = {
	.what = "case",
	.size = sizeof(struct kb_case),
	.read = cases_case_read,
	.clear = cases_case_clear_model,
};

/* Read an array of cases into out and n, each on its own: a case that cannot be read is a placeholder with its problem. */
static void cases_read_array(json_t *a, const char *where, struct kb_case **out, size_t *n, size_t *bad)
{
	*out = kjson_read_rows(a, where, sizeof(**out), cases_case_read, offsetof(struct kb_case, problem), n, bad);
}

static void cases_free_array(struct kb_case *cs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cases_case_clear(&cs[i]);
	free(cs);
}

static void cases_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct case_page *p = out;
	/* total is what the list pages by; the rest is taken as it comes. */
	p->page = kjson_int(r, j, "page", KJ_ANY, 1);
	p->per_page = kjson_int(r, j, "per_page", KJ_ANY, 0);
	p->total = kjson_int(r, j, "total", KJ_OPT, 0);
	p->count_open = kjson_int(r, j, "count_open_cases", KJ_ANY, -1);
	p->count_in_progress = kjson_int(r, j, "count_in_progress_cases", KJ_ANY, -1);
	p->count_closed = kjson_int(r, j, "count_closed_cases", KJ_ANY, -1);
	json_t *a = kjson_arr(r, j, "cases", KJ_OPT);
	if (!r->err && a)
		cases_read_array(a, "cases", &p->cases, &p->n, &p->bad);
}

static void cases_page_clear(void *out)
{
	struct case_page *p = out;
	cases_free_array(p->cases, p->n);
	memset(p, 0, sizeof(*p));
}

const struct kmodel cases_page_model = {
	.what = "cases _find response",
	.size = sizeof(struct case_page),
	.read = cases_page_read,
	.clear = cases_page_clear,
};

static void cases_list_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct case_list *l = out;
	if (!json_is_array(j)) {
		/* This message has always named the array itself, without a location. */
		r->where[0] = '\0';
		kjson_fail(r, "expected an array of cases, got %s", kjson_type_name(j));
		return;
	}
	cases_read_array(j, "cases", &l->cases, &l->n, &l->bad);
}

static void cases_list_clear(void *out)
{
	struct case_list *l = out;
	cases_free_array(l->cases, l->n);
	memset(l, 0, sizeof(*l));
}

const struct kmodel cases_list_model = {
	.what = "cases",
	.size = sizeof(struct case_list),
	.read = cases_list_read,
	.clear = cases_list_clear,
};

static void cases_comment_page_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct case_comment_page *p = out;
	/* {comments, page, per_page, total}, not the case the spec declares
	 * (x-pack/platform/plugins/shared/cases/server/routes/api/comments/find_comments.ts). */
	p->page = kjson_int(r, j, "page", KJ_ANY, 1);
	p->per_page = kjson_int(r, j, "per_page", KJ_ANY, 0);
	p->total = kjson_int(r, j, "total", KJ_OPT, -1);
	json_t *a = kjson_arr(r, j, "comments", KJ_OPT);
	if (!r->err && a)
		p->comments = kjson_read_rows(a, "comments", sizeof(*p->comments), cases_parse_comment,
					      offsetof(struct case_comment, problem), &p->n, &p->bad);
}

static void cases_comment_page_clear(void *out)
{
	struct case_comment_page *p = out;
	for (size_t i = 0; i < p->n; i++)
		cases_comment_clear(&p->comments[i]);
	free(p->comments);
	memset(p, 0, sizeof(*p));
}

const struct kmodel cases_comment_page_model = {
	.what = "case comments",
	.size = sizeof(struct case_comment_page),
	.read = cases_comment_page_read,
	.clear = cases_comment_page_clear,
};

void cases_take_comments(struct kb_case *c, struct case_comment_page *p)
{
	c->comments = xreallocarray(c->comments, c->n_comments + p->n + 1, sizeof(*c->comments));
	if (p->n)
		memcpy(&c->comments[c->n_comments], p->comments, p->n * sizeof(*p->comments));
	memset(&c->comments[c->n_comments + p->n], 0, sizeof(*c->comments));
	c->n_comments += p->n;
	c->bad_comments += p->bad;
	c->has_comments = true;
	p->n = 0;
	p->bad = 0;
}

long cases_comments_next_page(const struct case_comment_page *p)
{
	if (p->n == 0 || p->page < 1)
		return 0;
	if (p->total >= 0)
		return p->per_page > 0 && p->page * p->per_page < p->total ? (long)p->page + 1 : 0;
	/* No total: a full page may have a next one. */
	return p->per_page > 0 && (long long)p->n >= p->per_page ? (long)p->page + 1 : 0;
}
