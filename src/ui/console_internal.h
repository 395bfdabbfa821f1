/* What the response console's files share: its state, its scrollback and its table of commands. */
#ifndef KT_CONSOLE_INTERNAL_H
#define KT_CONSOLE_INTERNAL_H
#include "ui/textinput.h"
#include "cmd/cmd.h"
#include "core/record.h"
#include <stdbool.h>
#include <stddef.h>

struct app;
struct view;
struct endpoint_host;
struct action_process_list;

/* Where a command of the scrollback is. */
enum entry_state {
	ENTRY_RUNNING,  /* checks, lookups, the question */
	ENTRY_PENDING,  /* the action is in Kibana, not done */
	ENTRY_DONE,
	ENTRY_FAILED,
	ENTRY_NOTE,     /* a line of the console's own */
};

/* One command typed and what came of it. */
struct console_entry {
	char *line;            /* as typed (for a note: the note) */
	enum entry_state state;
	char *action_id;       /* the response action it started, or NULL */
	char *command;         /* that action's command */
	long long started;     /* wall clock, for "pending 3s" */
	char **lines;          /* messages and tables shown under it */
	size_t n_lines;
	struct record outcome; /* what the action came to */
	char *error;
	bool polling;
};

/* A response console: one host, its scrollback, the line being typed. */
struct console {
	struct app *app;
	struct view *text;          /* the scrollback: a text view drawn inside the console, never pushed */
	struct cmd_host host;       /* how the commands it runs show themselves */
	char *asked;                /* the endpoint as given: an id or a host name */
	struct endpoint_host *ep;   /* the host, once found */
	char *prompt;               /* "WIN-SQL02> " */
	struct textinput input;
	struct console_entry *entries;
	size_t n;
	char **history;
	size_t n_history, hist_pos;
	char *draft;                /* the line being typed while browsing history */
	struct action_process_list *procs; /* the last process list: Tab completes its pids */
	char **paths;               /* paths typed or seen: Tab completes them */
	size_t n_paths;
	char **cands;               /* completions shown after Tab */
	size_t n_cands;
	char *last_action;          /* the last action started here */
	char *last_files;           /* the last one that left a file */
	unsigned refs;              /* requests and commands in flight hold the console */
	bool gone;                  /* its view is closed */
	bool follow;                /* the scrollback shows its end */
};

/* The console's commands: its word (and Kibana's console name), the command it runs, what it adds. */
struct console_cmd {
	const char *word;
	const char *alias;     /* Kibana's console name, or NULL */
	const char *words;     /* the command of the table */
	bool host;             /* the console adds --endpoint */
	bool action;           /* takes an action id first: the console's last one when none is given */
};

/* The console's commands, in the order help lists them. */
extern const struct console_cmd console_cmds[];
/* How many there are. */
extern const size_t console_n_cmds;

/* The console word of a line's first word (its own or Kibana's name), or NULL. */
const struct console_cmd *console_cmd_of(const char *word);
/* Redraw the scrollback (nothing once the view is closed). */
void console_render(struct console *c);
/* Add a line of the console's own to the scrollback. */
void console_note(struct console *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Something in flight is over: false when the console is gone (freed once nothing holds it). */
bool console_release(struct console *c);
/* Free n strings and their array. */
void console_strv_free(char **v, size_t n);

/* Look the host up (an agent id, else a host name), then its recent actions (console_host.c). */
void console_host_find(struct console *c, const char *endpoint);
/* A path typed or seen on the host: Tab completes it. */
void console_host_add_path(struct console *c, const char *path);
/* The view's tick: follow the actions still pending. */
void console_host_tick(struct view *v);

/* Tab: complete the word before the cursor, or list the candidates (console_complete.c). */
void console_complete_tab(struct console *c);
/* "4242 powershell.exe": a candidate with what it names, when the console knows (caller frees). */
char *console_complete_label(struct console *c, const char *cand);

#endif
