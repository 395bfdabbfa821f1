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
/* Build argv for def from given pairs alone (when no field is needed); caller frees with tokenize_free. */
char **form_argv(const struct cmd_def *def, const char *const *given, int *argc);

#endif
