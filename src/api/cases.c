#include "config.h"
#include "api/cases.h"
#include "api/kjson.h"
#include "api/kmodel.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const cases_status_names[] = {"open", "in-progress", "closed", NULL};
const char *const cases_severity_names[] = {"low", "medium", "high", "critical", NULL};
const char *const cases_connector_types[] = {".jira", ".servicenow", ".servicenow-sir", ".resilient",
					      ".swimlane", ".cases-webhook", NULL};

bool cases_connector_type_ok(const char *type)
{
	for (int i = 0; type && cases_connector_types[i]; i++)
		if (strcmp(type, cases_connector_types[i]) == 0)
			return true;
	return false;
}

const char *cases_user_name(const struct case_user *u)
{
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

/* A user object: email, full_name and username are required but nullable. */
static void cases_parse_user(struct kjson_reader *r, json_t *obj, const char *key, enum kjson_need need,
			     struct case_user *u)
{
	json_t *o = kjson_obj(r, obj, key, need);
	if (!o)
		return;
	char saved[sizeof(r->where)];
	memcpy(saved, r->where, sizeof(saved));
	kjson_reader_at(r, "%s.%s", saved, key);
	u->username = kjson_str(r, o, "username", KJ_REQ_NULLABLE);
	u->full_name = kjson_str(r, o, "full_name", KJ_REQ_NULLABLE);
	u->email = kjson_str(r, o, "email", KJ_REQ_NULLABLE);
	u->profile_uid = kjson_str(r, o, "profile_uid", KJ_OPT);
	memcpy(r->where, saved, sizeof(saved));
}

static void cases_parse_connector(struct kjson_reader *r, json_t *obj, struct case_connector *c)
{
	json_t *o = kjson_obj(r, obj, "connector", KJ_REQ);
	if (!o)
		return;
	c->id = kjson_str(r, o, "id", KJ_REQ);
	c->name = kjson_str(r, o, "name", KJ_REQ);
	c->type = kjson_str(r, o, "type", KJ_REQ);
	json_t *f = json_object_get(o, "fields");
	if (!f)
		kjson_fail(r, "connector: required field \"fields\" is missing");
	else if (!json_is_null(f))
		c->fields = json_incref(f);
}

static void cases_parse_external(struct kjson_reader *r, json_t *obj, struct case_external *e)
{
	json_t *o = kjson_obj(r, obj, "external_service", KJ_REQ_NULLABLE);
	if (!o)
		return;
	e->present = true;
	e->connector_id = kjson_str(r, o, "connector_id", KJ_OPT);
	e->connector_name = kjson_str(r, o, "connector_name", KJ_OPT);
	e->external_id = kjson_str(r, o, "external_id", KJ_OPT);
	e->external_title = kjson_str(r, o, "external_title", KJ_OPT);
	e->external_url = kjson_str(r, o, "external_url", KJ_OPT);
	e->pushed_at = kjson_str(r, o, "pushed_at", KJ_OPT);
	cases_parse_user(r, o, "pushed_by", KJ_OPT_NULLABLE, &e->pushed_by);
}

static void cases_parse_custom_fields(struct kjson_reader *r, json_t *obj, struct kb_case *c)
{
	json_t *a = kjson_arr(r, obj, "customFields", KJ_OPT);
	if (!a)
		return;
	c->custom_fields = xcalloc(json_array_size(a) + 1, sizeof(*c->custom_fields));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (!json_is_object(v)) {
			kjson_fail(r, "customFields[%zu] must be an object", i);
			return;
		}
		struct case_custom_field *f = &c->custom_fields[c->n_custom_fields++];
		f->key = kjson_str(r, v, "key", KJ_OPT);
		f->type = kjson_str(r, v, "type", KJ_OPT);
		f->value = kjson_text(json_object_get(v, "value"));
	}
}

static void cases_parse_comment(struct kjson_reader *r, json_t *v, struct case_comment *cm)
{
	static const char *const types[] = {"user", "alert", NULL};
	cm->id = kjson_str(r, v, "id", KJ_OPT);
	cm->type_name = kjson_str(r, v, "type", KJ_REQ);
	cm->type = CASE_COMMENT_OTHER;
	for (int t = 0; cm->type_name && types[t]; t++)
		if (strcmp(cm->type_name, types[t]) == 0)
			cm->type = (enum case_comment_type)t;
	cm->comment = kjson_str(r, v, "comment", KJ_OPT);
	cm->created_at = kjson_str(r, v, "created_at", KJ_OPT);
	cm->version = kjson_str(r, v, "version", KJ_OPT);
	cases_parse_user(r, v, "created_by", KJ_OPT, &cm->created_by);
	json_t *alert = json_object_get(v, "alertId");
	if (json_is_string(alert)) {
		cm->alert_ids = xcalloc(2, sizeof(char *));
		cm->alert_ids[0] = kjson_text(alert);
		cm->n_alert_ids = 1;
	} else {
		kjson_strv(r, v, "alertId", KJ_OPT, &cm->alert_ids, &cm->n_alert_ids);
	}
	json_t *rule = kjson_obj(r, v, "rule", KJ_OPT);
	if (rule)
		cm->rule_name = kjson_str(r, rule, "name", KJ_OPT);
}

static void cases_parse_comments(struct kjson_reader *r, json_t *obj, struct kb_case *c)
{
	json_t *a = kjson_arr(r, obj, "comments", KJ_REQ);
	if (!a)
		return;
	c->comments = xcalloc(json_array_size(a) + 1, sizeof(*c->comments));
	char saved[sizeof(r->where)];
	memcpy(saved, r->where, sizeof(saved));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		kjson_reader_at(r, "%s.comments[%zu]", saved, i);
		if (!json_is_object(v)) {
			kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
			break;
		}
		cases_parse_comment(r, v, &c->comments[c->n_comments++]);
		if (r->err)
			break;
	}
	memcpy(r->where, saved, sizeof(saved));
}

static void cases_parse_assignees(struct kjson_reader *r, json_t *obj, struct kb_case *c)
{
	json_t *a = kjson_arr(r, obj, "assignees", KJ_OPT_NULLABLE);
	if (!a)
		return;
	c->assignees = xcalloc(json_array_size(a) + 1, sizeof(char *));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		char *uid = json_is_object(v) ? kjson_str(r, v, "uid", KJ_REQ) : NULL;
		if (!uid) {
			kjson_fail(r, "assignees[%zu] must be an object with a \"uid\"", i);
			return;
		}
		c->assignees[c->n_assignees++] = uid;
	}
}

/* Read one case from an object into c (zeroed); where r's location already names it. */
static void cases_case_read(struct kjson_reader *r, json_t *j, void *out)
{
	struct kb_case *c = out;
	c->duration = -1;
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	c->id = kjson_str(r, j, "id", KJ_REQ);
	c->version = kjson_str(r, j, "version", KJ_REQ);
	c->title = kjson_str(r, j, "title", KJ_REQ);
	c->description = kjson_str(r, j, "description", KJ_REQ);
	c->owner = kjson_str(r, j, "owner", KJ_REQ);
	c->category = kjson_str(r, j, "category", KJ_OPT_NULLABLE);
	c->status = (enum case_status)kjson_enum(r, j, "status", KJ_REQ, cases_status_names, CASE_OPEN);
	c->severity = (enum case_severity)kjson_enum(r, j, "severity", KJ_REQ, cases_severity_names, CASE_SEV_LOW);
	kjson_strv(r, j, "tags", KJ_REQ, &c->tags, &c->n_tags);
	cases_parse_assignees(r, j, c);
	c->created_at = kjson_str(r, j, "created_at", KJ_REQ);
	c->updated_at = kjson_str(r, j, "updated_at", KJ_REQ_NULLABLE);
	c->closed_at = kjson_str(r, j, "closed_at", KJ_REQ_NULLABLE);
	cases_parse_user(r, j, "created_by", KJ_REQ, &c->created_by);
	cases_parse_user(r, j, "updated_by", KJ_REQ_NULLABLE, &c->updated_by);
	cases_parse_user(r, j, "closed_by", KJ_REQ_NULLABLE, &c->closed_by);
	c->total_alerts = kjson_int(r, j, "totalAlerts", KJ_REQ, 0);
	c->total_comment = kjson_int(r, j, "totalComment", KJ_REQ, 0);
	c->duration = kjson_int(r, j, "duration", KJ_REQ_NULLABLE, -1);
	json_t *settings = kjson_obj(r, j, "settings", KJ_REQ);
	if (settings)
		c->sync_alerts = kjson_bool(r, settings, "syncAlerts", KJ_REQ, false);
	cases_parse_connector(r, j, &c->connector);
	cases_parse_external(r, j, &c->external);
	cases_parse_custom_fields(r, j, c);
	cases_parse_comments(r, j, c);
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
}

void cases_case_clear(struct kb_case *c)
{
	free(c->id);
	free(c->version);
	free(c->title);
	free(c->description);
	free(c->owner);
	free(c->category);
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

/* Read an array of cases into out and n; where names the array for messages. */
static void cases_read_array(struct kjson_reader *r, json_t *a, const char *where, struct kb_case **out, size_t *n)
{
	*out = xcalloc(json_array_size(a) + 1, sizeof(**out));
	*n = 0;
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		kjson_reader_at(r, "%s[%zu]", where, i);
		cases_case_read(r, v, &(*out)[i]);
		if (r->err) {
			cases_case_clear(&(*out)[i]);
			return;
		}
		(*n)++;
	}
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
	/* The contract makes every field of this response optional. */
	p->page = kjson_int(r, j, "page", KJ_OPT, 1);
	p->per_page = kjson_int(r, j, "per_page", KJ_OPT, 0);
	p->total = kjson_int(r, j, "total", KJ_OPT, 0);
	p->count_open = kjson_int(r, j, "count_open_cases", KJ_OPT, -1);
	p->count_in_progress = kjson_int(r, j, "count_in_progress_cases", KJ_OPT, -1);
	p->count_closed = kjson_int(r, j, "count_closed_cases", KJ_OPT, -1);
	json_t *a = kjson_arr(r, j, "cases", KJ_OPT);
	if (!r->err && a)
		cases_read_array(r, a, "cases", &p->cases, &p->n);
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
	cases_read_array(r, j, "cases", &l->cases, &l->n);
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
	if (!json_is_object(j)) {
		kjson_fail(r, "expected an object, got %s", kjson_type_name(j));
		return;
	}
	p->page = kjson_int(r, j, "page", KJ_OPT, 1);
	p->per_page = kjson_int(r, j, "per_page", KJ_OPT, 0);
	json_t *a = kjson_arr(r, j, "comments", KJ_REQ);
	p->total = kjson_int(r, j, "total", KJ_OPT, a ? (long long)json_array_size(a) : 0);
	if (!a || r->err)
		return;
	p->comments = xcalloc(json_array_size(a) + 1, sizeof(*p->comments));
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		kjson_reader_at(r, "comments[%zu]", i);
		if (!json_is_object(v)) {
			kjson_fail(r, "expected an object, got %s", kjson_type_name(v));
			return;
		}
		cases_parse_comment(r, v, &p->comments[p->n++]);
		if (r->err)
			return;
	}
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
	.what = "case comments _find response",
	.size = sizeof(struct case_comment_page),
	.read = cases_comment_page_read,
	.clear = cases_comment_page_clear,
};
