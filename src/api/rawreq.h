/* Requests for the `api` console: any method and path, typed by a person. */
#ifndef KT_RAWREQ_H
#define KT_RAWREQ_H
#include <stddef.h>
#include "api/request.h"

/*
 * A request for method and path (with an optional ?query) as typed: bytes a URL cannot
 * carry are percent-encoded, %XX escapes are kept. A path that starts with /s/<space>/
 * names its space itself and is sent as is; any other path gets the profile's space.
 * A "." or ".." segment (even percent-encoded) is refused: resolved after the space
 * prefix, it would reach outside the space, or past the list of GETs that change data.
 * body (JSON text, may be NULL) must parse. NULL with *err saying what to fix.
 */
struct api_request *rawreq_new(enum http_method method, const char *path, const char *body, size_t body_len, char **err);
/*
 * Whether a raw request may change data: every method but GET, and the GETs Kibana
 * answers with a side effect (see rawreq.c). NULL when it only reads; else what it does
 * ("syncs machine learning saved objects").
 */
const char *rawreq_changes(const struct api_request *req);

#endif
