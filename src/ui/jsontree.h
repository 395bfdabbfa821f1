/*
 * The model behind the JSON viewer: a JSON document as lines that fold and unfold,
 * with search and paths. It draws nothing; every text it hands out is sanitized.
 */
#ifndef KT_JSONTREE_H
#define KT_JSONTREE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "ui/theme.h"

struct jsontree;

/* One coloured piece of a line. */
struct jsontree_seg {
	const char *text;       /* sanitized, owned by the tree (or static) */
	enum theme_role role;
};

/* Most pieces a line has: key, colon, value or bracket, fold summary, comma. */
#define JSONTREE_MAX_SEGS 5

/* A visible line, ready to draw. */
struct jsontree_line {
	int depth;              /* indent level */
	bool container;         /* an object or array (foldable when not empty) */
	bool folded;
	bool closing;           /* the closing bracket line of an open container */
	struct jsontree_seg segs[JSONTREE_MAX_SEGS];
	size_t n_segs;
};

/* A tree for root (a reference is taken); every container starts unfolded. */
struct jsontree *jsontree_new(json_t *root);
/* Free it. */
void jsontree_free(struct jsontree *t);
/* Lines visible now. */
size_t jsontree_count(const struct jsontree *t);
/* The pieces of visible line i (i < count); the texts live until the tree changes. */
void jsontree_line(struct jsontree *t, size_t i, struct jsontree_line *out);
/* Fold (fold true) or unfold the container on line i (its closing line counts); returns the line it now starts on. */
size_t jsontree_set_fold(struct jsontree *t, size_t i, bool fold);
/* Toggle the container on line i; a scalar line is left alone. Returns the line the container starts on. */
size_t jsontree_toggle(struct jsontree *t, size_t i);
/* Fold every container below the root (fold true), or unfold everything. */
void jsontree_fold_all(struct jsontree *t, bool fold);
/* The line of the container that holds line i's value (i itself for the root). */
size_t jsontree_parent(const struct jsontree *t, size_t i);
/* True when line i is an unfolded container with members (its first member is on line i + 1). */
bool jsontree_is_open(const struct jsontree *t, size_t i);
/* True when line i's key or value contains needle (ASCII case-insensitive). */
bool jsontree_matches(const struct jsontree *t, size_t i, const char *needle);
/*
 * The next value (forward) or previous one after/before line `from` whose key or text holds
 * needle, searching folded parts too and wrapping around; its ancestors are unfolded.
 * true with *line set, false when nothing matches.
 */
bool jsontree_find(struct jsontree *t, const char *needle, size_t from, bool forward, size_t *line);
/* Where line i's value sits, as "$.cases[3].title" (sanitized; caller frees). */
char *jsontree_path(const struct jsontree *t, size_t i);
/* The JSON value of line i (borrowed from the tree). */
json_t *jsontree_value(const struct jsontree *t, size_t i);

#endif
