/* The append-only local audit log of mutating actions. */
#ifndef KT_AUDIT_H
#define KT_AUDIT_H
#include <stdbool.h>
#include <stddef.h>

/* What a bulk change was asked to do and what Kibana says it did. */
struct audit_counts {
	long long asked;      /* objects the request named */
	long long done;       /* changed, by Kibana's answer */
	long long conflicts;  /* version conflicts reported */
	long long failures;   /* failures reported */
};

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
	const struct audit_counts *counts; /* a bulk change's counts, or NULL */
};

/* True when a bulk change did all it was asked, with no conflict or failure. */
bool audit_counts_complete(const struct audit_counts *c);

/* The log's path: $XDG_STATE_HOME/ktriage/audit.log or ~/.local/state/ktriage/audit.log; caller frees. */
char *audit_path(void);
/* Append one JSON line (directories made 0700, file created 0600); 0, or -1 with *err. */
int audit_append(const struct audit_entry *e, char **err);

#endif
