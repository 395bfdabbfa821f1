/* The ':' command line: GNU readline through its callback interface, fed by the UI loop. */
#ifndef KT_PROMPT_H
#define KT_PROMPT_H
#include <stdbool.h>

struct app;

/* Load history; call once after the screen is up. */
void prompt_init(struct app *a);
/* Save history and release readline. */
void prompt_fini(void);
/* Start editing a command line (with initial text). */
void prompt_open(struct app *a, const char *initial);
/* True while the prompt is open. */
bool prompt_active(void);
/* Feed one key; Enter runs the line, Esc cancels. */
void prompt_key(struct app *a, int key);
/* Draw the prompt line at row y, width w (and the candidates above it after Tab). */
void prompt_draw(int y, int w);
/* The history file: $XDG_STATE_HOME/ktriage/history; caller frees. */
char *prompt_history_path(void);
/* True when a line must not be kept in history (it may hold a secret). */
bool prompt_line_secret(const char *line);
/*
 * What a line is kept as in history (and so in the history file, which `cat` replays to
 * a terminal): NULL when it must not be kept, else the line made safe for a terminal, as an
 * id completed from server data may carry escape sequences. Caller frees.
 */
char *prompt_history_text(const char *line);

#endif
