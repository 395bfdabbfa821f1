/* version: which ktriage, and which Kibana it talks to (GET /api/status). */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/kibana_status.h"
#include "core/record.h"
#include "core/xalloc.h"
#include <jansson.h>
#include <stdlib.h>

static void version_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct kibana_status *s = d->res.model;
	if (!s->number) {
		cmd_fail(ctx, CMD_EXIT_API,
			 "Kibana did not say its version: it answered GET /api/status as to an anonymous user, so it did not "
			 "take the credentials (ktriage doctor checks them)");
		return;
	}
	/* build_flavor is missing on older 8.x, which are all traditional (status.ts). */
	const char *flavor = s->build_flavor ? s->build_flavor : "traditional";
	struct record r;
	record_init(&r);
	record_add(&r, "ktriage", PACKAGE_VERSION);
	record_add(&r, "kibana", s->number);
	record_add(&r, "build flavour", flavor);
	record_add(&r, "status", s->level);
	record_add(&r, "instance", s->name);
	json_t *j = json_pack("{s:s, s:s, s:s}", "ktriage", PACKAGE_VERSION, "kibana", s->number, "build_flavor", flavor);
	if (s->level)
		json_object_set_new(j, "status", json_string(s->level));
	if (s->name)
		json_object_set_new(j, "name", json_string(s->name));
	struct cmd_output out = {.kind = CMD_OUT_RECORD, .record = &r, .json = j};
	cmd_output(ctx, &out);
	json_decref(j);
	record_free(&r);
	cmd_finish(ctx);
}

static void version_run(struct cmd_ctx *ctx)
{
	cmd_submit(ctx, kibana_status_request(), version_done);
}

static const struct cmd_arg version_args[] = {
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_version_defs[] = {
	{"version", version_args, 0, "ktriage's version and Kibana's (GET /api/status)", NULL, NULL, version_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
