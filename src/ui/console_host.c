/* What the response console learns of its host: the host itself, its recent actions (paths, the last
 * process list), and the actions started from the console, followed until done. */
#include "config.h"
#include "ui/console_internal.h"
#include "ui/app.h"
#include "ui/view.h"
#include "api/actions.h"
#include "api/endpoints.h"
#include "api/worker.h"
#include "cmd/actionfmt.h"
#include "core/sanitize.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Recent actions of the host looked through when the console opens (paths typed, the last process list). */
#define CONSOLE_RECENT 20

/* One request; done runs with the answer while the console is open. */
struct console_job {
	struct worker_sink sink;
	struct console *c;
	size_t entry;
	void (*done)(struct console *c, size_t entry, struct worker_done *w);
};

static void console_deliver(struct worker_sink *sink, struct worker_done *w)
{
	struct console_job *job = (struct console_job *)sink;
	struct console *c = job->c;
	if (console_release(c)) {
		job->done(c, job->entry, w);
		console_render(c);
	}
	free(job);
	worker_done_free(w);
}

static void console_submit(struct console *c, struct api_request *req, size_t entry,
			   void (*done)(struct console *c, size_t entry, struct worker_done *w))
{
	struct console_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = console_deliver;
	job->c = c;
	job->entry = entry;
	job->done = done;
	c->refs++;
	worker_submit(app_worker(c->app), req, 0, job);
}

void console_host_add_path(struct console *c, const char *path)
{
	if (!path || !*path)
		return;
	for (size_t i = 0; i < c->n_paths; i++)
		if (!strcmp(c->paths[i], path))
			return;
	c->paths = xreallocarray(c->paths, c->n_paths + 1, sizeof(char *));
	c->paths[c->n_paths++] = xstrdup(path);
}

/* A process list arrived: Tab completes its pids from now on. */
static void console_take_processes(struct console *c, const struct response_action *a)
{
	actions_processes_free(c->procs);
	c->procs = actions_processes(a);
}

static void console_got_procs(struct console *c, size_t entry, struct worker_done *w)
{
	(void)entry;
	if (w->res.status != API_OK)
		return;
	const struct response_action *a = w->res.model;
	console_take_processes(c, a);
	char when[32];
	timefmt_relative(a->completed_at ? a->completed_at : a->started_at, (time_t)app_now(c->app), when, sizeof(when));
	console_note(c, "The last process list (%s, %zu processes) is loaded: Tab completes its pids.", when, c->procs->n);
}

/* The host's recent actions: the paths they used and its last process list. */
static void console_got_recent(struct console *c, size_t entry, struct worker_done *w)
{
	(void)entry;
	if (w->res.status != API_OK)
		return;
	const struct action_page *p = w->res.model;
	const char *procs = NULL;
	for (size_t i = 0; i < p->n; i++) {
		const struct response_action *a = &p->items[i];
		console_host_add_path(c, json_string_value(json_object_get(a->parameters, "path")));
		if (!procs && a->was_successful && a->command && !strcmp(a->command, "running-processes"))
			procs = a->id;
	}
	if (procs)
		console_submit(c, actions_get_request(procs), 0, console_got_procs);
}

static void console_have_host(struct console *c, struct endpoint_host *h)
{
	kmodel_free(&endpoints_host_model, c->ep);
	c->ep = h;
	free(c->prompt);
	char *name = sanitize_str(h->hostname ? h->hostname : h->agent_id, SANITIZE_LINE);
	c->prompt = xasprintf("%s> ", name);
	free(name);
}

static void console_found_by_name(struct console *c, size_t entry, struct worker_done *w)
{
	(void)entry;
	struct endpoint_page *p = w->res.status == API_OK ? w->res.model : NULL;
	if (!p || !p->n) {
		console_note(c, "No Elastic Defend endpoint has the id or host name \"%s\"%s%s.", c->asked, p ? "" : ": ",
			     p ? "" : w->res.message);
		return;
	}
	if (p->n > 1)
		console_note(c, "%zu endpoints are called %s: this console acts on the first, %s.", p->n, c->asked,
			     p->items[0].agent_id);
	struct endpoint_host *h = xcalloc(1, sizeof(*h));
	endpoints_host_copy(h, &p->items[0]);
	console_have_host(c, h);
	const char *ids[] = {h->agent_id};
	struct actions_query q = {.page = 1, .page_size = CONSOLE_RECENT, .agent_ids = ids, .n_agent_ids = 1};
	console_submit(c, actions_list_request(&q), 0, console_got_recent);
}

static void console_found(struct console *c, size_t entry, struct worker_done *w)
{
	(void)entry;
	if (w->res.status != API_OK) {
		/* Not an agent id: perhaps a host name. */
		console_submit(c, endpoints_by_name_request(c->asked), 0, console_found_by_name);
		return;
	}
	console_have_host(c, w->res.model);
	w->res.model = NULL;
	const char *ids[] = {c->ep->agent_id};
	struct actions_query q = {.page = 1, .page_size = CONSOLE_RECENT, .agent_ids = ids, .n_agent_ids = 1};
	console_submit(c, actions_list_request(&q), 0, console_got_recent);
}

/* The host again, after an action that changes it (isolation). */
static void console_refreshed(struct console *c, size_t entry, struct worker_done *w)
{
	(void)entry;
	if (w->res.status == API_OK) {
		console_have_host(c, w->res.model);
		w->res.model = NULL;
	}
}

/* Following the actions started here. */
static void console_polled(struct console *c, size_t i, struct worker_done *w)
{
	struct console_entry *e = &c->entries[i];
	e->polling = false;
	if (w->res.status != API_OK)
		return;
	const struct response_action *a = w->res.model;
	if (!a->is_completed && !a->is_expired)
		return;
	e->state = a->was_successful ? ENTRY_DONE : ENTRY_FAILED;
	char *hint = NULL;
	if (a->was_successful && actions_has_files(a->command, a->agent_type)) {
		const char *pw = actions_zip_password(a->agent_type);
		hint = xasprintf("`download` saves it, unopened (zip password: %s)", pw ? pw : "see Kibana's documentation");
		free(c->last_files);
		c->last_files = xstrdup(a->id);
	}
	if (a->is_expired && !a->is_completed)
		e->error = xstrdup("the action expired before the host answered");
	actionfmt_outcome(&e->outcome, a, hint);
	free(hint);
	if (a->was_successful && !strcmp(a->command, "running-processes"))
		console_take_processes(c, a);
	if (c->ep && (!strcmp(a->command, "isolate") || !strcmp(a->command, "unisolate")))
		console_submit(c, endpoints_get_request(c->ep->agent_id), 0, console_refreshed);
}

void console_host_tick(struct view *v)
{
	struct console *c = v->data;
	bool pending = false;
	for (size_t i = 0; i < c->n; i++) {
		struct console_entry *e = &c->entries[i];
		if (e->state != ENTRY_PENDING)
			continue;
		pending = true;
		if (!e->polling) {
			e->polling = true;
			console_submit(c, actions_get_request(e->action_id), i, console_polled);
		}
	}
	/* The seconds a pending action has waited. */
	if (pending)
		console_render(c);
}

void console_host_find(struct console *c, const char *endpoint)
{
	console_submit(c, endpoints_get_request(endpoint), 0, console_found);
}
