/*
 * What an Elastic Defend agent of the demo does when a response action reaches it: list, kill or
 * suspend its processes, hand over a file, run a shell command (canned answers), scan a path,
 * take an uploaded file; the files it has; the files Kibana keeps for the actions.
 */
#ifndef KT_DEMO_AGENT_H
#define KT_DEMO_AGENT_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct demo_data;
struct demo_host;
struct demo_kept;

/* Give a host the files every host of its OS starts with. */
void demo_agent_files_generate(struct demo_host *h);
/* Free a host's files. */
void demo_agent_files_free(struct demo_host *h);
/* The file at path on a host, or NULL. */
struct demo_hostfile *demo_agent_file(struct demo_host *h, const char *path);

/*
 * The output an agent sends for cmd run with params (NULL when the command has none); *err gets
 * its failure. With apply the host changes (a kill, an upload). A file the action leaves (a
 * get-file or execute zip) is kept under action_id, created at at.
 */
json_t *demo_agent_run(struct demo_data *d, struct demo_host *h, const char *action_id, const char *cmd, json_t *params,
		       bool apply, int64_t at, char **err);

/* Keep a file for an action (data copied); the kept file. */
struct demo_kept *demo_kept_add(struct demo_data *d, const char *id, const char *action_id, const char *agent_id,
				const char *name, const void *data, size_t len, int64_t at);
/* The kept file with this id, or NULL. */
struct demo_kept *demo_kept_find(struct demo_data *d, const char *id);
/* Free every kept file. */
void demo_kept_free(struct demo_data *d);

#endif
