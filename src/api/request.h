/* One HTTP request to Kibana, and what came back. */
#ifndef KT_REQUEST_H
#define KT_REQUEST_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"

/* HTTP methods the API uses. */
enum http_method { HTTP_GET, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE };

/* How a request ended. */
enum api_status {
	API_OK,            /* 2xx and, where a model is set, a valid one */
	API_ERR_HTTP,      /* the server answered with a non-2xx status */
	API_ERR_PARSE,     /* 2xx but the body is not what the contract says */
	API_ERR_NETWORK,   /* connection refused, DNS, reset */
	API_ERR_TIMEOUT,   /* connect or total timeout */
	API_ERR_TLS,       /* certificate or handshake failure */
	API_ERR_TOO_BIG,   /* response past the profile's size cap */
	API_ERR_REDIRECT,  /* a redirect, which is never followed */
	API_ERR_CANCELLED, /* cancelled by the caller */
};

/* One part of a multipart/form-data body. */
struct api_part {
	char *name;         /* form field name */
	char *filename;     /* file name to report, or NULL */
	char *content_type; /* part type, or NULL */
	char *data;         /* contents */
	size_t len;
};

/* A request: everything the worker needs to send it, owned by the request. */
struct api_request {
	enum http_method method;
	char *path;           /* percent-encoded, starts with '/', no space prefix */
	char *query;          /* "?a=b&c=d" or NULL */
	char *body;           /* JSON text, or NULL */
	size_t body_len;
	struct api_part *parts; /* multipart body instead of JSON, or NULL */
	size_t n_parts;
	bool global;          /* not space-scoped: never gets the /s/<space> prefix */
	const struct kmodel *model; /* optional: what the 2xx JSON body becomes, on the worker thread */
	bool stream;          /* a 2xx body also comes back in pieces as it arrives (worker_done.partial) */
	bool parse_later;     /* a 2xx body stays text until http_parse_result: who holds many answers keeps the small form */
};

/* What a request produced; owned by whoever holds it. */
struct api_result {
	enum api_status status;
	long http_status;     /* 0 when no response arrived */
	char *message;        /* readable error (NULL on success) */
	char *body;           /* raw body (NUL-terminated) */
	size_t body_len;
	char *content_type;   /* response Content-Type, or NULL */
	json_t *json;         /* parsed body when it was JSON */
	void *model;          /* from the request's model type */
	const struct kmodel *model_type; /* what model is, to free it */
	long retry_after;     /* seconds a Retry-After header asked to wait, -1 without one */
};

/* A new request; path is already encoded (see api_path). */
struct api_request *api_request_new(enum http_method method, const char *path);
/* Set the query string (takes "?..." text, copied). */
void api_request_set_query(struct api_request *req, const char *query);
/* Set a JSON body from a value (the value's reference is stolen). */
void api_request_set_json(struct api_request *req, json_t *body);
/* Add a multipart/form-data part (data copied). */
void api_request_add_part(struct api_request *req, const char *name, const char *filename,
			  const char *content_type, const char *data, size_t len);
/* Set the model type that the response is read into. */
void api_request_set_model(struct api_request *req, const struct kmodel *model);
/* Free a request. */
void api_request_free(struct api_request *req);
/* Free the contents of a result (not the struct itself). */
void api_result_clear(struct api_result *res);
/* The method's name ("GET"). */
const char *api_method_name(enum http_method m);
/* Parse "GET"/"post"... into a method; false when unknown. */
bool api_method_parse(const char *s, enum http_method *m);
/*
 * Build an encoded path from a template: each "{}" takes the next argument
 * (a NUL-terminated string) percent-encoded as one path segment. Caller frees.
 */
char *api_path(const char *tmpl, ...);

#endif
