/* Fleet: fleet file delete, fleet assets, fleet server-hosts, fleet server-host create. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/opsutil.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/kjson.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const client_auth_modes[] = {"optional", "required", "none", NULL};

static void fleet_file_deleted(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *id = cmd_str(ctx, "fileId");
	cmd_audit(ctx, &id, 1, d, NULL);
	if (d->res.status != API_OK) {
		cmd_fail(ctx, CMD_EXIT_API, "deleting file %s failed: %s", id, d->res.message);
		return;
	}
	const struct fleet_file_deleted *f = d->res.model;
	if (!f->deleted) {
		cmd_fail(ctx, CMD_EXIT_API, "Kibana answered that file %s was not deleted", id);
		return;
	}
	char *msg = xasprintf("Deleted the agent's uploaded file %s.", f->id ? f->id : id);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void fleet_file_go(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, fleet_file_delete_request(cmd_str(ctx, "fileId")), fleet_file_deleted);
}

static void fleet_file_delete_run(struct cmd_ctx *ctx)
{
	/* No API reads a file by its id alone, so the id names it. */
	char *q = xasprintf("Delete the file %s that an agent uploaded? This cannot be undone.", cmd_str(ctx, "fileId"));
	cmd_confirm(ctx, q, NULL, fleet_file_go);
	free(q);
}

/* fleet assets: the refs asked for, split from the arguments. */
struct assets_run {
	struct fleet_asset_ref *refs;
	char **texts;                 /* the "type:id" copies refs point into */
	size_t n;
};

static void assets_run_free(void *p)
{
	struct assets_run *r = p;
	for (size_t i = 0; i < r->n; i++)
		free(r->texts[i]);
	free(r->texts);
	free(r->refs);
	free(r);
}

static bool assets_found(const struct fleet_asset_list *l, const struct fleet_asset_ref *ref)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].type && l->items[i].id && !strcmp(l->items[i].type, ref->type) &&
		    !strcmp(l->items[i].id, ref->id))
			return true;
	return false;
}

static void fleet_assets_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct assets_run *r = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct fleet_asset_list *l = d->res.model;
	static const char *const headers[] = {"TYPE", "ID", "TITLE", "UPDATED", "LINK", NULL};
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 2);
	time_t now = time(NULL);
	for (size_t i = 0; i < l->n; i++) {
		const struct fleet_asset *a = &l->items[i];
		char updated[32];
		timefmt_relative(a->updated_at, now, updated, sizeof(updated));
		char *unreadable = a->problem ? xasprintf("(unreadable asset: %s)", a->problem) : NULL;
		const char *row[] = {a->type, a->id, unreadable ? unreadable : a->title, updated, a->app_link};
		table_add_row(&t, row);
		free(unreadable);
	}
	struct strbuf title;
	strbuf_init(&title);
	strbuf_printf(&title, "%zu of %zu assets found", l->n, r->n);
	const char *sep = "; not found: ";
	for (size_t i = 0; i < r->n; i++) {
		if (assets_found(l, &r->refs[i]))
			continue;
		strbuf_printf(&title, "%s%s:%s", sep, r->refs[i].type, r->refs[i].id);
		sep = ", ";
	}
	struct cmd_output out = {
		.kind = CMD_OUT_TABLE, .message = title.buf, .table = &t, .json = d->res.json, .bad = l->bad};
	cmd_output(ctx, &out);
	strbuf_free(&title);
	table_free(&t);
	cmd_finish(ctx);
}

static void fleet_assets_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *v = cmd_values(ctx, "asset");
	struct assets_run *r = xcalloc(1, sizeof(*r));
	ctx->state = r;
	ctx->state_free = assets_run_free;
	r->refs = xcalloc(v->n + 1, sizeof(*r->refs));
	r->texts = xcalloc(v->n + 1, sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		r->texts[r->n] = xstrdup(v->vals[i]);
		char *bad = fleet_asset_ref_parse(r->texts[r->n], &r->refs[r->n]);
		r->n++;
		if (bad) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "%s", bad);
			free(bad);
			return;
		}
	}
	cmd_submit(ctx, fleet_bulk_assets_request(r->refs, r->n), fleet_assets_done);
}

static void fleet_hosts_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct fleet_host_list *l = d->res.model;
	static const char *const headers[] = {"ID", "NAME", "URLS", "DEFAULT", "PROXY", "PRECONFIGURED", NULL};
	struct table t;
	table_init(&t, headers);
	table_set_flex(&t, 2);
	for (size_t i = 0; i < l->n; i++) {
		const struct fleet_host *h = &l->items[i];
		char *urls = opsutil_join(h->urls, h->n_urls, " ");
		char *unreadable = h->problem ? xasprintf("(unreadable host: %s)", h->problem) : NULL;
		const char *row[] = {h->id, unreadable ? unreadable : h->name, urls, h->is_default ? "yes" : "no",
				     h->proxy_id ? h->proxy_id : "-", h->is_preconfigured ? "yes" : "no"};
		table_add_row(&t, row);
		free(unreadable);
		free(urls);
	}
	char *title = xasprintf("%zu of %lld Fleet Server hosts", l->n, l->total);
	json_t *usable = kjson_usable_rows(d->res.json, "items", "id");
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = usable, .bad = l->bad};
	cmd_output(ctx, &out);
	json_decref(usable);
	free(title);
	table_free(&t);
	cmd_finish(ctx);
}

static void fleet_hosts_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, fleet_hosts_list_request(), fleet_hosts_done);
}

/* fleet server-host create: the request, built and checked before the question. */
struct host_create {
	struct api_request *req;   /* owned until sent */
};

static void host_create_free(void *p)
{
	struct host_create *h = p;
	api_request_free(h->req);
	free(h);
}

static void host_created(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *name = cmd_str(ctx, "name");
	const struct fleet_host *h = d->res.status == API_OK ? d->res.model : NULL;
	cmd_audit(ctx, &name, 1, d, h ? h->id : NULL);
	if (!h) {
		cmd_fail(ctx, CMD_EXIT_API, "creating Fleet Server host \"%s\" failed: %s", name, d->res.message);
		return;
	}
	char *msg = xasprintf("Created Fleet Server host \"%s\" (id %s)%s.", h->name ? h->name : name, h->id,
			      h->is_default ? ", the default for new agent policies" : "");
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	cmd_finish(ctx);
}

static void host_create_go(struct cmd_ctx *ctx)
{
	struct host_create *h = ctx->state;
	struct api_request *req = h->req;
	h->req = NULL;
	cmd_submit(ctx, req, host_created);
}

/* Read the PEM files given to an ssl option into ssl[key] (a string, or an array); NULL, or what to fix. */
static char *host_pem(struct cmd_ctx *ctx, json_t *ssl, const char *option, const char *key, bool many)
{
	const struct cmd_value *v = cmd_values(ctx, option);
	for (size_t i = 0; i < v->n; i++) {
		char *err = NULL;
		size_t len;
		char *pem = opsutil_read_file(v->vals[i], 1u << 20, &len, &err);
		if (!pem) {
			char *m = xasprintf("--%s: %s", option, err);
			free(err);
			return m;
		}
		bool ok = strstr(pem, "-----BEGIN ") && strlen(pem) == len;
		if (ok && !many) {
			json_object_set_new(ssl, key, json_string(pem));
		} else if (ok) {
			if (!json_object_get(ssl, key))
				json_object_set_new(ssl, key, json_array());
			json_array_append_new(json_object_get(ssl, key), json_string(pem));
		}
		xfree_secret(pem);
		if (!ok)
			return xasprintf("--%s: %s is not a PEM file (no -----BEGIN line)", option, v->vals[i]);
	}
	return NULL;
}

/* The ssl object from the ssl options (NULL when none was given); *err says what to fix. */
static json_t *host_ssl(struct cmd_ctx *ctx, char **err)
{
	static const struct {
		const char *option, *key;
		bool many;
	} pems[] = {
		{"ssl-certificate", "certificate", false},
		{"ssl-key", "key", false},
		{"ssl-certificate-authority", "certificate_authorities", true},
		{"ssl-es-certificate", "es_certificate", false},
		{"ssl-es-key", "es_key", false},
		{"ssl-es-certificate-authority", "es_certificate_authorities", true},
	};
	json_t *ssl = json_object();
	*err = NULL;
	for (size_t i = 0; i < sizeof(pems) / sizeof(*pems) && !*err; i++)
		*err = host_pem(ctx, ssl, pems[i].option, pems[i].key, pems[i].many);
	const char *auth = cmd_str(ctx, "ssl-client-auth");
	if (auth)
		json_object_set_new(ssl, "client_auth", json_string(auth));
	if (*err || !json_object_size(ssl)) {
		json_decref(ssl);
		return NULL;
	}
	return ssl;
}

static void fleet_host_create_run(struct cmd_ctx *ctx)
{
	const struct cmd_value *urls = cmd_values(ctx, "url");
	for (size_t i = 0; i < urls->n; i++) {
		char *bad = fleet_hosts_check_url(urls->vals[i]);
		if (bad) {
			cmd_fail(ctx, CMD_EXIT_USAGE, "--url: %s", bad);
			free(bad);
			return;
		}
		for (size_t k = 0; k < i; k++) {
			if (!strcmp(urls->vals[k], urls->vals[i])) {
				cmd_fail(ctx, CMD_EXIT_USAGE, "--url %s is given twice", urls->vals[i]);
				return;
			}
		}
	}
	char *err;
	json_t *ssl = host_ssl(ctx, &err);
	if (err) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "%s", err);
		free(err);
		return;
	}
	struct fleet_host_new n = {
		.name = cmd_str(ctx, "name"),
		.urls = (const char *const *)urls->vals,
		.n_urls = urls->n,
		.is_default = cmd_flag(ctx, "default"),
		.proxy_id = cmd_str(ctx, "proxy-id"),
		.id = cmd_str(ctx, "id"),
		.ssl = ssl,
	};
	struct host_create *h = xcalloc(1, sizeof(*h));
	h->req = fleet_hosts_create_request(&n);
	ctx->state = h;
	ctx->state_free = host_create_free;
	char *list = opsutil_join(urls->vals, urls->n, ", ");
	char *q = xasprintf("Create Fleet Server host \"%s\" at %s%s%s%s?", n.name, list,
			    n.is_default ? " as the default for new agent policies" : "", ssl ? " with TLS settings" : "",
			    n.proxy_id ? " through a proxy" : "");
	cmd_confirm(ctx, q, NULL, host_create_go);
	free(q);
	free(list);
}

static const struct cmd_arg fleet_file_args[] = {
	{"fileId", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL, NULL, CMD_ID_NONE, "the id of the file an agent uploaded"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg fleet_assets_args[] = {
	{"asset", CMD_ARG_STRING, CMD_REQUIRED | CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE,
	 "assets as type:id, e.g. dashboard:abc-123 (several allowed)"},
	{NULL, 0, 0, NULL, 0, NULL},
};

static const struct cmd_arg fleet_host_create_args[] = {
	{"name", CMD_ARG_STRING, CMD_REQUIRED, NULL, CMD_ID_NONE, "a name for the host"},
	{"url", CMD_ARG_STRING, CMD_REQUIRED | CMD_MULTI, NULL, CMD_ID_NONE,
	 "where agents reach Fleet Server, e.g. https://fleet.example.com:8220 (repeatable)"},
	{"default", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "make it the default for new agent policies"},
	{"proxy-id", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "id of a Fleet proxy to go through"},
	{"id", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "an id of your choosing (Kibana makes one otherwise)"},
	{"ssl-certificate", CMD_ARG_FILE, 0, NULL, CMD_ID_NONE, "PEM file: Fleet Server's certificate"},
	{"ssl-key", CMD_ARG_FILE, 0, NULL, CMD_ID_NONE, "PEM file: Fleet Server's private key (read, never echoed)"},
	{"ssl-certificate-authority", CMD_ARG_FILE, CMD_MULTI, NULL, CMD_ID_NONE,
	 "PEM file: a CA agents trust for Fleet Server (repeatable)"},
	{"ssl-es-certificate", CMD_ARG_FILE, 0, NULL, CMD_ID_NONE, "PEM file: certificate for Elasticsearch"},
	{"ssl-es-key", CMD_ARG_FILE, 0, NULL, CMD_ID_NONE, "PEM file: private key for Elasticsearch (read, never echoed)"},
	{"ssl-es-certificate-authority", CMD_ARG_FILE, CMD_MULTI, NULL, CMD_ID_NONE,
	 "PEM file: a CA for Elasticsearch (repeatable)"},
	{"ssl-client-auth", CMD_ARG_ENUM, 0, client_auth_modes, CMD_ID_NONE, "whether agents must show a client certificate"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_fleet_defs[] = {
	{"fleet file delete", fleet_file_args, CMD_MUTATES, "delete a file an agent uploaded (DELETE /api/fleet/agents/files/{fileId})",
	 NULL, NULL, fleet_file_delete_run},
	{"fleet assets", fleet_assets_args, 0, "look up saved objects by type and id (POST /api/fleet/epm/bulk_assets)", NULL,
	 NULL, fleet_assets_run},
	{"fleet server-hosts", NULL, 0, "list Fleet Server hosts (GET /api/fleet/fleet_server_hosts)", NULL, NULL,
	 fleet_hosts_run},
	{"fleet server-host create", fleet_host_create_args, CMD_MUTATES,
	 "add a Fleet Server host (POST /api/fleet/fleet_server_hosts)", NULL, NULL, fleet_host_create_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
