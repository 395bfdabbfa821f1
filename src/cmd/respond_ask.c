#include "config.h"
#include "cmd/respond_ask.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdlib.h>
#include <string.h>

/* "powershell.exe (pid 4242)", "powershell.exe (entity id X)", "the process with pid 4242". */
static void respond_process(struct strbuf *q, const struct respond_subject *s)
{
	const struct action_params *p = s->params;
	if (s->process_name && p->has_pid)
		strbuf_printf(q, "%s (pid %lld)", s->process_name, p->pid);
	else if (s->process_name && p->entity_id)
		strbuf_printf(q, "%s (entity id %s)", s->process_name, p->entity_id);
	else if (s->process_name)
		strbuf_printf(q, "every process named %s", s->process_name);
	else if (p->has_pid)
		strbuf_printf(q, "the process with pid %lld (no process list on the host names it)", p->pid);
	else
		strbuf_printf(q, "the process with entity id %s (no process list on the host names it)", p->entity_id);
}

/* A size for people: "812 bytes", "48.2 KB", "3.1 MB". */
static void respond_size(struct strbuf *q, size_t n)
{
	if (n < 1024)
		strbuf_printf(q, "%zu byte%s", n, n == 1 ? "" : "s");
	else if (n < 1024 * 1024)
		strbuf_printf(q, "%.1f KB", (double)n / 1024);
	else
		strbuf_printf(q, "%.1f MB", (double)n / (1024 * 1024));
}

char *respond_question(const struct respond_subject *s)
{
	const struct action_params *p = s->params;
	struct strbuf q;
	strbuf_init(&q);
	switch (s->kind) {
	case ACTION_ISOLATE:
		strbuf_printf(&q, "Isolate %s from the network? Only Elastic will reach it until it is released.", s->hosts);
		break;
	case ACTION_UNISOLATE:
		strbuf_printf(&q, "Release %s from isolation, back onto the network?", s->hosts);
		break;
	case ACTION_RUNNING_PROCS:
		strbuf_printf(&q, "Ask %s for its running processes (a response action)?", s->hosts);
		break;
	case ACTION_SUSPEND:
	case ACTION_KILL:
		strbuf_puts(&q, s->kind == ACTION_KILL ? "Kill " : "Suspend ");
		respond_process(&q, s);
		strbuf_printf(&q, " on %s?", s->hosts);
		if (s->kind == ACTION_KILL)
			strbuf_puts(&q, " It cannot be undone.");
		break;
	case ACTION_GET_FILE:
		strbuf_printf(&q, "Retrieve %s from %s? Kibana keeps it as a password-protected zip.", p->path, s->hosts);
		break;
	case ACTION_SCAN:
		strbuf_printf(&q, "Scan %s on %s for malware?", p->path, s->hosts);
		break;
	case ACTION_EXECUTE:
		strbuf_printf(&q, "Run `%s` on %s", p->command, s->hosts);
		if (p->timeout > 0)
			strbuf_printf(&q, " (timeout %lld s)?", p->timeout);
		else
			strbuf_puts(&q, " (Kibana's default timeout, 4 hours)?");
		break;
	case ACTION_UPLOAD:
		strbuf_printf(&q, "Upload %s (", p->file_name);
		respond_size(&q, p->file_len);
		if (s->file_sha256)
			strbuf_printf(&q, ", sha256 %.16s…", s->file_sha256);
		strbuf_printf(&q, ") to %s? %s", s->hosts,
			      p->overwrite ? "It replaces a file of that name." : "A file of that name already there stops it.");
		break;
	case ACTION_KIND_COUNT:
		break;
	}
	if (p->comment && *p->comment)
		strbuf_printf(&q, " Comment: \"%s\".", p->comment);
	else
		strbuf_puts(&q, " No comment.");
	size_t nc = p->n_cases, na = p->n_alerts;
	if (nc && na)
		strbuf_printf(&q, " It is recorded on %zu case%s and %zu alert%s.", nc, nc == 1 ? "" : "s", na,
			      na == 1 ? "" : "s");
	else if (nc || na)
		strbuf_printf(&q, " It is recorded on %zu %s%s.", nc + na, nc ? "case" : "alert", nc + na == 1 ? "" : "s");
	return strbuf_detach(&q, NULL);
}
