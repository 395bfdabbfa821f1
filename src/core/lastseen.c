#include "config.h"
#include "core/lastseen.h"
#include "core/strbuf.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Longest line read back: longer ones are not markers this program wrote. */
#define LASTSEEN_MAX_LINE 4096

char *lastseen_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ktriage/last-seen", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/state/ktriage/last-seen", home ? home : ".");
}

/* A key part as stored: tabs and line breaks would split the line, so they become spaces. */
static void lastseen_part(struct strbuf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++)
		strbuf_putc(out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
	strbuf_putc(out, '\t');
}

/* "profile\tspace\tlist\t": what a line starts with. */
static char *lastseen_key(const char *profile, const char *space, const char *list)
{
	struct strbuf sb;
	strbuf_init(&sb);
	lastseen_part(&sb, profile);
	lastseen_part(&sb, space && *space ? space : "default");
	lastseen_part(&sb, list);
	return strbuf_detach(&sb, NULL);
}

/* The whole file, or "" when there is none. */
static char *lastseen_read(const char *path)
{
	struct strbuf sb;
	strbuf_init(&sb);
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t n;
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len < 64 * LASTSEEN_MAX_LINE)
		strbuf_add(&sb, buf, n);
	if (f)
		fclose(f);
	return strbuf_detach(&sb, NULL);
}

char *lastseen_get(const char *path, const char *profile, const char *space, const char *list)
{
	char *text = lastseen_read(path), *key = lastseen_key(profile, space, list), *found = NULL;
	size_t klen = strlen(key);
	for (char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		if (len > klen && len < LASTSEEN_MAX_LINE && !strncmp(line, key, klen)) {
			free(found);
			found = xstrndup(line + klen, len - klen);
		}
		line += len;
		if (*line)
			line++;
	}
	free(text);
	free(key);
	time_t t;
	if (found && !timefmt_parse(found, &t)) {
		free(found);
		found = NULL;
	}
	return found;
}

/* mkdir -p for the directory holding path, mode 0700. */
static int lastseen_mkdirs(const char *path)
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

int lastseen_set(const char *path, const char *profile, const char *space, const char *list, const char *time,
		 char **err)
{
	time_t t;
	if (!timefmt_parse(time, &t)) {
		*err = xasprintf("\"%s\" is not a time", time ? time : "");
		return -1;
	}
	char *text = lastseen_read(path), *key = lastseen_key(profile, space, list);
	size_t klen = strlen(key);
	struct strbuf out;
	strbuf_init(&out);
	/* Every other marker stays; this one is written last. */
	for (char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		if (len < LASTSEEN_MAX_LINE && strncmp(line, key, klen) != 0) {
			strbuf_add(&out, line, len);
			strbuf_putc(&out, '\n');
		}
		line += len;
		if (*line)
			line++;
	}
	strbuf_printf(&out, "%s%s\n", key, time);
	free(text);
	free(key);
	char *tmp = xasprintf("%s.tmp", path);
	int rc = -1;
	int fd = lastseen_mkdirs(path) == 0 ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
	if (fd < 0) {
		*err = xasprintf("cannot write %s: %s", tmp, strerror(errno));
	} else {
		ssize_t w = write(fd, out.buf, out.len);
		bool ok = w == (ssize_t)out.len;
		if (close(fd) != 0)
			ok = false;
		if (!ok || rename(tmp, path) != 0) {
			*err = xasprintf("cannot write %s: %s", path, strerror(errno ? errno : EIO));
			unlink(tmp);
		} else {
			rc = 0;
		}
	}
	free(tmp);
	strbuf_free(&out);
	return rc;
}
