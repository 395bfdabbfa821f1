/* Detection alerts: compact storage, generation, field access and rendering of _source. */
#ifndef KT_DEMO_ALERTS_H
#define KT_DEMO_ALERTS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_alert;
struct demo_data;

/* The alert fields queries, sorts and aggregations may name. */
enum demo_afield {
	DEMO_AF_TIMESTAMP, DEMO_AF_UUID, DEMO_AF_RULE_NAME, DEMO_AF_RULE_UUID, DEMO_AF_SEVERITY, DEMO_AF_RISK,
	DEMO_AF_WORKFLOW, DEMO_AF_REASON, DEMO_AF_STATUS, DEMO_AF_HOST_NAME, DEMO_AF_HOST_OS, DEMO_AF_HOST_IP,
	DEMO_AF_USER, DEMO_AF_PROC_NAME, DEMO_AF_PID, DEMO_AF_ENTITY_ID, DEMO_AF_EXECUTABLE, DEMO_AF_CMDLINE,
	DEMO_AF_PARENT, DEMO_AF_SRC_IP, DEMO_AF_DST_IP, DEMO_AF_DST_PORT, DEMO_AF_FILE_PATH, DEMO_AF_FILE_HASH,
	DEMO_AF_AGENT_ID, DEMO_AF_EVENT_ACTION, DEMO_AF_EVENT_CATEGORY,
	DEMO_AF_COUNT
};

/* How a field compares. */
enum demo_ftype { DEMO_FT_KEYWORD, DEMO_FT_DATE, DEMO_FT_NUMBER };

/* Room for a field value rendered into a caller's buffer. */
#define DEMO_AFIELD_BUF 4096
/* The index alerts live in. */
#define DEMO_ALERTS_INDEX ".internal.alerts-security.alerts-default-000001"

/* Workflow status names, by the value stored in an alert. */
extern const char *const demo_workflow_names[];

/* Make n alerts on the data's hosts. */
void demo_alerts_generate(struct demo_data *d, unsigned n);
/* The alerts that have arrived by now_ms (one every live_alert_ms since the first call), added. */
void demo_alerts_live(struct demo_data *d, int64_t now_ms);
/* The field a name refers to ("host.name", "_id", ...), or -1. */
int demo_afield_lookup(const char *name);
/* The canonical name of a field. */
const char *demo_afield_name(int f);
/* The type of a field. */
enum demo_ftype demo_afield_type(int f);
/* A keyword field's value (from the tables or rendered into buf, DEMO_AFIELD_BUF bytes). */
const char *demo_alert_str(const struct demo_data *d, const struct demo_alert *a, int f, char *buf);
/* A date field in epoch ms, or a number field's value. */
int64_t demo_alert_num(const struct demo_data *d, const struct demo_alert *a, int f);
/* The field's value as JSON (string, number, or ISO string for dates). */
json_t *demo_alert_value(const struct demo_data *d, const struct demo_alert *a, int f);
/* The alert's _source document. */
json_t *demo_alert_source(const struct demo_data *d, const struct demo_alert *a);
/* The index of the alert with this id (64 hex digits), or -1. */
long demo_alert_find(const struct demo_data *d, const char *id);
/* The hex id of alert a into buf (65 bytes). */
void demo_alert_id(const struct demo_alert *a, char *buf);
/* Set the workflow status (0 open, 1 acknowledged, 2 closed) of the alert with this id; false when unknown. */
bool demo_alert_set_status(struct demo_data *d, const char *id, int status);
/* A workflow status word ("open", "acknowledged", "in-progress", "closed") as stored, or -1. */
int demo_workflow_parse(const char *s);

#endif
