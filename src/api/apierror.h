/* Turning a failed HTTP exchange into one readable sentence. */
#ifndef KT_APIERROR_H
#define KT_APIERROR_H
#include <stddef.h>

/* The standard reason phrase for an HTTP status ("Not Found"), or "" when unknown. */
const char *apierror_reason(long status);
/*
 * A message for a non-2xx response: "HTTP 404 Not Found: <Kibana's message>" from
 * either Kibana error shape ({statusCode,error,message} or {status_code,message}),
 * the title of an HTML page from a proxy, or a note that the body was empty or not
 * JSON. The text is not sanitized. Caller frees.
 */
char *apierror_from_response(long status, const char *content_type, const char *body, size_t len);
/* True when a Content-Type names JSON (application/json with any parameters, or +json). */
int apierror_is_json_type(const char *content_type);

#endif
