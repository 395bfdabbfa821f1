#include "config.h"
#include "cmd/audit.h"
#include "core/sanitize.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

char *audit_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ktriage/audit.log", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/state/ktriage/audit.log", home ? home : ".");
}

/* mkdir -p for the directories above path, mode 0700. */
static int audit_mkdirs(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* A JSON string for v; text that is not UTF-8 (a server's message can be anything) is made so. */
static json_t *audit_string(const char *v)
{
	json_t *s = json_string(v);
	if (!s) {
		char *clean = sanitize_str(v, SANITIZE_TEXT);
		s = json_string(clean);
		free(clean);
	}
	return s;
}

static void audit_set_str(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, v ? audit_string(v) : json_null());
}

/* The URL without any user:password@ part: credentials never go into the log. */
static char *audit_url(const char *url)
{
	const char *host = strstr(url, "://");
	host = host ? host + 3 : url;
	size_t auth = strcspn(host, "/?#");
	const char *at = NULL;
	for (size_t i = 0; i < auth; i++)
		if (host[i] == '@')
			at = host + i;
	if (!at)
		return xstrdup(url);
	return xasprintf("%.*s%s", (int)(host - url), url, at + 1);
}

bool audit_counts_complete(const struct audit_counts *c)
{
	return c->done >= c->asked && c->conflicts == 0 && c->failures == 0;
}

int audit_append(const struct audit_entry *e, char **err)
{
	char *path = audit_path();
	if (audit_mkdirs(path) < 0) {
		*err = xasprintf("cannot create the directory for %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = xasprintf("cannot open the audit log %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	char when[32];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm tm;
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);

	json_t *o = json_object();
	audit_set_str(o, "time", when);
	audit_set_str(o, "profile", e->profile);
	char *url = e->url ? audit_url(e->url) : NULL;
	audit_set_str(o, "url", url);
	free(url);
	audit_set_str(o, "space", e->space ? e->space : "default");
	audit_set_str(o, "command", e->command);
	json_t *t = json_array();
	for (size_t i = 0; i < e->n_targets; i++)
		json_array_append_new(t, audit_string(e->targets[i]));
	json_object_set_new(o, "targets", t);
	json_object_set_new(o, "http_status", e->http_status ? json_integer(e->http_status) : json_null());
	audit_set_str(o, "outcome", e->outcome);
	audit_set_str(o, "result_id", e->result_id);
	if (e->counts) {
		json_object_set_new(o, "asked", json_integer(e->counts->asked));
		json_object_set_new(o, "done", json_integer(e->counts->done));
		json_object_set_new(o, "conflicts", json_integer(e->counts->conflicts));
		json_object_set_new(o, "failures", json_integer(e->counts->failures));
	}
	char *line = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	size_t len = strlen(line);
	line[len++] = '\n';
	/* One write of a whole line: O_APPEND keeps concurrent writers' lines whole. */
	ssize_t n = write(fd, line, len);
	int saved = errno;
	close(fd);
	free(line);
	if (n != (ssize_t)len) {
		*err = xasprintf("cannot write the audit log %s: %s", path, n < 0 ? strerror(saved) : "short write");
		free(path);
		return -1;
	}
	free(path);
	return 0;
}
