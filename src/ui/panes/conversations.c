/* The Conversations pane: AI-assistant conversations, a server page at a time, and a reader for one. */
#include "config.h"
#include "ui/app.h"
#include "ui/chat.h"
#include "ui/detail.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/textview.h"
#include "api/conversations.h"
#include "api/kblink.h"
#include "cmd/convfmt.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Conversations per request: each carries all its messages, so pages stay small. */
#define CONV_PAGE 20

static struct api_request *conv_request(struct pane *p, const void *last)
{
	struct conversations_query q;
	(void)last;
	free(query_fill(&convfmt_query, p->query.def, p->query.values, &q));
	q.page = p->pages + 1;
	q.per_page = CONV_PAGE;
	if (!q.sort_field)
		q.sort_field = "updated_at";
	if (!q.sort_order)
		q.sort_order = "desc";
	return conversations_find_request(&q);
}

static void conv_page(struct pane *p, void *model, struct pane_page *out)
{
	struct conversation_page *page = model;
	(void)p;
	out->rows = page->items;
	out->n = page->n;
	out->total = page->total;
	out->bad = page->bad;
}

static void conv_row_text(const void *row, struct strbuf *out)
{
	const struct conversation *c = row;
	const char *parts[] = {c->title, c->category, c->users, c->id, c->problem};
	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
		if (parts[i])
			strbuf_printf(out, "%s ", parts[i]);
}

/* ---- the reader ---- */

/*
 * The fields sent along with a question come first in the stored message, in Kibana's form
 * (CONTEXT:, a line of three quotes, "field,value" lines, three quotes): one dim line says so.
 */
static const char *conv_fold_context(struct view *v, const char *text)
{
	static const char head[] = "CONTEXT:\n\"\"\"\n";
	if (strncmp(text, head, sizeof(head) - 1) != 0)
		return text;
	const char *body = text + sizeof(head) - 1, *end = strstr(body, "\"\"\"");
	if (!end)
		return text;
	size_t fields = 0;
	for (const char *p = body; p < end; p++)
		fields += *p == '\n';
	textview_addf(v, ROLE_DIM, 4, "[%zu field%s sent with the question, anonymized as the space says]", fields,
		      fields == 1 ? "" : "s");
	end += 3;
	while (*end == '\n')
		end++;
	return end;
}

/* A message's text with markdown made plain: fences become a rule, code is indented, bullets stay. */
static void conv_add_markdown(struct view *v, const char *text, bool error)
{
	text = conv_fold_context(v, text);
	char *copy = xstrdup(text), *save = NULL;
	bool code = false;
	enum theme_role normal = error ? ROLE_ERROR : ROLE_NORMAL;
	/* strtok_r would drop empty lines; walk the lines by hand. */
	for (char *line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		if (!strncmp(line, "```", 3)) {
			code = !code;
			if (code)
				textview_addf(v, ROLE_DIM, 4, "[%s%scode]", line + 3, line[3] ? " " : "");
			else
				textview_add(v, ROLE_DIM, 4, "[end of code]");
			continue;
		}
		/* A heading keeps its words and loses its hashes. */
		if (!code && line[0] == '#') {
			textview_add(v, ROLE_LABEL, 4, line + strspn(line, "# "));
			continue;
		}
		if (code)
			textview_add(v, ROLE_NORMAL, 6, line);
		else
			textview_add(v, normal, 4, line);
	}
	free(copy);
}

/* The exchange streaming into this reader, after the stored messages; gone once the stored copy holds it. */
static void conv_live_fill(struct detail *d, struct view *v, const struct conversation *c)
{
	struct chat_shown x;
	if (!chat_shown(d, &x))
		return;
	if (c && x.state != CHAT_ARRIVING && c->n_messages > x.base_messages) {
		/* The stored copy holds it now: the reader shows that, at its end. */
		if (chat_settle(d))
			textview_scroll_end(v);
		return;
	}
	if (!c) {
		char *title = xasprintf("Assistant: %s", x.about ? x.about : "a new conversation");
		textview_set_title(v, title);
		free(title);
	}
	textview_blank(v);
	textview_add(v, ROLE_TITLE, 0, "user  now");
	conv_add_markdown(v, x.question, false);
	textview_blank(v);
	switch (x.state) {
	case CHAT_ARRIVING:
		textview_add(v, ROLE_LABEL, 0, "assistant  (arriving; Esc stops it)");
		break;
	case CHAT_STOPPED:
		textview_add(v, ROLE_WARNING, 0, "assistant  [stopped]");
		break;
	case CHAT_FAILED:
		textview_addf(v, ROLE_ERROR, 0, "assistant  [failed: %s]", x.error);
		break;
	case CHAT_DONE:
		textview_add(v, ROLE_LABEL, 0, "assistant  (not kept: A asks a new question)");
		break;
	case CHAT_KEPT:
		textview_add(v, ROLE_LABEL, 0, "assistant  (kept; loading the conversation)");
		break;
	}
	if (*x.answer)
		conv_add_markdown(v, x.answer, false);
}

static void conv_reader_fill(struct detail *d, struct view *v, const void *row)
{
	const struct conversation *c = row;
	if (!c) {
		conv_live_fill(d, v, NULL);
		return;
	}
	char when[64];
	textview_set_title(v, c->title ? c->title : c->id);
	timefmt_local(conversations_updated(c), when, sizeof(when));
	textview_addf(v, ROLE_DIM, 0, "%s · %zu messages · updated %s", c->category ? c->category : "-", c->n_messages, when);
	if (c->users && *c->users)
		textview_add_pair(v, "users", c->users, ROLE_NORMAL);
	if (c->summary) {
		textview_blank(v);
		textview_add(v, ROLE_LABEL, 0, "Summary");
		textview_add(v, ROLE_NORMAL, 4, c->summary);
	}
	for (size_t i = 0; i < c->n_messages; i++) {
		const struct conv_message *m = &c->messages[i];
		timefmt_local(m->timestamp, when, sizeof(when));
		textview_blank(v);
		struct strbuf head;
		strbuf_init(&head);
		strbuf_printf(&head, "%s  %s%s", m->role, when, m->is_error ? "  [ERROR]" : "");
		textview_add(v, m->is_error ? ROLE_ERROR : !strcmp(m->role, "user") ? ROLE_TITLE : ROLE_LABEL, 0, head.buf);
		strbuf_free(&head);
		/* The model saw placeholders for anonymized values; the reader shows what they stand for. */
		char *text = conversations_restore(c, m->content);
		conv_add_markdown(v, text, m->is_error);
		free(text);
	}
	if (!c->n_messages)
		textview_add(v, ROLE_DIM, 0, "No messages.");
	conv_live_fill(d, v, c);
}

static char *conv_link(struct pane *p, const void *row, const char *id)
{
	(void)row;
	return kblink_conversation(app_profile(p->app), id);
}

const struct pane_ops conversations_pane_ops = {
	.name = "conversations",
	.title = "Conversations",
	.columns = convfmt_columns,
	.rows = &convfmt_rows,
	.query = &convfmt_query,
	.id_kind = CMD_ID_CONVERSATION,
	.request = conv_request,
	.page = conv_page,
	.row_text = conv_row_text,
	.link = conv_link,
	.detail_request = conversations_get_request,
	.detail_fill = conv_reader_fill,
	.detail_free = chat_detail_free,
};
