#include "config.h"
#include "demo/demo_endpoint.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo_actions.h"
#include "demo/demo_agent.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_names.h"
#include "demo/demo_util.h"
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* host_status words, by enum demo_host_status. */
static const char *const host_status_names[] = {"healthy", "offline", "updating", "inactive", "unenrolled", "unhealthy",
						NULL};
/*
 * What hostStatuses takes: the literals of list_metadata.ts (arrayOf(oneOf(...))); "unenrolled" is
 * not among them, and Kibana refuses it.
 */
static const char *const status_filters[] = {"healthy", "offline", "updating", "unhealthy", "inactive", NULL};

const char *demo_host_status_name(int status)
{
	return host_status_names[status];
}

/* Operating system releases hosts run. */
static const struct os_release {
	unsigned os;
	const char *name, *full, *version, *platform, *family, *kernel, *arch;
} releases[] = {
	{DEMO_OS_WINDOWS, "Windows", "Windows Server 2022 Datacenter 21H2 (10.0.20348.2340)", "21H2", "windows",
	 "windows", "21H2 (10.0.20348.2340)", "x86_64"},
	{DEMO_OS_WINDOWS, "Windows", "Windows 11 Pro 23H2 (10.0.22631.3447)", "23H2", "windows", "windows",
	 "23H2 (10.0.22631.3447)", "x86_64"},
	{DEMO_OS_LINUX, "Linux", "Ubuntu 22.04.4", "22.04.4", "ubuntu", "debian", "5.15.0-105-generic", "x86_64"},
	{DEMO_OS_LINUX, "Linux", "Red Hat Enterprise Linux 9.3", "9.3", "rhel", "redhat", "5.14.0-362.24.1.el9_3.x86_64",
	 "x86_64"},
	{DEMO_OS_MACOS, "macOS", "macOS 14.4.1", "14.4.1", "darwin", "darwin", "23.4.0", "arm64"},
};

static const char *const agent_versions[] = {"8.15.3", "8.14.2", "8.16.1"};
static const char *const policies[] = {"Protect - Servers", "Protect - Workstations", "Detect only (pilot)"};

static char *entity_id(struct demo_rng *r)
{
	unsigned char raw[36];
	for (size_t i = 0; i < sizeof(raw); i += 4) {
		uint32_t v = (uint32_t)demo_rng_next(r);
		memcpy(raw + i, &v, 4);
	}
	return demo_base64(raw, sizeof(raw));
}

static void gen_procs(struct demo_data *d, struct demo_rng *r, struct demo_host *h)
{
	h->procs = xcalloc(demo_n_procs, sizeof(*h->procs));
	for (size_t i = 0; i < demo_n_procs; i++) {
		const struct demo_proc_def *p = &demo_procs[i];
		if (!(p->os & h->os))
			continue;
		struct demo_proc *q = &h->procs[h->nprocs++];
		q->name = demo_data_text(d, r, p->name);
		q->exe = demo_data_text(d, r, p->exe);
		char *cmd = strchr(p->exe, ' ') ? xasprintf("\"%s\" %s", p->exe, p->args) : xasprintf("%s %s", p->exe, p->args);
		size_t n = strlen(cmd);
		if (n && cmd[n - 1] == ' ')
			cmd[n - 1] = '\0';
		q->cmdline = demo_data_text(d, r, cmd);
		free(cmd);
		q->parent = demo_data_text(d, r, p->parent);
		q->user = xstrdup(p->user);
		q->entity_id = entity_id(r);
		/* Unique pids: spread by slot so two processes never share one. */
		q->pid = (uint32_t)(300 + i * 2000 + demo_rng_below(r, 1900));
	}
}

void demo_hosts_generate(struct demo_data *d, unsigned n_endpoints)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_HOSTS);
	if (n_endpoints > 60000)
		n_endpoints = 60000;
	d->nendpoints = n_endpoints;
	d->nhosts = n_endpoints + (n_endpoints < 6 ? 8 - n_endpoints : 2);
	d->hosts = xcalloc(d->nhosts, sizeof(*d->hosts));
	for (size_t i = 0; i < d->nhosts; i++) {
		struct demo_host *h = &d->hosts[i];
		uint32_t roll = demo_rng_below(&r, 100);
		const struct os_release *rel = &releases[roll < 30 ? 0 : roll < 55 ? 1 : roll < 75 ? 2 : roll < 90 ? 3 : 4];
		h->os = rel->os;
		h->os_name = rel->name;
		h->os_full = rel->full;
		h->os_version = rel->version;
		h->os_platform = rel->platform;
		h->os_family = rel->family;
		h->os_kernel = rel->kernel;
		h->arch = rel->arch;
		char name[64];
		if (h->os == DEMO_OS_WINDOWS) {
			const char *stem = demo_win_hosts[demo_rng_below(&r, (uint32_t)demo_n_win_hosts)];
			snprintf(name, sizeof(name), stem[strlen(stem) - 1] == '-' ? "%s%03zu" : "%s%02zu", stem, i + 1);
		} else if (h->os == DEMO_OS_LINUX) {
			snprintf(name, sizeof(name), "%s%02zu",
				 demo_linux_hosts[demo_rng_below(&r, (uint32_t)demo_n_linux_hosts)], i + 1);
		} else {
			snprintf(name, sizeof(name), "%s%02zu",
				 demo_mac_hosts[demo_rng_below(&r, (uint32_t)demo_n_mac_hosts)], i + 1);
		}
		h->hostname = demo_data_text(d, &r, name);
		char id[37];
		demo_uuid(&r, id);
		h->agent_id = xstrdup(id);
		demo_uuid(&r, id);
		h->host_id = xstrdup(id);
		h->ip4 = (10u << 24) | (uint32_t)(demo_rng_below(&r, 4) + 1) << 16 | (uint32_t)(i / 250 + 10) << 8 |
			 (uint32_t)(i % 250 + 2);
		h->ip = xasprintf("%u.%u.%u.%u", h->ip4 >> 24, (h->ip4 >> 16) & 255, (h->ip4 >> 8) & 255, h->ip4 & 255);
		uint64_t mac = demo_rng_next(&r);
		h->mac = xasprintf("00-50-56-%02x-%02x-%02x", (unsigned)(mac & 255), (unsigned)((mac >> 8) & 255),
				   (unsigned)((mac >> 16) & 255));
		h->agent_version = xstrdup(agent_versions[demo_rng_skewed(&r, 3)]);
		uint32_t pol = h->os == DEMO_OS_LINUX ? 0 : demo_rng_chance(&r, 85) ? 1 : 2;
		demo_uuid(&r, id);
		h->policy_id = xstrdup(id);
		h->policy_name = demo_data_text(d, &r, policies[pol]);
		h->endpoint = i < n_endpoints;
		roll = demo_rng_below(&r, 100);
		h->status = roll < 70 ? DEMO_HS_HEALTHY : roll < 82 ? DEMO_HS_OFFLINE : roll < 90 ? DEMO_HS_UPDATING
			  : roll < 95 ? DEMO_HS_INACTIVE : roll < 97 ? DEMO_HS_UNHEALTHY : DEMO_HS_UNENROLLED;
		if (i == 0)
			h->status = DEMO_HS_HEALTHY;
		h->isolated = h->status == DEMO_HS_HEALTHY && i > 0 && demo_rng_chance(&r, 10);
		h->isolation_wanted = h->isolated;
		roll = demo_rng_below(&r, 100);
		h->policy_status = roll < 80 ? 0 : roll < 95 ? 1 : 2;
		int64_t ago = h->status == DEMO_HS_HEALTHY || h->status == DEMO_HS_UPDATING
				      ? demo_rng_range(&r, 5000, 120000)
				      : demo_rng_range(&r, 86400000LL, 12 * 86400000LL);
		h->last_checkin_ms = d->now_ms - ago;
		h->enrolled_ms = d->now_ms - demo_rng_range(&r, 30, 400) * 86400000LL;
		gen_procs(d, &r, h);
		demo_agent_files_generate(h);
	}
}

void demo_hosts_free(struct demo_data *d)
{
	for (size_t i = 0; i < d->nhosts; i++) {
		struct demo_host *h = &d->hosts[i];
		for (size_t j = 0; j < h->nprocs; j++) {
			struct demo_proc *p = &h->procs[j];
			free(p->name);
			free(p->exe);
			free(p->cmdline);
			free(p->parent);
			free(p->user);
			free(p->entity_id);
		}
		free(h->procs);
		demo_agent_files_free(h);
		free(h->hostname);
		free(h->agent_id);
		free(h->host_id);
		free(h->ip);
		free(h->mac);
		free(h->agent_version);
		free(h->policy_id);
		free(h->policy_name);
	}
	free(d->hosts);
}

/* What the agent can do (metadata.Endpoint.capabilities): agents before 8.15 have no scan. */
static json_t *host_capabilities(const struct demo_host *h)
{
	static const char *const caps[] = {"isolation", "kill_process", "suspend_process", "running_processes", "get_file",
					   "execute", "upload_file", "scan", NULL};
	json_t *a = json_array();
	for (size_t i = 0; caps[i]; i++)
		if (strcmp(caps[i], "scan") != 0 || strverscmp(h->agent_version, "8.15") >= 0)
			json_array_append_new(a, json_string(caps[i]));
	return a;
}

json_t *demo_host_info(const struct demo_data *d, const struct demo_host *h)
{
	static const char *const pstatus[] = {"success", "warning", "failure"};
	char ts[DEMO_ISO_LEN];
	demo_iso(h->last_checkin_ms, ts);
	json_t *os = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s}}", "name", h->os_name, "full", h->os_full,
			       "version", h->os_version, "platform", h->os_platform, "family", h->os_family,
			       "kernel", h->os_kernel, "Ext", "variant", h->os_full);
	json_t *host = json_pack("{s:s, s:s, s:s, s:s, s:[s], s:[s], s:o}", "id", h->host_id, "hostname", h->hostname,
				 "name", h->hostname, "architecture", h->arch, "ip", h->ip, "mac", h->mac, "os", os);
	char *build = xasprintf("version: %s, compiled: Mon Apr 15 10:00:00 2024, branch: %.4s, commit: "
				"3f0c1a9e5b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e",
				h->agent_version, h->agent_version);
	json_t *endpoint = json_pack(
		"{s:s, s:{s:{s:s, s:s, s:s, s:s, s:s}}, s:{s:b}, s:{s:b}, s:o}", "status",
		h->status == DEMO_HS_UNENROLLED ? "unenrolled" : "enrolled", "policy", "applied", "id", h->policy_id,
		"status", pstatus[h->policy_status], "name", h->policy_name, "endpoint_policy_version", "3", "version",
		"7", "configuration", "isolation", h->isolation_wanted, "state", "isolation", h->isolated, "capabilities",
		host_capabilities(h));
	json_t *meta = json_pack(
		"{s:s, s:{s:s, s:s, s:s, s:[s], s:[s], s:s, s:s, s:s, s:s}, s:{s:s, s:s, s:s}, s:{s:{s:s}}, s:o,"
		" s:{s:s, s:s, s:s, s:{s:s}}, s:o, s:{s:s}}",
		"@timestamp", ts, "event", "created", ts, "id", h->host_id, "kind", "metric", "category", "host", "type",
		"info", "module", "endpoint", "action", "endpoint_metadata", "dataset", "endpoint.metadata",
		"agent_id_status", "verified", "data_stream", "type", "metrics", "dataset", "endpoint.metadata",
		"namespace", "default", "elastic", "agent", "id", h->agent_id, "Endpoint", endpoint, "agent", "id",
		h->agent_id, "type", "endpoint", "version", h->agent_version, "build", "original", build, "host", host,
		"ecs", "version", "8.11.0");
	free(build);
	json_t *info = json_object();
	json_object_set_new(info, "metadata", meta);
	json_object_set_new(info, "host_status", json_string(host_status_names[h->status]));
	json_object_set_new(info, "last_checkin", json_string(ts));
	json_object_set_new(info, "policy_info",
			    json_pack("{s:{s:{s:s, s:i}, s:{s:s, s:i}}, s:{s:s, s:i}}", "agent", "applied", "id",
				      h->policy_id, "revision", 5, "configured", "id", h->policy_id, "revision", 5,
				      "endpoint", "id", h->policy_id, "revision", 3));
	(void)d;
	return info;
}

/* Sort fields of the metadata list, in the spec's order. */
static const char *const sort_fields[] = {
	"enrolled_at", "metadata.host.hostname", "host_status", "metadata.Endpoint.policy.applied.name",
	"metadata.Endpoint.policy.applied.status", "metadata.host.os.name", "metadata.host.ip",
	"metadata.agent.version", "last_checkin", NULL,
};
static const char *const directions[] = {"asc", "desc", NULL};

struct host_sort {
	const struct demo_data *d;
	int field;
	bool desc;
};

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int host_cmp(size_t a, size_t b, void *ctx)
{
	const struct host_sort *s = ctx;
	const struct demo_host *x = &s->d->hosts[a], *y = &s->d->hosts[b];
	int c;
	switch (s->field) {
	case 1: c = strcmp(x->hostname, y->hostname); break;
	case 2: c = strcmp(host_status_names[x->status], host_status_names[y->status]); break;
	case 3: c = strcmp(x->policy_name, y->policy_name); break;
	case 4: c = x->policy_status - y->policy_status; break;
	case 5: c = strcmp(x->os_name, y->os_name); break;
	case 6: c = cmp_i64(x->ip4, y->ip4); break;
	case 7: c = strcmp(x->agent_version, y->agent_version); break;
	case 8: c = cmp_i64(x->last_checkin_ms, y->last_checkin_ms); break;
	default: c = cmp_i64(x->enrolled_ms, y->enrolled_ms); break;
	}
	return s->desc ? -c : c;
}

/* The value a kuery field names, or NULL when the field is unknown. */
static const char *kuery_value(const struct demo_host *h, const char *field)
{
	static const char *const names[] = {"host.hostname", "host.name", "host.os.name", "host.os.platform",
					    "host.ip", "agent.id", "Endpoint.policy.applied.name", "host.id",
					    "agent.version", NULL};
	size_t fl = strlen(field);
	for (int i = 0; names[i]; i++) {
		size_t nl = strlen(names[i]);
		if (fl < nl || strcmp(field + fl - nl, names[i]) != 0 || (fl > nl && field[fl - nl - 1] != '.'))
			continue;
		switch (i) {
		case 0:
		case 1: return h->hostname;
		case 2: return h->os_name;
		case 3: return h->os_platform;
		case 4: return h->ip;
		case 5: return h->agent_id;
		case 6: return h->policy_name;
		case 7: return h->host_id;
		default: return h->agent_version;
		}
	}
	return NULL;
}

/* A KQL-ish filter: clauses "field : value" (value may hold * wildcards) or bare words, joined by "and". */
static bool kuery_match(const struct demo_host *h, const char *kuery, char **err)
{
	char *copy = xstrdup(kuery), *rest = copy, *clause;
	bool ok = true;
	while (ok && (clause = strsep(&rest, "&")) != NULL) {
		char *c = clause;
		while (*c == ' ')
			c++;
		size_t n = strlen(c);
		while (n && c[n - 1] == ' ')
			c[--n] = '\0';
		if (!*c)
			continue;
		char *colon = strchr(c, ':');
		if (!colon) {
			ok = demo_contains_ci(h->hostname, c);
			continue;
		}
		*colon = '\0';
		char *field = c, *value = colon + 1;
		for (n = strlen(field); n && field[n - 1] == ' '; field[--n] = '\0')
			;
		while (*value == ' ')
			value++;
		n = strlen(value);
		if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
			value[n - 1] = '\0';
			value++;
		}
		const char *have = kuery_value(h, field);
		if (!have) {
			*err = xasprintf("Invalid kuery: unknown field [%s]", field);
			ok = false;
			break;
		}
		ok = fnmatch(value, have, 0) == 0;
	}
	free(copy);
	return ok;
}

/* Replace " and " (any case) by '&' so clauses split on one byte. */
static char *kuery_prepare(const char *k)
{
	struct strbuf sb;
	strbuf_init(&sb);
	bool quoted = false;
	for (const char *p = k; *p;) {
		if (*p == '"')
			quoted = !quoted;
		/* Clauses are only and-ed here, so grouping parentheses change nothing: drop them. */
		if (!quoted && (*p == '(' || *p == ')')) {
			p++;
		} else if (!quoted && strncasecmp(p, " and ", 5) == 0) {
			strbuf_putc(&sb, '&');
			p += 5;
		} else {
			strbuf_putc(&sb, *p == '&' ? ' ' : *p);
			p++;
		}
	}
	return strbuf_detach(&sb, NULL);
}

static void metadata_list(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	struct demo_check c = {0};
	long long page = demo_check_qint(&c, req, "page", 0, 0, 1000000);
	long long size = demo_check_qint(&c, req, "pageSize", 10, 1, 10000);
	int sf = demo_check_qenum(&c, req, "sortField", sort_fields, 0);
	int dir = demo_check_qenum(&c, req, "sortDirection", directions, 1);
	const char *statuses[8];
	size_t nst = demo_check_qarray(&c, req, "hostStatuses", statuses, 8);
	bool want[6] = {nst == 0, nst == 0, nst == 0, nst == 0, nst == 0, nst == 0};
	for (size_t i = 0; i < nst && !c.err; i++) {
		int k;
		for (k = 0; status_filters[k] && strcmp(status_filters[k], statuses[i]) != 0; k++)
			;
		if (!status_filters[k]) {
			demo_check_fail(&c, "request query", "hostStatuses",
					"[%zu]: expected one of [healthy, offline, updating, unhealthy, inactive] but got [%s]", i,
					statuses[i]);
			continue;
		}
		for (int hs = 0; host_status_names[hs]; hs++)
			if (!strcmp(host_status_names[hs], statuses[i]))
				want[hs] = true;
	}
	/* An unenrolled host is listed only when no status is asked for. */
	want[DEMO_HS_UNENROLLED] = nst == 0;
	if (demo_check_reply(&c, resp))
		return;
	demo_actions_settle(d, req->now_ms);
	const char *kq = demo_query(req, "kuery");
	char *kuery = kq ? kuery_prepare(kq) : NULL;
	size_t *idx = xcalloc(d->nendpoints + 1, sizeof(*idx)), n = 0;
	char *err = NULL;
	for (size_t i = 0; i < d->nendpoints && !err; i++) {
		const struct demo_host *h = &d->hosts[i];
		if (want[h->status] && (!kuery || kuery_match(h, kuery, &err)))
			idx[n++] = i;
	}
	free(kuery);
	if (err) {
		demo_reply_error(resp, 400, "%s", err);
		free(err);
		free(idx);
		return;
	}
	struct host_sort s = {d, sf, dir == 1};
	demo_sort_idx(idx, n, host_cmp, &s);
	json_t *data = json_array();
	for (size_t i = (size_t)(page * size); i < n && i < (size_t)((page + 1) * size); i++)
		json_array_append_new(data, demo_host_info(d, &d->hosts[idx[i]]));
	free(idx);
	json_t *out = json_object();
	json_object_set_new(out, "data", data);
	json_object_set_new(out, "total", json_integer((json_int_t)n));
	json_object_set_new(out, "page", json_integer(page));
	json_object_set_new(out, "pageSize", json_integer(size));
	json_object_set_new(out, "sortField", json_string(sort_fields[sf]));
	json_object_set_new(out, "sortDirection", json_string(directions[dir]));
	demo_reply_json(resp, 200, out);
}

/* getMetadataRequestHandler: one HostInfo, bare (no data wrapper); an unknown id is 404. */
static void metadata_get(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	demo_actions_settle(d, req->now_ms);
	const struct demo_host *h = demo_data_host_by_agent(d, req->params[0]);
	if (!h || !h->endpoint) {
		demo_reply_error(resp, 404, "Endpoint host [%s] not found", req->params[0]);
		return;
	}
	demo_reply_json(resp, 200, demo_host_info(d, h));
}

const struct demo_route demo_endpoint_routes[] = {
	{"GET", "/api/endpoint/metadata", metadata_list, DEMO_R_WRITES},
	{"GET", "/api/endpoint/metadata/{}", metadata_get, DEMO_R_WRITES},
	{NULL, NULL, NULL, 0},
};
