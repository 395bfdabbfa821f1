/*
 * An incident report on one case in Markdown, for pasting into a ticket or a chat: the case,
 * its timeline, its comments, the alerts attached to it (rule, host, user) and the response
 * actions on those hosts. Every string from the server is sanitized and escaped for Markdown.
 */
#ifndef KT_CASEREPORT_H
#define KT_CASEREPORT_H
#include <stddef.h>

struct alert;
struct kb_case;
struct response_action;
struct story;
struct strbuf;

/* What a report is made of (all borrowed). */
struct casereport {
	const struct kb_case *kcase;
	const struct story *story;
	const struct alert *alerts;               /* the attached alerts found */
	size_t n_alerts;
	size_t n_attached;                        /* alerts attached to the case (some may be gone) */
	const struct response_action *actions;    /* response actions on the alerts' hosts */
	size_t n_actions;
	const char *link;                         /* the case in Kibana, or NULL */
	const char *source;                       /* where it came from: "kibana.example:5601, space soc-eu" */
};

/* Append the report as Markdown. */
void casereport_markdown(struct strbuf *out, const struct casereport *r);

#endif
