#include "config.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "cmd/cmd.h"
#include "cmd/tokenize.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* Where the keys of commands and pane actions work: the list and the detail view. */
#define KEYMAP_CMD_WHERE (WHERE_LIST | WHERE_DETAIL)

void keymap_free(struct keymap *km)
{
	for (size_t i = 0; i < km->n; i++) {
		free(km->binds[i].pane);
		free(km->binds[i].line);
	}
	free(km->binds);
	km->binds = NULL;
	km->n = 0;
}

/* The command a line runs, or NULL. */
static const struct cmd_def *keymap_line_def(const char *line)
{
	int argc, used;
	char **argv;
	char *err = NULL;
	if (tokenize(line, &argc, &argv, &err) < 0) {
		free(err);
		return NULL;
	}
	const struct cmd_def *def = cmd_lookup(argc, argv, &used);
	tokenize_free(argc, argv);
	return def;
}

int keymap_bind(struct keymap *km, int key, const char *pane, const char *what, char **err)
{
	enum action_req req = action_by_name(what);
	if (req == REQ_NONE && !keymap_line_def(what)) {
		*err = xasprintf("\"%s\" is neither an action (help lists them) nor a command", what);
		return -1;
	}
	km->binds = xreallocarray(km->binds, km->n + 1, sizeof(*km->binds));
	km->binds[km->n++] = (struct keymap_bind){key, pane ? xstrdup(pane) : NULL, req, req ? NULL : xstrdup(what)};
	return 0;
}

static bool keymap_def_key(const struct cmd_def *def, int key)
{
	return def->key && keys_parse(def->key) == key;
}

/* Whether a command belongs where: its pane's list and detail views, or (no pane) every one of them. */
static bool keymap_def_here(const struct cmd_def *def, const struct pane_ops *ops, unsigned where, bool own)
{
	if (!(where & KEYMAP_CMD_WHERE))
		return false;
	if (own)
		return ops && def->pane && !strcmp(def->pane, ops->name);
	return !def->pane;
}

static bool keymap_req_key(enum action_req r, int key, unsigned where)
{
	const struct action *a = action_get(r);
	if (!(a->where & where))
		return false;
	for (size_t i = 0;; i++) {
		int k = action_key(a->keys, i);
		if (k < 0)
			return false;
		if (k == key)
			return true;
	}
}

/* The default meaning of key (no user binding). */
static struct keymap_hit keymap_default(int key, const struct pane_ops *ops, unsigned where)
{
	struct keymap_hit hit = {KEYMAP_NONE, REQ_NONE, NULL, NULL, NULL};
	for (int own = 1; own >= 0; own--) {
		for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
			if (keymap_def_key(*d, key) && keymap_def_here(*d, ops, where, own)) {
				hit.kind = KEYMAP_COMMAND;
				hit.def = *d;
				return hit;
			}
		}
		for (const struct pane_action *a = own && ops ? ops->actions : NULL; a && a->name; a++) {
			if ((a->where & where) && keys_parse(a->key) == key) {
				hit.kind = KEYMAP_ACTION;
				hit.action = a;
				return hit;
			}
		}
	}
	for (unsigned w = where & ~(unsigned)WHERE_GLOBAL;; w = WHERE_GLOBAL) {
		for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
			if (keymap_req_key((enum action_req)r, key, w)) {
				hit.kind = KEYMAP_REQ;
				hit.req = (enum action_req)r;
				return hit;
			}
		}
		if (w == WHERE_GLOBAL)
			break;
	}
	return hit;
}

struct keymap_hit keymap_lookup(const struct keymap *km, int key, const struct pane_ops *ops, unsigned where)
{
	where |= WHERE_GLOBAL;
	/* The user's bindings: the pane's own first, then those for everywhere; the latest wins. */
	for (int own = 1; own >= 0; own--) {
		for (size_t i = km ? km->n : 0; i-- > 0;) {
			const struct keymap_bind *b = &km->binds[i];
			if (b->key != key || (own ? !(b->pane && ops && !strcmp(b->pane, ops->name)) : b->pane != NULL))
				continue;
			if (b->req && (action_get(b->req)->where & where))
				return (struct keymap_hit){KEYMAP_REQ, b->req, NULL, NULL, NULL};
			if (b->line && (where & KEYMAP_CMD_WHERE))
				return (struct keymap_hit){KEYMAP_LINE, REQ_NONE, NULL, keymap_line_def(b->line), b->line};
		}
	}
	return keymap_default(key, ops, where);
}

static bool keymap_same(const struct keymap_hit *a, const struct keymap_hit *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case KEYMAP_REQ:
		return a->req == b->req;
	case KEYMAP_ACTION:
		return a->action == b->action;
	case KEYMAP_COMMAND:
		return a->def == b->def;
	case KEYMAP_LINE:
		return a->line == b->line;
	default:
		return false;
	}
}

/* The keys that lead to target now: user bindings, and default keys not bound to something else. */
static size_t keymap_keys_for(const struct keymap *km, const struct pane_ops *ops, unsigned where,
			      const struct keymap_hit *target, const char *defaults, int *out)
{
	size_t n = 0;
	for (size_t i = 0; km && i < km->n && n < KEYMAP_ITEM_KEYS; i++) {
		struct keymap_hit h = keymap_lookup(km, km->binds[i].key, ops, where);
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= out[k] == km->binds[i].key;
		if (!dup && keymap_same(&h, target))
			out[n++] = km->binds[i].key;
	}
	for (size_t i = 0; n < KEYMAP_ITEM_KEYS; i++) {
		int k = action_key(defaults, i);
		if (k < 0)
			break;
		bool dup = false;
		for (size_t j = 0; j < n; j++)
			dup |= out[j] == k;
		struct keymap_hit h = keymap_lookup(km, k, ops, where);
		if (!dup && keymap_same(&h, target))
			out[n++] = k;
	}
	return n;
}

/* The hint label of a command: its verb ("status" for "case status"). */
static const char *keymap_verb(const struct cmd_def *def)
{
	const char *sp = strrchr(def->words, ' ');
	return sp ? sp + 1 : def->words;
}

static void keymap_push(struct keymap_item **items, size_t *n, const struct keymap *km, const struct pane_ops *ops,
			unsigned where, const struct keymap_hit *target, const char *defaults, const char *label,
			const char *help)
{
	struct keymap_item it = {.label = label, .help = help, .def = target->def, .req = target->req};
	it.n_keys = keymap_keys_for(km, ops, where, target, defaults, it.keys);
	if (!it.n_keys)
		return;
	*items = xreallocarray(*items, *n + 1, sizeof(**items));
	(*items)[(*n)++] = it;
}

size_t keymap_items(const struct keymap *km, const struct pane_ops *ops, unsigned where, bool hinted_only,
		    struct keymap_item **items)
{
	size_t n = 0;
	*items = NULL;
	for (int own = 1; own >= 0; own--) {
		for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
			if (!(*d)->key || !keymap_def_here(*d, ops, where, own))
				continue;
			struct keymap_hit t = {KEYMAP_COMMAND, REQ_NONE, NULL, *d, NULL};
			keymap_push(items, &n, km, ops, where, &t, (*d)->key, keymap_verb(*d), (*d)->help);
		}
		for (const struct pane_action *a = own && ops ? ops->actions : NULL; a && a->name; a++) {
			if (!(a->where & where) || (hinted_only && !a->hint))
				continue;
			struct keymap_hit t = {KEYMAP_ACTION, REQ_NONE, a, NULL, NULL};
			keymap_push(items, &n, km, ops, where, &t, a->key, a->hint ? a->hint : a->name, a->help);
		}
	}
	for (size_t i = 0; km && i < km->n; i++) {
		const struct keymap_bind *b = &km->binds[i];
		if (!b->line)
			continue;
		struct keymap_hit t = {KEYMAP_LINE, REQ_NONE, NULL, keymap_line_def(b->line), b->line};
		keymap_push(items, &n, km, ops, where, &t, "", t.def ? keymap_verb(t.def) : b->line, b->line);
	}
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct action *a = action_get((enum action_req)r);
		if (!(a->where & (where | WHERE_GLOBAL)) || (hinted_only && !a->hint))
			continue;
		struct keymap_hit t = {KEYMAP_REQ, (enum action_req)r, NULL, NULL, NULL};
		keymap_push(items, &n, km, ops, where, &t, a->keys, a->hint ? a->hint : a->name, a->help);
	}
	return n;
}
