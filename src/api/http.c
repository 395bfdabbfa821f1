#include "config.h"
#include "api/http.h"
#include "api/apierror.h"
#include "api/kjson.h"
#include "core/profile.h"
#include "core/xalloc.h"
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>
#include <string.h>
#include <strings.h>

char *http_url(const struct profile *p, const struct api_request *req)
{
	char *prefix = req->global ? xstrdup("") : profile_space_prefix(p);
	size_t ulen = strlen(p->url);
	while (ulen && p->url[ulen - 1] == '/')
		ulen--;
	char *url = xasprintf("%.*s%s%s%s", (int)ulen, p->url, prefix, req->path, req->query ? req->query : "");
	free(prefix);
	return url;
}

static size_t http_write(char *data, size_t size, size_t n, void *user)
{
	struct http_transfer *t = user;
	size_t len = size * n;
	if (t->body.len + len > t->max_body) {
		t->too_big = true;
		return 0;
	}
	strbuf_add(&t->body, data, len);
	return len;
}

/* Seconds a Retry-After value asks for (delta-seconds or an HTTP date), or -1 when it says neither. */
static long http_retry_after(const char *v, size_t len)
{
	char buf[64];
	while (len && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len && isspace((unsigned char)v[len - 1]))
		len--;
	if (!len || len >= sizeof(buf))
		return -1;
	memcpy(buf, v, len);
	buf[len] = '\0';
	if (strspn(buf, "0123456789") == len) {
		/* Anything past a day is "too long" to the worker alike: no need to hold it exactly. */
		return len > 6 ? 86400 * 365L : strtol(buf, NULL, 10);
	}
	time_t when = curl_getdate(buf, NULL);
	if (when < 0)
		return -1;
	time_t now = time(NULL);
	return when > now ? (long)(when - now) : 0;
}

static size_t http_header(char *data, size_t size, size_t n, void *user)
{
	struct http_transfer *t = user;
	size_t len = size * n;
	static const char name[] = "retry-after:";
	if (len > sizeof(name) - 1 && strncasecmp(data, name, sizeof(name) - 1) == 0)
		t->retry_after = http_retry_after(data + sizeof(name) - 1, len - (sizeof(name) - 1));
	else if (len > 5 && strncmp(data, "HTTP/", 5) == 0)
		t->retry_after = -1; /* a new response (after a 100 Continue): its own headers count */
	return len;
}

static void http_add_header(struct http_transfer *t, const char *h)
{
	struct curl_slist *l = curl_slist_append(t->headers, h);
	if (!l)
		abort();
	t->headers = l;
}

static int http_set_body(struct http_transfer *t, const struct api_request *req, char **err)
{
	if (req->n_parts) {
		t->mime = curl_mime_init(t->easy);
		for (size_t i = 0; i < req->n_parts; i++) {
			const struct api_part *pt = &req->parts[i];
			curl_mimepart *mp = curl_mime_addpart(t->mime);
			curl_mime_name(mp, pt->name);
			curl_mime_data(mp, pt->data, pt->len);
			if (pt->filename)
				curl_mime_filename(mp, pt->filename);
			if (pt->content_type)
				curl_mime_type(mp, pt->content_type);
		}
		curl_easy_setopt(t->easy, CURLOPT_MIMEPOST, t->mime);
	} else if (req->body) {
		http_add_header(t, "Content-Type: " HTTP_JSON_TYPE);
		curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
		curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, req->body);
	} else if (req->method != HTTP_GET) {
		curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)0);
		curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, "");
		/* No body, no type: curl would otherwise claim an urlencoded form. */
		http_add_header(t, "Content-Type:");
	}
	if (req->method != HTTP_POST && req->method != HTTP_GET)
		curl_easy_setopt(t->easy, CURLOPT_CUSTOMREQUEST, api_method_name(req->method));
	else if (req->method == HTTP_GET && (req->body || req->n_parts)) {
		*err = xstrdup("a GET request cannot carry a body");
		return -1;
	}
	return 0;
}

static void http_set_auth(struct http_transfer *t, const struct profile *p)
{
	if (p->api_key && *p->api_key) {
		char *h = xasprintf("Authorization: ApiKey %s", p->api_key);
		http_add_header(t, h);
		xfree_secret(h);
	} else if (p->username && *p->username) {
		curl_easy_setopt(t->easy, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(t->easy, CURLOPT_USERNAME, p->username);
		curl_easy_setopt(t->easy, CURLOPT_PASSWORD, p->password ? p->password : "");
	} else {
		t->anonymous = true;
	}
}

static void http_set_tls(struct http_transfer *t, const struct profile *p)
{
	long verify = p->insecure ? 0L : 1L;
	curl_easy_setopt(t->easy, CURLOPT_SSL_VERIFYPEER, verify);
	curl_easy_setopt(t->easy, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);
	if (p->ca_cert)
		curl_easy_setopt(t->easy, CURLOPT_CAINFO, p->ca_cert);
	if (p->client_cert)
		curl_easy_setopt(t->easy, CURLOPT_SSLCERT, p->client_cert);
	if (p->client_key)
		curl_easy_setopt(t->easy, CURLOPT_SSLKEY, p->client_key);
}

int http_transfer_init(struct http_transfer *t, const struct profile *p, const struct api_request *req, char **err)
{
	memset(t, 0, sizeof(*t));
	strbuf_init(&t->body);
	/* The last gate before the wire: a credential that would break out of its header is never sent. */
	if (!profile_usable(p, err))
		return -1;
	t->max_body = p->max_response;
	t->retry_after = -1;
	t->easy = curl_easy_init();
	if (!t->easy) {
		*err = xstrdup("cannot create an HTTP handle");
		return -1;
	}
	char *url = http_url(p, req);
	curl_easy_setopt(t->easy, CURLOPT_URL, url);
	free(url);
	curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t);
	curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, http_write);
	curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->easy, CURLOPT_HEADERFUNCTION, http_header);
	curl_easy_setopt(t->easy, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(t->easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(t->easy, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(t->easy, CURLOPT_ACCEPT_ENCODING, "");
	/*
	 * HTTP/2 when TLS negotiates it (ALPN), and then one connection for every transfer at once:
	 * a transfer waits for the connection being set up rather than opening another. Plain HTTP
	 * stays HTTP/1.1, where waiting would learn nothing until a whole answer came back.
	 */
	curl_easy_setopt(t->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	if (strncasecmp(p->url, "https:", 6) == 0)
		curl_easy_setopt(t->easy, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(t->easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)p->max_response);
	curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS, p->connect_timeout_ms);
	if (req->stream) {
		/* A streamed reply may take minutes in all: what ends it is silence as long as the timeout. */
		long silent_s = p->timeout_ms / 1000 > 0 ? p->timeout_ms / 1000 : 1;
		curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
		curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_TIME, silent_s);
	} else {
		curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, p->timeout_ms);
	}
	curl_easy_setopt(t->easy, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	http_add_header(t, "Accept: application/json");
	http_add_header(t, "Elastic-Api-Version: " HTTP_API_VERSION);
	if (req->method != HTTP_GET)
		http_add_header(t, "kbn-xsrf: true");
	http_set_auth(t, p);
	http_set_tls(t, p);
	if (http_set_body(t, req, err) < 0)
		return -1;
	/* An empty Expect: stops curl waiting a second for 100-continue on large bodies. */
	http_add_header(t, "Expect:");
	curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
	return 0;
}

static enum api_status http_classify(CURLcode rc)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return API_ERR_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_USE_SSL_FAILED:
		return API_ERR_TLS;
	case CURLE_FILESIZE_EXCEEDED:
		return API_ERR_TOO_BIG;
	default:
		return API_ERR_NETWORK;
	}
}

static char *http_transport_message(struct http_transfer *t, CURLcode rc, enum api_status st)
{
	const char *detail = t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc);
	switch (st) {
	case API_ERR_TIMEOUT:
		return xasprintf("the request timed out (%s)", detail);
	case API_ERR_TLS:
		return xasprintf("TLS failure: %s (use --ca-cert for a private CA; --insecure turns checks off)", detail);
	case API_ERR_TOO_BIG:
		if (t->max_body % ((size_t)1 << 20))
			return xasprintf("the response is larger than the %zu-byte limit (max_response_mb in the profile)",
					 t->max_body);
		return xasprintf("the response is larger than the %zu MiB limit (max_response_mb in the profile)",
				 t->max_body >> 20);
	default:
		break;
	}
	if (rc == CURLE_COULDNT_CONNECT)
		return xasprintf("cannot connect to Kibana: %s", detail);
	if (rc == CURLE_COULDNT_RESOLVE_HOST)
		return xasprintf("cannot resolve the Kibana host: %s", detail);
	if (rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING)
		return xasprintf("the connection broke before the response was complete: %s", detail);
	return xasprintf("network error: %s", detail);
}

void http_transfer_finish(struct http_transfer *t, CURLcode rc, const struct api_request *req, struct api_result *res)
{
	memset(res, 0, sizeof(*res));
	res->retry_after = t->retry_after;
	long code = 0;
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	res->http_status = code;
	char *ct = NULL;
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ct);
	res->content_type = xstrdup(ct);
	res->body = strbuf_detach(&t->body, &res->body_len);

	if (t->too_big)
		rc = CURLE_FILESIZE_EXCEEDED;
	if (rc != CURLE_OK) {
		res->status = http_classify(rc);
		res->message = http_transport_message(t, rc, res->status);
		return;
	}
	if (code >= 300 && code < 400) {
		char *loc = NULL;
		curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &loc);
		res->status = API_ERR_REDIRECT;
		res->message = xasprintf("HTTP %ld: Kibana redirected to %s; redirects are not followed, "
					 "so credentials never go elsewhere: fix the URL", code, loc ? loc : "(no location)");
		return;
	}
	if (code < 200 || code >= 300) {
		res->status = API_ERR_HTTP;
		res->message = apierror_from_response(code, res->content_type, res->body, res->body_len);
		if (code == 401 && t->anonymous) {
			char *m = xasprintf("%s. No credentials are set: give the profile an api_key_file (or api_key), "
					    "or set KIBANA_API_KEY, or KIBANA_USERNAME and KIBANA_PASSWORD",
					    res->message);
			free(res->message);
			res->message = m;
		}
		return;
	}
	res->status = API_OK;
	if (!req->parse_later)
		http_parse_body(req, res);
}

void http_transfer_cleanup(struct http_transfer *t)
{
	if (t->easy)
		curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	curl_mime_free(t->mime);
	strbuf_free(&t->body);
	t->easy = NULL;
	t->headers = NULL;
	t->mime = NULL;
}

void http_parse_body(const struct api_request *req, struct api_result *res)
{
	/* A streamed body is read piece by piece by whoever asked for it (it is NDJSON, not one JSON value). */
	if (req->stream && !req->model)
		return;
	http_parse_result(req->model, res);
}

void http_parse_result(const struct kmodel *model, struct api_result *res)
{
	bool want_json = model || apierror_is_json_type(res->content_type);
	if (!want_json || (!model && res->body_len == 0))
		return;
	char *err = NULL;
	res->json = kjson_parse(res->body, res->body_len, &err);
	if (!res->json) {
		res->status = API_ERR_PARSE;
		res->message = xasprintf("Kibana sent a response that is not valid JSON: %s", err);
		free(err);
		return;
	}
	if (!model)
		return;
	if (kmodel_parse(model, res->json, &res->model, &err) < 0) {
		res->status = API_ERR_PARSE;
		res->message = xasprintf("unexpected response from Kibana: %s", err ? err : "unknown problem");
		free(err);
		res->model = NULL;
		return;
	}
	res->model_type = model;
}
