/* Panes that change while you watch: announcing what came in, and the "since I last looked" markers. */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/notify.h"
#include "ui/pane.h"
#include "core/lastseen.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/xalloc.h"
#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The notification a setting means on this terminal. */
static enum notify_kind app_notify_kind(const struct app *a)
{
	if (a->notify != NOTIFY_AUTO)
		return a->notify;
	return notify_detect(getenv("TERM"), getenv("TERM_PROGRAM"), getenv("KITTY_WINDOW_ID") != NULL,
			     getenv("TMUX") != NULL);
}

/* Bytes for the terminal itself, beside what curses draws (they show nothing on the screen). */
static void app_terminal_write(const char *s)
{
	size_t len = strlen(s);
	while (len) {
		ssize_t n = write(STDOUT_FILENO, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

void app_rows_arrived(struct app *a, struct pane *p, size_t n, size_t urgent, const char *label)
{
	/* A label is "name\tdetail": it reads "name (detail)". */
	const char *tab = strchr(label, '\t');
	char *name = xstrndup(label, tab ? (size_t)(tab - label) : strlen(label));
	char *clean = sanitize_str(name, SANITIZE_LINE), *detail = tab ? sanitize_str(tab + 1, SANITIZE_LINE) : NULL;
	char *text = urgent ? xasprintf("%zu new in %s, %zu critical or high: %s%s%s%s", n, p->ops->title, urgent, clean,
					detail ? " (" : "", detail ? detail : "", detail ? ")" : "")
			    : xasprintf("%zu new in %s.", n, p->ops->title);
	/* News, not an error: ! keeps showing the last error. */
	app_message(a, APP_MSG_INFO, "%s", text);
	enum notify_kind k = urgent ? app_notify_kind(a) : NOTIFY_OFF;
	if (k == NOTIFY_BELL) {
		beep();
	} else if (k == NOTIFY_OSC9 || k == NOTIFY_OSC777) {
		char *seq = notify_sequence(k, "ktriage", text);
		app_terminal_write(seq);
		free(seq);
	}
	free(text);
	free(name);
	free(clean);
	free(detail);
}

void app_live_load(struct app *a)
{
	char *path = lastseen_path();
	for (size_t i = 0; i < a->n_panes; i++) {
		struct pane *p = a->panes[i];
		if (!p->ops->row_time)
			continue;
		char *t = lastseen_get(path, a->profile->name, a->profile->space, p->ops->name);
		if (t)
			pane_set_seen_marker(p, t);
		free(t);
	}
	free(path);
}

void app_live_save(struct app *a)
{
	char *path = lastseen_path();
	for (size_t i = 0; i < a->n_panes; i++) {
		struct pane *p = a->panes[i];
		char *err = NULL;
		if (!p->ops->row_time || !p->seen_upto || !p->loaded_once)
			continue;
		/* Quitting is no time for a dialog: a marker that cannot be kept is only missed next time. */
		if (lastseen_set(path, a->profile->name, a->profile->space, p->ops->name, p->seen_upto, &err) < 0)
			free(err);
	}
	free(path);
}
