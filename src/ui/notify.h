/*
 * Telling the user, outside the screen, that something urgent came in: the terminal's bell, or a
 * desktop notification through the terminal (OSC 9, as iTerm2, kitty, WezTerm and Ghostty take
 * it; OSC 777, as foot, WezTerm and Ghostty take it). Off unless asked for; "auto" uses a
 * notification only where the terminal says it is one that shows them.
 */
#ifndef KT_NOTIFY_H
#define KT_NOTIFY_H
#include <stdbool.h>

/* How urgent new rows are announced. */
enum notify_kind { NOTIFY_OFF, NOTIFY_BELL, NOTIFY_AUTO, NOTIFY_OSC9, NOTIFY_OSC777 };

/* The kind called s ("off", "bell", "auto", "osc9", "osc777"); false when there is none. */
bool notify_parse(const char *s, enum notify_kind *out);
/* The name of a kind. */
const char *notify_name(enum notify_kind k);
/*
 * What auto means here, from the environment's TERM, TERM_PROGRAM, KITTY_WINDOW_ID and TMUX: the
 * notification the terminal takes, else the bell (inside tmux, which passes neither: the bell).
 */
enum notify_kind notify_detect(const char *term, const char *term_program, bool kitty, bool tmux);
/*
 * The bytes of a desktop notification (OSC 9 or OSC 777) with title and body; nothing in them can
 * end the sequence or start another (server text goes in the body). NULL for the other kinds;
 * caller frees.
 */
char *notify_sequence(enum notify_kind k, const char *title, const char *body);

#endif
