/* The app's state, shared by the files that make up the TUI shell (app*.c). */
#ifndef KT_APP_INTERNAL_H
#define KT_APP_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/app.h"
#include "ui/textinput.h"
#include "ui/theme.h"

struct script;

/* Minimum terminal size the layout needs. */
#define APP_MIN_COLS 50
#define APP_MIN_LINES 10

/* What the bottom line is being used for (the ':' prompt is prompt.c's). */
enum app_input { APP_INPUT_NONE, APP_INPUT_FILTER };

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
	bool dirty;
	bool quit;
	enum app_input input;
	struct textinput line;
	struct script *script;
	bool script_waiting;
	long long script_sleep_until;
	int sig_pipe[2];
	unsigned spin;
	long long last_tick;
	long long now_override;
	int exit_code;
	unsigned commands;     /* commands running */
};

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
/* Open the help overlay. */
void app_open_help(struct app *a);

#endif
