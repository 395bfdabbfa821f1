/* The app's state, shared by the files that make up the TUI shell (app*.c). */
#ifndef KT_APP_INTERNAL_H
#define KT_APP_INTERNAL_H
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "ui/app.h"
#include "ui/keymap.h"
#include "ui/textinput.h"
#include "ui/theme.h"

struct script;

/* Minimum terminal size the layout needs. */
#define APP_MIN_COLS 50
#define APP_MIN_LINES 10

/* What the bottom line is being used for (the ':' prompt is prompt.c's). */
enum app_input { APP_INPUT_NONE, APP_INPUT_FILTER };

/* The running TUI: its panes, views, status line, input modes and settings. */
struct app {
	const struct app_options *opts;
	const struct profile *profile;
	struct worker *worker;
	struct theme theme;
	struct pane **panes;
	size_t n_panes;
	size_t current;
	struct view **views;
	size_t n_views;
	char *msg;
	enum app_msg msg_kind;
	char *last_error;      /* the last error of any kind (a message, a pane's load), for ! */
	bool msg_is_retry;     /* msg is a retry countdown, of the job retry_job */
	uint64_t retry_job;
	bool dirty;
	bool quit;
	enum app_input input;
	struct textinput line;
	struct script *script;
	bool script_waiting;
	long long script_sleep_until;
	char *script_await;        /* text an "await" step waits for the screen to show */
	int script_await_line;
	long long script_await_until;
	int sig_fd;               /* signalfd of SIGTERM, SIGHUP, SIGINT and SIGCONT, or -1 */
	sigset_t sig_saved;        /* the signal mask before they were blocked for it */
	unsigned spin;
	long long last_tick;
	long long now_override;
	int exit_code;         /* 0 on q, 128+N when ended by signal N, 1 when the terminal went away */
	bool terminal_gone;
	unsigned commands;     /* commands running */
	struct keymap keymap;  /* the user's bindings */
	int refresh_s;         /* set refresh: reload the current pane this often (0: never) */
	long long last_refresh;
	int notify;            /* set notify: an enum notify_kind for new critical or high rows */
	char *kibana;          /* "kibana 9.2.0" once GET /api/status has answered (sanitized), or NULL */
	char *opener;          /* set opener: the program o opens links with, or NULL (o only shows them) */
	pid_t openers[8];      /* openers started and not yet reaped */
	size_t n_openers;
	int term_fd;           /* where curses writes: links and the clipboard go there too */
	struct profile *own_profile; /* the profile switched to (:profile, :space), owned; NULL: the one given */
	struct space_list *spaces;   /* the spaces of the Kibana in use, for :space (NULL until known) */
	unsigned long context;       /* bumped by every switch */
};

/* Apply a UI command (theme, bind, set); 0, or -1 with *err. */
int app_ui_command(struct app *a, const char *what, int argc, char **argv, char **err);
/* Run the config file's bind/set lines; problems go to the status line. */
void app_run_startup(struct app *a);
/* Reload the current pane when `set refresh` says it is time. */
void app_auto_refresh(struct app *a);
/* Free the bindings. */
void app_free_settings(struct app *a);
/* The "since I last looked" markers of the profile and space: into the panes (before they load). */
void app_live_load(struct app *a);
/* The panes' markers, kept for the next run (or the next switch of profile or space). */
void app_live_save(struct app *a);
/* Ask which Kibana this is, in the background; the header shows it when the answer comes (app_kibana.c). */
void app_kibana_fetch(struct app *a);
/* o, y and Y on what a view shows (the pane, its rows or its id): true when req is one of them. */
bool app_link_request(struct app *a, enum action_req req, struct pane *p, const void *const *rows, size_t n,
		      const char *id);
/* Reap openers that have exited. */
void app_links_reap(struct app *a);
/* Ask the Kibana in use for its spaces (completion, and checking :space). */
void app_context_fetch_spaces(struct app *a);
/* :space NAME: the same profile in another space; 0 (switched, or asking first), or -1 with *err. */
int app_switch_space(struct app *a, const char *space, char **err);
/* :profile NAME: a profile of the config file; 0 (switched, or asking first), or -1 with *err. */
int app_switch_profile(struct app *a, const char *name, char **err);
/* Free what switching keeps (after the worker is gone). */
void app_context_free(struct app *a);

/* Draw everything. */
void app_draw(struct app *a);
/* Handle one key. */
void app_key(struct app *a, int key);
/* Rows available to the current pane's list (for paging keys). */
int app_list_height(struct app *a);
/* Monotonic milliseconds. */
long long app_clock_ms(void);
/* The top view, or NULL. */
struct view *app_top_view(struct app *a);

#endif
