/*
 * Asking the Security AI Assistant: about an alert (its fields go as the message's data, as far
 * as the space's anonymization settings allow), about a case, or to continue a conversation.
 * The reply streams in (cmd_stream); the exchange is kept in the user's conversations unless
 * --no-persist or read-only mode says not to.
 */
#include "config.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/registry.h"
#include "api/alerts.h"
#include "api/alerts_req.h"
#include "api/assistant.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "api/conversations.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* What is asked when only an alert or a case is given. */
#define ASK_ALERT_QUESTION "Summarise this alert and suggest next steps."
#define ASK_CASE_QUESTION "Summarise this case and suggest next steps."

/* One question on its way. */
struct ask {
	char *question;       /* what the user asks */
	char *content;        /* what is sent: the question, after a case's text when asked about a case */
	char *about;          /* "alert Beacon on web-01", "case Ransomware", "conversation Triage" */
	char *conv_connector; /* the continued conversation's own connector, or NULL */
	char *connector;      /* the connector used */
	json_t *source;       /* the alert's _source */
	json_t *data;         /* what goes as the message's data */
	json_t *anonymize;
	bool persist;
	struct assistant_stream stream;
	struct strbuf reply;
};

static void ask_free(void *p)
{
	struct ask *a = p;
	free(a->question);
	free(a->content);
	free(a->about);
	free(a->conv_connector);
	free(a->connector);
	json_decref(a->source);
	json_decref(a->data);
	json_decref(a->anonymize);
	assistant_stream_free(&a->stream);
	strbuf_free(&a->reply);
	free(a);
}

static void ask_end(struct cmd_ctx *ctx, const char *conversation)
{
	struct ask *a = ctx->state;
	if (ctx->json) {
		json_t *j = json_pack("{s:s, s:s%, s:s?}", "connectorId", a->connector, "reply", a->reply.buf, a->reply.len,
				      "conversationId", conversation);
		struct cmd_output out = {.kind = CMD_OUT_MESSAGE, .message = a->reply.buf, .json = j};
		cmd_output(ctx, &out);
		json_decref(j);
	} else {
		struct cmd_stream ev = {.kind = CMD_STREAM_END, .text = a->reply.buf, .conversation = conversation};
		cmd_stream(ctx, &ev);
	}
	if (conversation)
		cmd_note(ctx, "Kept in your conversations (conversation %s).", conversation);
	cmd_finish(ctx);
}

/* After a new conversation was kept: the newest one is it (the stream does not name it). */
static void ask_found(struct cmd_ctx *ctx, struct worker_done *d)
{
	const struct conversation_page *p = d->res.status == API_OK ? d->res.model : NULL;
	const struct conversation *c = p && p->n ? &p->items[0] : NULL;
	if (!c) {
		cmd_note(ctx, "The reply was kept, but its conversation could not be found: %s",
			 d->res.message ? d->res.message : "the list is empty");
		ask_end(ctx, NULL);
		return;
	}
	/* An error Kibana met while streaming is not in the stream: it is the stored reply. */
	const struct conv_message *last = c->n_messages ? &c->messages[c->n_messages - 1] : NULL;
	if (last && last->is_error && !((struct ask *)ctx->state)->reply.len) {
		cmd_fail(ctx, CMD_EXIT_API, "the assistant failed: %s", last->content);
		return;
	}
	ask_end(ctx, c->id);
}

static void ask_piece(struct cmd_ctx *ctx, const char *data, size_t len)
{
	struct ask *a = ctx->state;
	size_t before = a->reply.len;
	assistant_stream_feed(&a->stream, data, len, &a->reply);
	if (a->reply.len > before && !ctx->json) {
		struct cmd_stream ev = {.kind = CMD_STREAM_TEXT, .text = a->reply.buf + before};
		cmd_stream(ctx, &ev);
	}
}

static void ask_replied(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	if (d->res.status != API_OK) {
		if (a->reply.len)
			cmd_fail(ctx, CMD_EXIT_API, "the reply broke off: %s", d->res.message);
		else
			cmd_fail_api(ctx, d);
		return;
	}
	size_t before = a->reply.len;
	assistant_stream_end(&a->stream, &a->reply);
	if (a->reply.len > before && !ctx->json) {
		struct cmd_stream ev = {.kind = CMD_STREAM_TEXT, .text = a->reply.buf + before};
		cmd_stream(ctx, &ev);
	}
	const char *conv = cmd_str(ctx, "conversation");
	if (!a->persist || conv) {
		ask_end(ctx, a->persist ? conv : NULL);
		return;
	}
	struct conversations_query q = {.page = 1, .per_page = 1, .sort_field = "updated_at", .sort_order = "desc"};
	cmd_submit(ctx, conversations_find_request(&q), ask_found);
}

static void ask_send(struct cmd_ctx *ctx)
{
	struct ask *a = ctx->state;
	const char *conv = cmd_str(ctx, "conversation");
	struct cmd_stream ev = {.kind = CMD_STREAM_BEGIN, .text = a->question, .about = a->about, .conversation = conv};
	cmd_stream(ctx, &ev);
	struct assistant_chat chat = {.connector_id = a->connector, .conversation_id = conv, .persist = a->persist,
				      .content = a->content, .data = a->data, .anonymize = a->anonymize};
	cmd_submit_stream(ctx, assistant_chat_request(&chat), ask_piece, ask_replied);
}

static void ask_anon_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	const struct anon_field_list *settings = d->res.status == API_OK ? d->res.model : NULL;
	if (!settings)
		/* Kibana applies the settings itself whatever is sent; without them here, it alone decides. */
		cmd_note(ctx, "The anonymization settings could not be read (%s): Kibana applies them to the alert's "
			 "fields itself.", d->res.message);
	a->data = assistant_alert_data(a->source, settings, &a->anonymize);
	ask_send(ctx);
}

static void ask_alert_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct alert_page *p = d->res.model;
	if (!p->n) {
		cmd_fail(ctx, CMD_EXIT_API, "no alert %s", cmd_str(ctx, "alert"));
		return;
	}
	const struct alert *al = &p->alerts[0];
	a->source = json_incref(al->source);
	a->about = xasprintf("alert %s on %s", al->rule_name ? al->rule_name : al->id,
			     al->host_name ? al->host_name : "an unnamed host");
	cmd_submit(ctx, assistant_anon_fields_request(), ask_anon_loaded);
}

static void ask_case_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct kb_case *c = d->res.model;
	/* A case's own words are no ECS fields: they go before the question, as the analyst would paste them. */
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "Case: %s\nStatus: %s · Severity: %s · Alerts: %lld", c->title ? c->title : "-",
		      c->status ? c->status : "-", c->severity ? c->severity : "-", c->total_alerts);
	for (size_t i = 0; i < c->n_tags; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "\nTags: ", c->tags[i]);
	if (c->description && *c->description)
		strbuf_printf(&sb, "\n\n%s", c->description);
	strbuf_printf(&sb, "\n\n%s", a->question);
	free(a->content);
	a->content = strbuf_detach(&sb, NULL);
	a->about = xasprintf("case %s", c->title);
	ask_send(ctx);
}

/* The connector: the one asked for, else the conversation's own, else the first the assistant can use. */
static void ask_connectors_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct connector_list *l = d->res.model;
	const char *want = cmd_str(ctx, "connector");
	const struct connector *pick = NULL;
	if (want) {
		pick = connectors_find(l, want);
		if (!pick || !assistant_connector_ok(pick)) {
			struct strbuf names;
			strbuf_init(&names);
			for (size_t i = 0; i < l->n; i++)
				if (assistant_connector_ok(&l->items[i]))
					strbuf_printf(&names, "%s%s (%s)", names.len ? ", " : "", l->items[i].id, l->items[i].name);
			cmd_fail(ctx, CMD_EXIT_USAGE, "%s is not an AI connector%s%s", want,
				 names.len ? "; these are: " : " and there is none", names.buf);
			strbuf_free(&names);
			return;
		}
	}
	if (!pick && a->conv_connector) {
		const struct connector *own = connectors_find(l, a->conv_connector);
		if (own && assistant_connector_ok(own))
			pick = own;
	}
	for (size_t i = 0; !pick && i < l->n; i++)
		if (assistant_connector_ok(&l->items[i]))
			pick = &l->items[i];
	if (!pick) {
		cmd_fail(ctx, CMD_EXIT_API, "no AI connector to ask with: add one in Kibana (Stack Management > "
			 "Connectors: OpenAI, Amazon Bedrock, Google Gemini or an AI inference endpoint)");
		return;
	}
	a->connector = xstrdup(pick->id);
	if (cmd_str(ctx, "alert")) {
		const char *ids[] = {cmd_str(ctx, "alert")};
		struct alerts_query q = {.ids = ids, .n_ids = 1, .size = 1};
		cmd_submit(ctx, alerts_search_request(&q), ask_alert_loaded);
	} else if (cmd_str(ctx, "case")) {
		cmd_submit(ctx, cases_get_request(cmd_str(ctx, "case")), ask_case_loaded);
	} else {
		ask_send(ctx);
	}
}

static void ask_conversation_loaded(struct cmd_ctx *ctx, struct worker_done *d)
{
	struct ask *a = ctx->state;
	if (d->res.status != API_OK) {
		cmd_fail_api(ctx, d);
		return;
	}
	const struct conversation *c = d->res.model;
	a->conv_connector = xstrdup(c->connector_id);
	free(a->about);
	a->about = xasprintf("conversation %s", c->title);
	cmd_submit(ctx, connectors_list_request(), ask_connectors_loaded);
}

static void ask_run(struct cmd_ctx *ctx)
{
	const char *alert = cmd_str(ctx, "alert"), *kase = cmd_str(ctx, "case"), *conv = cmd_str(ctx, "conversation");
	if (alert && kase) {
		cmd_fail(ctx, CMD_EXIT_USAGE, "ask about an alert or a case, not both");
		return;
	}
	const struct cmd_value *words = cmd_values(ctx, "question");
	struct strbuf q;
	strbuf_init(&q);
	for (size_t i = 0; words && i < words->n; i++)
		strbuf_printf(&q, "%s%s", i ? " " : "", words->vals[i]);
	if (!q.len && (alert || kase))
		strbuf_puts(&q, alert ? ASK_ALERT_QUESTION : ASK_CASE_QUESTION);
	if (!q.len) {
		strbuf_free(&q);
		cmd_fail(ctx, CMD_EXIT_USAGE, "what is the question? (with --alert or --case alone, a summary is asked for)");
		return;
	}
	struct ask *a = xcalloc(1, sizeof(*a));
	a->question = strbuf_detach(&q, NULL);
	a->content = xstrdup(a->question);
	assistant_stream_init(&a->stream);
	strbuf_init(&a->reply);
	/* Keeping the exchange writes to the user's conversations: not in read-only mode. */
	a->persist = !cmd_flag(ctx, "no-persist") && !ctx->host->readonly;
	ctx->state = a;
	ctx->state_free = ask_free;
	if (!cmd_flag(ctx, "no-persist") && ctx->host->readonly)
		cmd_note(ctx, "Read-only mode: the exchange is not kept in your conversations.");
	if (conv)
		cmd_submit(ctx, conversations_get_request(conv), ask_conversation_loaded);
	else
		cmd_submit(ctx, connectors_list_request(), ask_connectors_loaded);
}

static const struct cmd_arg ask_args[] = {
	{"question", CMD_ARG_TEXT, CMD_POSITIONAL | CMD_MULTI, NULL, CMD_ID_NONE,
	 "what to ask (left empty, about an alert or a case: a summary and next steps)"},
	{"alert", CMD_ARG_STRING, 0, NULL, CMD_ID_ALERT, "ask about this alert: its fields go along, anonymized as the space says"},
	{"case", CMD_ARG_STRING, 0, NULL, CMD_ID_CASE, "ask about this case: its title, status and description go along"},
	{"conversation", CMD_ARG_STRING, 0, NULL, CMD_ID_CONVERSATION, "continue this conversation"},
	{"connector", CMD_ARG_STRING, 0, NULL, CMD_ID_AI_CONNECTOR,
	 "the AI connector (default: the conversation's, else the first one)"},
	{"no-persist", CMD_ARG_FLAG, 0, NULL, CMD_ID_NONE, "do not keep the exchange in your conversations"},
	{NULL, 0, 0, NULL, 0, NULL},
};

const struct cmd_def cmd_assistant_defs[] = {
	{"ask", ask_args, 0,
	 "ask the AI assistant about an alert or a case, or go on with a conversation; the reply shows as it comes "
	 "(POST /api/security_ai_assistant/chat/complete)",
	 "conversations", "A", ask_run},
	{NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
