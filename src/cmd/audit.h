/* The append-only local audit log of mutating actions. */
#ifndef KT_AUDIT_H
#define KT_AUDIT_H
#include <stddef.h>

/* One entry; strings may be NULL. */
struct audit_entry {
	const char *profile;
	const char *url;
	const char *space;
	const char *command;             /* "case push" */
	const char *const *targets;      /* ids acted on */
	size_t n_targets;
	long http_status;                /* 0 when no response */
	const char *outcome;             /* "ok", or the error message */
	const char *result_id;           /* e.g. the new response action's id */
};

/* The log's path: $XDG_STATE_HOME/ktriage/audit.log or ~/.local/state/ktriage/audit.log; caller frees. */
char *audit_path(void);
/* Append one JSON line (directories made 0700, file created 0600); 0, or -1 with *err. */
int audit_append(const struct audit_entry *e, char **err);

#endif
