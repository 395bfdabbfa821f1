#include "config.h"
#include "ui/console.h"
#include "ui/console_internal.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/pane.h"
#include "ui/textinput.h"
#include "ui/textview.h"
#include "ui/view.h"
#include "api/actions.h"
#include "api/endpoints.h"
#include "cmd/cmd.h"
#include "cmd/endpointfmt.h"
#include "cmd/output.h"
#include "cmd/tokenize.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct console_cmd console_cmds[] = {
	{"isolate", NULL, "endpoint isolate", true, false},
	{"release", NULL, "endpoint release", true, false},
	{"processes", NULL, "endpoint processes", true, false},
	{"kill", "kill-process", "endpoint kill", true, false},
	{"suspend", "suspend-process", "endpoint suspend", true, false},
	{"get-file", NULL, "endpoint get-file", true, false},
	{"execute", NULL, "endpoint execute", true, false},
	{"scan", NULL, "endpoint scan", true, false},
	{"upload", NULL, "endpoint upload", true, false},
	{"status", NULL, "action show", false, true},
	{"files", NULL, "action files", false, true},
	{"download", NULL, "action download", false, true},
};
const size_t console_n_cmds = sizeof(console_cmds) / sizeof(*console_cmds);

/* Commands remembered for Up and Down. */
#define CONSOLE_HISTORY 100

/* ---- lifetime ---- */

static void console_entry_free(struct console_entry *e)
{
	free(e->line);
	free(e->action_id);
	free(e->command);
	for (size_t i = 0; i < e->n_lines; i++)
		free(e->lines[i]);
	free(e->lines);
	record_free(&e->outcome);
	free(e->error);
}

void console_strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void console_free(struct console *c)
{
	for (size_t i = 0; i < c->n; i++)
		console_entry_free(&c->entries[i]);
	free(c->entries);
	console_strv_free(c->history, c->n_history);
	console_strv_free(c->paths, c->n_paths);
	console_strv_free(c->cands, c->n_cands);
	kmodel_free(&endpoints_host_model, c->ep);
	actions_processes_free(c->procs);
	textinput_free(&c->input);
	free(c->draft);
	free(c->asked);
	free(c->prompt);
	free(c->last_action);
	free(c->last_files);
	free(c);
}

/* Something in flight is over: the console goes if its view has. */
bool console_release(struct console *c)
{
	c->refs--;
	if (c->gone && !c->refs) {
		console_free(c);
		return false;
	}
	return !c->gone;
}

/* ---- the scrollback ---- */

static struct console_entry *console_add(struct console *c, const char *line, enum entry_state state)
{
	c->entries = xreallocarray(c->entries, c->n + 1, sizeof(*c->entries));
	struct console_entry *e = &c->entries[c->n++];
	memset(e, 0, sizeof(*e));
	e->line = xstrdup(line);
	e->state = state;
	e->started = app_now(c->app);
	record_init(&e->outcome);
	return e;
}

void console_note(struct console *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = xvasprintf(fmt, ap);
	va_end(ap);
	console_add(c, text, ENTRY_NOTE);
	free(text);
	console_render(c);
}

static void console_entry_line(struct console_entry *e, const char *text)
{
	e->lines = xreallocarray(e->lines, e->n_lines + 1, sizeof(char *));
	e->lines[e->n_lines++] = xstrdup(text);
}

/* "WIN-SQL02 · Windows Server 2022 · healthy · isolated · Elastic Defend 8.15.3". */
static void console_title(struct console *c)
{
	struct strbuf t;
	strbuf_init(&t);
	strbuf_puts(&t, "Response console · ");
	if (c->ep)
		strbuf_printf(&t, "%s · %s · %s · %s · Elastic Defend %s", c->ep->hostname ? c->ep->hostname : c->ep->agent_id,
			      c->ep->os ? c->ep->os : "-", c->ep->status ? c->ep->status : "-",
			      !strcmp(endpointfmt_isolation(c->ep), "no") ? "not isolated" : endpointfmt_isolation(c->ep),
			      c->ep->agent_version ? c->ep->agent_version : "-");
	else
		strbuf_printf(&t, "%s (looking it up)", c->asked);
	if (app_readonly(c->app))
		strbuf_puts(&t, " · read-only");
	textview_set_title(c->text, t.buf);
	strbuf_free(&t);
}

static void console_render_entry(struct console *c, const struct console_entry *e)
{
	long long now = app_now(c->app);
	if (e->state == ENTRY_NOTE) {
		if (*e->line)
			textview_add(c->text, ROLE_DIM, 0, e->line);
		return;
	}
	textview_addf(c->text, ROLE_TITLE, 0, "%s%s", c->prompt, e->line);
	char id[9] = "";
	if (e->action_id)
		snprintf(id, sizeof(id), "%.8s", e->action_id);
	switch (e->state) {
	case ENTRY_RUNNING:
		textview_add(c->text, ROLE_DIM, 2, "…");
		break;
	case ENTRY_PENDING:
		textview_addf(c->text, ROLE_STATUS_PENDING, 2, "pending · %s %s · %llds", e->command, id,
			      now - e->started > 0 ? now - e->started : 0);
		break;
	case ENTRY_DONE:
		if (e->action_id)
			textview_addf(c->text, ROLE_STATUS_OK, 2, "done · %s %s", e->command, id);
		break;
	case ENTRY_FAILED:
		if (e->action_id)
			textview_addf(c->text, ROLE_STATUS_FAILED, 2, "failed · %s %s", e->command, id);
		if (e->error)
			textview_add(c->text, ROLE_ERROR, 2, e->error);
		break;
	case ENTRY_NOTE:
		break;
	}
	for (size_t i = 0; i < e->n_lines; i++)
		textview_add(c->text, ROLE_NORMAL, 2, e->lines[i]);
	if (e->outcome.n)
		textview_add_record(c->text, &e->outcome);
}

void console_render(struct console *c)
{
	if (c->gone)
		return;
	textview_clear(c->text, true);
	console_title(c);
	for (size_t i = 0; i < c->n; i++) {
		console_render_entry(c, &c->entries[i]);
		if (c->entries[i].state != ENTRY_NOTE)
			textview_blank(c->text);
	}
	if (c->follow)
		textview_scroll_end(c->text);
	app_dirty(c->app);
}

/* ---- running a command ---- */

/* One command run from the console: which entry it writes to. */
struct console_run {
	struct console *c;
	size_t entry;
};

static void console_answer(void *ctx, bool yes)
{
	cmd_confirmed(ctx, yes);
}

static void console_confirm(struct cmd_ctx *ctx, const char *question, const char *word)
{
	struct console_run *run = ctx->front;
	app_push_view(run->c->app, confirm_new(run->c->app, question, word, console_answer, ctx));
}

static void console_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct console_run *run = ctx->front;
	struct console *c = run->c;
	if (c->gone)
		return;
	struct console_entry *e = &c->entries[run->entry];
	json_t *data = json_object_get(out->json, "data");
	const char *id = json_string_value(json_object_get(data, "id"));
	const char *command = json_string_value(json_object_get(data, "command"));
	/* A response action was created: it is followed from here. */
	if ((ctx->def->flags & CMD_MUTATES) && id && command) {
		e->action_id = xstrdup(id);
		e->command = xstrdup(command);
		e->state = ENTRY_PENDING;
		e->started = app_now(c->app);
		free(c->last_action);
		c->last_action = xstrdup(id);
		console_render(c);
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	if (out->kind == CMD_OUT_TABLE) {
		if (out->message)
			console_entry_line(e, out->message);
		table_render_plain(out->table, &sb);
	} else if (out->kind == CMD_OUT_RECORD) {
		record_render(out->record, &sb);
	} else {
		strbuf_puts(&sb, out->message);
	}
	console_entry_line(e, sb.buf);
	strbuf_free(&sb);
	console_render(c);
}

static void console_cmd_note(struct cmd_ctx *ctx, const char *text)
{
	struct console_run *run = ctx->front;
	if (!run->c->gone)
		console_entry_line(&run->c->entries[run->entry], text);
}

static void console_finished(struct cmd_ctx *ctx)
{
	struct console_run *run = ctx->front;
	struct console *c = run->c;
	size_t i = run->entry;
	free(run);
	/* A change shows in the panes it concerns when the user goes back to them. */
	if (!c->gone && (ctx->def->flags & CMD_MUTATES)) {
		static const char *const panes[] = {"actions", "endpoints"};
		for (size_t k = 0; k < 2; k++) {
			struct pane *p = app_pane(c->app, panes[k]);
			if (p && p->loaded_once)
				pane_reload(p);
		}
	}
	if (!console_release(c))
		return;
	struct console_entry *e = &c->entries[i];
	if (ctx->error) {
		e->state = ENTRY_FAILED;
		e->error = xstrdup(ctx->error);
	} else if (e->state == ENTRY_RUNNING) {
		e->state = ENTRY_DONE;
	}
	console_render(c);
}

/* The console word of a line's first word (its own or Kibana's name), or NULL. */
const struct console_cmd *console_cmd_of(const char *word)
{
	for (size_t i = 0; i < console_n_cmds; i++)
		if (!strcmp(console_cmds[i].word, word) || (console_cmds[i].alias && !strcmp(console_cmds[i].alias, word)))
			return &console_cmds[i];
	return NULL;
}

static void console_help(struct console *c)
{
	struct console_entry *e = console_add(c, "help", ENTRY_DONE);
	for (size_t i = 0; i < console_n_cmds; i++) {
		int argc, used;
		char **argv;
		char *err = NULL;
		if (tokenize(console_cmds[i].words, &argc, &argv, &err) < 0) {
			free(err);
			continue;
		}
		const struct cmd_def *def = cmd_lookup(argc, argv, &used);
		tokenize_free(argc, argv);
		if (!def)
			continue;
		char *line = xasprintf("%-9s %s", console_cmds[i].word, def->help);
		console_entry_line(e, line);
		free(line);
	}
	console_entry_line(e, "help      this list;  clear  empties the scrollback");
	console_entry_line(e, "Each takes its command's options (kill --pid N, get-file --path P, execute --command 'id'); "
			      "the console adds the host. Tab completes; --help shows a command's options. Quote Windows "
			      "paths: --path \"C:\\Users\\x.exe\" (a bare backslash escapes the next character).");
}

/* The argv a console line runs: the command's words, the line's arguments, then the host or the last action. */
static char **console_argv(struct console *c, const struct console_cmd *cc, int argc, char **argv, int *out_n,
			   char **err)
{
	int n_words;
	char **words;
	if (tokenize(cc->words, &n_words, &words, err) < 0)
		return NULL;
	char **out = xcalloc((size_t)(n_words + argc + 4), sizeof(char *));
	int k = 0;
	for (int i = 0; i < n_words; i++)
		out[k++] = xstrdup(words[i]);
	tokenize_free(n_words, words);
	const char *fill = !strcmp(cc->word, "status") ? c->last_action : c->last_files;
	bool has_id = argc > 1 && argv[1][0] != '-';
	if (cc->action && !has_id && !fill) {
		tokenize_free(k, out);
		*err = xasprintf("no action here has %s yet: give an action id (the Actions pane lists them)",
				 !strcmp(cc->word, "status") ? "been started" : "left a file");
		return NULL;
	}
	if (cc->action && !has_id)
		out[k++] = xstrdup(fill);
	for (int i = 1; i < argc; i++) {
		if (cc->host && (!strcmp(argv[i], "--endpoint") || !strncmp(argv[i], "--endpoint=", 11))) {
			tokenize_free(k, out);
			*err = xstrdup("the console acts on its own host: leave out --endpoint");
			return NULL;
		}
		out[k++] = xstrdup(argv[i]);
	}
	if (cc->host) {
		out[k++] = xstrdup("--endpoint");
		out[k++] = xstrdup(c->ep->agent_id);
	}
	*out_n = k;
	return out;
}

/* Empty the scrollback; commands and actions still under way keep their place (they write to it). */
static void console_clear(struct console *c)
{
	bool busy = false;
	for (size_t i = 0; i < c->n; i++) {
		struct console_entry *e = &c->entries[i];
		if (e->state == ENTRY_RUNNING || e->state == ENTRY_PENDING) {
			busy = true;
			continue;
		}
		console_entry_free(e);
		memset(e, 0, sizeof(*e));
		e->line = xstrdup("");
		e->state = ENTRY_NOTE;
		record_init(&e->outcome);
	}
	if (busy)
		return;
	for (size_t i = 0; i < c->n; i++)
		console_entry_free(&c->entries[i]);
	c->n = 0;
}

static void console_remember(struct console *c, const char *line)
{
	if (c->n_history && !strcmp(c->history[c->n_history - 1], line))
		return;
	if (c->n_history == CONSOLE_HISTORY) {
		free(c->history[0]);
		memmove(c->history, c->history + 1, (CONSOLE_HISTORY - 1) * sizeof(char *));
		c->n_history--;
	}
	c->history = xreallocarray(c->history, c->n_history + 1, sizeof(char *));
	c->history[c->n_history++] = xstrdup(line);
}

static void console_run_line(struct console *c, const char *line)
{
	int argc;
	char **argv;
	char *err = NULL;
	c->follow = true;
	if (tokenize(line, &argc, &argv, &err) < 0) {
		struct console_entry *e = console_add(c, line, ENTRY_FAILED);
		e->error = err;
		console_render(c);
		return;
	}
	if (argc == 0) {
		tokenize_free(argc, argv);
		return;
	}
	console_remember(c, line);
	const struct console_cmd *cc = console_cmd_of(argv[0]);
	if (!strcmp(argv[0], "help")) {
		console_help(c);
	} else if (!strcmp(argv[0], "clear")) {
		console_clear(c);
	} else if (!cc) {
		struct console_entry *e = console_add(c, line, ENTRY_FAILED);
		e->error = xasprintf("unknown command \"%s\": help lists the console's commands", argv[0]);
	} else if (cc->host && !c->ep) {
		struct console_entry *e = console_add(c, line, ENTRY_FAILED);
		e->error = xstrdup("the host is not known yet (or was not found): nothing was sent");
	} else {
		for (int i = 1; i + 1 < argc; i++)
			if (!strcmp(argv[i], "--path"))
				console_host_add_path(c, argv[i + 1]);
		int n;
		char **full = console_argv(c, cc, argc, argv, &n, &err);
		console_add(c, line, ENTRY_RUNNING);
		size_t entry = c->n - 1;
		if (!full) {
			c->entries[entry].state = ENTRY_FAILED;
			c->entries[entry].error = err;
		} else {
			struct console_run *run = xcalloc(1, sizeof(*run));
			run->c = c;
			run->entry = entry;
			c->refs++;
			if (cmd_start(&c->host, n, full, run, &err) < 0) {
				c->refs--;
				free(run);
				c->entries[entry].state = ENTRY_FAILED;
				c->entries[entry].error = err;
			}
			tokenize_free(n, full);
		}
	}
	tokenize_free(argc, argv);
	console_render(c);
}

/* ---- history ---- */

static void console_history(struct console *c, int step)
{
	if (!c->n_history)
		return;
	if (c->hist_pos == c->n_history) {
		free(c->draft);
		c->draft = xstrdup(c->input.text.buf);
	}
	if (step < 0 && c->hist_pos > 0)
		c->hist_pos--;
	else if (step > 0 && c->hist_pos < c->n_history)
		c->hist_pos++;
	textinput_set(&c->input, c->hist_pos < c->n_history ? c->history[c->hist_pos] : c->draft ? c->draft : "");
}

/* ---- the view ---- */

static void console_draw(struct view *v, int y, int x, int h, int w)
{
	struct console *c = v->data;
	int lines = h - 1 - (c->n_cands ? 1 : 0);
	c->text->ops->draw(c->text, y, x, lines > 2 ? lines : 2, w);
	if (c->n_cands) {
		int cy = y + h - 2, cx = x + 1;
		draw_fill(stdscr, cy, x, w, ROLE_HINT);
		for (size_t i = 0; i < c->n_cands && cx < x + w - 1; i++) {
			char *label = console_complete_label(c, c->cands[i]);
			cx += draw_untrusted(stdscr, cy, cx, label, x + w - 1 - cx, ROLE_HINT_KEY, false);
			cx += draw_text(stdscr, cy, cx, "  ", x + w - cx, ROLE_HINT, false);
			free(label);
		}
	}
	int py = y + h - 1;
	draw_fill(stdscr, py, x, w, ROLE_INPUT);
	const char *prompt = c->prompt ? c->prompt : "> ";
	int used = draw_text(stdscr, py, x, prompt, w / 2, ROLE_INPUT, false);
	textinput_draw(&c->input, py, x + used, 1, w - used, ROLE_INPUT, true);
}

static bool console_key(struct view *v, int key)
{
	struct console *c = v->data;
	/* Enter, Tab, history, paging and Esc are requests (bind can move them); the rest edits the line. */
	if (keys_is_enter(key) || key == K_TAB || key == K_BTAB || key == K_UP || key == K_DOWN || key == K_ESC ||
	    key == K_PGUP || key == K_PGDN)
		return false;
	/* On an empty line, ? and : keep their meaning (help, the command line). */
	if (!c->input.text.len && (key == '?' || key == ':'))
		return false;
	if (!textinput_key(&c->input, key))
		return false;
	console_strv_free(c->cands, c->n_cands);
	c->cands = NULL;
	c->n_cands = 0;
	c->hist_pos = c->n_history;
	app_dirty(c->app);
	return true;
}

static bool console_request(struct view *v, enum action_req req)
{
	struct console *c = v->data;
	switch (req) {
	case REQ_CONSOLE_RUN: {
		char *line = xstrdup(c->input.text.buf);
		textinput_set(&c->input, "");
		console_strv_free(c->cands, c->n_cands);
		c->cands = NULL;
		c->n_cands = 0;
		console_run_line(c, line);
		c->hist_pos = c->n_history;
		free(line);
		break;
	}
	case REQ_CONSOLE_COMPLETE:
		console_complete_tab(c);
		break;
	case REQ_CONSOLE_OLDER:
		console_history(c, -1);
		break;
	case REQ_CONSOLE_NEWER:
		console_history(c, 1);
		break;
	case REQ_CONSOLE_CLOSE:
		if (c->input.text.len || c->n_cands) {
			textinput_set(&c->input, "");
			console_strv_free(c->cands, c->n_cands);
			c->cands = NULL;
			c->n_cands = 0;
		} else {
			app_close_view(c->app, v);
			return true;
		}
		break;
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
		c->follow = false;
		return c->text->ops->request(c->text, req);
	default:
		return false;
	}
	app_dirty(c->app);
	return true;
}

static void console_destroy(struct view *v)
{
	struct console *c = v->data;
	c->gone = true;
	app_destroy_view(c->text);
	c->text = NULL;
	if (!c->refs)
		console_free(c);
}

static const struct view_ops console_ops = {
	.where = WHERE_CONSOLE,
	.draw = console_draw,
	.key = console_key,
	.request = console_request,
	.destroy = console_destroy,
	.tick = console_host_tick,
};

int console_open(struct app *a, const char *endpoint, char **err)
{
	if (!endpoint || !*endpoint) {
		*err = xstrdup("which endpoint? give its id or its host name");
		return -1;
	}
	struct console *c = xcalloc(1, sizeof(*c));
	c->app = a;
	c->asked = xstrdup(endpoint);
	c->follow = true;
	textinput_init(&c->input, false);
	c->text = textview_new(a, "Response console");
	c->host.worker = app_worker(a);
	c->host.profile = app_profile(a);
	c->host.readonly = app_readonly(a);
	c->host.batch = false;
	c->host.confirm = console_confirm;
	c->host.output = console_output;
	c->host.finished = console_finished;
	c->host.note = console_cmd_note;
	c->host.udata = a;
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &console_ops;
	v->app = a;
	v->data = c;
	v->fullscreen = true;
	app_push_view(a, v);
	console_note(c, "Commands act on this host; each asks first and is followed until done. Type help, or Tab.");
	if (app_readonly(a))
		console_note(c, "Read-only: commands that act on the host are refused before anything is sent.");
	console_host_find(c, endpoint);
	return 0;
}
