#include "config.h"
#include "ui/prompt.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/idsource.h"
#include "ui/keys.h"
#include "cmd/complete.h"
#include "cmd/tokenize.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <ctype.h>
#include <errno.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Lines kept in the history file. */
#define PROMPT_HISTORY_MAX 1000

/* Readline's state is global; so is the prompt's. */
static struct {
	struct app *app;
	bool active;
	unsigned char queue[16];   /* bytes of the key being fed */
	size_t q_len, q_pos;
	char *accepted;            /* a line readline handed back */
	bool got_line;
	char **matches;            /* candidates shown after Tab */
	int n_matches;
	bool *changes;        /* per match: completing it names a command that changes data */
	bool loaded;
	FILE *idle_in;             /* readline's input stream: a pipe nobody writes to */
	int idle_wr;
} prompt;

static int prompt_getc(FILE *f)
{
	(void)f;
	if (prompt.q_pos < prompt.q_len)
		return prompt.queue[prompt.q_pos++];
	return EOF;
}

static void prompt_redisplay(void)
{
	if (prompt.app)
		app_dirty(prompt.app);
}

static void prompt_line_done(char *line)
{
	prompt.got_line = true;
	free(prompt.accepted);
	prompt.accepted = line;
}

static int prompt_term_noop(void)
{
	return 0;
}

static void prompt_prep_noop(int meta)
{
	(void)meta;
}

static void prompt_ids(void *ctx, enum cmd_id_kind kind, struct strbuf *out)
{
	idsource_known(ctx, kind, out);
}

static void prompt_clear_matches(void)
{
	for (int i = 0; i < prompt.n_matches; i++)
		free(prompt.matches[i]);
	free(prompt.matches);
	free(prompt.changes);
	prompt.matches = NULL;
	prompt.changes = NULL;
	prompt.n_matches = 0;
}

/* Readline's list of candidates: [0] is the common prefix to insert, then the candidates. */
static char **prompt_complete(const char *text, int start, int end)
{
	(void)text;
	(void)start;
	rl_attempted_completion_over = 1;
	struct completion c;
	complete_line(rl_line_buffer, (size_t)end, prompt_ids, prompt.app, &c);
	if (c.n == 0) {
		complete_free(&c);
		return NULL;
	}
	char **list = malloc((c.n + 2) * sizeof(char *));
	if (!list) {
		complete_free(&c);
		return NULL;
	}
	size_t common = strlen(c.items[0]);
	for (size_t i = 1; i < c.n; i++) {
		size_t k = 0;
		while (k < common && c.items[i][k] == c.items[0][k])
			k++;
		common = k;
	}
	list[0] = strndup(c.items[0], c.n == 1 ? strlen(c.items[0]) : common);
	for (size_t i = 0; i < c.n; i++)
		list[i + 1] = strdup(c.items[i]);
	list[c.n + 1] = NULL;
	complete_free(&c);
	return list;
}

/* Show candidates on our screen instead of letting readline print them. */
static void prompt_display_matches(char **matches, int n, int max)
{
	(void)max;
	prompt_clear_matches();
	prompt.matches = xcalloc((size_t)n + 1, sizeof(char *));
	prompt.changes = xcalloc((size_t)n + 1, sizeof(bool));
	/* The line up to the word being completed, to tell which candidates name a command that changes data. */
	size_t word = (size_t)rl_point;
	while (word > 0 && rl_line_buffer[word - 1] != ' ')
		word--;
	for (int i = 1; i <= n; i++) {
		char *line = xasprintf("%.*s%s", (int)word, rl_line_buffer, matches[i]);
		int argc, used;
		char **argv;
		char *err = NULL;
		if (tokenize(line, &argc, &argv, &err) == 0) {
			const struct cmd_def *def = cmd_lookup(argc, argv, &used);
			prompt.changes[prompt.n_matches] = def && used == argc && (def->flags & CMD_MUTATES);
			tokenize_free(argc, argv);
		}
		free(err);
		free(line);
		prompt.matches[prompt.n_matches++] = xstrdup(matches[i]);
	}
	prompt_redisplay();
}

char *prompt_history_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ktriage/history", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/state/ktriage/history", home ? home : ".");
}

bool prompt_line_secret(const char *line)
{
	static const char *const words[] = {"password", "passwd", "secret", "api_key", "apikey", "api-key",
					    "token", "authorization", "bearer", NULL};
	for (int i = 0; words[i]; i++)
		if (strcasestr(line, words[i]))
			return true;
	return false;
}

void prompt_init(struct app *a)
{
	prompt.app = a;
	rl_readline_name = "ktriage";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_getc_function = prompt_getc;
	rl_redisplay_function = prompt_redisplay;
	rl_prep_term_function = prompt_prep_noop;
	rl_deprep_term_function = (rl_voidfunc_t *)prompt_term_noop;
	rl_attempted_completion_function = prompt_complete;
	rl_completion_display_matches_hook = prompt_display_matches;
	rl_outstream = fopen("/dev/null", "w");
	/* Readline peeks at its input stream for typeahead; give it one that never has any, so it only
	 * reads the bytes we feed through prompt_getc. */
	int fds[2];
	if (pipe(fds) == 0) {
		prompt.idle_in = fdopen(fds[0], "r");
		prompt.idle_wr = fds[1];
		rl_instream = prompt.idle_in;
	}
	rl_bind_key('\t', rl_complete);
	using_history();
	stifle_history(PROMPT_HISTORY_MAX);
	char *path = prompt_history_path();
	read_history(path);
	free(path);
	prompt.loaded = true;
}

static void prompt_mkdirs(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
	free(dir);
}

void prompt_fini(void)
{
	if (prompt.active)
		rl_callback_handler_remove();
	prompt.active = false;
	if (prompt.loaded) {
		char *path = prompt_history_path();
		prompt_mkdirs(path);
		mode_t old = umask(077);
		write_history(path);
		umask(old);
		free(path);
		clear_history();
		prompt.loaded = false;
	}
	if (rl_outstream) {
		fclose(rl_outstream);
		rl_outstream = NULL;
	}
	if (prompt.idle_in) {
		fclose(prompt.idle_in);
		close(prompt.idle_wr);
		prompt.idle_in = NULL;
		rl_instream = NULL;
	}
	free(prompt.accepted);
	prompt.accepted = NULL;
	prompt_clear_matches();
	prompt.app = NULL;
}

void prompt_open(struct app *a, const char *initial)
{
	prompt.app = a;
	prompt.active = true;
	prompt.got_line = false;
	prompt_clear_matches();
	rl_callback_handler_install("", prompt_line_done);
	if (initial && *initial) {
		rl_insert_text(initial);
		rl_point = rl_end;
	}
	app_dirty(a);
}

bool prompt_active(void)
{
	return prompt.active;
}

/* The bytes readline expects for a key. */
static size_t prompt_encode(int key, unsigned char *out)
{
	static const struct {
		int key;
		const char *seq;
	} seqs[] = {
		{K_UP, "\033[A"}, {K_DOWN, "\033[B"}, {K_RIGHT, "\033[C"}, {K_LEFT, "\033[D"}, {K_HOME, "\033[H"},
		{K_END, "\033[F"}, {K_DC, "\033[3~"}, {K_BACKSPACE, "\177"}, {K_ENTER_KP, "\r"},
	};
	for (size_t i = 0; i < sizeof(seqs) / sizeof(*seqs); i++) {
		if (seqs[i].key == key) {
			size_t n = strlen(seqs[i].seq);
			memcpy(out, seqs[i].seq, n);
			return n;
		}
	}
	if (key >= K_FN)
		return 0;
	if (key == '\n')
		key = '\r';
	return utf8_encode((uint32_t)key, (char *)out);
}

char *prompt_history_text(const char *line)
{
	if (!*line || prompt_line_secret(line))
		return NULL;
	return sanitize_str(line, SANITIZE_LINE);
}

/* Keep a line in history unless it repeats the last one or may hold a secret. */
static void prompt_remember(const char *typed)
{
	char *line = prompt_history_text(typed);
	if (!line)
		return;
	for (int i = history_length; i > 0; i--) {
		HIST_ENTRY *e = history_get(history_base + i - 1);
		if (e && strcmp(e->line, line) == 0) {
			HIST_ENTRY *gone = remove_history(i - 1);
			if (gone)
				free_history_entry(gone);
			break;
		}
	}
	add_history(line);
	free(line);
}

void prompt_key(struct app *a, int key)
{
	if (key == K_ESC) {
		rl_callback_handler_remove();
		prompt.active = false;
		prompt_clear_matches();
		app_dirty(a);
		return;
	}
	if (key != K_TAB)
		prompt_clear_matches();
	prompt.q_len = prompt_encode(key, prompt.queue);
	prompt.q_pos = 0;
	while (prompt.q_pos < prompt.q_len && !prompt.got_line)
		rl_callback_read_char();
	app_dirty(a);
	if (!prompt.got_line)
		return;
	rl_callback_handler_remove();
	prompt.active = false;
	prompt.got_line = false;
	char *line = prompt.accepted;
	prompt.accepted = NULL;
	if (line) {
		prompt_remember(line);
		app_run_line(a, line);
	}
	free(line);
}

void prompt_draw(int y, int w)
{
	if (prompt.n_matches) {
		/* Commands that change data are marked; in read-only mode, dimmed as refused. */
		bool ro = app_readonly(prompt.app);
		draw_fill(stdscr, y - 1, 0, w, ROLE_HINT);
		int x = 1;
		for (int i = 0; i < prompt.n_matches && x < w - 1; i++) {
			char *item = xasprintf("%s%s  ", prompt.matches[i],
					       prompt.changes[i] ? (ro ? " (refused: read-only)" : " (changes data)") : "");
			x += draw_untrusted(stdscr, y - 1, x, item, w - 1 - x,
					    prompt.changes[i] ? (ro ? ROLE_DIM : ROLE_WARNING) : ROLE_HINT_KEY, false);
			free(item);
		}
	}
	/* During Ctrl-R, readline's own prompt reads "(reverse-i-search)`x': ". */
	const char *lead = rl_display_prompt && *rl_display_prompt ? rl_display_prompt : ":";
	struct strbuf head, rest;
	strbuf_init(&head);
	strbuf_init(&rest);
	sanitize_append(&head, rl_line_buffer, (size_t)rl_point, SANITIZE_LINE);
	sanitize_append(&rest, rl_line_buffer + rl_point, strlen(rl_line_buffer + rl_point), SANITIZE_LINE);
	draw_fill(stdscr, y, 0, w, ROLE_STATUSLINE);
	int x = draw_untrusted(stdscr, y, 0, lead, w / 2, ROLE_INPUT, false);
	int avail = w - x - 1;
	int hw = utf8_width(head.buf);
	const char *shown = head.buf;
	while (hw > avail - 1 && *shown) {
		uint32_t cp;
		size_t n = utf8_decode(shown, strlen(shown), &cp);
		hw -= utf8_cp_width(cp);
		shown += n;
	}
	int used = draw_text(stdscr, y, x, shown, avail, ROLE_INPUT, false);
	draw_text(stdscr, y, x + used, rest.buf, avail - used, ROLE_INPUT, false);
	draw_cursor_at(y, x + used);
	strbuf_free(&head);
	strbuf_free(&rest);
}
