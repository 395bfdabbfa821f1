/* Turning an api_request into a configured libcurl easy handle, and its outcome into an api_result. */
#ifndef KT_HTTP_H
#define KT_HTTP_H
#include <curl/curl.h>
#include "api/request.h"
#include "core/strbuf.h"

struct profile;

/* The version header every request carries. */
#define HTTP_API_VERSION "2023-10-31"
/* The media type the contract declares for JSON bodies. */
#define HTTP_JSON_TYPE "application/json; Elastic-Api-Version=" HTTP_API_VERSION

/* One transfer in flight: the easy handle and what it has received so far. */
struct http_transfer {
	CURL *easy;
	struct curl_slist *headers;
	curl_mime *mime;
	struct strbuf body;
	size_t max_body;   /* cap on body bytes */
	bool too_big;      /* the cap was hit */
	bool anonymous;    /* no credentials were set: a 401 says where they come from */
	long retry_after;  /* seconds of the response's Retry-After header, -1 without one */
	char errbuf[CURL_ERROR_SIZE];
};

/* The full URL for a request under a profile (base, space prefix, path, query); caller frees. */
char *http_url(const struct profile *p, const struct api_request *req);
/* Create and configure the easy handle for req; 0, or -1 with *err. */
int http_transfer_init(struct http_transfer *t, const struct profile *p, const struct api_request *req, char **err);
/* Fill res from a finished transfer (curl result code rc) and run the request's parser. */
void http_transfer_finish(struct http_transfer *t, CURLcode rc, const struct api_request *req, struct api_result *res);
/* Release the handle and buffers. */
void http_transfer_cleanup(struct http_transfer *t);
/* Run a parsed 2xx body through the request's parser into res (used by finish and by tests). */
void http_parse_body(const struct api_request *req, struct api_result *res);
/* Parse a 2xx body a parse_later request kept as text, as the worker would have (model may be NULL). */
void http_parse_result(const struct kmodel *model, struct api_result *res);

#endif
