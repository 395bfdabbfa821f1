/* Parsing a command's arguments against its declaration, and describing its usage. */
#ifndef KT_CMD_PARSE_H
#define KT_CMD_PARSE_H
#include <stdbool.h>
#include "cmd/cmd.h"

struct strbuf;

/* Parsed arguments: values[i] belongs to def->args[i]. */
struct cmd_parsed {
	struct cmd_value *values;
	bool yes;
	bool json;
	bool ndjson;   /* --ndjson (json is set too) */
	bool help;
};

/* Parse argc/argv (the words already removed) for def; 0, or -1 with *err. */
int cmd_parse_args(const struct cmd_def *def, int argc, char **argv, struct cmd_parsed *out, char **err);
/* As cmd_parse_args, but required arguments may be missing (a form asks for them). */
int cmd_parse_partial(const struct cmd_def *def, int argc, char **argv, struct cmd_parsed *out, char **err);
/* Free the values of a parse. */
void cmd_parse_free(const struct cmd_def *def, struct cmd_value *values);
/* Number of declared arguments. */
size_t cmd_arg_count(const struct cmd_def *def);
/* "case push <caseId> <connectorId> [--yes]" */
void cmd_usage(const struct cmd_def *def, struct strbuf *out);
/* Full help: usage, help line, and one line per argument. */
void cmd_help_text(const struct cmd_def *def, struct strbuf *out);
/* Check one value against its argument's type; NULL when fine, else a message (caller frees). */
char *cmd_check_value(const struct cmd_arg *arg, const char *value);

#endif
