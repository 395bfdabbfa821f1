/* Key scripts: screen tests drive the real program with them (KTRIAGE_SCRIPT=file). */
#ifndef KT_SCRIPT_H
#define KT_SCRIPT_H
#include <stdbool.h>

struct strbuf;

/* How long "await" waits for its text: far beyond need, only there so a bug fails instead of hanging. */
#define SCRIPT_AWAIT_MS 30000

/* What the next script line asks for. */
enum script_op {
	SCRIPT_KEYS,   /* press keys (one or more) */
	SCRIPT_WAIT,   /* wait until no request is in flight */
	SCRIPT_DUMP,   /* write the screen to a file */
	SCRIPT_RESIZE, /* resize the virtual terminal */
	SCRIPT_SLEEP,  /* let time pass (ms) */
	SCRIPT_EXPECT, /* the screen must show text (or must not, when negated) */
	SCRIPT_END,    /* no more lines */
};

/* One step. */
struct script_step {
	enum script_op op;
	int *keys;         /* SCRIPT_KEYS */
	int n_keys;
	char *path;        /* SCRIPT_DUMP */
	int cols, lines;   /* SCRIPT_RESIZE */
	int ms;            /* SCRIPT_SLEEP */
	char *text;        /* SCRIPT_EXPECT */
	bool negate;       /* SCRIPT_EXPECT: "expect-not" */
	bool await;        /* SCRIPT_EXPECT: "await": wait (bounded) for the screen to show it */
	int lineno;        /* where the step is in the script */
};

struct script;

/*
 * Open a script. Lines: "key NAME..." (Enter, Esc, Tab, BTab, Up, Down, PgUp, PgDn,
 * Home, End, Space, C-x, F1..., or a character), "type TEXT" (each character),
 * "wait", "dump FILE", "resize COLS LINES", "sleep MS", "expect TEXT" (the screen shows
 * TEXT), "expect-not TEXT", "await TEXT" (the screen comes to show TEXT within
 * SCRIPT_AWAIT_MS, for what shows while requests are in flight); "#" starts a comment.
 */
struct script *script_open(const char *path, char **err);
/* The next step (owned by the script until the next call); 0, or -1 with *err for a bad line. */
int script_next(struct script *s, struct script_step *step, char **err);
/* Close it. */
void script_close(struct script *s);
/* The visible screen as text (one line per row, a '>' gutter on rows in the selected colour). */
void script_screen_text(struct strbuf *out, int selected_attr);
/* Write the screen text to a file; 0, or -1 with *err. */
int script_dump_screen(const char *path, int selected_attr, char **err);

#endif
