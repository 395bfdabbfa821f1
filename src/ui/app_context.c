/*
 * Several Kibanas and spaces: :profile NAME and :space NAME switch without restarting.
 *
 * The worker holds a copy of the profile it was made with, so a switch makes a new worker for
 * the new profile, then lets the old one go: every view closes, every request still out is
 * cancelled and comes back to its owner (worker_drain), and only then is the old worker freed.
 * The panes are made anew (their rows, marks and what they follow belong to the old Kibana),
 * the current one loads at once and the others when shown; the header shows the new context.
 * A switch waits for running commands; when a pane still follows something (a pending
 * response action) it asks first, as quitting does.
 */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "api/spaces.h"
#include "api/worker.h"
#include "core/config_file.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* The request for the spaces list, on behalf of the app. */
struct app_spaces_job {
	struct worker_sink sink;
	struct app *app;
	unsigned long context; /* the context it was asked in: an answer from before a switch is dropped */
};

static void app_spaces_deliver(struct worker_sink *sink, struct worker_done *w)
{
	struct app_spaces_job *job = (struct app_spaces_job *)sink;
	struct app *a = job->app;
	/* Without the spaces feature or the privilege to list them there is nothing to complete: no message. */
	if (w->res.status == API_OK && job->context == a->context) {
		kmodel_free(&spaces_list_model, a->spaces);
		a->spaces = w->res.model;
		w->res.model = NULL;
	}
	free(job);
	worker_done_free(w);
}

void app_context_fetch_spaces(struct app *a)
{
	struct app_spaces_job *job = xcalloc(1, sizeof(*job));
	job->sink.deliver = app_spaces_deliver;
	job->app = a;
	job->context = a->context;
	worker_submit(a->worker, spaces_list_request(), 0, job);
}

void app_known_spaces(struct app *a, struct strbuf *out)
{
	const struct space_list *l = a->spaces;
	for (size_t i = 0; l && i < l->n; i++)
		strbuf_printf(out, "%s\t%s\n", l->items[i].id, l->items[i].name ? l->items[i].name : l->items[i].id);
}

static char *app_config_path(struct app *a)
{
	return a->opts->config_path ? config_expand_path(a->opts->config_path) : config_default_path();
}

void app_known_profiles(struct app *a, struct strbuf *out)
{
	char *path = app_config_path(a);
	config_profile_names(path, out);
	free(path);
}

/* What a pane is still following, for the question before a switch; NULL when nothing. */
static char *app_context_busy(struct app *a)
{
	struct strbuf why;
	strbuf_init(&why);
	for (size_t i = 0; i < a->n_panes; i++) {
		char *b = a->panes[i]->ops->busy ? a->panes[i]->ops->busy(a->panes[i]) : NULL;
		if (b)
			strbuf_printf(&why, "%s%s", why.len ? "; " : "", b);
		free(b);
	}
	return why.len ? strbuf_detach(&why, NULL) : (strbuf_free(&why), NULL);
}

/* Move to profile np (taken over): a new worker, the old one drained and freed, the panes made anew. */
static void app_context_apply(struct app *a, struct profile *np)
{
	char *err = NULL;
	struct worker *w = worker_new(np, &err);
	if (!w) {
		app_message(a, APP_MSG_ERROR, "Cannot switch: %s", err);
		free(err);
		profile_free(np);
		free(np);
		return;
	}
	while (a->n_views)
		app_close_view(a, a->views[a->n_views - 1]);
	/* Everything still out comes back (cancelled) to whoever asked, while they all still exist. */
	worker_drain(a->worker);
	worker_free(a->worker);
	a->worker = w;
	a->context++;
	size_t marks = 0;
	for (size_t i = 0; i < a->n_panes; i++) {
		marks += a->panes[i]->list.n_marked;
		const struct pane_ops *ops = a->panes[i]->ops;
		pane_free(a->panes[i]);
		a->panes[i] = pane_new(a, ops);
	}
	if (a->own_profile) {
		profile_free(a->own_profile);
		free(a->own_profile);
	}
	a->own_profile = np;
	a->profile = np;
	kmodel_free(&spaces_list_model, a->spaces);
	a->spaces = NULL;
	app_context_fetch_spaces(a);
	app_show_pane(a, a->panes[a->current]);
	const char *space = np->space && *np->space ? np->space : "default";
	if (marks)
		app_message(a, APP_MSG_INFO, "Now on %s, space %s. %zu mark%s cleared: marks belong to the rows they were on.",
			    np->name, space, marks, marks == 1 ? "" : "s");
	else
		app_message(a, APP_MSG_INFO, "Now on %s, space %s.", np->name, space);
}

/* A switch waiting for its question's answer. */
struct app_context_ask {
	struct app *app;
	struct profile *np;
};

static void app_context_answer(void *ctx, bool yes)
{
	struct app_context_ask *ask = ctx;
	if (yes) {
		app_context_apply(ask->app, ask->np);
	} else {
		profile_free(ask->np);
		free(ask->np);
	}
	free(ask);
}

/* Switch to np (taken over), asking first when something is still followed; -1 with *err when it cannot be now. */
static int app_context_switch(struct app *a, struct profile *np, char **err)
{
	/* The command asking for the switch is one of the running commands. */
	if (a->commands > 1) {
		*err = xstrdup("a command is still running: switch once it is done");
		profile_free(np);
		free(np);
		return -1;
	}
	char *busy = app_context_busy(a);
	if (!busy) {
		app_context_apply(a, np);
		return 0;
	}
	char *q = xasprintf("%s. Switch anyway (they go on in Kibana; ktriage stops following them)?", busy);
	struct app_context_ask *ask = xcalloc(1, sizeof(*ask));
	ask->app = a;
	ask->np = np;
	app_confirm(a, q, app_context_answer, ask);
	free(q);
	free(busy);
	return 0;
}

int app_switch_space(struct app *a, const char *space, char **err)
{
	if (!*space || strchr(space, '/')) {
		*err = xasprintf("\"%s\" is not a space id", space);
		return -1;
	}
	if (a->spaces && !spaces_find(a->spaces, space)) {
		struct strbuf names;
		strbuf_init(&names);
		for (size_t i = 0; i < a->spaces->n; i++)
			strbuf_printf(&names, "%s%s", i ? ", " : "", a->spaces->items[i].id);
		*err = xasprintf("no space \"%s\" in this Kibana (spaces: %s)", space, names.buf);
		strbuf_free(&names);
		return -1;
	}
	struct profile *np = xcalloc(1, sizeof(*np));
	profile_copy(np, a->profile);
	profile_set(&np->space, strcmp(space, "default") ? space : NULL);
	return app_context_switch(a, np, err);
}

int app_switch_profile(struct app *a, const char *name, char **err)
{
	char *path = app_config_path(a);
	struct profile *np = xcalloc(1, sizeof(*np));
	profile_init(np);
	struct strbuf warnings;
	strbuf_init(&warnings);
	int rc = config_load(np, path, name, true, &warnings, err);
	strbuf_free(&warnings);
	free(path);
	char *why = NULL;
	if (rc == 0 && !profile_usable(np, &why)) {
		*err = xasprintf("profile %s: %s", name, why);
		rc = -1;
	} else if (rc == 0 && np->username && !np->api_key && !np->password) {
		/* The TUI cannot ask for a password in the middle of a session. */
		*err = xasprintf("profile %s needs a password: give it a password_file or an api_key_file, or start "
				 "ktriage with --profile %s to be asked", name, name);
		rc = -1;
	}
	free(why);
	if (rc < 0) {
		profile_free(np);
		free(np);
		return -1;
	}
	/* --readonly holds for the whole session, whatever the profile says. */
	if (a->opts->readonly)
		np->readonly = true;
	return app_context_switch(a, np, err);
}

void app_context_free(struct app *a)
{
	kmodel_free(&spaces_list_model, a->spaces);
	a->spaces = NULL;
	if (a->own_profile) {
		profile_free(a->own_profile);
		free(a->own_profile);
		a->own_profile = NULL;
	}
}
