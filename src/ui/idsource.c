#include "config.h"
#include "ui/idsource.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "api/endpoints.h"
#include "api/worker.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* A fetch that fills a picker, if the picker is still open when the answer comes. */
struct idsource_fetch {
	struct worker_sink sink;
	struct app *app;
	struct view *picker;
	unsigned long serial;
	enum cmd_id_kind kind;
};

bool idsource_pickable(enum cmd_id_kind kind)
{
	return kind != CMD_ID_NONE;
}

void idsource_known(struct app *a, enum cmd_id_kind kind, struct strbuf *out)
{
	size_t n;
	struct pane **panes = app_panes(a, &n);
	for (size_t i = 0; i < n; i++)
		if (panes[i]->ops->ids)
			panes[i]->ops->ids(panes[i], kind, out);
}

static void idsource_fill_known(struct app *a, struct view *picker, enum cmd_id_kind kind)
{
	struct strbuf sb;
	strbuf_init(&sb);
	idsource_known(a, kind, &sb);
	char *save = NULL;
	for (char *line = strtok_r(sb.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');
		char *detail = NULL;
		if (tab) {
			*tab++ = '\0';
			detail = strchr(tab, '\t');
			if (detail)
				*detail++ = '\0';
		}
		picker_add(picker, line, tab ? tab : line, detail);
	}
	strbuf_free(&sb);
}

static void idsource_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct idsource_fetch *f = (struct idsource_fetch *)sink;
	struct view *v = app_find_view(f->app, f->picker, f->serial);
	if (v && d->res.status != API_OK) {
		picker_loaded(v, d->res.message);
	} else if (v && f->kind == CMD_ID_CONNECTOR) {
		const struct connector_list *l = d->res.model;
		for (size_t i = 0; i < l->n; i++)
			if (cases_connector_type_ok(l->items[i].type))
				picker_add(v, l->items[i].id, l->items[i].name, l->items[i].type);
		picker_loaded(v, NULL);
	} else if (v && f->kind == CMD_ID_ENDPOINT) {
		const struct endpoint_page *p = d->res.model;
		for (size_t i = 0; i < p->n; i++) {
			const struct endpoint_host *h = &p->items[i];
			char *detail = xasprintf("%s · %s%s", h->status, h->os ? h->os : "-", h->isolated ? " · isolated" : "");
			picker_add(v, h->agent_id, h->hostname ? h->hostname : h->agent_id, detail);
			free(detail);
		}
		picker_loaded(v, NULL);
	} else if (v && f->kind == CMD_ID_CASE) {
		const struct case_page *p = d->res.model;
		for (size_t i = 0; i < p->n; i++)
			picker_add(v, p->cases[i].id, p->cases[i].title, cases_severity_names[p->cases[i].severity]);
		picker_loaded(v, NULL);
	}
	worker_done_free(d);
	free(f);
}

static void idsource_fetch(struct app *a, struct view *picker, enum cmd_id_kind kind, struct api_request *req)
{
	struct idsource_fetch *f = xcalloc(1, sizeof(*f));
	f->sink.deliver = idsource_deliver;
	f->app = a;
	f->picker = picker;
	f->serial = app_view_serial(a, picker);
	f->kind = kind;
	worker_submit(app_worker(a), req, 0, f);
}

static const char *idsource_title(enum cmd_id_kind kind)
{
	switch (kind) {
	case CMD_ID_CASE: return "Choose a case";
	case CMD_ID_ALERT: return "Choose an alert";
	case CMD_ID_CONNECTOR: return "Choose a connector that takes cases";
	case CMD_ID_ENDPOINT: return "Choose an endpoint";
	case CMD_ID_ACTION: return "Choose a response action";
	case CMD_ID_CONVERSATION: return "Choose a conversation";
	default: return "Choose";
	}
}

void idsource_pick(struct app *a, enum cmd_id_kind kind, picker_fn chosen, void *ctx, void (*ctx_free)(void *))
{
	struct view *v = picker_new(a, idsource_title(kind), chosen, ctx, ctx_free);
	app_push_view(a, v);
	if (kind == CMD_ID_CONNECTOR) {
		idsource_fetch(a, v, kind, connectors_list_request());
	} else if (kind == CMD_ID_ENDPOINT) {
		/* The first hundred hosts; typing in the picker narrows them. */
		struct endpoints_query q = {.page = 0, .page_size = 100};
		idsource_fetch(a, v, kind, endpoints_list_request(&q));
	} else if (kind == CMD_ID_CASE) {
		struct cases_query q = {.page = 1, .per_page = CASES_MAX_PER_PAGE, .status = "open",
					.sort_field = "updatedAt", .sort_order = "desc"};
		idsource_fetch(a, v, kind, cases_find_request(&q));
	} else {
		idsource_fill_known(a, v, kind);
		picker_loaded(v, NULL);
	}
}
