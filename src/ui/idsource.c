#include "config.h"
#include "ui/idsource.h"
#include "ui/app.h"
#include "ui/pane.h"
#include "api/assistant.h"
#include "api/cases.h"
#include "api/cases_req.h"
#include "api/connectors.h"
#include "api/endpoints.h"
#include "api/spaces.h"
#include "api/worker.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

bool idsource_pickable(enum cmd_id_kind kind)
{
	/* Processes and paths belong to one host: the response console completes them, no list offers them. */
	return kind != CMD_ID_NONE && kind != CMD_ID_PID && kind != CMD_ID_ENTITY && kind != CMD_ID_HOST_PATH;
}

void idsource_known(struct app *a, enum cmd_id_kind kind, struct strbuf *out)
{
	if (kind == CMD_ID_SPACE) {
		app_known_spaces(a, out);
		return;
	}
	if (kind == CMD_ID_PROFILE) {
		app_known_profiles(a, out);
		return;
	}
	size_t n;
	struct pane **panes = app_panes(a, &n);
	for (size_t i = 0; i < n; i++)
		pane_ids(panes[i], kind, out);
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

static const char *idsource_connectors(struct view *v, void *model)
{
	const struct connector_list *l = model;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id && cases_connector_type_ok(l->items[i].type))
			picker_add(v, l->items[i].id, l->items[i].name ? l->items[i].name : l->items[i].id, l->items[i].type);
	return NULL;
}

static const char *idsource_ai_connectors(struct view *v, void *model)
{
	const struct connector_list *l = model;
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (!assistant_connector_ok(&l->items[i]))
			continue;
		picker_add(v, l->items[i].id, l->items[i].name, l->items[i].type);
		n++;
	}
	return n ? NULL : "No AI connector: add one in Kibana (Stack Management > Connectors).";
}

static const char *idsource_endpoints(struct view *v, void *model)
{
	const struct endpoint_page *p = model;
	for (size_t i = 0; i < p->n; i++) {
		const struct endpoint_host *h = &p->items[i];
		char *detail = xasprintf("%s · %s · %s", h->status, h->os ? h->os : "-", h->isolated ? "isolated" : "not isolated");
		picker_add(v, h->agent_id, h->hostname ? h->hostname : h->agent_id, detail);
		free(detail);
	}
	return NULL;
}

static const char *idsource_spaces(struct view *v, void *model)
{
	const struct space_list *l = model;
	for (size_t i = 0; i < l->n; i++)
		picker_add(v, l->items[i].id, l->items[i].name ? l->items[i].name : l->items[i].id, l->items[i].description);
	return l->n ? NULL : "This Kibana lists no spaces.";
}

static const char *idsource_cases(struct view *v, void *model)
{
	const struct case_page *p = model;
	for (size_t i = 0; i < p->n; i++)
		if (p->cases[i].id)
			picker_add(v, p->cases[i].id, p->cases[i].title ? p->cases[i].title : p->cases[i].id,
				   p->cases[i].severity ? p->cases[i].severity : "-");
	return NULL;
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
	case CMD_ID_AI_CONNECTOR: return "Choose the AI connector to ask with";
	case CMD_ID_SPACE: return "Choose a space";
	case CMD_ID_PROFILE: return "Choose a profile";
	default: return "Choose";
	}
}

void idsource_pick(struct app *a, enum cmd_id_kind kind, picker_fn chosen, void *ctx, void (*ctx_free)(void *))
{
	struct view *v = picker_new(a, idsource_title(kind), chosen, ctx, ctx_free);
	app_push_view(a, v);
	if (kind == CMD_ID_CONNECTOR) {
		picker_load(v, connectors_list_request(), idsource_connectors);
	} else if (kind == CMD_ID_AI_CONNECTOR) {
		picker_load(v, connectors_list_request(), idsource_ai_connectors);
	} else if (kind == CMD_ID_ENDPOINT) {
		/* The first hundred hosts; typing in the picker narrows them. */
		struct endpoints_query q = {.page = 0, .page_size = 100};
		picker_load(v, endpoints_list_request(&q), idsource_endpoints);
	} else if (kind == CMD_ID_SPACE) {
		picker_load(v, spaces_list_request(), idsource_spaces);
	} else if (kind == CMD_ID_CASE) {
		struct cases_query q = {.page = 1, .per_page = CASES_MAX_PER_PAGE, .status = "open",
					.sort_field = "updatedAt", .sort_order = "desc"};
		picker_load(v, cases_find_request(&q), idsource_cases);
	} else {
		idsource_fill_known(a, v, kind);
		picker_loaded(v, NULL);
	}
}
