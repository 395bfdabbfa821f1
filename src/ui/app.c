#include "config.h"
#include "ui/app.h"
#include "ui/app_internal.h"
#include "ui/terminal.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "ui/prompt.h"
#include "ui/script.h"
#include "ui/termlink.h"
#include "ui/view.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/trace.h"
#include "core/xalloc.h"
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

/* An error on stderr, made safe for the terminal (it may quote a theme name, a path, a value). */
static void app_stderr(const char *msg)
{
	char *clean = sanitize_str(msg, SANITIZE_TEXT);
	fprintf(stderr, "ktriage: %s\n", clean);
	free(clean);
}

long long app_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const struct profile *app_profile(struct app *a)
{
	return a->profile;
}

struct worker *app_worker(struct app *a)
{
	return a->worker;
}

bool app_readonly(struct app *a)
{
	return a->profile->readonly;
}

long long app_now(struct app *a)
{
	return a->now_override ? a->now_override : (long long)time(NULL);
}

void app_dirty(struct app *a)
{
	a->dirty = true;
}

void app_message(struct app *a, enum app_msg kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	if (kind == APP_MSG_ERROR)
		app_note_error(a, text);
	free(a->msg);
	a->msg = text;
	a->msg_kind = kind;
	a->msg_is_retry = false;
	a->dirty = true;
}

void app_note_error(struct app *a, const char *text)
{
	free(a->last_error);
	a->last_error = xstrdup(text);
}

struct view *app_top_view(struct app *a)
{
	return a->n_views ? a->views[a->n_views - 1] : NULL;
}

void app_push_view(struct app *a, struct view *v)
{
	static unsigned long serial;
	v->serial = ++serial;
	a->views = xreallocarray(a->views, a->n_views + 1, sizeof(*a->views));
	a->views[a->n_views++] = v;
	a->dirty = true;
}

void app_destroy_view(struct view *v)
{
	v->ops->destroy(v);
	free(v);
}

void app_detach_view(struct app *a, struct view *v)
{
	for (size_t i = a->n_views; i-- > 0;) {
		if (a->views[i] != v)
			continue;
		memmove(&a->views[i], &a->views[i + 1], (a->n_views - i - 1) * sizeof(*a->views));
		a->n_views--;
		break;
	}
	a->dirty = true;
}

void app_close_view(struct app *a, struct view *v)
{
	for (size_t i = 0; i < a->n_views; i++) {
		if (a->views[i] == v) {
			app_detach_view(a, v);
			app_destroy_view(v);
			return;
		}
	}
}

void app_refresh_views(struct app *a)
{
	for (size_t i = 0; i < a->n_views; i++)
		if (a->views[i]->ops->reload)
			a->views[i]->ops->reload(a->views[i]);
}

unsigned long app_view_serial(struct app *a, struct view *v)
{
	for (size_t i = 0; i < a->n_views; i++)
		if (a->views[i] == v)
			return v->serial;
	return 0;
}

struct view *app_find_view(struct app *a, struct view *v, unsigned long serial)
{
	for (size_t i = 0; i < a->n_views; i++)
		if (a->views[i] == v && v->serial == serial)
			return v;
	return NULL;
}

struct pane *app_pane(struct app *a, const char *name)
{
	for (size_t i = 0; i < a->n_panes; i++)
		if (strcmp(a->panes[i]->ops->name, name) == 0)
			return a->panes[i];
	return NULL;
}

struct pane *app_current_pane(struct app *a)
{
	return a->panes[a->current];
}

struct pane **app_panes(struct app *a, size_t *n)
{
	*n = a->n_panes;
	return a->panes;
}

void app_confirm(struct app *a, const char *question, void (*done)(void *ctx, bool yes), void *ctx)
{
	app_push_view(a, confirm_new(a, question, NULL, done, ctx));
}

const char *app_spinner(struct app *a)
{
	static const char *const frames[] = {"|", "/", "-", "\\"};
	return frames[a->spin % 4];
}

void app_show_pane(struct app *a, struct pane *p)
{
	for (size_t i = 0; i < a->n_panes; i++)
		if (a->panes[i] == p)
			a->current = i;
	while (a->n_views)
		app_close_view(a, a->views[a->n_views - 1]);
	if ((!p->loaded_once || p->outdated) && !p->loading)
		pane_reload(p);
	p->outdated = false;
	a->dirty = true;
}

int app_list_height(struct app *a)
{
	int h = LINES - 5;
	(void)a;
	return h > 1 ? h : 1;
}

/*
 * Links are written unless the terminal is one that shows what it does not know: the Linux
 * console and GNU screen (tmux passes them on, or drops them). set links changes it.
 */
static bool app_links_default(void)
{
	const char *term = getenv("TERM");
	if (!term || !strcmp(term, "linux") || !strcmp(term, "dumb") || !strncmp(term, "vt", 2))
		return false;
	return !(!strncmp(term, "screen", 6) && !getenv("TMUX"));
}

static int app_init_curses(struct app *a, char **err)
{
	if (a->opts->script) {
		/* Screen tests: a virtual terminal sized by LINES/COLUMNS, output discarded. */
		FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
		use_env(TRUE);
		a->term_fd = out ? fileno(out) : -1;
		if (!out || !in || !newterm(NULL, out, in)) {
			*err = xstrdup("cannot set up the virtual terminal for the key script");
			if (out)
				fclose(out);
			if (in)
				fclose(in);
			return -1;
		}
	} else if (!initscr()) {
		*err = xstrdup("cannot initialise the terminal");
		return -1;
	} else {
		a->term_fd = STDOUT_FILENO;
	}
	termlink_setup(a->term_fd, app_links_default());
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	theme_apply(&a->theme);
	return 0;
}

/*
 * The signals that end the TUI (and SIGCONT, after which it redraws) are read from a signalfd in
 * the main loop instead of being handled: nothing runs at an arbitrary point of the program, and
 * no other thread can take one (every thread started blocks them: core/threadsig.h). Without a
 * signalfd they keep their default action.
 */
static void app_signals(struct app *a)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCONT);
	pthread_sigmask(SIG_BLOCK, &set, &a->sig_saved);
	a->sig_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (a->sig_fd < 0)
		pthread_sigmask(SIG_SETMASK, &a->sig_saved, NULL);
}

/* The signals that came: one that ends the TUI ends it with the shell's status, 128 + its number. */
static void app_take_signals(struct app *a)
{
	struct signalfd_siginfo si;
	while (read(a->sig_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGCONT) {
			clearok(curscr, TRUE);
		} else {
			a->quit = true;
			if (!a->exit_code)
				a->exit_code = 128 + (int)si.ssi_signo;
		}
	}
	a->dirty = true;
}

/* An "await" step: true once the screen shows its text (the step is done); a script that waits too long fails. */
static bool app_script_awaited(struct app *a)
{
	app_draw(a);
	struct strbuf screen;
	strbuf_init(&screen);
	script_screen_text(&screen, theme_attr(ROLE_SELECTED));
	bool found = strstr(screen.buf, a->script_await) != NULL;
	if (!found && app_clock_ms() < a->script_await_until) {
		strbuf_free(&screen);
		return false;
	}
	if (!found) {
		fprintf(stderr, "ktriage: key script line %d: the screen did not come to show \"%s\":\n%s",
			a->script_await_line, a->script_await, screen.buf);
		a->exit_code = 3;
		a->quit = true;
	}
	strbuf_free(&screen);
	free(a->script_await);
	a->script_await = NULL;
	return found;
}

/* Run the next script steps that can run now. */
static void app_script(struct app *a)
{
	while (a->script && !a->quit) {
		if (a->script_waiting) {
			bool busy = worker_pending(a->worker) > 0;
			if (busy)
				return;
			a->script_waiting = false;
		}
		if (a->script_sleep_until) {
			if (app_clock_ms() < a->script_sleep_until)
				return;
			a->script_sleep_until = 0;
		}
		if (a->script_await && !app_script_awaited(a))
			return;
		struct script_step st;
		char *err = NULL;
		if (script_next(a->script, &st, &err) < 0) {
			app_stderr(err);
			free(err);
			a->exit_code = 2;
			a->quit = true;
			return;
		}
		switch (st.op) {
		case SCRIPT_KEYS:
			for (int i = 0; i < st.n_keys && !a->quit; i++)
				app_key(a, st.keys[i]);
			break;
		case SCRIPT_WAIT:
			a->script_waiting = true;
			break;
		case SCRIPT_DUMP:
			app_draw(a);
			if (script_dump_screen(st.path, theme_attr(ROLE_SELECTED), &err) < 0) {
				app_stderr(err);
				free(err);
				a->exit_code = 2;
				a->quit = true;
			}
			break;
		case SCRIPT_RESIZE:
			resizeterm(st.lines, st.cols);
			a->dirty = true;
			break;
		case SCRIPT_SLEEP:
			a->script_sleep_until = app_clock_ms() + st.ms;
			break;
		case SCRIPT_EXPECT: {
			if (st.await) {
				a->script_await = xstrdup(st.text);
				a->script_await_line = st.lineno;
				a->script_await_until = app_clock_ms() + SCRIPT_AWAIT_MS;
				if (!app_script_awaited(a))
					return;
				break;
			}
			app_draw(a);
			struct strbuf screen;
			strbuf_init(&screen);
			script_screen_text(&screen, theme_attr(ROLE_SELECTED));
			bool found = strstr(screen.buf, st.text) != NULL;
			if (found == st.negate) {
				fprintf(stderr, "ktriage: key script line %d: the screen %s \"%s\":\n%s", st.lineno,
					st.negate ? "shows" : "does not show", st.text, screen.buf);
				a->exit_code = 3;
				a->quit = true;
			}
			strbuf_free(&screen);
			break;
		}
		case SCRIPT_END:
			a->quit = true;
			return;
		}
	}
}

static void app_tick(struct app *a)
{
	long long now = app_clock_ms();
	if (worker_pending(a->worker)) {
		a->spin++;
		a->dirty = true;
	}
	if (now - a->last_tick < 1000)
		return;
	a->last_tick = now;
	app_links_reap(a);
	app_auto_refresh(a);
	for (size_t i = 0; i < a->n_panes; i++)
		if (a->panes[i]->ops->tick)
			a->panes[i]->ops->tick(a->panes[i]);
	for (size_t i = 0; i < a->n_views; i++)
		if (a->views[i]->ops->tick)
			a->views[i]->ops->tick(a->views[i]);
}

/*
 * The terminal has gone away: its input hung up, or says it is readable while no key comes
 * and nothing is waiting to be read (end of file) several times in a row. idle counts those
 * times; a key, or input that is not readable, starts the count again.
 */
static bool app_terminal_gone(short revents, int keys, unsigned *idle)
{
	if (revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	if (!(revents & POLLIN) || keys) {
		*idle = 0;
		return false;
	}
	int waiting = 0;
	if (ioctl(STDIN_FILENO, FIONREAD, &waiting) == 0 && waiting > 0) {
		*idle = 0;
		return false;
	}
	return ++*idle >= 3;
}

static void app_loop(struct app *a)
{
	unsigned idle = 0;
	while (!a->quit) {
		if (a->script)
			app_script(a);
		if (a->quit)
			break;
		if (a->dirty) {
			app_draw(a);
			a->dirty = false;
			trace_event("frame", "%zu", app_current_pane(a)->rows.n);
		}
		struct pollfd fds[3] = {
			{.fd = a->script ? -1 : STDIN_FILENO, .events = POLLIN},
			{.fd = worker_fd(a->worker), .events = POLLIN},
			{.fd = a->sig_fd, .events = POLLIN},
		};
		int timeout = worker_pending(a->worker) ? 100 : 1000;
		if (a->script && !a->script_waiting)
			timeout = a->script_sleep_until || a->script_await ? 10 : 0;
		int rc = poll(fds, 3, timeout);
		if (rc < 0 && errno != EINTR)
			break;
		if (rc > 0 && (fds[2].revents & POLLIN))
			app_take_signals(a);
		struct worker_done *d;
		while ((d = worker_take(a->worker))) {
			/* A request waiting to be retried counts down on the status line, whoever sent it. */
			if (d->interim) {
				app_message(a, APP_MSG_INFO, "%s", d->res.message);
				a->msg_is_retry = true;
				a->retry_job = d->id;
			} else if (a->msg_is_retry && d->id == a->retry_job) {
				/* The wait is over: its countdown goes (whatever came of the request says so itself). */
				free(a->msg);
				a->msg = NULL;
				a->msg_is_retry = false;
			}
			worker_dispatch(d);
			a->dirty = true;
		}
		if (!a->script) {
			int key, keys = 0;
			while (!a->quit && (key = keys_read()) != -1) {
				trace_event("key", "%d", key);
				app_key(a, key);
				keys++;
			}
			if (!a->quit && app_terminal_gone(fds[0].revents, keys, &idle)) {
				/* Nobody can type q any more: end, restoring what can be restored, instead of spinning. */
				a->quit = true;
				a->terminal_gone = true;
				if (!a->exit_code)
					a->exit_code = 1;
			}
		}
		app_tick(a);
	}
}

static void app_free(struct app *a)
{
	/* Jobs still in flight belong to panes and commands: let each come back (cancelled) first. */
	worker_drain(a->worker);
	app_live_save(a);
	while (a->n_views)
		app_close_view(a, a->views[a->n_views - 1]);
	free(a->views);
	worker_free(a->worker);
	for (size_t i = 0; i < a->n_panes; i++)
		pane_free(a->panes[i]);
	app_context_free(a);
	termlink_drop();
	free(a->panes);
	free(a->msg);
	free(a->last_error);
	free(a->kibana);
	free(a->opener);
	app_free_settings(a);
	form_drafts_free();
	textinput_free(&a->line);
	script_close(a->script);
	free(a->script_await);
	if (a->sig_fd >= 0) {
		/* A signal still waiting now takes its default action: the terminal is already restored. */
		close(a->sig_fd);
		pthread_sigmask(SIG_SETMASK, &a->sig_saved, NULL);
	}
}

int app_run(const struct app_options *o)
{
	struct app a;
	memset(&a, 0, sizeof(a));
	a.opts = o;
	a.profile = o->profile;
	a.sig_fd = -1;
	textinput_init(&a.line, false);
	char *err = NULL;
	const char *now = getenv("KTRIAGE_NOW");
	time_t pinned;
	if (now && timefmt_parse(now, &pinned))
		a.now_override = (long long)pinned;
	char *term_note = NULL;
	if (!o->script && !terminal_pick(&err, &term_note)) {
		app_stderr(err);
		free(err);
		textinput_free(&a.line);
		return 2;
	}
	const char *theme = o->theme ? o->theme : o->profile->theme;
	if (theme_load(&a.theme, theme, &err) < 0) {
		app_stderr(err);
		free(err);
		textinput_free(&a.line);
		return 2;
	}
	if (o->script && !(a.script = script_open(o->script, &err))) {
		app_stderr(err);
		free(err);
		textinput_free(&a.line);
		return 2;
	}
	if (!(a.worker = worker_new(o->profile, &err))) {
		app_stderr(err);
		free(err);
		script_close(a.script);
		textinput_free(&a.line);
		return 1;
	}
	if (app_init_curses(&a, &err) < 0) {
		app_stderr(err);
		free(err);
		worker_free(a.worker);
		script_close(a.script);
		textinput_free(&a.line);
		return 1;
	}
	app_signals(&a);
	prompt_init(&a);
	for (const struct pane_ops *const *po = panes_all; *po; po++) {
		a.panes = xreallocarray(a.panes, a.n_panes + 1, sizeof(*a.panes));
		a.panes[a.n_panes++] = pane_new(&a, *po);
	}
	if (o->profile->insecure)
		app_message(&a, APP_MSG_ERROR, "TLS certificate verification is OFF (--insecure): the connection can be intercepted");
	else if (term_note)
		app_message(&a, APP_MSG_INFO, "%s", term_note);
	else
		app_message(&a, APP_MSG_INFO, "Press ? for help, : for commands, q to quit.");
	free(term_note);
	app_live_load(&a);
	app_show_pane(&a, a.panes[0]);
	/* After the first pane's page is asked for, so the list comes first; nothing waits for it. */
	app_kibana_fetch(&a);
	app_context_fetch_spaces(&a);
	app_run_startup(&a);
	app_loop(&a);
	endwin();
	prompt_fini();
	app_free(&a);
	if (a.terminal_gone)
		fputs("ktriage: the terminal went away (its input ended); quitting\n", stderr);
	return a.exit_code;
}
