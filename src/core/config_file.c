#include "config.h"
#include "core/config_file.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest config file read: far more than any real one. */
#define CONFIG_MAX_BYTES ((size_t)1 << 20)

/* State while inih walks the file. */
struct config_parse {
	struct profile *p;
	const char *path;
	const char *want;         /* profile asked for, or NULL */
	char *default_profile;    /* from [ktriage] default_profile */
	bool found;               /* the wanted section was seen */
	struct strbuf *warnings;
	char *err;
	int pass;                 /* 1: globals; 2: the profile section */
	FILE *file;               /* the text being parsed */
	int line;                 /* line the reader last returned */
	struct strbuf *names;     /* config_profile_names: the profiles seen, one a line */
};

/* Record the first problem only (inih goes on after a handler fails); takes msg. */
static void config_fail(struct config_parse *cp, char *msg)
{
	if (cp->err)
		free(msg);
	else
		cp->err = msg;
}

/* inih's line reader, counting lines so messages can name them. */
static char *config_reader(char *str, int num, void *stream)
{
	struct config_parse *cp = stream;
	char *r = fgets(str, num, cp->file);
	if (!r)
		return NULL;
	cp->line++;
	size_t len = strlen(str);
	if (len + 1 < (size_t)num || str[len - 1] == '\n')
		return r;
	/* inih would cut the line and read the rest as a line of its own, truncating the value. */
	int c = fgetc(cp->file);
	if (c == EOF || c == '\n')
		return r;
	while (c != EOF && c != '\n')
		c = fgetc(cp->file);
	config_fail(cp, xasprintf("%s:%d: line longer than %d characters (put a long secret in api_key_file or "
				  "password_file)", cp->path, cp->line, num - 1));
	str[0] = '\0';
	return r;
}

/* A descriptor this process holds already, named through /dev/fd or /proc/self/fd. */
static bool config_own_fd_path(const char *path)
{
	static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};
	if (strcmp(path, "/dev/stdin") == 0)
		return true;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
		size_t n = strlen(dirs[i]);
		if (strncmp(path, dirs[i], n) == 0 && path[n] && strspn(path + n, "0123456789") == strlen(path + n))
			return true;
	}
	return false;
}

/* Why a file of this type is refused, or NULL when it may be read. */
static const char *config_refuse_type(mode_t mode, bool own_fd, bool null_dev)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return "is a directory";
	if (S_ISFIFO(mode))
		return own_fd ? NULL : "is a named pipe (FIFO), which could block ktriage forever: refused, not opened";
	if (S_ISCHR(mode) && null_dev)
		return NULL; /* --config /dev/null: no settings at all */
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "is a device, not a file: refused, not opened";
	return "is not a regular file: refused, not opened";
}

FILE *config_fopen(const char *path, const char *what, char **err)
{
	bool own = config_own_fd_path(path), null_dev = strcmp(path, "/dev/null") == 0;
	struct stat st;
	if (stat(path, &st) < 0) {
		int e = errno;
		*err = xasprintf("cannot read %s %s: %s", what, path, strerror(e));
		errno = e;
		return NULL;
	}
	const char *why = config_refuse_type(st.st_mode, own, null_dev);
	if (why) {
		*err = xasprintf("%s %s %s", what, path, why);
		errno = EINVAL;
		return NULL;
	}
	/* Non-blocking, in case it was swapped for a FIFO since: the type is checked again on what was opened. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		*err = xasprintf("cannot read %s %s: %s", what, path, strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &st) < 0 || (why = config_refuse_type(st.st_mode, own, null_dev))) {
		*err = xasprintf("%s %s %s", what, path, why ? why : "cannot be examined");
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *f = fdopen(fd, "r");
	if (!f) {
		int e = errno;
		*err = xasprintf("cannot read %s %s: %s", what, path, strerror(e));
		close(fd);
		errno = e;
	}
	return f;
}

char *config_expand_path(const char *path)
{
	const char *home = getenv("HOME");
	if (path && path[0] == '~' && path[1] == '/' && home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

char *config_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ktriage/config", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.config/ktriage/config", home ? home : ".");
}

static void config_check_mode(const char *path, struct strbuf *warnings)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) && warnings)
		strbuf_printf(warnings,
			      "warning: %s is readable or writable by group or others; run: chmod 600 %s\n",
			      path, path);
}

static bool config_bool(const char *v, bool *out)
{
	if (!strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcmp(v, "1"))
		*out = true;
	else if (!strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcmp(v, "0"))
		*out = false;
	else
		return false;
	return true;
}

static bool config_seconds(const char *v, long *ms)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	if (errno || end == v || *end || d <= 0 || d > 86400)
		return false;
	*ms = (long)(d * 1000);
	return true;
}

static int config_secret_key(struct config_parse *cp, char **field, const char *value)
{
	char *secret = NULL, *err = NULL, *path = config_expand_path(value);
	int rc = config_read_secret(path, &secret, cp->warnings, &err);
	free(path);
	if (rc) {
		config_fail(cp, err);
		return 0;
	}
	profile_set_secret(field, secret);
	xfree_secret(secret);
	return 1;
}

/* One key of a profile section; returns 0 with cp->err set on a bad value. */
static int config_profile_key(struct config_parse *cp, const char *name, const char *value, int line)
{
	struct profile *p = cp->p;
	bool b;
	long ms;

	if (!strcmp(name, "url")) {
		profile_set(&p->url, value);
	} else if (!strcmp(name, "space")) {
		profile_set(&p->space, value);
	} else if (!strcmp(name, "api_key")) {
		profile_set_secret(&p->api_key, value);
	} else if (!strcmp(name, "api_key_file")) {
		return config_secret_key(cp, &p->api_key, value);
	} else if (!strcmp(name, "username")) {
		profile_set(&p->username, value);
	} else if (!strcmp(name, "password")) {
		profile_set_secret(&p->password, value);
	} else if (!strcmp(name, "password_file")) {
		return config_secret_key(cp, &p->password, value);
	} else if (!strcmp(name, "ca_cert") || !strcmp(name, "client_cert") || !strcmp(name, "client_key")) {
		char **f = !strcmp(name, "ca_cert") ? &p->ca_cert
			   : !strcmp(name, "client_cert") ? &p->client_cert : &p->client_key;
		free(*f);
		*f = config_expand_path(value);
	} else if (!strcmp(name, "theme")) {
		profile_set(&p->theme, value);
	} else if (!strcmp(name, "insecure") || !strcmp(name, "readonly")) {
		if (!config_bool(value, &b))
			goto bad;
		if (!strcmp(name, "insecure"))
			p->insecure = b;
		else
			p->readonly = b;
	} else if (!strcmp(name, "connect_timeout") || !strcmp(name, "timeout")) {
		if (!config_seconds(value, &ms))
			goto bad;
		if (!strcmp(name, "timeout"))
			p->timeout_ms = ms;
		else
			p->connect_timeout_ms = ms;
	} else if (!strcmp(name, "max_pages") || !strcmp(name, "max_rows") || !strcmp(name, "max_fetch_mb")) {
		char *end;
		errno = 0;
		unsigned long v = strtoul(value, &end, 10);
		if (errno || *end || end == value || v == 0 || v > 100000000 ||
		    (!strcmp(name, "max_fetch_mb") && v > 1048576))
			goto bad;
		if (!strcmp(name, "max_pages"))
			p->fetch.pages = (long)v;
		else if (!strcmp(name, "max_rows"))
			p->fetch.rows = (long)v;
		else
			p->fetch.bytes = (size_t)v << 20;
	} else if (!strcmp(name, "concurrency")) {
		char *end;
		unsigned long n = strtoul(value, &end, 10);
		if (*end || end == value || *value == '-' || n == 0 || n > PROFILE_MAX_CONCURRENCY)
			goto bad;
		p->concurrency = (unsigned)n;
	} else if (!strcmp(name, "max_response_mb")) {
		char *end;
		unsigned long mb = strtoul(value, &end, 10);
		if (*end || end == value || mb == 0 || mb > 4096)
			goto bad;
		p->max_response = (size_t)mb << 20;
	} else if (cp->warnings) {
		strbuf_printf(cp->warnings, "warning: %s:%d: unknown setting \"%s\" ignored\n", cp->path, line, name);
	}
	return 1;
bad:
	config_fail(cp, xasprintf("%s:%d: bad value for %s: \"%s\"", cp->path, line, name, value));
	return 0;
}

/* Keep a UI command ("bind KEY COMMAND", "set NAME VALUE") to run when the TUI starts. */
static void config_add_startup(struct profile *p, const char *name, const char *value)
{
	char *line = xasprintf("%s%s %s\n", p->startup ? p->startup : "", name, value);
	free(p->startup);
	p->startup = line;
}

static int config_handler(void *user, const char *section, const char *name, const char *value)
{
	struct config_parse *cp = user;
	int line = cp->line;
	if (!name)
		return 1; /* section start */
	if (cp->pass == 1) {
		if (!strcmp(section, "ktriage")) {
			if (!strcmp(name, "default_profile"))
				profile_set(&cp->default_profile, value);
			else if (!strcmp(name, "theme"))
				profile_set(&cp->p->theme, value);
			else if (!strcmp(name, "bind") || !strcmp(name, "set"))
				config_add_startup(cp->p, name, value);
			else if (cp->warnings)
				strbuf_printf(cp->warnings, "warning: %s:%d: unknown setting \"%s\" ignored\n",
					      cp->path, line, name);
		}
		return 1;
	}
	if (strncmp(section, "profile ", 8) != 0)
		return 1;
	const char *pname = section + 8;
	while (*pname == ' ')
		pname++;
	if (strcmp(pname, cp->want) != 0)
		return 1;
	cp->found = true;
	return config_profile_key(cp, name, value, line);
}

/* Read the whole file (it may be a pipe, read only once); 0, or -1 with *err. */
static int config_slurp(FILE *f, const char *path, struct strbuf *text, char **err)
{
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && text->len <= CONFIG_MAX_BYTES)
		strbuf_add(text, buf, n);
	if (ferror(f)) {
		*err = xasprintf("cannot read config file %s: %s", path, strerror(errno));
		return -1;
	}
	if (text->len > CONFIG_MAX_BYTES) {
		*err = xasprintf("config file %s is larger than %zu bytes", path, CONFIG_MAX_BYTES);
		return -1;
	}
	return 0;
}

/* One pass of inih over the text; inih's return value. */
static int config_pass(struct config_parse *cp, const struct strbuf *text, int pass)
{
	cp->pass = pass;
	cp->line = 0;
	if (!text->len)
		return 0;
	cp->file = fmemopen(text->buf, text->len, "r");
	if (!cp->file)
		return -1;
	int rc = ini_parse_stream(config_reader, cp, config_handler, cp);
	fclose(cp->file);
	cp->file = NULL;
	return rc;
}

int config_load(struct profile *p, const char *path, const char *want, bool must_exist,
		struct strbuf *warnings, char **err)
{
	FILE *f = config_fopen(path, "config file", err);
	if (!f) {
		if (errno == ENOENT && !must_exist) {
			free(*err);
			*err = NULL;
			return 0;
		}
		return -1;
	}
	config_check_mode(path, warnings);
	struct strbuf text;
	strbuf_init(&text);
	int rc = config_slurp(f, path, &text, err);
	fclose(f);
	if (rc < 0) {
		strbuf_free(&text);
		return -1;
	}

	/* Two passes over the same text: globals (default_profile) first, then the profile. */
	struct config_parse cp = {.p = p, .path = path, .want = want, .warnings = warnings};
	rc = config_pass(&cp, &text, 1);
	if (rc == 0) {
		if (!cp.want)
			cp.want = cp.default_profile ? cp.default_profile : "default";
		rc = config_pass(&cp, &text, 2);
	}
	/* The text may hold secrets. */
	volatile char *v = text.buf;
	for (size_t i = 0; i < text.len; i++)
		v[i] = 0;
	strbuf_free(&text);
	if (rc != 0 || cp.err) {
		if (cp.err)
			*err = cp.err;
		else if (rc > 0)
			*err = xasprintf("%s:%d: syntax error", path, rc);
		else
			*err = xasprintf("cannot parse config file %s", path);
		free(cp.default_profile);
		return -1;
	}
	if (cp.found) {
		profile_set(&p->name, cp.want);
	} else if (want || cp.default_profile) {
		/* A profile named on the command line or by default_profile must be there (a typo otherwise). */
		*err = xasprintf("no [profile %s] section in %s", cp.want, path);
		free(cp.default_profile);
		return -1;
	}
	free(cp.default_profile);
	return 0;
}

void config_apply_env(struct profile *p)
{
	const char *v;
	if ((v = getenv("KIBANA_URL")) && *v)
		profile_set(&p->url, v);
	if ((v = getenv("KIBANA_SPACE")) && *v)
		profile_set(&p->space, v);
	if ((v = getenv("KIBANA_API_KEY")) && *v)
		profile_set_secret(&p->api_key, v);
	if ((v = getenv("KIBANA_USERNAME")) && *v)
		profile_set(&p->username, v);
	if ((v = getenv("KIBANA_PASSWORD")) && *v)
		profile_set_secret(&p->password, v);
}

int config_read_secret(const char *path, char **secret, struct strbuf *warnings, char **err)
{
	FILE *f = config_fopen(path, "secret file", err);
	if (!f)
		return -1;
	config_check_mode(path, warnings);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *nl = strpbrk(buf, "\r\n");
	if (nl)
		*nl = '\0';
	if (!buf[0]) {
		*err = xasprintf("secret file %s is empty", path);
		return -1;
	}
	*secret = xstrdup(buf);
	volatile char *v = buf;
	for (size_t i = 0; i < sizeof(buf); i++)
		v[i] = 0;
	return 0;
}

/* A [profile NAME] section's key: NAME is a profile (once). */
static int config_names_handler(void *user, const char *section, const char *name, const char *value)
{
	struct config_parse *cp = user;
	(void)name;
	(void)value;
	if (strncmp(section, "profile ", 8) != 0)
		return 1;
	const char *pname = section + 8 + strspn(section + 8, " ");
	size_t n = strlen(pname);
	for (const char *l = cp->names->buf; l && *l; l += strcspn(l, "\n") + 1)
		if (strcspn(l, "\n") == n && !strncmp(l, pname, n))
			return 1;
	strbuf_printf(cp->names, "%s\n", pname);
	return 1;
}

int config_profile_names(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	struct strbuf text;
	strbuf_init(&text);
	char *err = NULL;
	int rc = config_slurp(f, path, &text, &err);
	fclose(f);
	free(err);
	struct config_parse cp = {.path = path, .names = out};
	if (rc == 0 && text.len && (cp.file = fmemopen(text.buf, text.len, "r"))) {
		rc = ini_parse_stream(config_reader, &cp, config_names_handler, &cp) < 0 ? -1 : 0;
		fclose(cp.file);
	}
	free(cp.err);
	/* The text may hold secrets. */
	volatile char *v = text.buf;
	for (size_t i = 0; i < text.len; i++)
		v[i] = 0;
	strbuf_free(&text);
	return rc;
}
