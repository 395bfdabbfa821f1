#include "config.h"
#include "demo_testutil.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct demo_server *dt_start(const struct demo_options *o)
{
	char *err = NULL;
	struct demo_server *s = demo_start(o, &err);
	if (!s)
		fprintf(stderr, "demo_start: %s\n", err);
	assert_non_null(s);
	return s;
}

static size_t on_body(char *p, size_t size, size_t n, void *cls)
{
	strbuf_add(cls, p, size * n);
	return size * n;
}

struct dt_resp dt_req(struct demo_server *s, const char *method, const char *path, const char *body,
		      const char *ctype, int flags)
{
	struct dt_resp r = {0};
	struct strbuf sb;
	strbuf_init(&sb);
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char *url = dt_fmt("%s%s", demo_url(s), path);
	struct curl_slist *h = NULL;
	char *ct = dt_fmt("Content-Type: %s", ctype ? ctype : DT_JTYPE);
	if (body)
		h = curl_slist_append(h, ct);
	if (!(flags & DT_NO_AUTH))
		h = curl_slist_append(h, flags & DT_BAD_AUTH ? "Authorization: ApiKey wrong-key" : "Authorization: ApiKey " DT_KEY);
	if (!(flags & DT_NO_XSRF))
		h = curl_slist_append(h, "kbn-xsrf: ktriage-test");
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &sb);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
	}
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		fprintf(stderr, "%s %s: %s\n", method, path, curl_easy_strerror(rc));
	assert_int_equal(rc, CURLE_OK);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
	char *type = NULL;
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
	r.ctype = xstrdup(type);
	curl_off_t wait = 0;
	curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &wait);
	r.retry_after = (long)wait;
	r.body = strbuf_detach(&sb, &r.len);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	free(ct);
	free(url);
	return r;
}

long dt_json(struct demo_server *s, const char *method, const char *path, const char *body, json_t **out)
{
	struct dt_resp r = dt_req(s, method, path, body, NULL, 0);
	if (out) {
		json_error_t e;
		*out = r.len ? json_loadb(r.body, r.len, JSON_DECODE_ANY, &e) : NULL;
		if (r.len && !*out)
			fprintf(stderr, "%s %s: bad JSON (%s): %.300s\n", method, path, e.text, r.body);
		if (r.len)
			assert_non_null(*out);
	}
	long status = r.status;
	dt_resp_free(&r);
	return status;
}

json_t *dt_get(struct demo_server *s, const char *path)
{
	json_t *j = NULL;
	long st = dt_json(s, "GET", path, NULL, &j);
	if (st != 200)
		fprintf(stderr, "GET %s -> %ld\n", path, st);
	assert_int_equal(st, 200);
	return j;
}

json_t *dt_wait_action(struct demo_server *s, const char *id)
{
	char *p = dt_fmt("/api/endpoint/action/%s", id);
	json_t *a = NULL;
	for (int i = 0; i < 400; i++) {
		json_decref(a);
		a = dt_get(s, p);
		if (strcmp(dt_str(json_object_get(a, "data"), "status"), "pending") != 0)
			break;
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
	free(p);
	return a;
}

char *dt_healthy_agent(struct demo_server *s)
{
	json_t *m = dt_get(s, "/api/endpoint/metadata?hostStatuses=%5B%22healthy%22%5D&pageSize=100");
	json_t *first = json_array_get(json_object_get(m, "data"), 0);
	char *id = xstrdup(dt_str(json_object_get(json_object_get(first, "metadata"), "agent"), "id"));
	json_decref(m);
	return id;
}

struct demo_server *dt_start_default(void)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = 11;
	o.alerts = 1500;
	o.quiet = true;
	o.action_delay_ms = 50;
	o.api_key = xstrdup(DT_KEY);
	struct demo_server *s = dt_start(&o);
	demo_options_free(&o);
	return s;
}

struct demo_server *dt_server;

int dt_setup(void **state)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	dt_server = dt_start_default();
	return 0;
}

int dt_teardown(void **state)
{
	demo_stop(dt_server);
	dt_server = NULL;
	curl_global_cleanup();
	return 0;
}

const char *dt_str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

json_int_t dt_int(json_t *o, const char *k)
{
	return json_integer_value(json_object_get(o, k));
}

void dt_resp_free(struct dt_resp *r)
{
	free(r->body);
	free(r->ctype);
	memset(r, 0, sizeof(*r));
}

char *dt_fmt(const char *fmt, ...)
{
	va_list ap;
	struct strbuf sb;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	return strbuf_detach(&sb, NULL);
}

/* Little-endian fields of a zip header. */
static unsigned dt_le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t dt_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

char *dt_unzip(const void *zip, size_t len, const char *password, const char *name, size_t *out_len)
{
	const unsigned char *z = zip, *end = z + len;
	for (const unsigned char *p = z; p + 30 <= end && dt_le32(p) == 0x04034b50;) {
		unsigned flags = dt_le16(p + 6), method = dt_le16(p + 8);
		uint32_t crc = dt_le32(p + 14), csize = dt_le32(p + 18), usize = dt_le32(p + 22);
		unsigned nlen = dt_le16(p + 26), xlen = dt_le16(p + 28);
		const unsigned char *data = p + 30 + nlen + xlen;
		if (data + csize > end)
			return NULL;
		bool match = strlen(name) == nlen && !memcmp(p + 30, name, nlen);
		if (match && method == 0 && (flags & 1) && csize >= 12 && usize == csize - 12) {
			/* The traditional PKWARE cipher (APPNOTE.TXT 6.1), written apart from the demo's encryption. */
			uint32_t k[3] = {0x12345678u, 0x23456789u, 0x34567890u};
			static uint32_t table[256];
			for (uint32_t i = 0; i < 256; i++) {
				uint32_t c = i;
				for (int b = 0; b < 8; b++)
					c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
				table[i] = c;
			}
#define DT_CRC(c, b) (table[((c) ^ (b)) & 0xff] ^ ((c) >> 8))
#define DT_UPDATE(b)                                                                                                   \
	do {                                                                                                           \
		k[0] = DT_CRC(k[0], (b));                                                                              \
		k[1] = (k[1] + (k[0] & 0xff)) * 134775813u + 1;                                                        \
		k[2] = DT_CRC(k[2], (k[1] >> 24));                                                                     \
	} while (0)
			for (const char *c = password; *c; c++)
				DT_UPDATE((unsigned char)*c);
			char *out = xmalloc(csize + 1);
			for (uint32_t i = 0; i < csize; i++) {
				unsigned t = (k[2] | 2) & 0xffffu;
				unsigned char plain = data[i] ^ (unsigned char)((t * (t ^ 1)) >> 8);
				DT_UPDATE(plain);
				out[i] = (char)plain;
			}
			/* The header's last byte checks the password; the CRC checks the data. */
			uint32_t check = 0xffffffffu;
			for (uint32_t i = 12; i < csize; i++)
				check = DT_CRC(check, (unsigned char)out[i]);
			if ((unsigned char)out[11] != (unsigned char)(crc >> 24) || (check ^ 0xffffffffu) != crc) {
				free(out);
				return NULL;
			}
#undef DT_UPDATE
#undef DT_CRC
			memmove(out, out + 12, usize);
			out[usize] = '\0';
			*out_len = usize;
			return out;
		}
		p = data + csize;
	}
	return NULL;
}
