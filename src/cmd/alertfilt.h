/* Alert filters as the `alerts` command takes them, kept by the command and by the Alerts pane. */
#ifndef KT_ALERTFILT_H
#define KT_ALERTFILT_H
#include <stddef.h>
#include "cmd/cmd.h"

struct alerts_query;
struct strbuf;

/* Owned copies of every filter; NULL/0 when not set. */
struct alertfilt {
	char *since, *from, *to;
	char **statuses;
	size_t n_statuses;
	char **severities;
	size_t n_severities;
	char *rule, *host, *user, *search;
};

/* Take the filters from parsed values of def (since, from, to, status, severity, rule, host, user, search); 0, or -1 with *err. */
int alertfilt_from_values(struct alertfilt *f, const struct cmd_def *def, const struct cmd_value *values, char **err);
/* Point a query at the filters (borrowed; keep f alive while q is used). */
void alertfilt_query(const struct alertfilt *f, struct alerts_query *q);
/* "status: open · since 24h · host: web-1" for summaries ("" when unfiltered). */
void alertfilt_describe(const struct alertfilt *f, struct strbuf *out);
/* Free the copies (f can be reused after). */
void alertfilt_clear(struct alertfilt *f);

#endif
