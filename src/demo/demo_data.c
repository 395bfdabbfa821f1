#include "config.h"
#include "demo/demo_data.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "demo/demo_actions.h"
#include "demo/demo_agent.h"
#include "demo/demo_ai.h"
#include "demo/demo_alerts.h"
#include "demo/demo_case.h"
#include "demo/demo_endpoint.h"
#include "demo/demo_faults.h"
#include "demo/demo_misc.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

char *demo_data_text(struct demo_data *d, struct demo_rng *r, const char *s)
{
	if (!d->hostile)
		return xstrdup(s);
	return demo_hostile_text(r, s);
}

json_t *demo_data_jtext(struct demo_data *d, struct demo_rng *r, const char *s)
{
	char *t = demo_data_text(d, r, s);
	json_t *j = json_string(t);
	free(t);
	return j;
}

char *demo_data_version(struct demo_data *d)
{
	uint64_t seq = d->seq++;
	return demo_so_version(seq, 1 + (unsigned)(seq % 3));
}

void demo_data_uuid(struct demo_data *d, char *buf)
{
	demo_uuid(&d->rng, buf);
}

json_t *demo_data_user(const struct demo_data *d, int i)
{
	const struct demo_profile *p = &d->people[i < 0 || (size_t)i >= d->npeople ? 0 : (size_t)i];
	json_t *o = json_object();
	demo_set_str(o, "email", p->email);
	demo_set_str(o, "full_name", p->full_name);
	demo_set_str(o, "username", p->username);
	demo_set_str(o, "profile_uid", p->uid);
	return o;
}

bool demo_data_kibana_at_least(const struct demo_data *d, unsigned major, unsigned minor)
{
	return d->kibana_major > major || (d->kibana_major == major && d->kibana_minor >= minor);
}

json_t *demo_data_connector(const struct demo_data *d, const char *id)
{
	size_t i;
	json_t *c;
	json_array_foreach(d->connectors, i, c) {
		if (strcmp(demo_jstr(c, "id"), id) == 0)
			return c;
	}
	return NULL;
}

struct demo_host *demo_data_host_by_agent(struct demo_data *d, const char *agent_id)
{
	for (size_t i = 0; i < d->nhosts; i++)
		if (strcmp(d->hosts[i].agent_id, agent_id) == 0)
			return &d->hosts[i];
	return NULL;
}

/* A Kibana user profile uid: "u_" + 43 base64url characters + "_0". */
static char *profile_uid(struct demo_rng *r)
{
	unsigned char raw[32];
	for (size_t i = 0; i < sizeof(raw); i += 8) {
		uint64_t v = demo_rng_next(r);
		memcpy(raw + i, &v, 8);
	}
	char *b = demo_base64(raw, sizeof(raw));
	for (char *p = b; *p; p++)
		*p = *p == '+' ? '-' : *p == '/' ? '_' : *p;
	b[43] = '\0';
	char *uid = xasprintf("u_%s_0", b);
	free(b);
	return uid;
}

static void gen_people(struct demo_data *d)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_PEOPLE);
	d->npeople = demo_n_people;
	d->people = xcalloc(d->npeople, sizeof(*d->people));
	for (size_t i = 0; i < d->npeople; i++) {
		const struct demo_person_def *p = &demo_people[i];
		d->people[i].uid = profile_uid(&r);
		d->people[i].username = xstrdup(p->username);
		d->people[i].full_name = p->full_name ? demo_data_text(d, &r, p->full_name) : NULL;
		d->people[i].email = xstrdup(p->email);
	}
	d->rule_names = xcalloc(demo_n_rules, sizeof(char *));
	d->rule_uuids = xcalloc(demo_n_rules, sizeof(char *));
	for (size_t i = 0; i < demo_n_rules; i++) {
		char id[37];
		demo_uuid(&r, id);
		d->rule_uuids[i] = xstrdup(id);
		d->rule_names[i] = demo_data_text(d, &r, demo_rules[i].name);
	}
	d->accounts = xcalloc(demo_n_accounts, sizeof(char *));
	for (size_t i = 0; i < demo_n_accounts; i++)
		d->accounts[i] = demo_data_text(d, &r, demo_accounts[i]);
	d->files = xcalloc(demo_n_files, sizeof(char *));
	for (size_t i = 0; i < demo_n_files; i++)
		d->files[i] = demo_data_text(d, &r, demo_files[i].path);
}

static json_t *connector_config(const struct demo_connector_def *c)
{
	const char *t = c->type;
	if (strcmp(t, ".jira") == 0)
		return json_pack("{s:s, s:s}", "apiUrl", c->api_url, "projectKey", c->project_key);
	if (strcmp(t, ".servicenow") == 0 || strcmp(t, ".servicenow-sir") == 0)
		return json_pack("{s:s, s:b, s:b, s:n, s:n, s:n}", "apiUrl", c->api_url, "usesTableApi", 0,
				 "isOAuth", 0, "clientId", "userIdentifierValue", "jwtKeyId");
	if (strcmp(t, ".resilient") == 0)
		return json_pack("{s:s, s:s}", "apiUrl", c->api_url, "orgId", "201");
	if (strcmp(t, ".swimlane") == 0)
		return json_pack("{s:s, s:s, s:s}", "apiUrl", c->api_url, "appId", "aBcD3fGh1jKl",
				 "connectorType", "all");
	if (strcmp(t, ".cases-webhook") == 0)
		return json_pack("{s:s, s:s, s:s, s:s, s:b}", "createIncidentUrl", c->api_url,
				 "createIncidentMethod", "post", "getIncidentUrl", "https://thehive.acme.example/api/case/{{{external.system.id}}}",
				 "viewIncidentUrl", "https://thehive.acme.example/cases/{{{external.system.title}}}",
				 "hasAuth", 1);
	if (strcmp(t, ".index") == 0)
		return json_pack("{s:s, s:b, s:n}", "index", "alerts-archive", "refresh", 0, "executionTimeField");
	if (strcmp(t, ".gen-ai") == 0)
		return json_pack("{s:s, s:s, s:s}", "apiProvider", "OpenAI", "apiUrl", c->api_url, "defaultModel",
				 c->project_key);
	if (strcmp(t, ".bedrock") == 0)
		return json_pack("{s:s, s:s}", "apiUrl", c->api_url, "defaultModel", c->project_key);
	if (strcmp(t, ".thehive") == 0)
		return json_pack("{s:s, s:n}", "url", c->api_url, "organisation");
	if (strcmp(t, ".webhook") == 0)
		return json_pack("{s:s, s:s, s:b, s:n}", "url", c->api_url, "method", "post", "hasAuth", 1, "headers");
	return json_object();
}

static void gen_connectors(struct demo_data *d)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_CONNECTORS);
	d->connectors = json_array();
	for (size_t i = 0; i < demo_n_connectors; i++) {
		const struct demo_connector_def *c = &demo_connectors[i];
		char id[37];
		demo_uuid(&r, id);
		json_t *o = json_object();
		if (c->preconfigured)
			json_object_set_new(o, "id", json_string("preconfigured-email-connector"));
		else
			json_object_set_new(o, "id", json_string(id));
		json_object_set_new(o, "name", demo_data_jtext(d, &r, c->name));
		json_object_set_new(o, "connector_type_id", json_string(c->type));
		json_object_set_new(o, "is_preconfigured", json_boolean(c->preconfigured));
		json_object_set_new(o, "is_deprecated", json_false());
		json_object_set_new(o, "is_system_action", json_false());
		json_object_set_new(o, "referenced_by_count", json_integer(demo_rng_below(&r, 6)));
		if (!c->preconfigured) {
			json_object_set_new(o, "is_missing_secrets", json_false());
			json_object_set_new(o, "config", connector_config(c));
		}
		if (strstr(c->name, "misconfigured"))
			json_object_set_new(o, "_push_error", json_string(demo_jira_push_error));
		json_array_append_new(d->connectors, o);
	}
}

struct demo_data *demo_data_new(const struct demo_options *o, int64_t now_ms)
{
	struct demo_data *d = xcalloc(1, sizeof(*d));
	d->seed = o->seed;
	d->action_delay_ms = o->action_delay_ms;
	d->live_alert_ms = o->live_alert_ms;
	d->reply_delay_ms = o->reply_delay_ms;
	d->kibana_major = o->kibana_major;
	d->kibana_minor = o->kibana_minor;
	d->hostile = demo_fault_match(o->faults, o->n_faults, DEMO_FAULT_HOSTILE, "/") != NULL;
	d->now_ms = now_ms;
	d->seq = 1000;
	demo_rng_seed(&d->rng, o->seed, DEMO_STREAM_RUNTIME);
	gen_people(d);
	gen_connectors(d);
	demo_hosts_generate(d, o->endpoints);
	demo_alerts_generate(d, o->alerts);
	demo_cases_generate(d, o->cases);
	demo_ai_generate(d, o->conversations);
	demo_actions_generate(d, o->actions);
	demo_misc_generate(d);
	return d;
}

void demo_data_free(struct demo_data *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->npeople; i++) {
		free(d->people[i].uid);
		free(d->people[i].username);
		free(d->people[i].full_name);
		free(d->people[i].email);
	}
	free(d->people);
	for (size_t i = 0; i < demo_n_rules; i++) {
		free(d->rule_names[i]);
		free(d->rule_uuids[i]);
	}
	free(d->rule_names);
	free(d->rule_uuids);
	for (size_t i = 0; i < demo_n_accounts; i++)
		free(d->accounts[i]);
	free(d->accounts);
	for (size_t i = 0; i < demo_n_files; i++)
		free(d->files[i]);
	free(d->files);
	demo_hosts_free(d);
	free(d->alerts);
	free(d->alert_order);
	json_decref(d->connectors);
	json_decref(d->cases);
	json_decref(d->conversations);
	json_decref(d->actions);
	demo_kept_free(d);
	json_decref(d->sessions);
	json_decref(d->misc);
	free(d);
}
