/* POST /api/security/session/_invalidate: cutting off user sessions. */
#ifndef KT_SESSIONS_H
#define KT_SESSIONS_H
#include <jansson.h>
#include "api/kmodel.h"
#include "api/request.h"

/* Kibana's built-in authentication provider types, NULL-terminated: suggestions (a custom type is fine too). */
extern const char *const sessions_provider_types[];

/* Which sessions to invalidate: all of them (provider_type NULL), or those matching a query. */
struct sessions_match {
	const char *provider_type;   /* basic, token, saml, oidc, kerberos, pki, anonymous, or a custom type */
	const char *provider_name;   /* optional */
	const char *username;        /* optional */
};

/* The answer: how many sessions went. */
struct sessions_result {
	long long total;             /* -1 when Kibana did not say */
};

/* POST /api/security/session/_invalidate (not space-scoped); m NULL or without a provider type: match all. */
struct api_request *sessions_invalidate_request(const struct sessions_match *m);
/* The answer: a struct sessions_result. */
extern const struct kmodel sessions_result_model;

#endif
