/* Command-line options of the ktriage program and how they become a profile. */
#ifndef KT_OPTIONS_H
#define KT_OPTIONS_H
#include <stdbool.h>

struct profile;
struct shellcomp_option;
struct strbuf;

/* Everything the command line can say; strings point into argv. */
struct options {
	const char *command;        /* -c COMMAND */
	const char *profile_name;   /* --profile */
	const char *config_path;    /* --config */
	const char *url, *space, *api_key_file, *user, *password_file;
	const char *ca_cert, *client_cert, *client_key, *theme;
	long timeout_s;             /* --timeout, 0: profile's */
	long max_pages, max_rows;   /* --max-pages, --max-rows; 0: profile's */
	long max_fetch_mb;          /* --max-fetch-mb; 0: profile's */
	unsigned concurrency;       /* --concurrency, 0: profile's */
	bool insecure, readonly, json, ndjson, yes, quiet, demo, help, version;
};

/* Parse argv; 0, or -1 with *err (a usage error). */
int options_parse(int argc, char **argv, struct options *o, char **err);
/* Build the profile: config file, then environment, then flags; 0, or -1 with *err. */
int options_profile(const struct options *o, struct profile *p, struct strbuf *warnings, char **err);
/* The program's options for shell completion (refused ones left out), ending with a NULL name. */
const struct shellcomp_option *options_completion(void);
/* The --help text. */
const char *options_usage(void);

#endif
