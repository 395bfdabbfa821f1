#include "config.h"
#include "demo/demo_cases.h"
#include "core/xalloc.h"
#include "demo/demo_alerts.h"
#include "demo/demo_case.h"
#include "demo/demo_data.h"
#include "demo/demo_history.h"
#include "demo/demo_http.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

static const char *const statuses[] = {"open", "in-progress", "closed", NULL};
static const char *const severities[] = {"low", "medium", "high", "critical", NULL};
static const char *const owners[] = {"cases", "observability", "securitySolution", NULL};
static const char *const sort_fields[] = {"createdAt", "updatedAt", "closedAt", "title", "category", "status",
					  "severity", NULL};
static const char *const orders[] = {"asc", "desc", NULL};

/* The rank Kibana stores for a status or severity word (it sorts on these numbers). */
static int rank(const char *const *words, const char *w)
{
	for (int i = 0; w && words[i]; i++)
		if (strcmp(words[i], w) == 0)
			return i;
	return -1;
}

static bool any_equal(const char *const *vals, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (s && strcmp(vals[i], s) == 0)
			return true;
	return false;
}

static bool array_has(json_t *arr, const char *key, const char *const *vals, size_t n)
{
	size_t i;
	json_t *e;
	json_array_foreach(arr, i, e) {
		if (any_equal(vals, n, key ? demo_jstr(e, key) : json_string_value(e)))
			return true;
	}
	return false;
}

struct find_filter {
	const char *tags[64], *owners[8], *assignees[32], *reporters[32], *categories[32], *sev[8], *fields[4];
	size_t ntags, nowners, nassignees, nreporters, ncategories, nsev, nfields;
	const char *search;
	int64_t from, to;
	bool has_from, has_to;
	char from_iso[DEMO_ISO_LEN], to_iso[DEMO_ISO_LEN]; /* the same as ISO text, which compares as the times do */
};

static bool case_matches(const struct find_filter *f, json_t *c)
{
	if (f->nsev && !any_equal(f->sev, f->nsev, demo_jstr(c, "severity")))
		return false;
	if (f->ntags && !array_has(json_object_get(c, "tags"), NULL, f->tags, f->ntags))
		return false;
	if (f->nowners && !any_equal(f->owners, f->nowners, demo_jstr(c, "owner")))
		return false;
	if (f->ncategories && !any_equal(f->categories, f->ncategories, demo_jstr(c, "category")))
		return false;
	if (f->nreporters && !any_equal(f->reporters, f->nreporters, demo_jstr(json_object_get(c, "created_by"), "username")))
		return false;
	json_t *as = json_object_get(c, "assignees");
	if (f->nassignees && !array_has(as, "uid", f->assignees, f->nassignees) &&
	    !(any_equal(f->assignees, f->nassignees, "none") && json_array_size(as) == 0))
		return false;
	/* created_at is ISO-8601 UTC with milliseconds, as demo_iso writes it: text order is time order. */
	const char *created = demo_jstr(c, "created_at");
	if ((f->has_from || f->has_to) && !created)
		return false;
	if ((f->has_from && strcmp(created, f->from_iso) < 0) || (f->has_to && strcmp(created, f->to_iso) > 0))
		return false;
	if (f->search && *f->search) {
		bool title = !f->nfields || any_equal(f->fields, f->nfields, "title");
		bool desc = !f->nfields || any_equal(f->fields, f->nfields, "description");
		if (!(title && demo_contains_ci(demo_jstr(c, "title"), f->search)) &&
		    !(desc && demo_contains_ci(demo_jstr(c, "description"), f->search)))
			return false;
	}
	return true;
}

/* The sort key of every case, looked up once per request (by case index). */
struct case_sort {
	const char **key;
	int field;
	bool desc;
};

static const char *const sort_keys[] = {"created_at", "updated_at", "closed_at", "title", "category", "status",
					"severity"};

static int case_cmp(size_t a, size_t b, void *ctx)
{
	const struct case_sort *s = ctx;
	const char *vx = s->key[a], *vy = s->key[b];
	int c;
	if (!vx || !vy)
		return (vx == NULL) - (vy == NULL); /* missing values last, in both orders */
	if (s->field == 5)
		c = rank(statuses, vx) - rank(statuses, vy);
	else if (s->field == 6)
		c = rank(severities, vx) - rank(severities, vy);
	else
		c = strcmp(vx, vy); /* ISO timestamps compare as text */
	return s->desc ? -c : c;
}

static void cases_find(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long per = demo_check_qint(&c, req, "perPage", 20, 0, 1000000);
	int status = demo_check_qenum(&c, req, "status", statuses, -1);
	int sf = demo_check_qenum(&c, req, "sortField", sort_fields, 0);
	int order = demo_check_qenum(&c, req, "sortOrder", orders, 1);
	struct find_filter f = {0};
	f.nsev = demo_query_all(req, "severity", f.sev, 8);
	for (size_t i = 0; i < f.nsev && !c.err; i++)
		if (rank(severities, f.sev[i]) < 0)
			demo_check_fail(&c, "request query", "severity", "expected one of [critical, high, low, medium] but got [%s]",
					f.sev[i]);
	f.ntags = demo_query_all(req, "tags", f.tags, 64);
	f.nowners = demo_query_all(req, "owner", f.owners, 8);
	for (size_t i = 0; i < f.nowners && !c.err; i++)
		if (rank(owners, f.owners[i]) < 0)
			demo_check_fail(&c, "request query", "owner", "expected one of [cases, observability, securitySolution] "
					"but got [%s]", f.owners[i]);
	f.nassignees = demo_query_all(req, "assignees", f.assignees, 32);
	f.nreporters = demo_query_all(req, "reporters", f.reporters, 32);
	f.ncategories = demo_query_all(req, "category", f.categories, 32);
	f.nfields = demo_query_all(req, "searchFields", f.fields, 4);
	f.search = demo_query(req, "search");
	const char *from = demo_query(req, "from"), *to = demo_query(req, "to");
	if (from && !(f.has_from = demo_parse_time(from, req->now_ms, &f.from)))
		demo_check_fail(&c, "request query", "from", "Invalid date [%s]", from);
	if (to && !(f.has_to = demo_parse_time(to, req->now_ms, &f.to)))
		demo_check_fail(&c, "request query", "to", "Invalid date [%s]", to);
	if (f.has_from)
		demo_iso(f.from, f.from_iso);
	if (f.has_to)
		demo_iso(f.to, f.to_iso);
	if (!c.err && per > 100)
		demo_check_fail(&c, "request query", "perPage",
				"The provided perPage value is too high. The maximum allowed perPage value is 100.");
	if (!c.err && page * per > 10000)
		demo_check_fail(&c, "request query", NULL, "The number of documents is too high. Paginating through more "
				"than 10,000 documents is not possible.");
	if (demo_check_reply(&c, resp))
		return;
	size_t n = json_array_size(d->cases), *idx = xcalloc(n + 1, sizeof(*idx)), m = 0;
	long long counts[3] = {0, 0, 0};
	for (size_t i = 0; i < n; i++) {
		json_t *cs = json_array_get(d->cases, i);
		if (!demo_case_in_space(cs, req->space) || !case_matches(&f, cs))
			continue;
		int st = rank(statuses, demo_jstr(cs, "status"));
		counts[st]++;
		if (status < 0 || st == status)
			idx[m++] = i;
	}
	struct case_sort s = {xcalloc(n + 1, sizeof(char *)), sf, order == 1};
	for (size_t i = 0; i < m; i++)
		s.key[idx[i]] = demo_jstr(json_array_get(d->cases, idx[i]), sort_keys[sf]);
	demo_sort_idx(idx, m, case_cmp, &s);
	free(s.key);
	json_t *arr = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < m && i < (size_t)(page * per); i++)
		json_array_append_new(arr, demo_case_render(d, json_array_get(d->cases, idx[i]), DEMO_CASE_NO_COMMENTS));
	free(idx);
	json_t *out = json_object();
	json_object_set_new(out, "page", json_integer(page));
	json_object_set_new(out, "per_page", json_integer(per));
	json_object_set_new(out, "total", json_integer((json_int_t)m));
	json_object_set_new(out, "cases", arr);
	json_object_set_new(out, "count_open_cases", json_integer(counts[0]));
	json_object_set_new(out, "count_in_progress_cases", json_integer(counts[1]));
	json_object_set_new(out, "count_closed_cases", json_integer(counts[2]));
	demo_reply_json(resp, 200, out);
}

/* The case named by the first path parameter, or a 404 already in resp. */
static json_t *case_or_404(struct demo_req *req, struct demo_resp *resp)
{
	json_t *c = demo_case_get(req->data, req->params[0]);
	if (c && !demo_case_in_space(c, req->space))
		c = NULL; /* a case of another space is not found from this one */
	if (!c) {
		char *msg = demo_case_not_found(req->params[0]);
		demo_reply_error(resp, 404, "%s", msg);
		free(msg);
	}
	return c;
}

/*
 * Kibana 8.x sends every comment unless includeComments=false (deprecated since 8.1); 9.0 removed the parameter and
 * strips "comments" from the answer (x-pack/platform/plugins/shared/cases/server/routes/api/cases/get_case.ts).
 */
static void case_get(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	bool strip = demo_data_kibana_at_least(d, 9, 0);
	struct demo_check c = {0};
	bool with = strip ? false : demo_check_qbool(&c, req, "includeComments", true);
	if (demo_check_reply(&c, resp))
		return;
	json_t *cs = case_or_404(req, resp);
	if (!cs)
		return;
	json_t *out = demo_case_render(d, cs, with ? DEMO_CASE_ALL_COMMENTS : DEMO_CASE_NO_COMMENTS);
	if (strip)
		json_object_del(out, "comments");
	demo_reply_json(resp, 200, out);
}

/* Check the fields a create or update request may carry; where is "request body" or "request body.cases.N". */
static void check_case_fields(struct demo_check *c, json_t *b, const char *where, bool create)
{
	demo_check_str(c, b, where, "title", create, 160, true);
	demo_check_str(c, b, where, "description", create, 30000, true);
	json_t *tags = demo_check_strv(c, b, where, "tags", create, 0, 200, false);
	size_t i;
	json_t *t;
	json_array_foreach(tags, i, t) {
		if (c->err)
			break;
		if (json_string_length(t) > 256 || strspn(json_string_value(t), " ") == json_string_length(t))
			demo_check_fail(c, where, "tags", "The tag field cannot be an empty string or longer than 256 characters.");
	}
	demo_check_enum(c, b, where, "severity", false, severities);
	demo_check_enum(c, b, where, "owner", create, owners);
	json_t *settings = demo_check_obj(c, b, where, "settings", create);
	if (settings) {
		char *w = xasprintf("%s.settings", where);
		demo_check_bool(c, settings, w, "syncAlerts", true);
		free(w);
	}
	json_t *conn = demo_check_obj(c, b, where, "connector", create);
	if (conn)
		demo_case_check_connector(c, conn, where);
	json_t *cat = json_object_get(b, "category");
	if (!json_is_null(cat))
		demo_check_str(c, b, where, "category", false, 50, false);
	if (json_object_get(b, "assignees") && !c->err)
		demo_case_check_assignees(c, json_object_get(b, "assignees"), where);
	if (json_object_get(b, "customFields") && !c->err)
		demo_case_check_custom_fields(c, json_object_get(b, "customFields"), where);
}

static void case_create(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const keys[] = {"title", "description", "tags", "severity", "owner", "settings", "connector",
					   "category", "assignees", "customFields", NULL};
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_keys(&c, b, "request body", keys);
	check_case_fields(&c, b, "request body", true);
	if (demo_check_reply(&c, resp))
		return;
	char id[37];
	demo_data_uuid(d, id);
	json_t *cs = json_object();
	json_object_set_new(cs, "id", json_string(id));
	char *v = demo_data_version(d);
	json_object_set_new(cs, "version", json_string(v));
	free(v);
	json_object_set(cs, "title", json_object_get(b, "title"));
	json_object_set(cs, "description", json_object_get(b, "description"));
	json_object_set(cs, "tags", json_object_get(b, "tags"));
	json_t *sev = json_object_get(b, "severity");
	json_object_set_new(cs, "severity", sev ? json_incref(sev) : json_string("low"));
	json_object_set_new(cs, "status", json_string("open"));
	json_object_set(cs, "owner", json_object_get(b, "owner"));
	json_t *as = json_object_get(b, "assignees");
	json_object_set_new(cs, "assignees", json_is_array(as) ? json_deep_copy(as) : json_array());
	json_t *cat = json_object_get(b, "category");
	json_object_set_new(cs, "category", cat ? json_incref(cat) : json_null());
	json_object_set_new(cs, "created_at", demo_json_iso(req->now_ms));
	json_object_set_new(cs, "created_by", demo_data_user(d, 0));
	json_object_set_new(cs, "updated_at", json_null());
	json_object_set_new(cs, "updated_by", json_null());
	json_object_set_new(cs, "closed_at", json_null());
	json_object_set_new(cs, "closed_by", json_null());
	json_object_set_new(cs, "duration", json_null());
	json_object_set_new(cs, "connector", json_deep_copy(json_object_get(b, "connector")));
	json_object_set_new(cs, "settings", json_deep_copy(json_object_get(b, "settings")));
	json_t *cf = json_object_get(b, "customFields");
	json_object_set_new(cs, "customFields", cf ? json_deep_copy(cf) : json_array());
	json_object_set_new(cs, "external_service", json_null());
	json_object_set_new(cs, "_comments", json_array());
	if (strcmp(req->space, "default") != 0)
		json_object_set_new(cs, "_space", json_string(req->space));
	json_array_append_new(d->cases, cs);
	json_t *created = demo_case_render(d, cs, DEMO_CASE_NO_COMMENTS);
	static const char *const hidden[] = {"id", "version", "comments", "totalAlerts", "totalComment", "created_at",
					     "created_by", "updated_at", "updated_by", "closed_at", "closed_by", "duration",
					     "external_service", "customFields", "category", NULL};
	for (size_t k = 0; hidden[k]; k++)
		json_object_del(created, hidden[k]);
	demo_history_add(d, cs, "create_case", "create", created, NULL, req->now_ms, demo_data_user(d, 0));
	demo_reply_json(resp, 200, demo_case_render(d, cs, DEMO_CASE_ALL_COMMENTS));
}

static void case_delete(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	const char *ids[128];
	size_t n = demo_query_all(req, "ids", ids, 128);
	if (n == 0 || n > 100) {
		demo_reply_error(resp, 400, n ? "[request query.ids]: array size is [%zu], but cannot be greater than [100]"
					      : "[request query.ids]: expected value of type [array] but got [undefined]",
				 n);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *cs = demo_case_get(d, ids[i]);
		if (!cs || !demo_case_in_space(cs, req->space)) {
			char *msg = demo_case_not_found(ids[i]);
			demo_reply_error(resp, 404, "%s", msg);
			free(msg);
			return;
		}
	}
	for (size_t i = 0; i < n; i++) {
		size_t k;
		json_t *cs;
		json_array_foreach(d->cases, k, cs) {
			if (strcmp(demo_jstr(cs, "id"), ids[i]) == 0) {
				json_array_remove(d->cases, k);
				break;
			}
		}
	}
	demo_reply_empty(resp, 204);
}

/* The deprecated "get all comments" route; Kibana 9.0 removed it (elastic/kibana#207926). */
static void comments_get(struct demo_req *req, struct demo_resp *resp)
{
	if (demo_data_kibana_at_least(req->data, 9, 0)) {
		demo_reply_error(resp, 404, "Not Found");
		return;
	}
	json_t *cs = case_or_404(req, resp);
	if (cs)
		demo_reply_json(resp, 200, demo_case_render(req->data, cs, DEMO_CASE_ALL_COMMENTS));
}

static void check_comment(struct demo_check *c, json_t *b, json_t *cs)
{
	static const char *const user_keys[] = {"type", "comment", "owner", NULL};
	static const char *const alert_keys[] = {"type", "alertId", "index", "rule", "owner", NULL};
	int type = demo_check_enum(c, b, "request body", "type", true, (const char *const[]){"user", "alert", NULL});
	const char *owner = demo_check_str(c, b, "request body", "owner", true, 0, false);
	if (!c->err && rank(owners, owner) < 0)
		demo_check_fail(c, "request body", "owner", "expected one of [cases, observability, securitySolution] but got [%s]",
				owner);
	if (!c->err && strcmp(owner, demo_jstr(cs, "owner")) != 0)
		demo_check_fail(c, "request body", "owner", "The owner field of the comment must match the case owner [%s]",
				demo_jstr(cs, "owner"));
	if (type == 0) {
		demo_check_keys(c, b, "request body", user_keys);
		demo_check_str(c, b, "request body", "comment", true, 30000, true);
		return;
	}
	demo_check_keys(c, b, "request body", alert_keys);
	json_t *ids = json_object_get(b, "alertId"), *idx = json_object_get(b, "index");
	size_t ni = json_is_array(ids) ? json_array_size(ids) : 1, nx = json_is_array(idx) ? json_array_size(idx) : 1;
	if (!c->err && !json_is_string(ids))
		demo_check_strv(c, b, "request body", "alertId", true, 1, 1000, true);
	if (!c->err && !json_is_string(idx))
		demo_check_strv(c, b, "request body", "index", true, 1, 1000, true);
	if (!c->err && ni != nx)
		demo_check_fail(c, "request body", "index",
				"Received an alert comment with ids and indices arrays of different lengths");
	/* rule is strict {id: string|null, name: string|null}: both keys must be there, "rule": {} is refused
	 * (x-pack/platform/plugins/shared/cases/common/types/domain/attachment/v1.ts, AlertAttachmentPayloadRt). */
	json_t *rule = demo_check_obj(c, b, "request body", "rule", true);
	static const char *const rule_keys[] = {"id", "name", NULL};
	demo_check_keys(c, rule, "request body.rule", rule_keys);
	for (size_t k = 0; rule && !c->err && rule_keys[k]; k++) {
		json_t *v = json_object_get(rule, rule_keys[k]);
		if (!v)
			demo_check_fail(c, "request body.rule", rule_keys[k], "expected value of type [string | null] but got "
					"[undefined]");
		else if (!json_is_null(v) && !json_is_string(v))
			demo_check_fail(c, "request body.rule", rule_keys[k], "expected value of type [string | null]");
	}
}

static void comment_add(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	json_t *cs = case_or_404(req, resp);
	if (!cs)
		return;
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	check_comment(&c, b, cs);
	if (demo_check_reply(&c, resp))
		return;
	char id[37];
	demo_data_uuid(d, id);
	json_t *cm = json_object();
	json_object_set_new(cm, "id", json_string(id));
	char *v = demo_data_version(d);
	json_object_set_new(cm, "version", json_string(v));
	free(v);
	json_object_set(cm, "type", json_object_get(b, "type"));
	if (strcmp(demo_jstr(b, "type"), "user") == 0) {
		json_object_set(cm, "comment", json_object_get(b, "comment"));
	} else {
		json_t *ids = json_object_get(b, "alertId"), *idx = json_object_get(b, "index");
		json_object_set_new(cm, "alertId", json_is_string(ids) ? json_pack("[O]", ids) : json_deep_copy(ids));
		json_object_set_new(cm, "index", json_is_string(idx) ? json_pack("[O]", idx) : json_deep_copy(idx));
		json_object_set_new(cm, "rule", json_deep_copy(json_object_get(b, "rule")));
	}
	json_object_set(cm, "owner", json_object_get(b, "owner"));
	json_object_set_new(cm, "created_at", demo_json_iso(req->now_ms));
	json_object_set_new(cm, "created_by", demo_data_user(d, 0));
	json_object_set_new(cm, "pushed_at", json_null());
	json_object_set_new(cm, "pushed_by", json_null());
	json_object_set_new(cm, "updated_at", json_null());
	json_object_set_new(cm, "updated_by", json_null());
	json_array_append_new(demo_case_comments(cs), cm);
	json_t *posted = json_deep_copy(b);
	demo_history_add(d, cs, "comment", "create", json_pack("{s:o}", "comment", posted), id, req->now_ms,
			 demo_data_user(d, 0));
	demo_case_touch(d, cs, req->now_ms);
	demo_case_sync_alerts(d, cs);
	demo_reply_json(resp, 200, demo_case_render(d, cs, DEMO_CASE_ALL_COMMENTS));
}

struct comment_sort {
	json_t *comments;
	bool desc;
};

static int comment_cmp(size_t a, size_t b, void *ctx)
{
	const struct comment_sort *s = ctx;
	int c = strcmp(demo_jstr(json_array_get(s->comments, a), "created_at"),
		       demo_jstr(json_array_get(s->comments, b), "created_at"));
	return s->desc ? -c : c;
}

/*
 * Kibana answers {comments, page, per_page, total} (not the case the spec declares), and only user comments: the
 * attached alerts are left out (x-pack/platform/plugins/shared/cases/server/routes/api/comments/find_comments.ts,
 * .../server/client/attachments/get.ts filters on type "user"). Both 8.19 and 9.2.
 */
static void comments_find(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 1, 1, 1000000);
	long long per = demo_check_qint(&c, req, "perPage", 20, 0, 100);
	int order = demo_check_qenum(&c, req, "sortOrder", orders, 1);
	if (demo_check_reply(&c, resp))
		return;
	json_t *cs = case_or_404(req, resp);
	if (!cs)
		return;
	json_t *all = demo_case_comments(cs);
	size_t n = 0, *idx = xcalloc(json_array_size(all) + 1, sizeof(*idx));
	for (size_t i = 0; i < json_array_size(all); i++)
		if (strcmp(demo_jstr(json_array_get(all, i), "type"), "user") == 0)
			idx[n++] = i;
	struct comment_sort s = {all, order == 1};
	demo_sort_idx(idx, n, comment_cmp, &s);
	json_t *out = json_object(), *arr = json_array();
	for (size_t i = (size_t)((page - 1) * per); i < n && i < (size_t)(page * per); i++)
		json_array_append_new(arr, json_deep_copy(json_array_get(all, idx[i])));
	free(idx);
	json_object_set_new(out, "comments", arr);
	json_object_set_new(out, "page", json_integer(page));
	json_object_set_new(out, "per_page", json_integer(per));
	json_object_set_new(out, "total", json_integer((json_int_t)n));
	demo_reply_json(resp, 200, out);
}

static void case_alerts(struct demo_req *req, struct demo_resp *resp)
{
	json_t *cs = case_or_404(req, resp);
	if (!cs)
		return;
	json_t *out = json_array();
	size_t i, j;
	json_t *cm, *id;
	json_array_foreach(demo_case_comments(cs), i, cm) {
		json_t *idx = json_object_get(cm, "index");
		json_array_foreach(json_object_get(cm, "alertId"), j, id) {
			json_t *ix = json_array_get(idx, j);
			json_array_append_new(out, json_pack("{s:O, s:o, s:O}", "id", id, "index",
							     ix ? json_incref(ix) : json_string(DEMO_ALERTS_INDEX),
							     "attached_at", json_object_get(cm, "created_at")));
		}
	}
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_case_routes[] = {
	{"GET", "/api/cases/_find", cases_find, 0},
	{"GET", "/api/cases/{}", case_get, 0},
	{"POST", "/api/cases", case_create, DEMO_R_JSON_BODY},
	{"DELETE", "/api/cases", case_delete, 0},
	{"GET", "/api/cases/{}/comments/_find", comments_find, 0},
	{"GET", "/api/cases/{}/comments", comments_get, 0},
	{"POST", "/api/cases/{}/comments", comment_add, DEMO_R_JSON_BODY},
	{"GET", "/api/cases/{}/alerts", case_alerts, 0},
	{NULL, NULL, NULL, 0},
};
