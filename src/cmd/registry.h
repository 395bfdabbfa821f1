/* The command groups: each cmd_*.c file declares its commands, listed here once. */
#ifndef KT_REGISTRY_H
#define KT_REGISTRY_H
#include "cmd/cmd.h"

/* help (help.c). */
extern const struct cmd_def cmd_help_defs[];
/* Cases, connectors and cases-for-alert commands (cmd_cases.c). */
extern const struct cmd_def cmd_cases_defs[];
/* Commands that change cases (cmd_case_edit.c). */
extern const struct cmd_def cmd_case_edit_defs[];

#endif
