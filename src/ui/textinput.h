/* A one-line text editor for the filter, the prompt and form fields (UTF-8 aware). */
#ifndef KT_TEXTINPUT_H
#define KT_TEXTINPUT_H
#include <stdbool.h>
#include <stddef.h>
#include "core/strbuf.h"
#include "ui/theme.h"

/* The text and where the cursor is (a byte offset on a character boundary). */
struct textinput {
	struct strbuf text;
	size_t cursor;
	bool multiline;   /* Enter inserts a newline (forms' long text) */
	int top;          /* first line shown when multiline */
};

/* Start empty. */
void textinput_init(struct textinput *t, bool multiline);
/* Free it. */
void textinput_free(struct textinput *t);
/* Replace the text; the cursor goes to the end. */
void textinput_set(struct textinput *t, const char *s);
/* Edit with a key (characters insert; arrows, Home/End, Backspace, Del, C-a C-e C-u C-k C-w); true if used. */
bool textinput_key(struct textinput *t, int key);
/* Draw at (y, x) in w columns (and h lines when multiline); with focus, the cursor is placed. */
void textinput_draw(struct textinput *t, int y, int x, int h, int w, enum theme_role role, bool focus);

#endif
