/* The batch front end: `ktriage -c 'COMMAND'` runs one command without the TUI. */
#ifndef KT_BATCH_H
#define KT_BATCH_H
#include <stdbool.h>

struct profile;

/* Options of one batch run. */
struct batch_options {
	const struct profile *profile;
	bool readonly;
	bool json;       /* --json given among the global flags */
	bool ndjson;     /* --ndjson given among the global flags */
	bool quiet;      /* no progress notes on stderr */
};

/* Run the command line (tokenized here); returns the exit code (0 ok, 1 API/network, 2 usage). */
int batch_run(const struct batch_options *o, const char *command_line);
/* Print usage for every command, or one command's help, to stdout; returns the exit code. */
int batch_help(int argc, char **argv);

#endif
