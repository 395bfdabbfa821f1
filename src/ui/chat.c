#include "config.h"
#include "ui/chat.h"
#include "ui/app.h"
#include "ui/detail.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "api/conversations.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* One exchange: held by its command while it runs and by its reader while it is open. */
struct chat {
	struct app *app;
	struct cmd_ctx *ctx;   /* the ask command, NULL once it has ended */
	struct detail *d;      /* the reader, NULL once it has gone */
	char *question;
	char *about;
	struct strbuf answer;
	char *error;
	enum chat_state state;
	size_t base_messages;
};

static void chat_free(struct chat *c)
{
	free(c->question);
	free(c->about);
	free(c->error);
	strbuf_free(&c->answer);
	free(c);
}

/* Back in the reader while the reply arrives: stop it (the command ends, its transfer is cancelled). */
static bool chat_stop(void *ctx)
{
	struct chat *c = ctx;
	if (c->state != CHAT_ARRIVING || !c->ctx)
		return false;
	c->state = CHAT_STOPPED;
	textview_set_stop(detail_view(c->d), NULL, NULL);
	app_message(c->app, APP_MSG_INFO, "Stopped: the rest of the reply was not read.");
	/* The command holds the chat until it ends, whatever the redraw does. */
	struct cmd_ctx *cmd = c->ctx;
	detail_redraw(c->d);
	cmd_finish(cmd);
	return true;
}

/* Draw the reader again; c may be gone after (the stored conversation can take the exchange over). */
static void chat_redraw(struct chat *c, bool to_end)
{
	if (!c->d)
		return;
	struct view *v = detail_view(c->d);
	detail_redraw(c->d);
	if (to_end)
		textview_scroll_end(v);
}

/* The reader for an exchange: the conversation's own when it continues one, else a new one. */
static void chat_begin(struct app *a, struct chat *c, const struct cmd_stream *ev)
{
	struct pane *p = app_pane(a, "conversations");
	if (!p)
		return;
	struct detail *d = ev->conversation ? detail_find(p, ev->conversation) : NULL;
	/* A reader already taking a reply gets none besides: the second goes to a reader of its own. */
	if (d && *detail_extra(d)) {
		struct chat *old = *detail_extra(d);
		if (old->state == CHAT_ARRIVING)
			d = NULL;
	}
	if (!d)
		d = detail_open(p, ev->conversation ? ev->conversation : "");
	struct chat *old = *detail_extra(d);
	if (old) {
		/* An exchange that has ended gives way; its command, if still ending, lets go of it. */
		old->d = NULL;
		if (!old->ctx)
			chat_free(old);
	}
	*detail_extra(d) = c;
	c->d = d;
	const struct conversation *conv = detail_row(d);
	c->base_messages = conv ? conv->n_messages : 0;
	textview_set_stop(detail_view(d), chat_stop, c);
	chat_redraw(c, true);
}

/* The exchange is complete: kept, the reader shows the stored conversation (and the list has it). */
static void chat_end(struct app *a, struct chat *c, const struct cmd_stream *ev)
{
	c->state = ev->conversation ? CHAT_KEPT : CHAT_DONE;
	struct pane *p = app_pane(a, "conversations");
	if (c->d) {
		textview_set_stop(detail_view(c->d), NULL, NULL);
		if (ev->conversation)
			detail_set_id(c->d, ev->conversation);
		chat_redraw(c, true);
		/* Last: the stored conversation, once loaded, takes the exchange's place. */
		if (ev->conversation && c->d)
			detail_reload(c->d);
	}
	if (ev->conversation && p && p->loaded_once)
		pane_reload(p);
}

void chat_ask(struct app *a, const char *arg, const char *id)
{
	char *words[] = {(char *)"ask"};
	int used;
	const struct cmd_def *def = cmd_lookup(1, words, &used);
	if (!def) {
		app_message(a, APP_MSG_ERROR, "No command \"ask\".");
		return;
	}
	const char *given[] = {arg, id, NULL};
	app_open_form(a, NULL, def, given);
}

void chat_stream(struct app *a, struct chat **chat, struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	struct chat *c = *chat;
	switch (ev->kind) {
	case CMD_STREAM_BEGIN:
		if (c)
			return;
		c = xcalloc(1, sizeof(*c));
		c->app = a;
		c->ctx = ctx;
		c->question = xstrdup(ev->text);
		c->about = xstrdup(ev->about);
		strbuf_init(&c->answer);
		*chat = c;
		chat_begin(a, c, ev);
		break;
	case CMD_STREAM_TEXT:
		if (!c || c->state != CHAT_ARRIVING)
			return;
		strbuf_puts(&c->answer, ev->text);
		chat_redraw(c, true);
		break;
	case CMD_STREAM_END:
		if (c && c->state == CHAT_ARRIVING)
			chat_end(a, c, ev);
		break;
	}
}

void chat_command_done(struct chat *c, struct cmd_ctx *ctx)
{
	if (!c)
		return;
	c->ctx = NULL;
	if (c->state == CHAT_ARRIVING) {
		c->state = CHAT_FAILED;
		c->error = xstrdup(ctx->error ? ctx->error : "the reply ended early");
		if (c->d)
			textview_set_stop(detail_view(c->d), NULL, NULL);
	}
	if (!c->d) {
		chat_free(c);
		return;
	}
	chat_redraw(c, false);
}

bool chat_shown(struct detail *d, struct chat_shown *out)
{
	const struct chat *c = *detail_extra(d);
	if (!c)
		return false;
	out->question = c->question;
	out->answer = c->answer.buf;
	out->about = c->about;
	out->error = c->error;
	out->state = c->state;
	out->base_messages = c->base_messages;
	return true;
}

bool chat_settle(struct detail *d)
{
	struct chat *c = *detail_extra(d);
	if (!c)
		return false;
	*detail_extra(d) = NULL;
	c->d = NULL;
	/* The command, if it has not ended yet, frees it then. */
	if (!c->ctx)
		chat_free(c);
	return true;
}

void chat_detail_free(struct detail *d)
{
	struct chat *c = *detail_extra(d);
	if (!c)
		return;
	*detail_extra(d) = NULL;
	c->d = NULL;
	if (!c->ctx) {
		chat_free(c);
		return;
	}
	/* The reader has gone: nobody reads the rest. chat_command_done frees the chat once the command ends. */
	if (c->state == CHAT_ARRIVING)
		c->state = CHAT_STOPPED;
	cmd_finish(c->ctx);
}
