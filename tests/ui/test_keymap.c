/* What a key does where it is pressed, and what the hint bar and help say of it: one lookup for both. */
#include "config.h"
#include "ktest.h"
#include "ui/keymap.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/panes.h"
#include "cmd/cmd.h"
#include <stdlib.h>
#include <string.h>

static struct keymap_hit at(const struct keymap *km, const char *key, const struct pane_ops *ops, unsigned where)
{
	return keymap_lookup(km, keys_parse(key), ops, where);
}

static void test_defaults(void **state)
{
	struct keymap_hit h = at(NULL, "j", &cases_pane_ops, WHERE_LIST);
	assert_int_equal(h.kind, KEYMAP_REQ);
	assert_int_equal(h.req, REQ_MOVE_DOWN);
	h = at(NULL, "C-d", NULL, WHERE_TEXT);
	assert_int_equal(h.req, REQ_HALF_DOWN);
	/* The same letter is a different command in each pane. */
	h = at(NULL, "s", &cases_pane_ops, WHERE_LIST);
	assert_int_equal(h.kind, KEYMAP_COMMAND);
	assert_string_equal(h.def->words, "case status");
	h = at(NULL, "s", &alerts_pane_ops, WHERE_LIST);
	assert_string_equal(h.def->words, "alert status");
	/* A pane's commands and actions work in its detail view too, not in a plain text view. */
	h = at(NULL, "s", &cases_pane_ops, WHERE_TEXT | WHERE_DETAIL);
	assert_string_equal(h.def->words, "case status");
	h = at(NULL, "c", &alerts_pane_ops, WHERE_TEXT | WHERE_DETAIL);
	assert_int_equal(h.kind, KEYMAP_ACTION);
	assert_string_equal(h.action->name, "cases-of-alert");
	h = at(NULL, "s", &cases_pane_ops, WHERE_TEXT);
	assert_int_equal(h.kind, KEYMAP_NONE);
	/* Esc and q mean what the view needs. */
	assert_int_equal(at(NULL, "Esc", NULL, WHERE_LIST).req, REQ_CLEAR);
	assert_int_equal(at(NULL, "Esc", NULL, WHERE_TEXT).req, REQ_BACK);
	assert_int_equal(at(NULL, "Esc", NULL, WHERE_FORM).req, REQ_CANCEL);
	assert_int_equal(at(NULL, "q", NULL, WHERE_LIST).req, REQ_QUIT);
	assert_int_equal(at(NULL, "q", NULL, WHERE_JSON).req, REQ_BACK);
	/* Keys for everywhere work in every view. */
	assert_int_equal(at(NULL, "?", NULL, WHERE_JSON).req, REQ_HELP);
	assert_int_equal(at(NULL, ":", &cases_pane_ops, WHERE_LIST).req, REQ_PROMPT);
	assert_int_equal(at(NULL, "C-z", NULL, WHERE_FORM).req, REQ_SUSPEND);
}

/* The Endpoints pane's keys act on hosts; the response console's keys are its own. */
static void test_endpoints_and_console(void **state)
{
	struct keymap_hit h = at(NULL, ">", &endpoints_pane_ops, WHERE_LIST);
	assert_int_equal(h.kind, KEYMAP_COMMAND);
	assert_string_equal(h.def->words, "console");
	h = at(NULL, "K", &endpoints_pane_ops, WHERE_TEXT | WHERE_DETAIL);
	assert_int_equal(h.kind, KEYMAP_ACTION);
	assert_string_equal(h.action->name, "endpoint-kill");
	/* G stays "last" in the Endpoints pane: its get-file is F. */
	assert_int_equal(at(NULL, "G", &endpoints_pane_ops, WHERE_LIST).req, REQ_LAST);
	assert_int_equal(at(NULL, "Enter", NULL, WHERE_CONSOLE).req, REQ_CONSOLE_RUN);
	assert_int_equal(at(NULL, "Tab", NULL, WHERE_CONSOLE).req, REQ_CONSOLE_COMPLETE);
	assert_int_equal(at(NULL, "Up", NULL, WHERE_CONSOLE).req, REQ_CONSOLE_OLDER);
	assert_int_equal(at(NULL, "Esc", NULL, WHERE_CONSOLE).req, REQ_CONSOLE_CLOSE);
	assert_int_equal(at(NULL, "PgUp", NULL, WHERE_CONSOLE).req, REQ_PAGE_UP);
	/* Nothing else claims a letter there: the console types it. */
	assert_int_equal(at(NULL, "q", NULL, WHERE_CONSOLE).kind, KEYMAP_NONE);
	assert_int_equal(at(NULL, "j", NULL, WHERE_CONSOLE).kind, KEYMAP_NONE);
}

static void test_user_bindings_win(void **state)
{
	struct keymap km = {0};
	char *err = NULL;
	assert_int_equal(keymap_bind(&km, 's', "cases", "cases --status closed", &err), 0);
	assert_int_equal(keymap_bind(&km, 'J', NULL, "page-down", &err), 0);
	assert_int_equal(keymap_bind(&km, 'x', NULL, "no such thing", &err), -1);
	assert_non_null(strstr(err, "neither an action"));
	free(err);
	struct keymap_hit h = at(&km, "s", &cases_pane_ops, WHERE_LIST);
	assert_int_equal(h.kind, KEYMAP_LINE);
	assert_string_equal(h.line, "cases --status closed");
	assert_string_equal(h.def->words, "cases");
	/* Only in that pane. */
	h = at(&km, "s", &alerts_pane_ops, WHERE_LIST);
	assert_string_equal(h.def->words, "alert status");
	assert_int_equal(at(&km, "J", NULL, WHERE_TEXT).req, REQ_PAGE_DOWN);
	/* A request bound where it does not apply leaves the key alone. */
	assert_int_equal(at(&km, "J", NULL, WHERE_FORM).kind, KEYMAP_NONE);
	keymap_free(&km);
}

/* The item for a command in a list of items, or NULL. */
static const struct keymap_item *find(const struct keymap_item *items, size_t n, const char *words)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].def && !strcmp(items[i].def->words, words))
			return &items[i];
	return NULL;
}

static void test_hints_follow_bindings(void **state)
{
	struct keymap_item *items;
	size_t n = keymap_items(NULL, &cases_pane_ops, WHERE_LIST, true, &items);
	const struct keymap_item *st = find(items, n, "case status");
	if (!st) {
		fail_msg("no hint for case status");
		return;
	}
	assert_int_equal(st->keys[0], 's');
	assert_string_equal(st->label, "status");
	free(items);

	/* Rebind s: the status command loses its hint unless another key leads to it; the new line is hinted. */
	struct keymap km = {0};
	char *err = NULL;
	assert_int_equal(keymap_bind(&km, 's', "cases", "cases --status closed", &err), 0);
	n = keymap_items(&km, &cases_pane_ops, WHERE_LIST, true, &items);
	assert_null(find(items, n, "case status"));
	const struct keymap_item *line = find(items, n, "cases");
	if (!line) {
		fail_msg("no hint for the bound line");
		return;
	}
	assert_int_equal(line->keys[0], 's');
	free(items);
	assert_int_equal(keymap_bind(&km, 'Z', "cases", "case status", &err), 0);
	n = keymap_items(&km, &cases_pane_ops, WHERE_LIST, true, &items);
	st = find(items, n, "case status");
	if (!st) {
		fail_msg("no hint for case status on Z");
		return;
	}
	assert_int_equal(st->keys[0], 'Z');
	free(items);
	keymap_free(&km);
}

static void test_every_hinted_key_works_there(void **state)
{
	const unsigned wheres[] = {WHERE_LIST, WHERE_TEXT | WHERE_DETAIL, WHERE_TEXT, WHERE_JSON, WHERE_FORM,
				   WHERE_PICKER, WHERE_DIALOG, WHERE_WORD};
	for (const struct pane_ops *const *po = panes_all; *po; po++) {
		for (size_t w = 0; w < sizeof(wheres) / sizeof(*wheres); w++) {
			struct keymap_item *items;
			size_t n = keymap_items(NULL, *po, wheres[w], false, &items);
			for (size_t i = 0; i < n; i++) {
				for (size_t k = 0; k < items[i].n_keys; k++) {
					struct keymap_hit h = keymap_lookup(NULL, items[i].keys[k], *po, wheres[w]);
					assert_int_not_equal(h.kind, KEYMAP_NONE);
					if (items[i].def)
						assert_ptr_equal(h.def, items[i].def);
					if (items[i].req)
						assert_int_equal(h.req, items[i].req);
				}
			}
			free(items);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_endpoints_and_console),
		cmocka_unit_test(test_user_bindings_win),
		cmocka_unit_test(test_hints_follow_bindings),
		cmocka_unit_test(test_every_hinted_key_works_there),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
