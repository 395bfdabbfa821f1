/*
 * From what is shown back to Kibana: o shows the Kibana page of the object in view (or opens
 * it, with the program `set opener` names; never by default), y and Y copy its id and its
 * link to the clipboard (OSC 52, written only because a key asked).
 */
#include "config.h"
#include "ui/app_internal.h"
#include "ui/pane.h"
#include "ui/termlink.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Start the opener with the URL as its last argument, detached from the terminal; 0, or -1 with *err. */
static int app_links_spawn(struct app *a, const char *url, char **err)
{
	int argc;
	char **argv;
	if (tokenize(a->opener, &argc, &argv, err) < 0)
		return -1;
	if (!argc) {
		tokenize_free(argc, argv);
		*err = xstrdup("set opener names no program");
		return -1;
	}
	argv = xreallocarray(argv, (size_t)argc + 2, sizeof(char *));
	argv[argc] = xstrdup(url);
	argv[argc + 1] = NULL;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	posix_spawn_file_actions_init(&fa);
	/* The opener must not read keys or write over the screen. */
	for (int fd = 0; fd < 3; fd++)
		posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	sigset_t none, dflt;
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	sigaddset(&dflt, SIGINT);
	sigaddset(&dflt, SIGTERM);
	sigaddset(&dflt, SIGHUP);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		*err = xasprintf("cannot start %s: %s", argv[0], strerror(rc));
	else if (a->n_openers < sizeof(a->openers) / sizeof(*a->openers))
		a->openers[a->n_openers++] = pid;
	tokenize_free(argc + 1, argv);
	return rc ? -1 : 0;
}

void app_links_reap(struct app *a)
{
	for (size_t i = 0; i < a->n_openers;) {
		pid_t r = waitpid(a->openers[i], NULL, WNOHANG);
		if (r == a->openers[i] || (r < 0 && errno == ECHILD))
			a->openers[i] = a->openers[--a->n_openers];
		else
			i++;
	}
}

/* The ids and links of the rows (or of the id alone), one a line. */
static size_t app_links_collect(struct pane *p, const void *const *rows, size_t n, const char *id, struct strbuf *ids,
				struct strbuf *links)
{
	size_t found = 0;
	for (size_t i = 0; i < (n ? n : 1); i++) {
		const void *row = n ? rows[i] : NULL;
		const char *rid = row ? p->ops->rows->id(row) : id;
		if (!rid)
			continue;
		strbuf_printf(ids, "%s%s", ids->len ? "\n" : "", rid);
		char *url = p->ops->link ? p->ops->link(p, row, rid) : NULL;
		if (url) {
			strbuf_printf(links, "%s%s", links->len ? "\n" : "", url);
			found++;
		}
		free(url);
	}
	return found;
}

/* Put text (count ids or links, one a line) on the clipboard and say so. */
static void app_links_copy(struct app *a, const char *noun, const char *text, size_t count)
{
	if (!termlink_clipboard(text, strlen(text))) {
		app_message(a, APP_MSG_ERROR, "Too much to copy (%zu bytes; the clipboard takes up to 8 KiB).", strlen(text));
		return;
	}
	if (count == 1)
		app_message(a, APP_MSG_SUCCESS, "Copied the %s %s to the clipboard (OSC 52: the terminal must allow it).", noun,
			    text);
	else
		app_message(a, APP_MSG_SUCCESS, "Copied %zu %ss to the clipboard, one a line (OSC 52: the terminal must allow it).",
			    count, noun);
}

bool app_link_request(struct app *a, enum action_req req, struct pane *p, const void *const *rows, size_t n,
		      const char *id)
{
	if (req != REQ_OPEN_LINK && req != REQ_COPY_ID && req != REQ_COPY_LINK)
		return false;
	if (!p || (!n && !id)) {
		app_message(a, APP_MSG_INFO, "Nothing here to copy or link to.");
		return true;
	}
	struct strbuf ids, links;
	strbuf_init(&ids);
	strbuf_init(&links);
	size_t count = n ? n : 1;
	size_t with_link = app_links_collect(p, rows, req == REQ_OPEN_LINK ? (n ? 1 : 0) : n, id, &ids, &links);
	if (req == REQ_COPY_ID) {
		if (ids.len)
			app_links_copy(a, "id", ids.buf, count);
	} else if (!with_link) {
		app_message(a, APP_MSG_INFO, "%s has no page of its own in Kibana.", p->ops->title);
	} else if (req == REQ_COPY_LINK) {
		app_links_copy(a, "link", links.buf, with_link);
	} else if (!a->opener) {
		app_message(a, APP_MSG_INFO, "%s   (set opener CMD opens links; Y copies it)", links.buf);
	} else {
		char *err = NULL;
		if (app_links_spawn(a, links.buf, &err) < 0)
			app_message(a, APP_MSG_ERROR, "%s", err);
		else
			app_message(a, APP_MSG_SUCCESS, "Opening %s with %s.", links.buf, a->opener);
		free(err);
	}
	strbuf_free(&ids);
	strbuf_free(&links);
	return true;
}
