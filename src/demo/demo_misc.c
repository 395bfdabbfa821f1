#include "config.h"
#include "demo/demo_misc.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dashboard_titles[] = {
	"[Logs] Web Traffic", "SOC overview", "Endpoint alerts by host", "Authentication failures",
	"Network beaconing", "Ransomware readiness", "Detection rule health", "Executive summary",
};

static json_t *gen_fleet_hosts(struct demo_rng *r)
{
	char id[37];
	demo_uuid(r, id);
	json_t *a = json_array();
	json_array_append_new(a, json_pack("{s:s, s:s, s:[s], s:b, s:b, s:b, s:n}", "id", "fleet-default-fleet-server-host",
					   "name", "Default", "host_urls", "https://fleet.acme.example:8220", "is_default", 1,
					   "is_preconfigured", 1, "is_internal", 0, "proxy_id"));
	json_array_append_new(a, json_pack("{s:s, s:s, s:[s,s], s:b, s:b, s:b, s:s}", "id", id, "name", "DMZ fleet servers",
					   "host_urls", "https://fleet-dmz-1.acme.example:8220",
					   "https://fleet-dmz-2.acme.example:8220", "is_default", 0, "is_preconfigured", 0,
					   "is_internal", 0, "proxy_id", "corp-proxy"));
	return a;
}

/* Sessions of several users with every authentication provider type. */
static json_t *gen_sessions(void)
{
	static const struct {
		const char *user, *type, *name;
	} s[] = {
		{"elastic", "basic", "basic1"}, {"jdoe", "saml", "saml1"}, {"msmith", "saml", "saml1"},
		{"akhan", "saml", "cloud-saml-kibana"}, {"user@my-oidc-sso.com", "oidc", "oidc1"},
		{"lnguyen", "oidc", "oidc1"}, {"pkowalski@ACME.EXAMPLE", "kerberos", "kerberos1"},
		{"CN=soc-bot,OU=Automation,O=Acme", "pki", "pki1"}, {"svc_backup", "token", "token1"},
		{"jdoe", "basic", "basic1"},
		/* Besides the built-in providers, anonymous access and a custom provider type (invalidate.ts takes any
		 * provider.type string). */
		{"anonymous", "anonymous", "anonymous1"}, {"kiosk-03", "acme-sso", "acme"},
	};
	json_t *a = json_array();
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		json_array_append_new(a, json_pack("{s:s, s:{s:s, s:s}}", "username", s[i].user, "provider", "type",
						   s[i].type, "name", s[i].name));
	return a;
}

/* Items of the Elastic Defend endpoint exception list. */
static json_t *gen_exceptions(struct demo_data *d, struct demo_rng *r)
{
	static const struct {
		const char *name, *desc, *field, *value, *os;
	} e[] = {
		{"Backup agent", "Veeam agent reads many files at night", "process.executable",
		 "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe", "windows"},
		{"Build runners", "CI compiles and runs binaries from /tmp", "process.parent.name", "gitlab-runner", "linux"},
		{"Vulnerability scanner", "Nessus credentialed scans", "process.name", "nessusd", "linux"},
		{"Developer tools", "Xcode helpers trip the keychain rule", "process.code_signature.subject_name",
		 "Software Signing", "macos"},
		{"SCCM client", "Configuration Manager runs PowerShell", "process.parent.executable",
		 "C:\\Windows\\CCM\\CcmExec.exe", "windows"},
	};
	json_t *a = json_array();
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		char id[37], tie[37], item[48];
		demo_uuid(r, id);
		demo_uuid(r, tie);
		snprintf(item, sizeof(item), "endpoint-exception-%zu", i + 1);
		int64_t at = d->now_ms - demo_rng_range(r, 86400000LL, 200 * 86400000LL);
		json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:[{s:s, s:s, s:s, s:s}], s:s, s:s, s:[s], s:[s],"
				      " s:o, s:s, s:o, s:s, s:{}, s:[]}",
				      "id", id, "item_id", item, "list_id", "endpoint_list", "name",
				      demo_data_jtext(d, r, e[i].name), "description", e[i].desc, "namespace_type", "agnostic",
				      "type", "simple", "entries", "field", e[i].field, "operator", "excluded", "type", "match",
				      "value", e[i].value, "tie_breaker_id", tie, "_version", "WzEyLDFd", "os_types", e[i].os,
				      "tags", "policy:all", "created_at", demo_json_iso(at - 86400000LL), "created_by", "elastic",
				      "updated_at", demo_json_iso(at), "updated_by", "elastic", "meta", "comments");
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *gen_lists(struct demo_data *d, struct demo_rng *r)
{
	static const struct {
		const char *name, *desc, *type;
	} l[] = {
		{"Bad ips", "List of bad internet ips.", "ip"},
		{"Known C2 domains", "Domains seen in beaconing cases", "keyword"},
		{"Internal ranges", "RFC 1918 ranges we own", "ip_range"},
		{"Trusted hashes", "SHA-256 of signed internal tools", "keyword"},
		{"VIP users", "Accounts that get a higher severity", "keyword"},
	};
	json_t *a = json_array();
	for (size_t i = 0; i < sizeof(l) / sizeof(l[0]); i++) {
		char id[37], tie[37];
		demo_uuid(r, id);
		demo_uuid(r, tie);
		int64_t at = d->now_ms - demo_rng_range(r, 86400000LL, 90 * 86400000LL);
		json_t *o = json_pack("{s:s, s:o, s:s, s:s, s:i, s:s, s:b, s:o, s:o, s:s, s:o, s:s, s:s}", "id", id, "name",
				      demo_data_jtext(d, r, l[i].name), "description", l[i].desc, "type", l[i].type, "version",
				      1 + (int)demo_rng_below(r, 5), "_version", "WzIsMV0=", "immutable", 0, "@timestamp",
				      demo_json_iso(at), "created_at", demo_json_iso(at), "created_by", "elastic", "updated_at",
				      demo_json_iso(at + 3600000), "updated_by", "elastic", "tie_breaker_id", tie);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *gen_ids(struct demo_rng *r, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		char id[37];
		demo_uuid(r, id);
		json_array_append_new(a, json_string(id));
	}
	return a;
}

static json_t *gen_streams(void)
{
	return json_pack("{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s, s:{s:s, s:s, s:[s,s], s:[s,s,s], s:[], s:[{s:s, s:s}]}}}",
			 "logs", "type", "wired", "logs.nginx", "type", "wired", "logs.auth", "type", "wired", "web-tier",
			 "type", "group", "group", "owner", "platform-team", "tier", "1", "tags", "prod", "web", "members",
			 "logs.nginx", "logs.auth", "logs", "documentation_links", "runbook_links", "name", "Web tier runbook",
			 "url", "https://wiki.acme.example/runbooks/web-tier");
}

void demo_misc_generate(struct demo_data *d)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_MISC);
	json_t *dash = json_array();
	size_t ndash = sizeof(dashboard_titles) / sizeof(dashboard_titles[0]);
	for (size_t i = 0; i < ndash; i++) {
		char id[37];
		demo_uuid(&r, id);
		/* Saved object ids may be any text: the last one needs percent-encoding (reserved and non-ASCII). */
		json_array_append_new(dash, json_pack("{s:s, s:o}", "id", i + 1 < ndash ? id : "exec-summary/été #1?",
						      "title", demo_data_jtext(d, &r, dashboard_titles[i])));
	}
	d->sessions = gen_sessions();
	d->misc = json_object();
	json_object_set_new(d->misc, "dashboards", dash);
	json_object_set_new(d->misc, "agent_files", gen_ids(&r, 6));
	json_object_set_new(d->misc, "fleet_hosts", gen_fleet_hosts(&r));
	json_object_set_new(d->misc, "ml_pending", json_pack("{s:{s:{s:b}, s:{s:b}}, s:{s:{s:b}}, s:{s:{s:b}}}",
							      "anomaly-detector", "auth_high_count_logon_fails", "success", 1,
							      "suspicious_login_activity", "success", 1, "trained-model",
							      "elser_model_2", "success", 1, "datafeedsAdded",
							      "auth_high_count_logon_fails", "success", 1));
	json_object_set_new(d->misc, "exceptions", gen_exceptions(d, &r));
	json_object_set_new(d->misc, "lists", gen_lists(d, &r));
	json_object_set_new(d->misc, "notes", gen_ids(&r, 12));
	json_object_set_new(d->misc, "timelines", gen_ids(&r, 4));
	json_object_set_new(d->misc, "engines", json_object());
	json_object_set_new(d->misc, "streams", gen_streams());
}

static json_t *misc(struct demo_req *req, const char *key)
{
	return json_object_get(req->data->misc, key);
}

/* Remove the element of arr whose key (or itself, for strings) equals id; false when absent. */
static bool remove_by_id(json_t *arr, const char *key, const char *id)
{
	size_t i;
	json_t *e;
	json_array_foreach(arr, i, e) {
		const char *v = key ? demo_jstr(e, key) : json_string_value(e);
		if (v && strcmp(v, id) == 0) {
			json_array_remove(arr, i);
			return true;
		}
	}
	return false;
}

static void dashboard_delete(struct demo_req *req, struct demo_resp *resp)
{
	if (remove_by_id(misc(req, "dashboards"), "id", req->params[0]))
		demo_reply_empty(resp, 204);
	else
		demo_reply_error(resp, 404, "A dashboard with ID [%s] was not found.", req->params[0]);
}

static void agent_file_delete(struct demo_req *req, struct demo_resp *resp)
{
	if (!remove_by_id(misc(req, "agent_files"), NULL, req->params[0])) {
		demo_reply_error(resp, 404, "File [%s] not found", req->params[0]);
		return;
	}
	demo_reply_json(resp, 200, json_pack("{s:s, s:b}", "id", req->params[0], "deleted", 1));
}

static void bulk_assets(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	json_t *ids = demo_check_arr(&c, b, "request body", "assetIds", true, 0, 0);
	size_t i;
	json_t *e;
	json_array_foreach(ids, i, e) {
		char *w = xasprintf("request body.assetIds.%zu", i);
		demo_check_str(&c, e, w, "id", true, 0, false);
		demo_check_str(&c, e, w, "type", true, 0, false);
		free(w);
	}
	if (demo_check_reply(&c, resp))
		return;
	json_t *items = json_array();
	json_array_foreach(ids, i, e) {
		const char *id = demo_jstr(e, "id"), *type = demo_jstr(e, "type");
		size_t k;
		json_t *dsh;
		json_array_foreach(misc(req, "dashboards"), k, dsh) {
			if (strcmp(type, "dashboard") != 0 || strcmp(demo_jstr(dsh, "id"), id) != 0)
				continue;
			char *link = xasprintf("/app/dashboards#/view/%s", id);
			json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:o, s:{s:O, s:s}}", "id", id, "type", type,
							       "appLink", link, "updatedAt", demo_json_iso(req->data->now_ms - 86400000LL),
							       "attributes", "title", json_object_get(dsh, "title"), "description",
							       "Demo dashboard"));
			free(link);
		}
	}
	demo_reply_json(resp, 200, json_pack("{s:o}", "items", items));
}

static void fleet_hosts_get(struct demo_req *req, struct demo_resp *resp)
{
	json_t *hosts = misc(req, "fleet_hosts");
	demo_reply_json(resp, 200, json_pack("{s:O, s:i, s:I, s:I}", "items", hosts, "page", 1, "perPage",
					     (json_int_t)json_array_size(hosts), "total", (json_int_t)json_array_size(hosts)));
}

static void fleet_hosts_post(struct demo_req *req, struct demo_resp *resp)
{
	static const char *const keys[] = {"id", "name", "host_urls", "is_default", "is_internal", "is_preconfigured",
					   "proxy_id", "ssl", "secrets", NULL};
	struct demo_check c = {0};
	json_t *b = demo_check_body(&c, req);
	demo_check_keys(&c, b, "request body", keys);
	const char *id = demo_check_str(&c, b, "request body", "id", false, 0, true);
	demo_check_str(&c, b, "request body", "name", true, 0, true);
	json_t *urls = demo_check_strv(&c, b, "request body", "host_urls", true, 1, 10, true);
	size_t i;
	json_t *u;
	json_array_foreach(urls, i, u) {
		const char *s = json_string_value(u);
		if (!c.err && strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
			demo_check_fail(&c, "request body", "host_urls", "expected URI with scheme [http|https] but got [%s].", s);
	}
	int def = demo_check_bool(&c, b, "request body", "is_default", false);
	demo_check_bool(&c, b, "request body", "is_internal", false);
	demo_check_bool(&c, b, "request body", "is_preconfigured", false);
	if (!json_is_null(json_object_get(b, "proxy_id")))
		demo_check_str(&c, b, "request body", "proxy_id", false, 0, false);
	if (demo_check_reply(&c, resp))
		return;
	json_t *hosts = misc(req, "fleet_hosts");
	json_t *e;
	json_array_foreach(hosts, i, e) {
		if (id && strcmp(demo_jstr(e, "id"), id) == 0) {
			demo_reply_error(resp, 409, "Fleet server host with id %s already exists", id);
			return;
		}
	}
	char nid[37];
	demo_data_uuid(req->data, nid);
	json_t *item = demo_public(b);
	json_object_set_new(item, "id", json_string(id ? id : nid));
	if (!json_object_get(item, "is_default"))
		json_object_set_new(item, "is_default", json_false());
	if (!json_object_get(item, "is_preconfigured"))
		json_object_set_new(item, "is_preconfigured", json_false());
	if (def == 1)
		json_array_foreach(hosts, i, e) {
			json_object_set_new(e, "is_default", json_false());
		}
	json_array_append(hosts, item);
	demo_reply_json(resp, 200, json_pack("{s:o}", "item", item));
}

/* The first sync creates what is missing; later ones find nothing to do. Simulate changes nothing. */
static void ml_sync(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_check c = {0};
	bool simulate = demo_check_qbool(&c, req, "simulate", false);
	if (demo_check_reply(&c, resp))
		return;
	/* Every section nested by job type, then id; datafeed results are keyed by their job's id
	 * (x-pack/platform/plugins/shared/ml/server/saved_objects/sync.ts), in 8.19 and 9.2 alike. */
	json_t *pending = misc(req, "ml_pending");
	json_t *created = json_object(), *added = json_object();
	const char *k;
	json_t *v;
	json_object_foreach(pending, k, v) {
		if (strcmp(k, "datafeedsAdded") == 0) {
			if (json_object_size(v))
				json_object_set_new(added, "anomaly-detector", json_deep_copy(v));
		} else {
			json_object_set(created, k, v);
		}
	}
	json_t *out = json_pack("{s:o, s:{}, s:o, s:{}}", "datafeedsAdded", added, "datafeedsRemoved", "savedObjectsCreated",
				created, "savedObjectsDeleted");
	if (!simulate)
		json_object_clear(pending);
	demo_reply_json(resp, 200, out);
}

static void streams_resync(struct demo_req *req, struct demo_resp *resp)
{
	if (req->json && (!json_is_object(req->json) || json_object_size(req->json))) {
		demo_reply_error(resp, 400, "[request body]: expected an empty object");
		return;
	}
	demo_reply_json(resp, 200, json_pack("{s:b}", "acknowledged", 1));
}

static void stream_group(struct demo_req *req, struct demo_resp *resp)
{
	json_t *s = json_object_get(misc(req, "streams"), req->params[0]);
	if (!s) {
		demo_reply_error(resp, 404, "Cannot find stream %s", req->params[0]);
		return;
	}
	if (!json_object_get(s, "group")) {
		demo_reply_error(resp, 400, "Stream %s is not a group stream", req->params[0]);
		return;
	}
	demo_reply_json(resp, 200, json_pack("{s:O}", "group", json_object_get(s, "group")));
}

/*
 * Not a Kibana API: the ids of seeded objects that no listing route returns (dashboards,
 * agent files, value lists, notes), so tests and scripts can act on real ones.
 */
static void fixtures(struct demo_req *req, struct demo_resp *resp)
{
	json_t *out = json_object(), *ids = json_array();
	size_t i;
	json_t *e;
	json_array_foreach(misc(req, "dashboards"), i, e) {
		json_array_append(ids, json_object_get(e, "id"));
	}
	json_object_set_new(out, "dashboards", ids);
	json_object_set(out, "agent_files", misc(req, "agent_files"));
	ids = json_array();
	json_array_foreach(misc(req, "lists"), i, e) {
		json_array_append(ids, json_object_get(e, "id"));
	}
	json_object_set_new(out, "lists", ids);
	json_object_set(out, "notes", misc(req, "notes"));
	json_object_set(out, "timelines", misc(req, "timelines"));
	ids = json_array();
	for (i = 0; i < req->data->nendpoints; i++)
		json_array_append_new(ids, json_string(req->data->hosts[i].agent_id));
	json_object_set_new(out, "endpoints", ids);
	/* What the risk engine configuration holds: the settings this Kibana kept. */
	json_t *risk = misc(req, "risk_config");
	json_object_set_new(out, "risk_config", risk ? json_incref(risk) : json_object());
	demo_reply_json(resp, 200, out);
}

const struct demo_route demo_misc_routes[] = {
	{"GET", "/_demo/fixtures", fixtures, 0},
	{"DELETE", "/api/dashboards/dashboard/{}", dashboard_delete, 0},
	{"DELETE", "/api/fleet/agents/files/{}", agent_file_delete, 0},
	{"POST", "/api/fleet/epm/bulk_assets", bulk_assets, DEMO_R_JSON_BODY},
	{"GET", "/api/fleet/fleet_server_hosts", fleet_hosts_get, 0},
	{"POST", "/api/fleet/fleet_server_hosts", fleet_hosts_post, DEMO_R_JSON_BODY},
	{"GET", "/api/ml/saved_objects/sync", ml_sync, DEMO_R_WRITES},
	{"POST", "/api/streams/_resync", streams_resync, DEMO_R_JSON_BODY | DEMO_R_PLAIN_TYPE},
	{"GET", "/api/streams/{}/_group", stream_group, DEMO_R_JSON_BODY | DEMO_R_PLAIN_TYPE},
	{NULL, NULL, NULL, 0},
};
