#include "config.h"
#include "demo/demo_timeline.h"
#include "core/xalloc.h"
#include "demo/demo_data.h"
#include "demo/demo_http.h"
#include "demo/demo_multipart.h"
#include "demo/demo_util.h"
#include <stdlib.h>
#include <string.h>

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
	if (demo_is_multipart(req->content_type)) {
		struct demo_part parts[16];
		size_t n = 0;
		bool ok = demo_multipart(req->content_type, req->body, req->body_len, parts, 16, &n);
		const struct demo_part *file = demo_part_named(parts, n, "file");
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
		demo_parts_free(parts, n);
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
