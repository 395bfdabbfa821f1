/* A command opened as a form: fields from its declared arguments, validated by their types. */
#ifndef KT_FORM_H
#define KT_FORM_H
#include <stdbool.h>
#include "cmd/cmd.h"
#include "ui/view.h"

struct app;
struct pane;

/*
 * Fields for every argument not in given (name/value pairs, NULL-terminated). NULL when
 * nothing is left to ask: no argument is missing, or (with only_required) no required one.
 */
struct view *form_new(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given,
		      bool only_required);
/* Show a command's complaint on the field it names (focused), in the form's words; else at the top. */
void form_show_error(struct view *v, const char *err);
/* Keep what was typed into free-text fields (a comment that failed to send) for the next form of the same command and target. */
void form_save_draft(struct view *v);
/* Forget every kept draft (at exit). */
void form_drafts_free(void);
/* Build argv for def from given pairs alone (when no field is needed); caller frees with tokenize_free. */
char **form_argv(const struct cmd_def *def, const char *const *given, int *argc);

#endif
