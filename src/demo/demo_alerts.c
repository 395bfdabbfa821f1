#include "config.h"
#include "demo/demo_alerts.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_names.h"
#include "demo/demo_rng.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const demo_workflow_names[] = {"open", "acknowledged", "closed", NULL};

static const struct {
	const char *name;
	enum demo_ftype type;
} afields[DEMO_AF_COUNT] = {
	[DEMO_AF_TIMESTAMP] = {"@timestamp", DEMO_FT_DATE},
	[DEMO_AF_UUID] = {"kibana.alert.uuid", DEMO_FT_KEYWORD},
	[DEMO_AF_RULE_NAME] = {"kibana.alert.rule.name", DEMO_FT_KEYWORD},
	[DEMO_AF_RULE_UUID] = {"kibana.alert.rule.uuid", DEMO_FT_KEYWORD},
	[DEMO_AF_SEVERITY] = {"kibana.alert.severity", DEMO_FT_KEYWORD},
	[DEMO_AF_RISK] = {"kibana.alert.risk_score", DEMO_FT_NUMBER},
	[DEMO_AF_WORKFLOW] = {"kibana.alert.workflow_status", DEMO_FT_KEYWORD},
	[DEMO_AF_REASON] = {"kibana.alert.reason", DEMO_FT_KEYWORD},
	[DEMO_AF_STATUS] = {"kibana.alert.status", DEMO_FT_KEYWORD},
	[DEMO_AF_HOST_NAME] = {"host.name", DEMO_FT_KEYWORD},
	[DEMO_AF_HOST_OS] = {"host.os.name", DEMO_FT_KEYWORD},
	[DEMO_AF_HOST_IP] = {"host.ip", DEMO_FT_KEYWORD},
	[DEMO_AF_USER] = {"user.name", DEMO_FT_KEYWORD},
	[DEMO_AF_PROC_NAME] = {"process.name", DEMO_FT_KEYWORD},
	[DEMO_AF_PID] = {"process.pid", DEMO_FT_NUMBER},
	[DEMO_AF_ENTITY_ID] = {"process.entity_id", DEMO_FT_KEYWORD},
	[DEMO_AF_EXECUTABLE] = {"process.executable", DEMO_FT_KEYWORD},
	[DEMO_AF_CMDLINE] = {"process.command_line", DEMO_FT_KEYWORD},
	[DEMO_AF_PARENT] = {"process.parent.name", DEMO_FT_KEYWORD},
	[DEMO_AF_SRC_IP] = {"source.ip", DEMO_FT_KEYWORD},
	[DEMO_AF_DST_IP] = {"destination.ip", DEMO_FT_KEYWORD},
	[DEMO_AF_DST_PORT] = {"destination.port", DEMO_FT_NUMBER},
	[DEMO_AF_FILE_PATH] = {"file.path", DEMO_FT_KEYWORD},
	[DEMO_AF_FILE_HASH] = {"file.hash.sha256", DEMO_FT_KEYWORD},
	[DEMO_AF_AGENT_ID] = {"agent.id", DEMO_FT_KEYWORD},
	[DEMO_AF_EVENT_ACTION] = {"event.action", DEMO_FT_KEYWORD},
	[DEMO_AF_EVENT_CATEGORY] = {"event.category", DEMO_FT_KEYWORD},
};

int demo_afield_lookup(const char *name)
{
	if (strcmp(name, "_id") == 0)
		return DEMO_AF_UUID;
	if (strcmp(name, "signal.status") == 0)
		return DEMO_AF_WORKFLOW;
	for (int i = 0; i < DEMO_AF_COUNT; i++)
		if (strcmp(afields[i].name, name) == 0)
			return i;
	return -1;
}

const char *demo_afield_name(int f)
{
	return afields[f].name;
}

enum demo_ftype demo_afield_type(int f)
{
	return afields[f].type;
}

int demo_workflow_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "in-progress") == 0)
		return 1;
	for (int i = 0; demo_workflow_names[i]; i++)
		if (strcmp(s, demo_workflow_names[i]) == 0)
			return i;
	return -1;
}

static const uint16_t ports[] = {443, 80, 4444, 8080, 53, 8443, 1337, 445};

static uint32_t external_ip(struct demo_rng *r)
{
	static const uint32_t nets[] = {0xCB007100u, 0xC6336400u, 0xC0000200u}; /* TEST-NET-3, -2, -1 */
	return nets[demo_rng_below(r, 3)] | (uint32_t)(demo_rng_below(r, 250) + 2);
}

static int uuid_cmp(const uint64_t *x, const uint64_t *y)
{
	for (int w = 0; w < 4; w++)
		if (x[w] != y[w])
			return x[w] < y[w] ? -1 : 1;
	return 0;
}

static int alert_uuid_cmp(size_t a, size_t b, void *ctx)
{
	const struct demo_data *d = ctx;
	return uuid_cmp(d->alerts[a].uuid, d->alerts[b].uuid);
}

/* Rules and files per OS, so every alert makes sense for its host. */
struct alert_tables {
	uint8_t rules[3][64], files[3][64];
	size_t nrules[3], nfiles[3];
};

static void alert_tables(struct alert_tables *t)
{
	memset(t, 0, sizeof(*t));
	for (int o = 0; o < 3; o++) {
		for (size_t i = 0; i < demo_n_rules; i++)
			if (demo_rules[i].os & (1u << o))
				t->rules[o][t->nrules[o]++] = (uint8_t)i;
		for (size_t i = 0; i < demo_n_files; i++)
			if (demo_files[i].os & (1u << o))
				t->files[o][t->nfiles[o]++] = (uint8_t)i;
	}
}

/* The rank-th riskiest rule of an OS (cycling). */
static uint8_t alert_rule_by_risk(const struct alert_tables *t, int o, uint64_t rank)
{
	uint8_t sorted[64];
	size_t n = t->nrules[o];
	memcpy(sorted, t->rules[o], n);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && demo_rules[sorted[j]].risk > demo_rules[sorted[j - 1]].risk; j--) {
			uint8_t x = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = x;
		}
	return sorted[rank % n];
}

/* One alert from r: its host, rule (by risk rank when rank >= 0, else drawn), process, addresses, time and status. */
static void alert_fill(struct demo_data *d, struct demo_rng *r, const struct alert_tables *t, struct demo_alert *a,
		       int64_t rank)
{
	const int64_t window = 30 * 86400000LL;
	for (int w = 0; w < 4; w++)
		a->uuid[w] = demo_rng_next(r);
	a->host = (uint16_t)demo_rng_skewed(r, (uint32_t)d->nhosts);
	const struct demo_host *h = &d->hosts[a->host];
	int o = h->os == DEMO_OS_WINDOWS ? 0 : h->os == DEMO_OS_LINUX ? 1 : 2;
	if (rank >= 0)
		a->rule = alert_rule_by_risk(t, o, (uint64_t)rank);
	else
		a->rule = t->rules[o][demo_rng_skewed(r, (uint32_t)t->nrules[o])];
	const struct demo_rule_def *rd = &demo_rules[a->rule];
	a->proc = (uint16_t)demo_rng_below(r, (uint32_t)h->nprocs);
	for (size_t p = 0; rd->proc && p < h->nprocs; p++)
		if (strstr(h->procs[p].name, rd->proc))
			a->proc = (uint16_t)p;
	a->pid = h->procs[a->proc].pid;
	a->file = t->files[o][demo_rng_below(r, (uint32_t)t->nfiles[o])];
	a->account = (uint8_t)demo_rng_below(r, (uint32_t)demo_n_accounts);
	for (size_t k = 0; k < demo_n_accounts; k++)
		if (strcmp(demo_accounts[k], h->procs[a->proc].user) == 0)
			a->account = (uint8_t)k;
	if (strcmp(rd->category, "authentication") == 0) {
		a->src_ip = demo_rng_chance(r, 50) ? external_ip(r) : (10u << 24) | demo_rng_below(r, 65536);
		a->dst_ip = h->ip4;
		a->dst_port = h->os == DEMO_OS_WINDOWS ? 3389 : 22;
	} else {
		a->src_ip = h->ip4;
		a->dst_ip = external_ip(r);
		a->dst_port = ports[demo_rng_skewed(r, DEMO_N(ports))];
	}
	double u = (double)(demo_rng_next(r) >> 11) / 9007199254740992.0;
	a->ts_ms = d->now_ms - (int64_t)(u * u * (double)window) - 1000;
	uint32_t roll = demo_rng_below(r, 100);
	a->status = roll < 70 ? 0 : roll < 85 ? 1 : 2;
	a->risk = (uint8_t)rd->risk;
}

/* Sort the id index again after alerts were added. */
static void alerts_index(struct demo_data *d)
{
	size_t n = d->nalerts;
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	demo_sort_idx(idx, n, alert_uuid_cmp, d);
	for (size_t i = 0; i < n; i++)
		d->alert_order[i] = (uint32_t)idx[i];
	free(idx);
}

void demo_alerts_generate(struct demo_data *d, unsigned n)
{
	struct demo_rng r;
	demo_rng_seed(&r, d->seed, DEMO_STREAM_ALERTS);
	d->nalerts = n;
	d->alerts = xcalloc(n ? n : 1, sizeof(*d->alerts));
	d->alert_order = xcalloc(n ? n : 1, sizeof(*d->alert_order));
	struct alert_tables t;
	alert_tables(&t);
	for (unsigned i = 0; i < n; i++)
		alert_fill(d, &r, &t, &d->alerts[i], -1);
	alerts_index(d);
}

void demo_alerts_live(struct demo_data *d, int64_t now_ms)
{
	if (!d->live_alert_ms)
		return;
	/* The clock starts at the first look, so what a client loads first is the same every run. */
	if (!d->live_since_ms) {
		d->live_since_ms = now_ms;
		return;
	}
	if (now_ms < d->live_since_ms)
		return;
	uint64_t due = (uint64_t)(now_ms - d->live_since_ms) / d->live_alert_ms;
	if (due <= d->live_alerts)
		return;
	struct alert_tables t;
	alert_tables(&t);
	size_t add = (size_t)(due - d->live_alerts);
	d->alerts = xreallocarray(d->alerts, d->nalerts + add, sizeof(*d->alerts));
	d->alert_order = xreallocarray(d->alert_order, d->nalerts + add, sizeof(*d->alert_order));
	for (size_t k = 0; k < add; k++) {
		struct demo_alert *a = &d->alerts[d->nalerts++];
		memset(a, 0, sizeof(*a));
		d->live_alerts++;
		/* The most severe rules first, so a new alert worth a notification comes at once. */
		alert_fill(d, &d->rng, &t, a, (int64_t)d->live_alerts - 1);
		a->ts_ms = d->live_since_ms + (int64_t)(d->live_alerts * d->live_alert_ms);
		a->status = 0;
	}
	alerts_index(d);
}

void demo_alert_id(const struct demo_alert *a, char *buf)
{
	for (int w = 0; w < 4; w++)
		snprintf(buf + 16 * w, 17, "%016llx", (unsigned long long)a->uuid[w]);
}

long demo_alert_find(const struct demo_data *d, const char *id)
{
	uint64_t want[4] = {0};
	if (strlen(id) != 64)
		return -1;
	for (int i = 0; i < 64; i++) {
		char c = id[i];
		unsigned v = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			   : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
		if (v == 16)
			return -1;
		want[i / 16] = want[i / 16] << 4 | v;
	}
	size_t lo = 0, hi = d->nalerts;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = uuid_cmp(d->alerts[d->alert_order[mid]].uuid, want);
		if (c == 0)
			return (long)d->alert_order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool demo_alert_set_status(struct demo_data *d, const char *id, int status)
{
	long i = demo_alert_find(d, id);
	if (i < 0)
		return false;
	d->alerts[i].status = (uint8_t)status;
	return true;
}

static void ip_text(uint32_t ip, char *buf)
{
	snprintf(buf, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255);
}

/* The reason text Kibana writes for an alert, from its event category. */
static void reason(const struct demo_data *d, const struct demo_alert *a, char *buf)
{
	const struct demo_rule_def *rd = &demo_rules[a->rule];
	const struct demo_host *h = &d->hosts[a->host];
	const struct demo_proc *p = &h->procs[a->proc];
	const char *user = d->accounts[a->account], *rule = d->rule_names[a->rule];
	char src[16], dst[16];
	ip_text(a->src_ip, src);
	ip_text(a->dst_ip, dst);
	if (strcmp(rd->category, "network") == 0)
		snprintf(buf, DEMO_AFIELD_BUF,
			 "network event with process %s, source %s, destination %s:%u, by %s on %s created %s alert %s.",
			 p->name, src, dst, a->dst_port, user, h->hostname, rd->severity, rule);
	else if (strcmp(rd->category, "authentication") == 0)
		snprintf(buf, DEMO_AFIELD_BUF, "authentication event with source %s by %s on %s created %s alert %s.",
			 src, user, h->hostname, rd->severity, rule);
	else if (strcmp(rd->category, "process") == 0)
		snprintf(buf, DEMO_AFIELD_BUF,
			 "process event with process %s, parent process %s, by %s on %s created %s alert %s.", p->name,
			 p->parent, user, h->hostname, rd->severity, rule);
	else
		snprintf(buf, DEMO_AFIELD_BUF, "%s event with process %s, file %s, by %s on %s created %s alert %s.",
			 rd->category, p->name, d->files[a->file], user, h->hostname, rd->severity, rule);
}

const char *demo_alert_str(const struct demo_data *d, const struct demo_alert *a, int f, char *buf)
{
	const struct demo_host *h = &d->hosts[a->host];
	const struct demo_proc *p = &h->procs[a->proc];
	switch (f) {
	case DEMO_AF_TIMESTAMP: return demo_iso(a->ts_ms, buf);
	case DEMO_AF_UUID: demo_alert_id(a, buf); return buf;
	case DEMO_AF_RULE_NAME: return d->rule_names[a->rule];
	case DEMO_AF_RULE_UUID: return d->rule_uuids[a->rule];
	case DEMO_AF_SEVERITY: return demo_rules[a->rule].severity;
	case DEMO_AF_WORKFLOW: return demo_workflow_names[a->status];
	case DEMO_AF_REASON: reason(d, a, buf); return buf;
	case DEMO_AF_STATUS: return "active";
	case DEMO_AF_HOST_NAME: return h->hostname;
	case DEMO_AF_HOST_OS: return h->os_name;
	case DEMO_AF_HOST_IP: return h->ip;
	case DEMO_AF_USER: return d->accounts[a->account];
	case DEMO_AF_PROC_NAME: return p->name;
	case DEMO_AF_ENTITY_ID: return p->entity_id;
	case DEMO_AF_EXECUTABLE: return p->exe;
	case DEMO_AF_CMDLINE: return p->cmdline;
	case DEMO_AF_PARENT: return p->parent;
	case DEMO_AF_SRC_IP: ip_text(a->src_ip, buf); return buf;
	case DEMO_AF_DST_IP: ip_text(a->dst_ip, buf); return buf;
	case DEMO_AF_FILE_PATH: return d->files[a->file];
	case DEMO_AF_FILE_HASH: {
		uint64_t x = d->seed ^ (0xf11eULL << 32) ^ a->file;
		for (int w = 0; w < 4; w++) {
			x = demo_mix64(x);
			snprintf(buf + 16 * w, 17, "%016llx", (unsigned long long)x);
		}
		return buf;
	}
	case DEMO_AF_AGENT_ID: return h->agent_id;
	case DEMO_AF_EVENT_ACTION: return demo_rules[a->rule].action;
	case DEMO_AF_EVENT_CATEGORY: return demo_rules[a->rule].category;
	default: snprintf(buf, DEMO_AFIELD_BUF, "%lld", (long long)demo_alert_num(d, a, f)); return buf;
	}
}

int64_t demo_alert_num(const struct demo_data *d, const struct demo_alert *a, int f)
{
	(void)d;
	switch (f) {
	case DEMO_AF_TIMESTAMP: return a->ts_ms;
	case DEMO_AF_RISK: return a->risk;
	case DEMO_AF_PID: return a->pid;
	case DEMO_AF_DST_PORT: return a->dst_port;
	default: return 0;
	}
}

json_t *demo_alert_value(const struct demo_data *d, const struct demo_alert *a, int f)
{
	char buf[DEMO_AFIELD_BUF];
	if (afields[f].type == DEMO_FT_NUMBER)
		return json_integer(demo_alert_num(d, a, f));
	return json_string(demo_alert_str(d, a, f, buf));
}

json_t *demo_alert_source(const struct demo_data *d, const struct demo_alert *a)
{
	const struct demo_host *h = &d->hosts[a->host];
	const struct demo_proc *p = &h->procs[a->proc];
	const struct demo_rule_def *rd = &demo_rules[a->rule];
	char buf[DEMO_AFIELD_BUF], ts[DEMO_ISO_LEN], id[65], src[16], dst[16];
	demo_iso(a->ts_ms, ts);
	demo_alert_id(a, id);
	ip_text(a->src_ip, src);
	ip_text(a->dst_ip, dst);
	json_t *s = json_object();
	json_object_set_new(s, "@timestamp", json_string(ts));
	json_object_set_new(s, "kibana.alert.uuid", json_string(id));
	json_object_set_new(s, "kibana.alert.original_time", json_string(ts));
	json_object_set_new(s, "kibana.alert.rule.name", json_string(d->rule_names[a->rule]));
	json_object_set_new(s, "kibana.alert.rule.uuid", json_string(d->rule_uuids[a->rule]));
	json_object_set_new(s, "kibana.alert.rule.rule_type_id", json_string("siem.queryRule"));
	json_object_set_new(s, "kibana.alert.rule.category", json_string("Custom Query Rule"));
	json_object_set_new(s, "kibana.alert.rule.threat.tactic.name", json_string(rd->tactic));
	json_object_set_new(s, "kibana.alert.severity", json_string(rd->severity));
	json_object_set_new(s, "kibana.alert.risk_score", json_integer(a->risk));
	json_object_set_new(s, "kibana.alert.workflow_status", json_string(demo_workflow_names[a->status]));
	reason(d, a, buf);
	json_object_set_new(s, "kibana.alert.reason", json_string(buf));
	json_object_set_new(s, "kibana.alert.status", json_string("active"));
	json_object_set_new(s, "kibana.alert.depth", json_integer(1));
	json_object_set_new(s, "kibana.space_ids", json_pack("[s]", "default"));
	json_object_set_new(s, "host", json_pack("{s:s, s:s, s:s, s:[s], s:{s:s, s:s, s:s}}", "id", h->host_id,
						 "name", h->hostname, "hostname", h->hostname, "ip", h->ip, "os",
						 "name", h->os_name, "platform", h->os_platform, "version",
						 h->os_version));
	json_object_set_new(s, "user", json_pack("{s:s}", "name", d->accounts[a->account]));
	json_object_set_new(s, "process", json_pack("{s:s, s:I, s:s, s:s, s:s, s:{s:s}}", "name", p->name, "pid",
						    (json_int_t)p->pid, "entity_id", p->entity_id, "executable",
						    p->exe, "command_line", p->cmdline, "parent", "name", p->parent));
	json_object_set_new(s, "source", json_pack("{s:s}", "ip", src));
	json_object_set_new(s, "destination", json_pack("{s:s, s:i}", "ip", dst, "port", a->dst_port));
	json_object_set_new(s, "file", json_pack("{s:s, s:{s:s}}", "path", d->files[a->file], "hash",
						 "sha256", demo_alert_str(d, a, DEMO_AF_FILE_HASH, buf)));
	json_object_set_new(s, "agent", json_pack("{s:s, s:s, s:s}", "id", h->agent_id, "type", "endpoint",
						  "version", h->agent_version));
	json_object_set_new(s, "event", json_pack("{s:s, s:[s], s:s, s:s}", "action", rd->action, "category",
						  rd->category, "kind", "signal", "module", "endpoint"));
	return s;
}
