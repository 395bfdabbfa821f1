/*
 * What a key does where it is pressed: the user's bindings first, then the pane's own
 * commands and actions, then commands of no pane, then the request table. The hint bar,
 * `?` help and the man page ask the same lookup, so a key works where it is hinted.
 */
#ifndef KT_KEYMAP_H
#define KT_KEYMAP_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/action.h"

struct cmd_def;
struct pane_action;
struct pane_ops;
struct strbuf;

/* What a key leads to. */
enum keymap_kind { KEYMAP_NONE, KEYMAP_REQ, KEYMAP_ACTION, KEYMAP_COMMAND, KEYMAP_LINE };

/* The outcome of a lookup. */
struct keymap_hit {
	enum keymap_kind kind;
	enum action_req req;                 /* KEYMAP_REQ */
	const struct pane_action *action;    /* KEYMAP_ACTION */
	const struct cmd_def *def;           /* KEYMAP_COMMAND, and KEYMAP_LINE when the line names a command */
	const char *line;                    /* KEYMAP_LINE: a command line the user bound */
};

/* A user's binding (bind KEY [--pane P] ACTION-OR-COMMAND...). */
struct keymap_bind {
	int key;
	char *pane;             /* NULL: everywhere */
	enum action_req req;    /* bound to a request, or REQ_NONE */
	char *line;             /* bound to a command line, or NULL */
};

/* Bindings in effect. */
struct keymap {
	struct keymap_bind *binds;
	size_t n;
};

/* Most keys shown for one item. */
#define KEYMAP_ITEM_KEYS 4

/* One entry of a hint bar or a help section. */
struct keymap_item {
	int keys[KEYMAP_ITEM_KEYS]; /* the keys that do it now, the first one hinted */
	size_t n_keys;
	const char *label;      /* short label (hint bar) */
	const char *help;       /* one line (help) */
	const struct cmd_def *def; /* the command it runs, if any */
	enum action_req req;       /* the request it is, if any */
};

/* Free every binding. */
void keymap_free(struct keymap *km);
/* Bind key (in one pane, or everywhere when pane is NULL) to a request name or a command line; 0, or -1 with *err. */
int keymap_bind(struct keymap *km, int key, const char *pane, const char *what, char **err);
/* What key does in a pane (ops may be NULL) in a view of kind where (WHERE_GLOBAL requests apply everywhere). */
struct keymap_hit keymap_lookup(const struct keymap *km, int key, const struct pane_ops *ops, unsigned where);
/*
 * Everything that can be done where (in a pane, or none), each with the key that does it now: the pane's
 * commands and actions, the user's bound lines, then the requests; hinted_only keeps those with a hint label.
 * Returns the count; *items is allocated (caller frees).
 */
size_t keymap_items(const struct keymap *km, const struct pane_ops *ops, unsigned where, bool hinted_only,
		    struct keymap_item **items);

#endif
