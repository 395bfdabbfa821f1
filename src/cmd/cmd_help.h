/* Help text from the command table: the list, one command, the man page section, and `help`. */
#ifndef KT_CMD_HELP_H
#define KT_CMD_HELP_H

struct strbuf;

/* Every command with its one-line help. */
void cmd_help_list(struct strbuf *out);
/* Append text escaped for troff (backslashes, hyphens, a leading dot or quote). */
void cmd_help_troff(struct strbuf *out, const char *s);
/* The COMMANDS section of the man page, in troff. */
void cmd_help_man(struct strbuf *out);

#endif
