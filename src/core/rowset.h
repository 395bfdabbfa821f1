/*
 * Rows of one kind (a pane's cases, alerts...) in one array, with an index by id: pages
 * are appended, a row a later page repeats is dropped, and a row is found by its id.
 */
#ifndef KT_ROWSET_H
#define KT_ROWSET_H
#include <stddef.h>

/* What the set needs to know of its rows. */
struct rowset_kind {
	size_t size;                          /* bytes per row */
	void (*release)(void *row);           /* free what a row holds (leaves it zeroed) */
	const char *(*id)(const void *row);   /* the row's id, or NULL (never matched) */
	void (*copy)(void *dst, const void *src); /* optional: a deep copy into a zeroed row */
};

/* The rows. */
struct rowset {
	const struct rowset_kind *kind;
	char *data;
	size_t n, cap;
	size_t *slots;    /* open-addressed index: row + 1, 0 = empty */
	size_t n_slots;   /* a power of two, or 0 */
};

/* Index returned when no row matches. */
#define ROWSET_NONE ((size_t)-1)

/* Start an empty set of rows of a kind. */
void rowset_init(struct rowset *s, const struct rowset_kind *kind);
/* Clear every row and free the storage. */
void rowset_free(struct rowset *s);
/* Clear every row, keeping the storage. */
void rowset_clear(struct rowset *s);
/* Row i (i < n). */
void *rowset_at(const struct rowset *s, size_t i);
/* The index of the row with this id, or ROWSET_NONE. */
size_t rowset_find(const struct rowset *s, const char *id);
/*
 * Move n rows (an array of kind->size items) to the end; each source row is left zeroed.
 * A row whose id the set already holds is cleared instead of added. Returns how many were added.
 */
size_t rowset_append(struct rowset *s, void *rows, size_t n);
/* As rowset_append, but the new rows go first (in their order); rows already held keep their place. */
size_t rowset_prepend(struct rowset *s, void *rows, size_t n);
/* Replace row i with *row (moved; the source is left zeroed): a newer copy of the same object. */
void rowset_replace(struct rowset *s, size_t i, void *row);

#endif
