#include "config.h"
#include "api/request.h"
#include "core/strbuf.h"
#include "core/urlenc.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const api_method_names[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};

struct api_request *api_request_new(enum http_method method, const char *path)
{
	struct api_request *req = xcalloc(1, sizeof(*req));
	req->method = method;
	req->path = xstrdup(path);
	return req;
}

void api_request_set_query(struct api_request *req, const char *query)
{
	free(req->query);
	req->query = query && *query ? xstrdup(query) : NULL;
}

void api_request_set_json(struct api_request *req, json_t *body)
{
	free(req->body);
	req->body = json_dumps(body, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!req->body)
		req->body = xstrdup("null");
	req->body_len = strlen(req->body);
	json_decref(body);
}

void api_request_add_part(struct api_request *req, const char *name, const char *filename,
			  const char *content_type, const char *data, size_t len)
{
	req->parts = xreallocarray(req->parts, req->n_parts + 1, sizeof(*req->parts));
	struct api_part *p = &req->parts[req->n_parts++];
	p->name = xstrdup(name);
	p->filename = xstrdup(filename);
	p->content_type = xstrdup(content_type);
	p->data = xmalloc(len + 1);
	memcpy(p->data, data, len);
	p->data[len] = '\0';
	p->len = len;
}

void api_request_set_model(struct api_request *req, const struct kmodel *model)
{
	req->model = model;
}

void api_request_free(struct api_request *req)
{
	if (!req)
		return;
	free(req->path);
	free(req->query);
	free(req->body);
	for (size_t i = 0; i < req->n_parts; i++) {
		free(req->parts[i].name);
		free(req->parts[i].filename);
		free(req->parts[i].content_type);
		free(req->parts[i].data);
	}
	free(req->parts);
	free(req);
}

void api_result_clear(struct api_result *res)
{
	free(res->message);
	free(res->body);
	free(res->content_type);
	json_decref(res->json);
	if (res->model_type)
		kmodel_free(res->model_type, res->model);
	memset(res, 0, sizeof(*res));
}

const char *api_method_name(enum http_method m)
{
	return api_method_names[m];
}

bool api_method_parse(const char *s, enum http_method *m)
{
	for (size_t i = 0; i < sizeof(api_method_names) / sizeof(*api_method_names); i++) {
		if (strcasecmp(s, api_method_names[i]) == 0) {
			*m = (enum http_method)i;
			return true;
		}
	}
	return false;
}

char *api_path(const char *tmpl, ...)
{
	struct strbuf sb;
	strbuf_init(&sb);
	va_list ap;
	va_start(ap, tmpl);
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '{' && p[1] == '}') {
			char *seg = urlenc_segment(va_arg(ap, const char *));
			strbuf_puts(&sb, seg);
			free(seg);
			p++;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	va_end(ap);
	return strbuf_detach(&sb, NULL);
}
