/* sessions invalidate: log users out (POST /api/security/session/_invalidate). */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/sessions.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>

/* The word a user types to log out everyone, themselves included. */
#define SESSIONS_ALL_WORD "everyone"

/* What the match says, for the question, the answer and the audit log. */
static char *sessions_describe(const struct cmd_ctx *ctx)
{
	if (cmd_flag(ctx, "all"))
		return xstrdup("every session of every user (you are logged out too)");
	struct strbuf sb;
	strbuf_init(&sb);
	const char *user = cmd_str(ctx, "username"), *name = cmd_str(ctx, "provider-name");
	if (user)
		strbuf_printf(&sb, "the sessions of user \"%s\" ", user);
	else
		strbuf_puts(&sb, "every session ");
	strbuf_printf(&sb, "from %s provider%s%s%s", cmd_str(ctx, "provider-type"), name ? " \"" : "s", name ? name : "",
		      name ? "\"" : "");
	return strbuf_detach(&sb, NULL);
}

static void sessions_done(struct cmd_ctx *ctx, struct worker_done *d)
{
	const char *user = cmd_str(ctx, "username");
	char *what = sessions_describe(ctx);
	const char *target = user ? user : what;
	cmd_audit(ctx, &target, 1, d, NULL);
	if (d->res.status != API_OK) {
		free(what);
		cmd_fail_api(ctx, d);
		return;
	}
	const struct sessions_result *s = d->res.model;
	char *msg = s->total < 0 ? xasprintf("Invalidated %s (Kibana did not say how many).", what)
				 : xasprintf("Invalidated %lld session%s: %s.", s->total, s->total == 1 ? "" : "s", what);
	struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = msg, .json = d->res.json};
	cmd_output(ctx, &out);
	free(msg);
	free(what);
	cmd_finish(ctx);
}

static void sessions_go(struct cmd_ctx *ctx)
{
	struct sessions_match m = {
		.provider_type = cmd_flag(ctx, "all") ? NULL : cmd_str(ctx, "provider-type"),
		.provider_name = cmd_str(ctx, "provider-name"),
		.username = cmd_str(ctx, "username"),
	};
	cmd_submit(ctx, sessions_invalidate_request(&m), sessions_done);
}

static void sessions_run(struct cmd_ctx *ctx)
{
	bool all = cmd_flag(ctx, "all");
	const char *type = cmd_str(ctx, "provider-type");
	if (all && (type || cmd_str(ctx, "provider-name") || cmd_str(ctx, "username"))) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "--all matches every session: leave out --provider-type, --provider-name and --username");
		return;
	}
	if (!all && !type) {
		cmd_fail(ctx, CMD_EXIT_USAGE,
			 "say which sessions: --provider-type <basic|token|saml|oidc|kerberos|pki|anonymous|custom type> "
			 "[--provider-name <n>] "
			 "[--username <u>], or --all");
		return;
	}
	char *what = sessions_describe(ctx);
	char *q = all ? xasprintf("Log out %s?", what) : xasprintf("Invalidate %s?", what);
	cmd_confirm(ctx, q, all ? SESSIONS_ALL_WORD : NULL, sessions_go);
	free(q);
	free(what);
}

static const struct cmd_arg sessions_args[] = {
	{"all", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "every session of every user, yours included"},
	{"provider-type", CMD_ARG_STRING, 0, sessions_provider_types, CMD_ID_NONE,
	 "sessions from this kind of provider: basic, token, saml, oidc, kerberos, pki, anonymous, or a custom type"},
	{"provider-name", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only from the provider with this name"},
	{"username", CMD_ARG_STRING, 0, NULL, CMD_ID_NONE, "only this user's sessions"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_sessions_defs[] = {
	{"sessions invalidate", sessions_args, CMD_MUTATES,
	 "log users out: all sessions, or those of a provider or user (POST /api/security/session/_invalidate)", NULL, "X",
	 sessions_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
