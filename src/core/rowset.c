#include "config.h"
#include "core/rowset.h"
#include "core/xalloc.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void rowset_init(struct rowset *s, const struct rowset_kind *kind)
{
	memset(s, 0, sizeof(*s));
	s->kind = kind;
}

void *rowset_at(const struct rowset *s, size_t i)
{
	return s->data + i * s->kind->size;
}

static size_t rowset_hash(const char *id)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return (size_t)h;
}

static void rowset_index(struct rowset *s, size_t row)
{
	const char *id = s->kind->id(rowset_at(s, row));
	if (!id)
		return;
	size_t mask = s->n_slots - 1;
	for (size_t k = rowset_hash(id) & mask;; k = (k + 1) & mask) {
		if (!s->slots[k]) {
			s->slots[k] = row + 1;
			return;
		}
	}
}

/* Rebuild the index for at least want rows (load factor under one half). */
static void rowset_reindex(struct rowset *s, size_t want)
{
	size_t n = s->n_slots ? s->n_slots : 64;
	while (n < 2 * want + 2)
		n *= 2;
	if (n != s->n_slots) {
		free(s->slots);
		s->slots = xcalloc(n, sizeof(size_t));
		s->n_slots = n;
	} else {
		memset(s->slots, 0, n * sizeof(size_t));
	}
	for (size_t i = 0; i < s->n; i++)
		rowset_index(s, i);
}

size_t rowset_find(const struct rowset *s, const char *id)
{
	if (!id || !s->n_slots)
		return ROWSET_NONE;
	size_t mask = s->n_slots - 1;
	for (size_t k = rowset_hash(id) & mask; s->slots[k]; k = (k + 1) & mask) {
		const char *other = s->kind->id(rowset_at(s, s->slots[k] - 1));
		if (other && !strcmp(other, id))
			return s->slots[k] - 1;
	}
	return ROWSET_NONE;
}

static void rowset_reserve(struct rowset *s, size_t extra)
{
	if (s->n + extra > s->cap) {
		s->cap = (s->n + extra) * 2;
		s->data = xreallocarray(s->data, s->cap, s->kind->size);
	}
	if (2 * (s->n + extra) + 2 > s->n_slots)
		rowset_reindex(s, s->n + extra);
}

/* Whether a source row is new: not a repeat of a held row (nor of one added earlier from the same batch). */
static bool rowset_is_new(const struct rowset *s, const void *row)
{
	return rowset_find(s, s->kind->id(row)) == ROWSET_NONE;
}

size_t rowset_append(struct rowset *s, void *rows, size_t n)
{
	size_t size = s->kind->size, added = 0;
	rowset_reserve(s, n);
	for (size_t i = 0; i < n; i++) {
		char *src = (char *)rows + i * size;
		if (!rowset_is_new(s, src)) {
			s->kind->release(src);
			memset(src, 0, size);
			continue;
		}
		memcpy(rowset_at(s, s->n), src, size);
		memset(src, 0, size);
		rowset_index(s, s->n++);
		added++;
	}
	return added;
}

size_t rowset_prepend(struct rowset *s, void *rows, size_t n)
{
	size_t size = s->kind->size, added = 0;
	rowset_reserve(s, n);
	/* Keep the new ones in order at the end first, then rotate them to the front. */
	size_t old = s->n;
	added = rowset_append(s, rows, n);
	if (!added)
		return 0;
	char *tmp = xmalloc(added * size);
	memcpy(tmp, rowset_at(s, old), added * size);
	memmove(rowset_at(s, added), s->data, old * size);
	memcpy(s->data, tmp, added * size);
	free(tmp);
	rowset_reindex(s, s->n);
	return added;
}

void rowset_replace(struct rowset *s, size_t i, void *row)
{
	void *dst = rowset_at(s, i);
	const char *a = s->kind->id(dst), *b = s->kind->id(row);
	bool same = a && b && !strcmp(a, b);
	s->kind->release(dst);
	memcpy(dst, row, s->kind->size);
	memset(row, 0, s->kind->size);
	if (!same)
		rowset_reindex(s, s->n);
}

void rowset_clear(struct rowset *s)
{
	for (size_t i = 0; i < s->n; i++) {
		s->kind->release(rowset_at(s, i));
		memset(rowset_at(s, i), 0, s->kind->size);
	}
	s->n = 0;
	if (s->slots)
		memset(s->slots, 0, s->n_slots * sizeof(size_t));
}

void rowset_free(struct rowset *s)
{
	rowset_clear(s);
	free(s->data);
	free(s->slots);
	s->data = NULL;
	s->slots = NULL;
	s->cap = s->n_slots = 0;
}
