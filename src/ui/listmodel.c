#include "config.h"
#include "ui/listmodel.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LISTMODEL_NONE ((size_t)-1)

void listmodel_init(struct listmodel *m, listmodel_text_fn text, listmodel_cmp_fn cmp, void *ctx)
{
	memset(m, 0, sizeof(*m));
	m->text = text;
	m->cmp = cmp;
	m->ctx = ctx;
}

void listmodel_free(struct listmodel *m)
{
	free(m->visible);
	free(m->marks);
	free(m->filter);
	memset(m, 0, sizeof(*m));
}

size_t listmodel_row_at(const struct listmodel *m, size_t pos)
{
	return pos < m->n_visible ? m->visible[pos] : LISTMODEL_NONE;
}

size_t listmodel_cursor_row(const struct listmodel *m)
{
	return listmodel_row_at(m, m->cursor);
}

/* ASCII case-insensitive substring test; needle is already lower-case. */
static bool listmodel_contains(const char *hay, size_t len, const char *needle)
{
	size_t nl = strlen(needle);
	if (nl == 0)
		return true;
	for (size_t i = 0; i + nl <= len; i++) {
		size_t k = 0;
		while (k < nl && tolower((unsigned char)hay[i + k]) == (unsigned char)needle[k])
			k++;
		if (k == nl)
			return true;
	}
	return false;
}

/* The model sorting is a stable merge of data order with the comparator. */
static struct listmodel *listmodel_sorting;

static int listmodel_qcmp(const void *a, const void *b)
{
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	int c = listmodel_sorting->cmp(listmodel_sorting->ctx, ra, rb);
	if (listmodel_sorting->descending)
		c = -c;
	if (c == 0)
		c = ra < rb ? -1 : ra > rb;
	return c;
}

/* Rebuild visible from data, filter and sort; keep the cursor on row if it is still shown. */
static void listmodel_rebuild(struct listmodel *m, size_t keep_row)
{
	free(m->visible);
	m->visible = xcalloc(m->n_rows + 1, sizeof(size_t));
	m->n_visible = 0;
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t r = 0; r < m->n_rows; r++) {
		if (m->filter) {
			strbuf_reset(&sb);
			m->text(m->ctx, r, &sb);
			if (!listmodel_contains(sb.buf, sb.len, m->filter))
				continue;
		}
		m->visible[m->n_visible++] = r;
	}
	strbuf_free(&sb);
	if (m->cmp && m->n_visible > 1) {
		listmodel_sorting = m;
		qsort(m->visible, m->n_visible, sizeof(size_t), listmodel_qcmp);
		listmodel_sorting = NULL;
	}
	m->cursor = 0;
	if (keep_row != LISTMODEL_NONE)
		listmodel_select_row(m, keep_row);
	if (m->top > m->cursor)
		m->top = m->cursor;
}

void listmodel_set_rows(struct listmodel *m, size_t n, size_t keep)
{
	size_t cur = listmodel_cursor_row(m);
	size_t old_cursor = m->cursor;
	bool *marks = xcalloc(n + 1, sizeof(bool));
	m->n_marked = 0;
	for (size_t r = 0; r < keep && r < n && m->marks && r < m->n_rows; r++) {
		marks[r] = m->marks[r];
		m->n_marked += marks[r];
	}
	free(m->marks);
	m->marks = marks;
	m->n_rows = n;
	bool kept = cur != LISTMODEL_NONE && cur < keep;
	listmodel_rebuild(m, kept ? cur : LISTMODEL_NONE);
	if (!kept)
		listmodel_set_cursor(m, old_cursor);
}

void listmodel_prepend(struct listmodel *m, size_t n)
{
	if (!n)
		return;
	size_t cur = listmodel_cursor_row(m);
	size_t line = m->cursor >= m->top ? m->cursor - m->top : 0;
	bool *marks = xcalloc(m->n_rows + n + 1, sizeof(bool));
	if (m->marks)
		memcpy(marks + n, m->marks, m->n_rows * sizeof(bool));
	free(m->marks);
	m->marks = marks;
	m->n_rows += n;
	listmodel_rebuild(m, cur == LISTMODEL_NONE ? LISTMODEL_NONE : cur + n);
	if (cur != LISTMODEL_NONE)
		m->top = m->cursor >= line ? m->cursor - line : 0;
}

void listmodel_set_filter(struct listmodel *m, const char *filter)
{
	size_t cur = listmodel_cursor_row(m);
	free(m->filter);
	m->filter = NULL;
	if (filter && *filter) {
		m->filter = xstrdup(filter);
		for (char *p = m->filter; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	listmodel_rebuild(m, cur);
}

void listmodel_set_sort(struct listmodel *m, listmodel_cmp_fn cmp, bool descending)
{
	size_t cur = listmodel_cursor_row(m);
	m->cmp = cmp;
	m->descending = descending;
	listmodel_rebuild(m, cur);
}

void listmodel_set_cursor(struct listmodel *m, size_t pos)
{
	if (m->n_visible == 0) {
		m->cursor = 0;
		return;
	}
	m->cursor = pos >= m->n_visible ? m->n_visible - 1 : pos;
}

void listmodel_move(struct listmodel *m, long delta)
{
	if (delta < 0 && (size_t)-delta > m->cursor)
		listmodel_set_cursor(m, 0);
	else
		listmodel_set_cursor(m, m->cursor + (size_t)delta);
}

bool listmodel_select_row(struct listmodel *m, size_t row)
{
	for (size_t i = 0; i < m->n_visible; i++) {
		if (m->visible[i] == row) {
			m->cursor = i;
			return true;
		}
	}
	return false;
}

void listmodel_scroll(struct listmodel *m, int height)
{
	if (height <= 0)
		return;
	size_t h = (size_t)height;
	if (m->cursor < m->top)
		m->top = m->cursor;
	else if (m->cursor >= m->top + h)
		m->top = m->cursor - h + 1;
	/* Never leave empty space below the list when rows could fill it. */
	if (m->n_visible >= h && m->top > m->n_visible - h)
		m->top = m->n_visible - h;
	if (m->n_visible < h)
		m->top = 0;
}

void listmodel_toggle_mark(struct listmodel *m)
{
	size_t r = listmodel_cursor_row(m);
	if (r == LISTMODEL_NONE)
		return;
	m->marks[r] = !m->marks[r];
	if (m->marks[r])
		m->n_marked++;
	else
		m->n_marked--;
}

void listmodel_set_mark(struct listmodel *m, size_t row, bool on)
{
	if (row >= m->n_rows || m->marks[row] == on)
		return;
	m->marks[row] = on;
	if (on)
		m->n_marked++;
	else
		m->n_marked--;
}

void listmodel_clear_marks(struct listmodel *m)
{
	if (m->marks)
		memset(m->marks, 0, m->n_rows * sizeof(bool));
	m->n_marked = 0;
}

size_t *listmodel_selection(const struct listmodel *m, size_t *n)
{
	size_t *sel = xcalloc(m->n_marked + 1, sizeof(size_t));
	*n = 0;
	if (m->n_marked) {
		for (size_t r = 0; r < m->n_rows; r++)
			if (m->marks[r])
				sel[(*n)++] = r;
	} else if (listmodel_cursor_row(m) != LISTMODEL_NONE) {
		sel[(*n)++] = listmodel_cursor_row(m);
	}
	return sel;
}
