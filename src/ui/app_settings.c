/* What the UI commands change: theme, key bindings, settings; and the config file's lines. */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/console.h"
#include "ui/keys.h"
#include "ui/notify.h"
#include "ui/pane.h"
#include "ui/termlink.h"
#include "ui/view.h"
#include "api/worker.h"
#include "cmd/tokenize.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

static int app_bind(struct app *a, int argc, char **argv, char **err)
{
	/* argv: key, pane ("" for every pane), then an action's name or a command line's words. */
	int key = keys_parse(argv[0]);
	if (key < 0) {
		*err = xasprintf("unknown key \"%s\" (a character, C-x, F1-F10, Enter, Tab, S-Tab...)", argv[0]);
		return -1;
	}
	const char *pane = *argv[1] ? argv[1] : NULL;
	if (pane && !app_pane(a, pane)) {
		*err = xasprintf("no pane \"%s\"", pane);
		return -1;
	}
	struct strbuf line;
	strbuf_init(&line);
	for (int i = 2; i < argc; i++) {
		if (i > 2)
			strbuf_putc(&line, ' ');
		tokenize_quote(&line, argv[i]);
	}
	int rc = keymap_bind(&a->keymap, key, pane, line.buf, err);
	if (rc == 0)
		app_message(a, APP_MSG_SUCCESS, "%s now runs: %s", keys_name(key), line.buf);
	strbuf_free(&line);
	return rc;
}

static int app_set_notify(struct app *a, const char *value, char **err)
{
	enum notify_kind k;
	if (!notify_parse(value, &k)) {
		*err = xasprintf("notify is off, bell, auto (a notification where the terminal shows them, else the bell), "
				 "osc9 or osc777, not \"%s\"", value);
		return -1;
	}
	a->notify = (int)k;
	app_message(a, APP_MSG_SUCCESS, k == NOTIFY_OFF ? "New critical or high alerts ring nothing."
				       : "New critical or high alerts now: %s.", notify_name(k));
	return 0;
}

/* set opener CMD: o opens links with CMD (its words, then the URL); "none" goes back to showing them. */
static int app_set_opener(struct app *a, const char *value)
{
	free(a->opener);
	a->opener = strcmp(value, "none") ? xstrdup(value) : NULL;
	if (a->opener)
		app_message(a, APP_MSG_SUCCESS, "o now opens Kibana links with: %s URL", a->opener);
	else
		app_message(a, APP_MSG_SUCCESS, "o shows Kibana links without opening them.");
	return 0;
}

/* set links on|off: OSC 8 links on ids and titles in detail views. */
static int app_set_links(struct app *a, const char *value, char **err)
{
	if (strcmp(value, "on") && strcmp(value, "off")) {
		*err = xasprintf("links takes on or off, not \"%s\"", value);
		return -1;
	}
	termlink_set_links(!strcmp(value, "on"));
	clearok(curscr, TRUE);
	app_message(a, APP_MSG_SUCCESS, "Links to Kibana in detail views are %s.", value);
	return 0;
}

/* set concurrency N: the most requests in flight at once. */
static int app_set_concurrency(struct app *a, const char *value, char **err)
{
	char *end;
	long v = strtol(value, &end, 10);
	if (*end || end == value || v < 1 || v > PROFILE_MAX_CONCURRENCY) {
		*err = xasprintf("concurrency takes a number of requests from 1 to %d, not \"%s\"", PROFILE_MAX_CONCURRENCY,
				 value);
		return -1;
	}
	worker_set_concurrency(a->worker, (unsigned)v);
	app_message(a, APP_MSG_SUCCESS, "Up to %ld requests now run at once.", v);
	return 0;
}

static int app_set(struct app *a, int argc, char **argv, char **err)
{
	if (argc == 2 && !strcmp(argv[0], "concurrency"))
		return app_set_concurrency(a, argv[1], err);
	if (argc == 2 && !strcmp(argv[0], "notify"))
		return app_set_notify(a, argv[1], err);
	if (argc == 2 && !strcmp(argv[0], "opener"))
		return app_set_opener(a, argv[1]);
	if (argc == 2 && !strcmp(argv[0], "links"))
		return app_set_links(a, argv[1], err);
	if (argc != 2 || strcmp(argv[0], "refresh") != 0) {
		*err = xstrdup("usage: set refresh SECONDS | set concurrency N | set notify off|bell|auto|osc9|osc777 | "
			       "set opener CMD | set links on|off");
		return -1;
	}
	char *end;
	long v = strtol(argv[1], &end, 10);
	if (*end || end == argv[1] || v < 0 || v > 86400) {
		*err = xasprintf("refresh takes a number of seconds (0: never), not \"%s\"", argv[1]);
		return -1;
	}
	a->refresh_s = (int)v;
	a->last_refresh = app_clock_ms();
	app_message(a, APP_MSG_SUCCESS, v ? "What is new now comes in every %ld s." : "Automatic refresh is off.", v);
	return 0;
}

static int app_theme(struct app *a, const char *name, char **err)
{
	struct theme t;
	if (theme_load(&t, name, err) < 0)
		return -1;
	a->theme = t;
	theme_apply(&a->theme);
	clearok(curscr, TRUE);
	app_message(a, APP_MSG_SUCCESS, "Theme %s.", name);
	return 0;
}

int app_ui_command(struct app *a, const char *what, int argc, char **argv, char **err)
{
	if (!strcmp(what, "theme") && argc == 1)
		return app_theme(a, argv[0], err);
	if (!strcmp(what, "bind") && argc >= 3)
		return app_bind(a, argc, argv, err);
	if (!strcmp(what, "set"))
		return app_set(a, argc, argv, err);
	if (!strcmp(what, "profile") && argc == 1)
		return app_switch_profile(a, argv[0], err);
	if (!strcmp(what, "space") && argc == 1)
		return app_switch_space(a, argv[0], err);
	if (!strcmp(what, "console") && argc == 1)
		return console_open(a, argv[0], err);
	*err = xasprintf("\"%s\" cannot be applied", what);
	return -1;
}

void app_run_startup(struct app *a)
{
	const char *s = a->profile->startup;
	while (s && *s) {
		size_t n = strcspn(s, "\n");
		char *line = xstrndup(s, n);
		app_run_line(a, line);
		free(line);
		s += n;
		if (*s)
			s++;
	}
}

void app_auto_refresh(struct app *a)
{
	if (!a->refresh_s)
		return;
	long long now = app_clock_ms();
	if (now - a->last_refresh < a->refresh_s * 1000LL)
		return;
	a->last_refresh = now;
	/* Panes that can ask for only what is new do, shown or not, views open or not: nothing moves. */
	struct pane *cur = app_current_pane(a);
	bool cur_done = false;
	for (size_t i = 0; i < a->n_panes; i++) {
		struct pane *p = a->panes[i];
		if (p->ops->newer && !p->loading && pane_refresh_new(p))
			cur_done |= p == cur;
	}
	/* The others reload, the current one only, and not under a view. */
	if (!cur_done && !a->n_views && !cur->loading)
		pane_reload(cur);
}

void app_free_settings(struct app *a)
{
	keymap_free(&a->keymap);
}
