#include "config.h"
#include "cmd/cmd.h"
#include "cmd/registry.h"
#include "core/xalloc.h"
#include <string.h>

/* Every group, in help order; each array ends with an entry whose words are NULL. */
static const struct cmd_def *const cmd_groups[] = {
	cmd_help_defs,
	cmd_ui_defs,
	cmd_cases_defs,
	cmd_case_edit_defs,
	cmd_alerts_defs,
	cmd_alert_edit_defs,
	cmd_ai_defs,
	cmd_assistant_defs,
	cmd_actions_defs,
	cmd_endpoint_defs,
	cmd_respond_defs,
	cmd_sessions_defs,
	cmd_stack_defs,
	cmd_fleet_defs,
	cmd_exceptions_defs,
	cmd_entity_defs,
	cmd_timeline_defs,
	cmd_api_defs,
	cmd_version_defs,
	cmd_doctor_defs,
	cmd_case_story_defs,
	cmd_context_defs,
};

const struct cmd_def *const *cmd_all(void)
{
	static const struct cmd_def **all;
	if (all)
		return all;
	size_t n = 0;
	for (size_t g = 0; g < sizeof(cmd_groups) / sizeof(*cmd_groups); g++)
		for (const struct cmd_def *d = cmd_groups[g]; d->words; d++)
			n++;
	all = xcalloc(n + 1, sizeof(*all));
	n = 0;
	for (size_t g = 0; g < sizeof(cmd_groups) / sizeof(*cmd_groups); g++)
		for (const struct cmd_def *d = cmd_groups[g]; d->words; d++)
			all[n++] = d;
	return all;
}

/* How many argv entries def's words match in full (0 when they don't). */
static int cmd_words_match(const struct cmd_def *def, int argc, char **argv)
{
	const char *w = def->words;
	int i = 0;
	while (*w) {
		size_t len = strcspn(w, " ");
		if (i >= argc || strlen(argv[i]) != len || strncmp(argv[i], w, len) != 0)
			return 0;
		i++;
		w += len;
		while (*w == ' ')
			w++;
	}
	return i;
}

const struct cmd_def *cmd_lookup(int argc, char **argv, int *used)
{
	const struct cmd_def *best = NULL;
	int best_n = 0;
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		int n = cmd_words_match(*d, argc, argv);
		if (n > best_n) {
			best = *d;
			best_n = n;
		}
	}
	*used = best_n;
	return best;
}

const struct cmd_arg *cmd_find_arg(const struct cmd_def *def, const char *name)
{
	for (size_t i = 0; def->args && def->args[i].name; i++)
		if (strcmp(def->args[i].name, name) == 0)
			return &def->args[i];
	return NULL;
}
