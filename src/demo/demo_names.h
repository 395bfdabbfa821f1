/* Word tables the demo data is drawn from: people, hosts, processes, rules, prose. */
#ifndef KT_DEMO_NAMES_H
#define KT_DEMO_NAMES_H
#include <stddef.h>

/* Operating systems of demo hosts (bit values, so tables can list several). */
enum demo_os { DEMO_OS_WINDOWS = 1, DEMO_OS_LINUX = 2, DEMO_OS_MACOS = 4 };

/* A Kibana user with a user profile. */
struct demo_person_def {
	const char *username, *full_name, *email;
};

/* A detection rule: what its alerts look like. */
struct demo_rule_def {
	const char *name, *severity, *category, *action, *tactic;
	int risk;
	unsigned os;      /* enum demo_os bits the rule fires on */
	const char *proc; /* the process it is about, when it names one */
};

/* A process that runs on hosts of some OS. */
struct demo_proc_def {
	const char *name, *exe, *args, *parent, *user;
	unsigned os;
};

/* A file path seen in alerts. */
struct demo_file_def {
	const char *path;
	unsigned os;
};

/* A connector Kibana could hold. */
struct demo_connector_def {
	const char *name, *type, *api_url;
	const char *project_key;  /* a Jira connector's project; an LLM connector's model */
	int preconfigured;
};

/* Number of entries of a static table. */
#define DEMO_N(a) (sizeof(a) / sizeof((a)[0]))

/* Kibana users; the first is the API user "elastic". */
extern const struct demo_person_def demo_people[];
extern const size_t demo_n_people;
/* Detection rules alerts come from. */
extern const struct demo_rule_def demo_rules[];
extern const size_t demo_n_rules;
/* Processes hosts run, per OS. */
extern const struct demo_proc_def demo_procs[];
extern const size_t demo_n_procs;
/* File paths alerts name, per OS. */
extern const struct demo_file_def demo_files[];
extern const size_t demo_n_files;
/* Connectors: every case connector type, a misconfigured Jira, non-case types and LLM connectors. */
extern const struct demo_connector_def demo_connectors[];
extern const size_t demo_n_connectors;
/* Host name stems per OS (a number or suffix is added). */
extern const char *const demo_win_hosts[];
extern const size_t demo_n_win_hosts;
extern const char *const demo_linux_hosts[];
extern const size_t demo_n_linux_hosts;
extern const char *const demo_mac_hosts[];
extern const size_t demo_n_mac_hosts;
/* Local account names seen on hosts. */
extern const char *const demo_accounts[];
extern const size_t demo_n_accounts;
/* Case titles; "%s" is replaced by a host name. */
extern const char *const demo_case_titles[];
extern const size_t demo_n_case_titles;
/* Case descriptions (markdown), one per title in the same order; "%s" is replaced by a host name. */
extern const char *const demo_case_descriptions[];
extern const size_t demo_n_case_descriptions;
/* Case tags. */
extern const char *const demo_case_tags[];
extern const size_t demo_n_case_tags;
/* Case categories. */
extern const char *const demo_case_categories[];
extern const size_t demo_n_case_categories;
/* Analyst comments on cases. */
extern const char *const demo_comment_texts[];
extern const size_t demo_n_comment_texts;
/* AI conversation titles. */
extern const char *const demo_conv_titles[];
extern const size_t demo_n_conv_titles;
/* User prompts to the assistant. */
extern const char *const demo_conv_user[];
extern const size_t demo_n_conv_user;
/* Assistant answers (markdown with lists and code blocks), one per user prompt in the same order. */
extern const char *const demo_conv_assistant[];
extern const size_t demo_n_conv_assistant;
/* Assistant error messages (isError). */
extern const char *const demo_conv_errors[];
extern const size_t demo_n_conv_errors;
/* System prompts. */
extern const char *const demo_conv_system[];
extern const size_t demo_n_conv_system;
/* Comments on response actions. */
extern const char *const demo_action_comments[];
extern const size_t demo_n_action_comments;
/* The long error a misconfigured Jira connector returns on push. */
extern const char demo_jira_push_error[];

#endif
