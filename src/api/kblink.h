/*
 * Links back to Kibana: the URL of the page that shows an object (a case, an alert, an
 * endpoint, an AI conversation), built from the profile's URL and space the way Kibana's
 * own code builds them. Ids are percent-encoded, so a link holds only printable ASCII.
 */
#ifndef KT_KBLINK_H
#define KT_KBLINK_H

struct profile;

/* A case: {kibana}[/s/SPACE]/app/security/cases/{id}; NULL without a URL. Caller frees. */
char *kblink_case(const struct profile *p, const char *case_id);
/* An alert's details: .../app/security/alerts/redirect/{id}?index=.alerts-security.alerts-SPACE[&timestamp=T]. */
char *kblink_alert(const struct profile *p, const char *alert_id, const char *timestamp);
/* An endpoint's details: .../app/security/administration/endpoints?selected_endpoint={agent id}&show=details. */
char *kblink_host(const struct profile *p, const char *agent_id);
/* An AI assistant conversation: .../app/security/get_started?assistant={id}. */
char *kblink_conversation(const struct profile *p, const char *conversation_id);

#endif
