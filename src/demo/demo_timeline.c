#include "config.h"
#include "demo/demo_timeline.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One part of a multipart body. */
struct part {
	char *name, *filename;
	const char *data;
	size_t len;
};

/* A parameter of a header value, e.g. name="file" in a Content-Disposition; caller frees. */
static char *header_param(const char *h, size_t hlen, const char *param)
{
	size_t pl = strlen(param);
	for (size_t i = 0; i + pl + 1 < hlen; i++) {
		if (strncasecmp(h + i, param, pl) != 0 || h[i + pl] != '=' || (i && h[i - 1] != ' ' && h[i - 1] != ';'))
			continue;
		const char *v = h + i + pl + 1, *end = h + hlen;
		if (*v == '"') {
			const char *q = memchr(v + 1, '"', (size_t)(end - v - 1));
			return q ? xstrndup(v + 1, (size_t)(q - v - 1)) : NULL;
		}
		size_t n = 0;
		while (v + n < end && v[n] != ';' && v[n] != '\r' && v[n] != '\n' && v[n] != ' ')
			n++;
		return xstrndup(v, n);
	}
	return NULL;
}

/* Split a multipart/form-data body into parts; false when it is malformed. */
static bool multipart(const char *ct, const char *body, size_t len, struct part *parts, size_t max, size_t *n)
{
	char *boundary = header_param(ct, strlen(ct), "boundary");
	*n = 0;
	if (!boundary || !*boundary) {
		free(boundary);
		return false;
	}
	char *delim = xasprintf("--%s", boundary);
	size_t dl = strlen(delim);
	free(boundary);
	const char *end = body + len, *p = memmem(body, len, delim, dl);
	bool ok = p != NULL;
	while (ok && p) {
		p += dl;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break; /* the closing delimiter */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			p += 2;
		const char *hend = memmem(p, (size_t)(end - p), "\r\n\r\n", 4);
		const char *next = hend ? memmem(hend + 4, (size_t)(end - hend - 4), delim, dl) : NULL;
		if (!hend || !next || *n >= max) {
			ok = false;
			break;
		}
		struct part *pt = &parts[(*n)++];
		pt->name = header_param(p, (size_t)(hend - p), "name");
		pt->filename = header_param(p, (size_t)(hend - p), "filename");
		pt->data = hend + 4;
		pt->len = (size_t)(next - pt->data);
		if (pt->len >= 2 && next[-2] == '\r' && next[-1] == '\n')
			pt->len -= 2;
		p = next;
	}
	free(delim);
	return ok;
}

static bool timeline_known(json_t *known, const char *id)
{
	size_t i;
	json_t *k;
	json_array_foreach(known, i, k) {
		if (strcmp(json_string_value(k), id) == 0)
			return true;
	}
	return false;
}

/* Import one timeline object; counts it or adds an error. */
static void import_one(struct demo_data *d, json_t *t, json_t *errors, size_t *installed, size_t *updated)
{
	json_t *timelines = json_object_get(d->misc, "timelines");
	const char *id = demo_jstr(t, "savedObjectId");
	if (!json_is_object(t) || !demo_jstr(t, "title")) {
		json_array_append_new(errors, json_pack("{s:s, s:{s:s, s:i}}", "id", id ? id : "(unknown id)", "error", "message",
							"Invalid timeline: a title is required", "status_code", 400));
		return;
	}
	if (id && timeline_known(timelines, id)) {
		if (demo_jstr(t, "status") && strcmp(demo_jstr(t, "status"), "immutable") == 0) {
			(*updated)++;
			return;
		}
		json_array_append_new(errors, json_pack("{s:s, s:{s:o, s:i}}", "id", id, "error", "message",
							json_sprintf("savedObjectId: \"%s\" already exists", id), "status_code", 409));
		return;
	}
	char nid[37];
	demo_data_uuid(d, nid);
	json_array_append_new(timelines, json_string(id ? id : nid));
	(*installed)++;
}

/* The ndjson lines of text; a line that is not JSON becomes an error. */
static void import_ndjson(struct demo_data *d, const char *text, size_t len, json_t *errors, size_t *inst, size_t *upd)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (strspn(p, " \t\r") < n) {
			json_error_t jerr;
			json_t *t = json_loadb(p, n, 0, &jerr);
			if (t)
				import_one(d, t, errors, inst, upd);
			else
				json_array_append_new(errors, json_pack("{s:s, s:{s:o, s:i}}", "id", "(unknown id)", "error", "message",
									json_sprintf("Malformed JSON: %s", jerr.text), "status_code", 400));
			json_decref(t);
		}
		p += n + 1;
	}
}

void demo_timeline_import(struct demo_req *req, struct demo_resp *resp)
{
	struct demo_data *d = req->data;
	json_t *errors = json_array();
	size_t installed = 0, updated = 0;
	bool is_multipart = req->content_type && strncasecmp(req->content_type, "multipart/form-data", 19) == 0;
	if (is_multipart) {
		struct part parts[16];
		size_t n = 0;
		bool ok = multipart(req->content_type, req->body, req->body_len, parts, 16, &n);
		const struct part *file = NULL;
		for (size_t i = 0; i < n; i++)
			if (parts[i].name && strcmp(parts[i].name, "file") == 0)
				file = &parts[i];
		const char *fn = file && file->filename ? file->filename : "";
		const char *ext = strrchr(fn, '.');
		if (!ok || !file)
			demo_reply_error(resp, 400, ok ? "[request body.file]: expected a file part named [file]"
						       : "Invalid multipart/form-data payload");
		/* import_timelines/index.ts lower-cases the extension first: X.NDJSON is fine. */
		else if (!ext || strcasecmp(ext, ".ndjson") != 0)
			demo_reply_siem_error(resp, 400, "Invalid file extension %s", ext ? ext : "(none)");
		else
			import_ndjson(d, file->data, file->len, errors, &installed, &updated);
		for (size_t i = 0; i < n; i++) {
			free(parts[i].name);
			free(parts[i].filename);
		}
	} else {
		/* The spec's JSON form: "file" holds the ndjson text, one timeline object, or an array of them. */
		struct demo_check c = {0};
		json_t *b = demo_check_body(&c, req);
		json_t *file = json_object_get(b, "file");
		demo_check_enum(&c, b, "request body", "isImmutable", false, (const char *const[]){"true", "false", NULL});
		if (!c.err && !json_is_string(file) && !json_is_object(file) && !json_is_array(file))
			demo_check_fail(&c, "request body", "file", "expected ndjson text, a timeline object or an array of them");
		if (!demo_check_reply(&c, resp)) {
			if (json_is_string(file)) {
				import_ndjson(d, json_string_value(file), json_string_length(file), errors, &installed, &updated);
			} else if (json_is_object(file)) {
				import_one(d, file, errors, &installed, &updated);
			} else {
				size_t i;
				json_t *t;
				json_array_foreach(file, i, t) {
					import_one(d, t, errors, &installed, &updated);
				}
			}
		}
	}
	if (resp->status) {
		json_decref(errors);
		return;
	}
	demo_reply_json(resp, 200, json_pack("{s:b, s:I, s:I, s:I, s:o}", "success", json_array_size(errors) == 0,
					     "success_count", (json_int_t)(installed + updated), "timelines_installed",
					     (json_int_t)installed, "timelines_updated", (json_int_t)updated, "errors", errors));
}
