/* Putting text on the screen: clipped by display width, never past the given columns. */
#ifndef KT_DRAW_H
#define KT_DRAW_H
#include <curses.h>
#include <stdbool.h>
#include "ui/theme.h"

/* Draw sanitized UTF-8 at (y, x) within width columns in role's colours; pad fills the rest. Returns columns used. */
int draw_text(WINDOW *w, int y, int x, const char *s, int width, enum theme_role role, bool pad);
/* As draw_text with an explicit curses attribute. */
int draw_text_attr(WINDOW *w, int y, int x, const char *s, int width, int attr, bool pad);
/* Sanitize untrusted text to one line and draw it. */
int draw_untrusted(WINDOW *w, int y, int x, const char *s, int width, enum theme_role role, bool pad);
/* Fill width columns at (y, x) with spaces in role's colours. */
void draw_fill(WINDOW *w, int y, int x, int width, enum theme_role role);
/* Ask for the terminal cursor at (y, x) once this frame is drawn (inputs with focus call this). */
void draw_cursor_at(int y, int x);
/* Start a frame: no cursor unless someone asks. */
void draw_cursor_reset(void);
/* End a frame: show the cursor where it was asked for, or hide it. */
void draw_cursor_apply(void);
/* Draw a box border around a window in the border role with an optional title. */
void draw_box(WINDOW *w, const char *title);

#endif
