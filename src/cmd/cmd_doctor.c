/* doctor: what a new user runs first against a deployment: the URL, TLS, the credentials, the Kibana version, the
 * space, and for every feature ktriage uses whether this API key may use it, with what to fix. */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/kibana_status.h"
#include "api/probes.h"
#include "core/profile.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* How a check came out; only DOCTOR_FAIL makes the command fail. */
enum doctor_verdict { DOCTOR_OK, DOCTOR_WARN, DOCTOR_FAIL };

static const char *const doctor_verdicts[] = {"ok", "warning", "failed"};

/* One line of the report. */
struct doctor_row {
	char *check;
	enum doctor_verdict verdict;
	char *result;   /* "ok (200)", "forbidden (403)"... */
	char *used_by;  /* may be NULL */
	char *fix;      /* what to do, or NULL */
	const struct api_probe *probe;  /* the feature's read, while it is on the way */
	uint64_t job;                   /* its job, which names the row its answer fills */
};

/* The report as it fills in; probes answer in any order, each into its own row. */
struct doctor {
	struct doctor_row *rows;
	size_t n;
	size_t space_row;
	unsigned waiting;
};

static void doctor_free(void *p)
{
	struct doctor *dr = p;
	for (size_t i = 0; i < dr->n; i++) {
		free(dr->rows[i].check);
		free(dr->rows[i].result);
		free(dr->rows[i].used_by);
		free(dr->rows[i].fix);
	}
	free(dr->rows);
	free(dr);
}

/* A new row; result and fix are taken (may be NULL), the other strings copied. */
static size_t doctor_add(struct doctor *dr, const char *check, enum doctor_verdict v, char *result, const char *used_by,
			 char *fix)
{
	dr->rows = xreallocarray(dr->rows, dr->n + 1, sizeof(*dr->rows));
	dr->rows[dr->n] = (struct doctor_row){xstrdup(check), v, result, xstrdup(used_by), fix, NULL, 0};
	return dr->n++;
}

/* Every check is in: the table (or the JSON), then fail if one failed. */
static void doctor_report(struct cmd_ctx *ctx)
{
	struct doctor *dr = ctx->state;
	static const char *const headers[] = {"CHECK", "RESULT", "USED BY", "TO FIX", NULL};
	struct table t;
	table_init(&t, headers);
	/* What to fix matters more than who uses it: on a narrow screen USED BY gives way first. */
	table_set_flex(&t, 2);
	json_t *checks = json_array();
	size_t failed = 0, warned = 0;
	for (size_t i = 0; i < dr->n; i++) {
		const struct doctor_row *r = &dr->rows[i];
		const char *row[] = {r->check, r->result, r->used_by, r->fix};
		table_add_row(&t, row);
		failed += r->verdict == DOCTOR_FAIL;
		warned += r->verdict == DOCTOR_WARN;
		json_t *o = json_pack("{s:s, s:s, s:s}", "check", r->check, "verdict", doctor_verdicts[r->verdict], "result",
				      r->result);
		if (r->used_by)
			json_object_set_new(o, "used_by", json_string(r->used_by));
		if (r->fix)
			json_object_set_new(o, "fix", json_string(r->fix));
		json_array_append_new(checks, o);
	}
	char *title = failed ? xasprintf("%zu of %zu checks failed, %zu with warnings", failed, dr->n, warned)
			     : xasprintf("every check passed (%zu with warnings)", warned);
	json_t *j = json_pack("{s:b, s:o}", "ok", !failed, "checks", checks);
	struct cmd_output out = {.kind = CMD_OUT_TABLE, .message = title, .table = &t, .json = j};
	cmd_output(ctx, &out);
	json_decref(j);
	table_free(&t);
	if (failed)
		cmd_fail(ctx, CMD_EXIT_API, "doctor: %s", title);
	else
		cmd_finish(ctx);
	free(title);
}

static void doctor_answered(struct cmd_ctx *ctx)
{
	struct doctor *dr = ctx->state;
	if (--dr->waiting == 0)
		doctor_report(ctx);
}

/* The verdict, result and fix of a feature's read. */
static void doctor_probe_row(struct doctor_row *row, const struct worker_done *d, const char *grant)
{
	long code = d->res.http_status;
	if (d->res.status == API_OK) {
		row->verdict = DOCTOR_OK;
		row->result = xasprintf("ok (%ld)", code);
	} else if (code == 403) {
		row->verdict = DOCTOR_FAIL;
		row->result = xstrdup("forbidden (403)");
		row->fix = xasprintf("give the key's role %s", grant);
	} else if (code == 404) {
		row->verdict = DOCTOR_WARN;
		row->result = xstrdup("not found (404)");
		row->fix = xstrdup("this Kibana has no such route: an older release, a disabled plugin, or a license "
				   "below the feature");
	} else if (code == 401) {
		row->verdict = DOCTOR_FAIL;
		row->result = xstrdup("unauthenticated (401)");
		row->fix = xstrdup("the credentials were refused: check the profile's api_key_file or KIBANA_API_KEY");
	} else {
		row->verdict = DOCTOR_FAIL;
		row->result = code ? xasprintf("HTTP %ld", code) : xstrdup("no answer");
		row->fix = xstrdup(d->res.message);
	}
}

static void doctor_probed(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct doctor *dr = ctx->state;
	for (size_t i = 0; i < dr->n; i++) {
		if (dr->rows[i].probe && dr->rows[i].job == d->id) {
			doctor_probe_row(&dr->rows[i], d, dr->rows[i].probe->grant);
			dr->rows[i].probe = NULL;
		}
	}
	doctor_answered(ctx);
}

/* The space row (reserved in its place when asked), filled from GET /api/spaces/space/{id}. */
static void doctor_space(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct doctor *dr = ctx->state;
	struct doctor_row *row = &dr->rows[dr->space_row];
	const char *space = ctx->host->profile->space && *ctx->host->profile->space ? ctx->host->profile->space : "default";
	if (d->res.status == API_OK) {
		json_t *name = json_object_get(d->res.json, "name");
		row->result = xasprintf("%s (%s)", space, json_is_string(name) ? json_string_value(name) : space);
	} else if (d->res.http_status == 404) {
		row->verdict = DOCTOR_FAIL;
		row->result = xasprintf("no space \"%s\"", space);
		row->fix = xstrdup("set the profile's space to one that exists (its id, as in /s/<id>/ in Kibana's URLs)");
	} else if (d->res.http_status == 403) {
		row->verdict = DOCTOR_FAIL;
		row->result = xasprintf("forbidden (403) for \"%s\"", space);
		row->fix = xasprintf("give the key's role access to the space \"%s\"", space);
	} else {
		row->verdict = DOCTOR_WARN;
		row->result = d->res.http_status ? xasprintf("HTTP %ld", d->res.http_status) : xstrdup("no answer");
		row->fix = xstrdup(d->res.message);
	}
	doctor_answered(ctx);
}

/* Who answered /api/status: the connection, TLS, the credentials and the version; then every feature's read. */
static void doctor_status(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct doctor *dr = ctx->state;
	const struct profile *p = ctx->host->profile;
	bool https = p->url && !strncmp(p->url, "https://", 8);
	if (d->res.status == API_ERR_TLS) {
		doctor_add(dr, "TLS", DOCTOR_FAIL, xstrdup("failed"), NULL, xstrdup(d->res.message));
		doctor_report(ctx);
		return;
	}
	if (d->res.http_status == 0) {
		doctor_add(dr, "Connection", DOCTOR_FAIL, xstrdup("no answer"), NULL,
			   xasprintf("%s: check the URL, the network and the proxy", d->res.message));
		doctor_report(ctx);
		return;
	}
	doctor_add(dr, "TLS", !https || p->insecure ? DOCTOR_WARN : DOCTOR_OK,
		   xstrdup(!https ? "none (plain http)" : p->insecure ? "not verified (--insecure)" : "verified"), NULL,
		   !https ? xstrdup("use https://: the key crosses the network in clear")
		   : p->insecure ? xstrdup("give the CA with --ca-cert instead of turning checks off") : NULL);
	const struct kibana_status *s = d->res.status == API_OK ? d->res.model : NULL;
	if (d->res.http_status == 401 || (s && s->redacted)) {
		doctor_add(dr, "Credentials", DOCTOR_FAIL, xstrdup(d->res.http_status == 401 ? "refused (401)" : "not taken"),
			   NULL,
			   xstrdup("Kibana did not take the API key as a user: check api_key_file (or KIBANA_API_KEY), "
				   "that the key is not expired, and that it belongs to this deployment"));
		doctor_report(ctx);
		return;
	}
	if (!s) {
		doctor_add(dr, "Kibana", DOCTOR_FAIL, xasprintf("HTTP %ld", d->res.http_status), NULL, xstrdup(d->res.message));
		doctor_report(ctx);
		return;
	}
	doctor_add(dr, "Credentials", DOCTOR_OK, xstrdup("accepted"), NULL, NULL);
	bool up = s->level && !strcmp(s->level, "available");
	doctor_add(dr, "Kibana", s->number && up ? DOCTOR_OK : DOCTOR_WARN,
		   xasprintf("%s %s, %s", s->number ? s->number : "(version not given)",
			     s->build_flavor ? s->build_flavor : "traditional", s->level ? s->level : "(level not given)"),
		   NULL, up ? NULL : xstrdup("Kibana says it is not fully available: some checks may fail for that"));
	dr->waiting = 1;
	dr->space_row = doctor_add(dr, "Space", DOCTOR_OK, NULL, NULL, NULL);
	cmd_submit(ctx, api_space_request(p->space), doctor_space);
	for (const struct api_probe *q = api_probes; q->feature; q++) {
		if (!q->path) {
			doctor_add(dr, q->feature, DOCTOR_WARN, xstrdup("not probed"), q->used_by, xstrdup(q->grant));
			continue;
		}
		size_t row = doctor_add(dr, q->feature, DOCTOR_OK, NULL, q->used_by, NULL);
		dr->waiting++;
		dr->rows[row].probe = q;
		dr->rows[row].job = cmd_submit(ctx, api_probe_request(q), doctor_probed);
	}
}

static void doctor_run(struct cmd_ctx *ctx)
{
	struct doctor *dr = xcalloc(1, sizeof(*dr));
	ctx->state = dr;
	ctx->state_free = doctor_free;
	const struct profile *p = ctx->host->profile;
	const char *url = p->url ? p->url : "";
	bool https = !strncmp(url, "https://", 8), http = !strncmp(url, "http://", 7);
	const char *host = url + (https ? 8 : http ? 7 : 0);
	if ((!https && !http) || !*host || *host == '/' || *host == ':') {
		doctor_add(dr, "URL", DOCTOR_FAIL, xstrdup(*url ? url : "(none)"), NULL,
			   xstrdup("give the profile an http:// or https:// URL with a host, e.g. https://kibana.example:5601"));
		doctor_report(ctx);
		return;
	}
	doctor_add(dr, "URL", DOCTOR_OK, xstrdup(url), NULL, NULL);
	cmd_submit(ctx, kibana_status_request(), doctor_status);
}

static const struct cmd_arg doctor_args[] = {
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_doctor_defs[] = {
	{"doctor", doctor_args, 0,
	 "check the URL, TLS, credentials, Kibana version, space, and which features this API key may use", NULL, NULL,
	 doctor_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
