/* All the state the demo Kibana serves, made from a seed. Guarded by the server's read-write lock. */
#ifndef KT_DEMO_DATA_H
#define KT_DEMO_DATA_H
#include "demo/demo_rng.h"
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_options;

/* A Kibana user with a user profile. */
struct demo_profile {
	char *uid, *username, *full_name, *email;
};

/* A process running on a host; response actions act on these. */
struct demo_proc {
	char *name, *exe, *cmdline, *parent, *user, *entity_id;
	uint32_t pid;
	bool killed;              /* by a kill-process action: gone from process lists */
	bool suspended;           /* by a suspend-process action: still listed, stopped */
};

/* A file on a host: what get-file retrieves, scan looks at, cat prints, and upload puts there. */
struct demo_hostfile {
	char *path;
	char *data;
	size_t len;
};

/* A file Kibana keeps for an action: get-file's and execute's zips, an upload's bytes. */
struct demo_kept {
	char *id;                 /* the file id: "<action>.<agent>" for a zip, a uuid for an upload */
	char *action_id, *agent_id, *name;
	unsigned char *data;
	size_t len;
	int64_t created_ms;
};

/* Endpoint health, in the order of the metadata API's hostStatuses enum. */
enum demo_host_status {
	DEMO_HS_HEALTHY, DEMO_HS_OFFLINE, DEMO_HS_UPDATING, DEMO_HS_INACTIVE, DEMO_HS_UNENROLLED, DEMO_HS_UNHEALTHY
};

/* A host that alerts come from; the first data.nendpoints run Elastic Defend. */
struct demo_host {
	char *hostname, *agent_id, *host_id, *ip, *mac, *agent_version, *policy_id, *policy_name;
	const char *os_name, *os_full, *os_version, *os_platform, *os_family, *os_kernel, *arch;
	unsigned os;              /* enum demo_os */
	uint32_t ip4;             /* the address in ip, host byte order */
	bool endpoint;            /* enrolled in Elastic Defend: listed by /api/endpoint/metadata */
	int status;               /* enum demo_host_status */
	bool isolated;
	bool isolation_wanted;    /* asked by a pending isolate or release (Endpoint.configuration.isolation) */
	int policy_status;        /* 0 success, 1 warning, 2 failure */
	int64_t last_checkin_ms, enrolled_ms;
	struct demo_proc *procs;
	size_t nprocs;
	struct demo_hostfile *hfiles;
	size_t nhfiles;
};

/* One alert, stored compactly; text comes from the tables and hosts it points into. */
struct demo_alert {
	uint64_t uuid[4];         /* kibana.alert.uuid, 256 bits, most significant word first */
	int64_t ts_ms;            /* @timestamp */
	uint32_t pid;             /* copied from the process, kept for fast access */
	uint32_t src_ip, dst_ip;  /* IPv4, host byte order */
	uint16_t host, proc;      /* host index; process index within that host */
	uint16_t dst_port;
	uint8_t rule, file, account;
	uint8_t status;           /* workflow status: 0 open, 1 acknowledged, 2 closed */
	uint8_t risk;             /* kibana.alert.risk_score */
};

/* The demo's whole world. */
struct demo_data {
	uint64_t seed;
	unsigned action_delay_ms;
	bool hostile;             /* the hostile-strings fault: every text field carries escapes */
	unsigned kibana_major, kibana_minor; /* the Kibana it behaves as (demo_kibana.h) */
	int64_t now_ms;           /* when the data was made; generated times are relative to it */
	uint64_t seq;             /* next saved-object sequence number, for version strings */
	struct demo_rng rng;      /* randomness for objects created at run time */

	struct demo_profile *people;
	size_t npeople;
	char **rule_names, **rule_uuids, **accounts, **files; /* tables as served (hostile-decorated or not) */

	json_t *connectors;       /* array: the actions API shape of every connector */
	json_t *cases;            /* array of case objects, each with its "comments" */

	struct demo_host *hosts;
	size_t nhosts, nendpoints;

	struct demo_alert *alerts;
	size_t nalerts;
	unsigned live_alert_ms;   /* a new alert arrives this often (0: never) */
	uint64_t live_alerts;     /* how many have arrived */
	int64_t live_since_ms;    /* when the first search looked (0: none yet) */
	unsigned reply_delay_ms;  /* pause between the pieces of a streamed assistant reply */
	uint32_t *alert_order;    /* alert indexes sorted by uuid, for id lookups */

	json_t *conversations;    /* array of AI assistant conversations */
	json_t *actions;          /* array of response actions (with internal "_" fields) */
	struct demo_kept *kept;   /* files the actions left */
	size_t nkept;
	json_t *sessions;         /* array of {username, provider:{type,name}} */
	json_t *misc;             /* object: dashboards, lists, notes, fleet hosts, engines... */
};

/* Stream numbers: each data set draws from its own PRNG stream so sizes don't disturb each other. */
enum demo_stream {
	DEMO_STREAM_PEOPLE = 1, DEMO_STREAM_CONNECTORS, DEMO_STREAM_HOSTS, DEMO_STREAM_ALERTS,
	DEMO_STREAM_CASES, DEMO_STREAM_AI, DEMO_STREAM_ACTIONS, DEMO_STREAM_MISC, DEMO_STREAM_RUNTIME,
	DEMO_STREAM_HOSTILE, DEMO_STREAM_HISTORY, DEMO_STREAM_SPACES,
};

/* Generate everything from the options' seed and sizes; times are relative to now_ms. */
struct demo_data *demo_data_new(const struct demo_options *o, int64_t now_ms);
/* Free everything. */
void demo_data_free(struct demo_data *d);
/* A text field as served: a copy of s, decorated with hostile sequences when that fault is on. */
char *demo_data_text(struct demo_data *d, struct demo_rng *r, const char *s);
/* The same as a JSON string. */
json_t *demo_data_jtext(struct demo_data *d, struct demo_rng *r, const char *s);
/* The next saved-object version string; caller frees. */
char *demo_data_version(struct demo_data *d);
/* A new random UUID for an object created at run time (37 bytes). */
void demo_data_uuid(struct demo_data *d, char *buf);
/* The {email, full_name, username, profile_uid} object of person i (-1: the API user, "elastic"). */
json_t *demo_data_user(const struct demo_data *d, int i);
/* True when the demo behaves as Kibana major.minor or newer. */
bool demo_data_kibana_at_least(const struct demo_data *d, unsigned major, unsigned minor);
/* A connector by id (borrowed), or NULL. */
json_t *demo_data_connector(const struct demo_data *d, const char *id);
/* The host with this agent id, or NULL. */
struct demo_host *demo_data_host_by_agent(struct demo_data *d, const char *agent_id);

#endif
