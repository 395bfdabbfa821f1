/*
 * Shell completion scripts for bash, zsh and fish, made from the command table: the program's
 * options and subcommands, and inside -c 'COMMAND' the commands, their options and the values
 * of their enumerated arguments. The build writes them (and `make install` installs them);
 * `ktriage completion SHELL` prints one.
 */
#ifndef KT_SHELLCOMP_H
#define KT_SHELLCOMP_H
#include <stdbool.h>

struct strbuf;

/* One option of the program itself (outside -c). */
struct shellcomp_option {
	const char *name;              /* "--url", "-c" */
	bool value;                    /* takes a value */
	bool file;                     /* the value is a file */
	const char *const *choices;    /* the values it takes, NULL-terminated, or NULL */
};

/* The shells there are scripts for, NULL-terminated. */
extern const char *const shellcomp_shells[];
/* The script for shell, given the program's options (ending with a NULL name); false for an unknown shell. */
bool shellcomp_script(const char *shell, const struct shellcomp_option *options, struct strbuf *out);

#endif
