/* The TUI application: screen layout, the event loop, panes and the view stack. */
#ifndef KT_APP_H
#define KT_APP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ui/theme.h"

struct app;
struct profile;
struct worker;
struct pane;
struct view;
struct cmd_def;
struct strbuf;

/* Kinds of status-line messages. */
enum app_msg { APP_MSG_INFO, APP_MSG_SUCCESS, APP_MSG_ERROR };

/* Options the front end starts with. */
struct app_options {
	const struct profile *profile;
	const char *theme;        /* theme name, or NULL for the profile's or the default */
	const char *script;       /* key script for screen tests, or NULL */
	bool demo;                /* running against the embedded demo */
	const char *config_path;  /* the config file profiles are read from (:profile), or NULL for the default */
	bool readonly;            /* --readonly was given: every profile switched to is read-only too */
};

/* Run the TUI until the user quits; returns the exit code. */
int app_run(const struct app_options *o);

/* The profile in use. */
const struct profile *app_profile(struct app *a);
/* The worker every request goes through. */
struct worker *app_worker(struct app *a);
/* Show a message on the status line. */
void app_message(struct app *a, enum app_msg kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Remember an error for ! (status-line errors are remembered by app_message). */
void app_note_error(struct app *a, const char *text);
/* Push a view on top (the app owns it from now on). */
void app_push_view(struct app *a, struct view *v);
/* Remove and destroy view v wherever it is on the stack. */
void app_close_view(struct app *a, struct view *v);
/* Take view v off the stack without destroying it (a form waiting for its command). */
void app_detach_view(struct app *a, struct view *v);
/* Destroy a view that is not on the stack. */
void app_destroy_view(struct view *v);
/*
 * Run a form's command (argv); the form (detached) comes back with the problem on its field when
 * the command's checks refuse it, keeps its free text as a draft when Kibana could not be reached,
 * and is destroyed otherwise.
 */
void app_run_form(struct app *a, struct pane *origin, struct view *form, int argc, char **argv);
/* The serial number a view got when pushed (0 if it is not on the stack). */
unsigned long app_view_serial(struct app *a, struct view *v);
/* v if it is still on the stack with that serial (views can go while a request runs), else NULL. */
struct view *app_find_view(struct app *a, struct view *v, unsigned long serial);
/* Tell every open view that the data under it may have changed. */
void app_refresh_views(struct app *a);
/* Ask for a redraw. */
void app_dirty(struct app *a);
/* The pane called name ("cases"), or NULL. */
struct pane *app_pane(struct app *a, const char *name);
/* Make a pane the current one. */
void app_show_pane(struct app *a, struct pane *p);
/* The current pane. */
struct pane *app_current_pane(struct app *a);
/* Run a command line typed at ':' (or from a script). */
void app_run_line(struct app *a, const char *line);
/* Run a command from argv on behalf of a pane (may be NULL); results refresh that pane. */
void app_run_argv(struct app *a, struct pane *origin, int argc, char **argv);
/*
 * Open a command with arguments from given, then from the pane's selection; a form asks
 * for the rest (only the missing required ones with only_required, as for a bound line).
 */
void app_open_command(struct app *a, struct pane *p, const struct cmd_def *def, const char *const *given,
		      bool only_required);
/* Open a command as a form with some arguments already given (names/values, NULL-terminated pairs). */
void app_open_form(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given);
/* As app_open_form, but run at once when every required argument is given. */
void app_open_form_required(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given);
/* True when the profile refuses changes. */
bool app_readonly(struct app *a);
/* Wall-clock now for relative times (KTRIAGE_NOW can pin it for tests). */
long long app_now(struct app *a);
/* Every pane, in tab order. */
struct pane **app_panes(struct app *a, size_t *n);
/* Ask a yes/no question in a dialog; done(ctx, answer) runs once. */
void app_confirm(struct app *a, const char *question, void (*done)(void *ctx, bool yes), void *ctx);
/*
 * Rows came in new in a pane (a refresh): the status line says so; when some are urgent, the bell
 * rings or the terminal shows a notification as `set notify` says. label is the first urgent
 * row's "label\tdetail" (server text), or "".
 */
void app_rows_arrived(struct app *a, struct pane *p, size_t n, size_t urgent, const char *label);
/* Append the spaces the Kibana in use lists, "id\tname" one a line (completion; empty until they are known). */
void app_known_spaces(struct app *a, struct strbuf *out);
/* Append the profiles of the config file, one a line (completion). */
void app_known_profiles(struct app *a, struct strbuf *out);
/* The spinner's current frame ("|", "/", "-", "\\"), turning while requests run. */
const char *app_spinner(struct app *a);

#endif
