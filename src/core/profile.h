/* A connection profile: where a Kibana is and how to talk to it. */
#ifndef KT_PROFILE_H
#define KT_PROFILE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/fetchlimit.h"

/* Default cap on one response body. */
#define PROFILE_DEFAULT_MAX_RESPONSE ((size_t)64 << 20)
/* Default for the most requests in flight at once (measured: `make bench`, README). */
#define PROFILE_DEFAULT_CONCURRENCY 8
/* The most requests in flight at once a profile may ask for. */
#define PROFILE_MAX_CONCURRENCY 64

/* Everything needed to reach one Kibana; strings are owned. */
struct profile {
	char *name;          /* profile name from the config file, or "default" */
	char *url;           /* base URL, no trailing slash */
	char *space;         /* Kibana space; NULL or "default" means no /s/ prefix */
	char *api_key;       /* secret: the encoded API key */
	char *username;      /* basic auth user */
	char *password;      /* secret: basic auth password */
	char *ca_cert;       /* CA bundle file */
	char *client_cert;   /* client certificate file (PEM) */
	char *client_key;    /* client key file (PEM) */
	char *theme;         /* theme name */
	char *startup;       /* UI commands from the config file (bind, set), one per line */
	bool insecure;       /* TLS verification off: only by explicit request */
	bool readonly;       /* refuse every mutating command */
	long connect_timeout_ms; /* connection phase limit */
	long timeout_ms;     /* whole-request limit */
	size_t max_response; /* cap on a response body, bytes */
	struct fetch_limits fetch; /* caps on a whole paged fetch */
	unsigned concurrency; /* most requests in flight at once (pages of --all), 1 to PROFILE_MAX_CONCURRENCY */
};

/* Fill p with defaults (no URL, no auth). */
void profile_init(struct profile *p);
/* Free every owned string, wiping the secrets. */
void profile_free(struct profile *p);
/* A deep copy of p. */
void profile_copy(struct profile *dst, const struct profile *src);
/* Replace *field with a copy of value (NULL clears it). */
void profile_set(char **field, const char *value);
/* Replace a secret field, wiping the old value. */
void profile_set_secret(char **field, const char *value);
/* The space prefix for paths: "" or "/s/<escaped space>"; caller frees. */
char *profile_space_prefix(const struct profile *p);
/*
 * True when the profile has enough to make requests (a URL) and nothing that must not be
 * sent: credentials in the URL, or an API key, user or password that is not one valid
 * header value (a CR, LF or other control byte would start a header of its own).
 */
bool profile_usable(const struct profile *p, char **why);
/* The URL made safe to print: any user:password@ removed, control and escape bytes shown inert; caller frees. */
char *profile_display_url(const char *url);

#endif
