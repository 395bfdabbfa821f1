/* The terminal the full-screen UI runs on: a TERM it can use. */
#ifndef KT_TERMINAL_H
#define KT_TERMINAL_H
#include <stdbool.h>

/*
 * Check TERM before curses starts: an unknown one (xterm-kitty or alacritty on a jump host
 * without their terminfo) falls back to xterm-256color, xterm or vt100 (TERM is changed and
 * *note says so); false with *why when none can be used (TERM=dumb, unset, or nothing known).
 */
bool terminal_pick(char **why, char **note);

#endif
