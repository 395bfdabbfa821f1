#include "config.h"
#include "ui/jsontree.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define JT_NONE SIZE_MAX

/* One JSON value of the document, in document order. */
struct jt_node {
	json_t *v;             /* borrowed from the root */
	const char *name;      /* member name as sent (borrowed), NULL for array elements and the root */
	char *key;             /* the name as drawn: quoted, escaped, sanitized; NULL without a name */
	char *text;            /* scalars: the value as drawn; NULL for containers */
	char *summary;         /* containers: " 3 keys", " 1 item" */
	enum theme_role role;
	int depth;
	size_t parent;         /* JT_NONE for the root */
	size_t end;            /* one past the last descendant */
	size_t index;          /* position among its parent's members */
	size_t n_children;
	bool container, array, folded, last;
};

/* A visible line: a value's opening line, or the closing bracket of an open container. */
struct jt_line {
	size_t node;
	bool closing;
};

struct jsontree {
	json_t *root;
	struct jt_node *nodes;
	size_t n, cap;
	struct jt_line *lines;
	size_t n_lines, cap_lines;
	size_t *line_of;       /* node -> its opening line, JT_NONE when hidden */
};

static char *jt_dump(json_t *v)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(15));
	char *clean = sanitize_str(s ? s : "?", SANITIZE_LINE);
	free(s);
	return clean;
}

static enum theme_role jt_role(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		return ROLE_JSON_STRING;
	case JSON_INTEGER:
	case JSON_REAL:
		return ROLE_JSON_NUMBER;
	default:
		return ROLE_JSON_LITERAL;
	}
}

static void jt_add(struct jsontree *t, json_t *v, const char *name, size_t parent, int depth, size_t index, bool last)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->nodes = xreallocarray(t->nodes, t->cap, sizeof(*t->nodes));
	}
	size_t me = t->n++;
	struct jt_node *nd = &t->nodes[me];
	memset(nd, 0, sizeof(*nd));
	nd->v = v;
	nd->name = name;
	if (name) {
		json_t *js = json_string(name);
		nd->key = jt_dump(js ? js : json_null());
		json_decref(js);
	}
	nd->depth = depth;
	nd->parent = parent;
	nd->index = index;
	nd->last = last;
	nd->container = json_is_object(v) || json_is_array(v);
	nd->array = json_is_array(v);
	if (!nd->container) {
		nd->text = jt_dump(v);
		nd->role = jt_role(v);
		nd->end = me + 1;
		return;
	}
	size_t count = nd->array ? json_array_size(v) : json_object_size(v);
	nd->n_children = count;
	nd->summary = xasprintf(" %zu %s", count, nd->array ? (count == 1 ? "item" : "items") : (count == 1 ? "key" : "keys"));
	size_t i = 0;
	if (nd->array) {
		json_t *c;
		json_array_foreach(v, i, c) {
			jt_add(t, c, NULL, me, depth + 1, i, i + 1 == count);
		}
	} else {
		const char *k;
		json_t *c;
		json_object_foreach(v, k, c) {
			jt_add(t, c, k, me, depth + 1, i, i + 1 == count);
			i++;
		}
	}
	t->nodes[me].end = t->n;
}

static void jt_push_line(struct jsontree *t, size_t node, bool closing)
{
	if (t->n_lines == t->cap_lines) {
		t->cap_lines = t->cap_lines ? t->cap_lines * 2 : 64;
		t->lines = xreallocarray(t->lines, t->cap_lines, sizeof(*t->lines));
	}
	if (!closing)
		t->line_of[node] = t->n_lines;
	t->lines[t->n_lines++] = (struct jt_line){node, closing};
}

static void jt_emit(struct jsontree *t, size_t node)
{
	const struct jt_node *nd = &t->nodes[node];
	jt_push_line(t, node, false);
	if (!nd->container || nd->folded || !nd->n_children)
		return;
	for (size_t c = node + 1; c < t->nodes[node].end; c = t->nodes[c].end)
		jt_emit(t, c);
	jt_push_line(t, node, true);
}

/* Lay the visible lines out again after a fold changed. */
static void jt_relayout(struct jsontree *t)
{
	t->n_lines = 0;
	for (size_t i = 0; i < t->n; i++)
		t->line_of[i] = JT_NONE;
	if (t->n)
		jt_emit(t, 0);
}

struct jsontree *jsontree_new(json_t *root)
{
	struct jsontree *t = xcalloc(1, sizeof(*t));
	t->root = json_incref(root ? root : json_null());
	jt_add(t, t->root, NULL, JT_NONE, 0, 0, true);
	t->line_of = xcalloc(t->n, sizeof(*t->line_of));
	jt_relayout(t);
	return t;
}

void jsontree_free(struct jsontree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->nodes[i].key);
		free(t->nodes[i].text);
		free(t->nodes[i].summary);
	}
	free(t->nodes);
	free(t->lines);
	free(t->line_of);
	json_decref(t->root);
	free(t);
}

size_t jsontree_count(const struct jsontree *t)
{
	return t->n_lines;
}

static void jt_seg(struct jsontree_line *out, const char *text, enum theme_role role)
{
	if (out->n_segs < JSONTREE_MAX_SEGS)
		out->segs[out->n_segs++] = (struct jsontree_seg){text, role};
}

void jsontree_line(struct jsontree *t, size_t i, struct jsontree_line *out)
{
	const struct jt_line *l = &t->lines[i];
	const struct jt_node *nd = &t->nodes[l->node];
	memset(out, 0, sizeof(*out));
	out->depth = nd->depth;
	out->container = nd->container && nd->n_children;
	out->folded = nd->folded;
	out->closing = l->closing;
	if (l->closing) {
		jt_seg(out, nd->array ? "]" : "}", ROLE_NORMAL);
		if (!nd->last)
			jt_seg(out, ",", ROLE_NORMAL);
		return;
	}
	if (nd->key) {
		jt_seg(out, nd->key, ROLE_JSON_KEY);
		jt_seg(out, ": ", ROLE_NORMAL);
	}
	bool open = false;
	if (!nd->container) {
		jt_seg(out, nd->text, nd->role);
	} else if (!nd->n_children) {
		jt_seg(out, nd->array ? "[]" : "{}", ROLE_NORMAL);
	} else if (nd->folded) {
		bool ascii = utf8_is_ascii();
		jt_seg(out, nd->array ? (ascii ? "[...]" : "[\xe2\x80\xa6]") : (ascii ? "{...}" : "{\xe2\x80\xa6}"), ROLE_NORMAL);
		jt_seg(out, nd->summary, ROLE_DIM);
	} else {
		jt_seg(out, nd->array ? "[" : "{", ROLE_NORMAL);
		open = true;
	}
	if (!nd->last && !open)
		jt_seg(out, ",", ROLE_NORMAL);
}

size_t jsontree_set_fold(struct jsontree *t, size_t i, bool fold)
{
	size_t node = t->lines[i].node;
	struct jt_node *nd = &t->nodes[node];
	if (!nd->container || !nd->n_children || nd->folded == fold)
		return t->line_of[node];
	nd->folded = fold;
	jt_relayout(t);
	return t->line_of[node];
}

size_t jsontree_toggle(struct jsontree *t, size_t i)
{
	return jsontree_set_fold(t, i, !t->nodes[t->lines[i].node].folded);
}

void jsontree_fold_all(struct jsontree *t, bool fold)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->nodes[i].container)
			t->nodes[i].folded = fold && i > 0;
	jt_relayout(t);
}

size_t jsontree_parent(const struct jsontree *t, size_t i)
{
	size_t p = t->nodes[t->lines[i].node].parent;
	return p == JT_NONE ? i : t->line_of[p];
}

bool jsontree_is_open(const struct jsontree *t, size_t i)
{
	const struct jt_node *nd = &t->nodes[t->lines[i].node];
	return !t->lines[i].closing && nd->container && nd->n_children && !nd->folded;
}

/* ASCII case-insensitive substring test. */
static bool jt_contains(const char *hay, const char *needle)
{
	if (!hay || !*needle)
		return false;
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t k = 0;
		while (k < n && hay[k]) {
			char a = hay[k], b = needle[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			k++;
		}
		if (k == n)
			return true;
	}
	return false;
}

static bool jt_node_matches(const struct jt_node *nd, const char *needle)
{
	return jt_contains(nd->key, needle) || jt_contains(nd->text, needle);
}

bool jsontree_matches(const struct jsontree *t, size_t i, const char *needle)
{
	return !t->lines[i].closing && needle && jt_node_matches(&t->nodes[t->lines[i].node], needle);
}

bool jsontree_find(struct jsontree *t, const char *needle, size_t from, bool forward, size_t *line)
{
	if (!needle || !*needle || !t->n)
		return false;
	const struct jt_line *l = &t->lines[from < t->n_lines ? from : 0];
	/* From a closing line, the search goes on after (or before) the container's contents. */
	size_t start = l->closing && forward ? t->nodes[l->node].end - 1 : l->node;
	size_t found = JT_NONE;
	for (size_t step = 1; step <= t->n && found == JT_NONE; step++) {
		size_t k = forward ? (start + step) % t->n : (start + t->n - step % t->n) % t->n;
		if (jt_node_matches(&t->nodes[k], needle))
			found = k;
	}
	if (found == JT_NONE)
		return false;
	bool changed = false;
	for (size_t p = t->nodes[found].parent; p != JT_NONE; p = t->nodes[p].parent) {
		changed |= t->nodes[p].folded;
		t->nodes[p].folded = false;
	}
	if (changed)
		jt_relayout(t);
	*line = t->line_of[found];
	return true;
}

/* True when name can follow a dot in a path: letters, digits, _ and $, not starting with a digit. */
static bool jt_plain_name(const char *name)
{
	if (!*name || (*name >= '0' && *name <= '9'))
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '$'))
			return false;
	return true;
}

static void jt_path_of(const struct jsontree *t, size_t node, struct strbuf *sb)
{
	const struct jt_node *nd = &t->nodes[node];
	if (nd->parent == JT_NONE) {
		strbuf_putc(sb, '$');
		return;
	}
	jt_path_of(t, nd->parent, sb);
	if (!nd->name)
		strbuf_printf(sb, "[%zu]", nd->index);
	else if (jt_plain_name(nd->name))
		strbuf_printf(sb, ".%s", nd->name);
	else
		strbuf_printf(sb, "[%s]", nd->key);
}

char *jsontree_path(const struct jsontree *t, size_t i)
{
	struct strbuf sb;
	strbuf_init(&sb);
	jt_path_of(t, t->lines[i].node, &sb);
	char *clean = sanitize_str(sb.buf, SANITIZE_LINE);
	strbuf_free(&sb);
	return clean;
}

json_t *jsontree_value(const struct jsontree *t, size_t i)
{
	return t->nodes[t->lines[i].node].v;
}
