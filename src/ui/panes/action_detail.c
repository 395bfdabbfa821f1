/* The Actions pane's detail view (GET /api/endpoint/action/{id} with outputs) and the process picker. */
#include "config.h"
#include "ui/panes/actionview.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/pane.h"
#include "ui/textview.h"
#include "api/actions.h"
#include "api/worker.h"
#include "cmd/actionfmt.h"
#include "core/record.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* ---- choosing a process to suspend ---- */

/* The picker's own data: the processes it lists (an item's id is its index here). */
struct procpick {
	struct app *app;
	struct action_process_list *procs;
};

struct procpick_fetch {
	struct worker_sink sink;
	struct app *app;
	struct view *picker;
	unsigned long serial;
	struct procpick *pp;     /* valid while the picker is open */
};

static void procpick_free(void *ctx)
{
	struct procpick *pp = ctx;
	actions_processes_free(pp->procs);
	free(pp);
}

static void procpick_chosen(void *ctx, const char *id, const char *label)
{
	struct procpick *pp = ctx;
	(void)label;
	size_t i = strtoul(id, NULL, 10);
	if (!pp->procs || i >= pp->procs->n)
		return;
	const struct action_process *pr = &pp->procs->items[i];
	char *words[] = {(char *)"endpoint", (char *)"suspend"};
	int used;
	const struct cmd_def *def = cmd_lookup(2, words, &used);
	if (!def)
		return;
	const char *given[7] = {"endpoint", pr->agent_id, NULL};
	/* The entity id names the process for good; a pid can be reused. */
	if (pr->entity_id && *pr->entity_id) {
		given[2] = "entity-id";
		given[3] = pr->entity_id;
	} else if (pr->pid && *pr->pid) {
		given[2] = "pid";
		given[3] = pr->pid;
	}
	app_open_form(pp->app, app_pane(pp->app, "actions"), def, given);
}

static void procpick_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct procpick_fetch *f = (struct procpick_fetch *)sink;
	struct view *v = app_find_view(f->app, f->picker, f->serial);
	if (v && d->res.status != API_OK) {
		picker_loaded(v, d->res.message);
	} else if (v) {
		const struct response_action *a = d->res.model;
		f->pp->procs = actions_processes(a);
		for (size_t i = 0; i < f->pp->procs->n; i++) {
			const struct action_process *pr = &f->pp->procs->items[i];
			char id[24], *detail = xasprintf("pid %s · %s", pr->pid ? pr->pid : "-", pr->user ? pr->user : "-");
			snprintf(id, sizeof(id), "%zu", i);
			picker_add(v, id, pr->command ? pr->command : "-", detail);
			free(detail);
		}
		picker_loaded(v, f->pp->procs->n ? NULL
				 : strcmp(a->command, "running-processes") ? "This is not a running-processes action."
				 : !a->is_completed ? "The action is still pending: its processes come when it completes."
						     : "The action reported no processes.");
	}
	worker_done_free(d);
	free(f);
}

void actionview_pick_process(struct app *a, const char *action_id)
{
	struct procpick *pp = xcalloc(1, sizeof(*pp));
	pp->app = a;
	struct view *v = picker_new(a, "Suspend which process? (from the running-processes action)", procpick_chosen, pp,
				    procpick_free);
	app_push_view(a, v);
	struct procpick_fetch *f = xcalloc(1, sizeof(*f));
	f->sink.deliver = procpick_deliver;
	f->app = a;
	f->picker = v;
	f->serial = app_view_serial(a, v);
	f->pp = pp;
	worker_submit(app_worker(a), actions_get_request(action_id), 0, f);
}

/* ---- the detail view ---- */

struct actionview {
	struct app *app;
	struct view *view;
	char *id;
	char *command;
	struct actionview **slot;
	unsigned pending;
	bool orphan;          /* the view went while a request ran */
};

struct actionview_job {
	struct worker_sink sink;
	struct actionview *av;
};

const char *actionview_id(const struct actionview *av)
{
	return av->id;
}

static void actionview_free(void *ctx)
{
	struct actionview *av = ctx;
	if (av->slot && *av->slot == av)
		*av->slot = NULL;
	av->slot = NULL;
	if (av->pending) {
		av->orphan = true;
		return;
	}
	free(av->id);
	free(av->command);
	free(av);
}

static void actionview_fill(struct actionview *av, const struct response_action *a)
{
	textview_clear(av->view, true);
	struct record r;
	record_init(&r);
	actionfmt_record(&r, a);
	textview_add_record(av->view, &r);
	record_free(&r);
	if (!strcmp(a->command, "running-processes") && a->was_successful)
		textview_add(av->view, ROLE_DIM, 0, "p: pick one of these processes to suspend");
	free(av->command);
	av->command = xstrdup(a->command);
}

static void actionview_deliver(struct worker_sink *sink, struct worker_done *d)
{
	struct actionview_job *job = (struct actionview_job *)sink;
	struct actionview *av = job->av;
	av->pending--;
	if (av->orphan) {
		if (!av->pending)
			actionview_free(av);
	} else if (d->res.status != API_OK) {
		app_message(av->app, APP_MSG_ERROR, "%s", d->res.message);
		textview_set_loading(av->view, av->pending > 0);
	} else {
		actionview_fill(av, d->res.model);
		textview_set_loading(av->view, av->pending > 0);
	}
	free(job);
	worker_done_free(d);
}

void actionview_refresh(struct actionview *av)
{
	struct actionview_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = actionview_deliver;
	job->av = av;
	av->pending++;
	worker_submit(app_worker(av->app), actions_get_request(av->id), 0, job);
	textview_set_loading(av->view, true);
}

static void actionview_reload_ctx(void *ctx)
{
	actionview_refresh(ctx);
}

static bool actionview_key(struct view *v, int key, void *ctx)
{
	struct actionview *av = ctx;
	(void)v;
	if (key == 'r') {
		actionview_refresh(av);
		return true;
	}
	if (key == 'p') {
		actionview_pick_process(av->app, av->id);
		return true;
	}
	return false;
}

void actionview_open(struct pane *p, const struct response_action *a, struct actionview **slot)
{
	struct actionview *av = xcalloc(1, sizeof(*av));
	av->app = p->app;
	av->id = xstrdup(a->id);
	av->slot = slot;
	*slot = av;
	av->view = textview_new(p->app, a->command);
	textview_set_actions(av->view, actionview_key, "j/k scroll  p pick a process to suspend  r reload  q back", av,
			     actionview_free);
	textview_set_reload(av->view, actionview_reload_ctx);
	app_push_view(p->app, av->view);
	/* What the list holds shows at once; the outputs come with the details. */
	actionview_fill(av, a);
	actionview_refresh(av);
}
