#include "config.h"
#include "ui/dialog.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/textinput.h"
#include "core/sanitize.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

struct confirm {
	char *question;
	char *word;
	struct textinput typed;
	bool wrong;
	confirm_fn done;
	void *ctx;
	bool answered;
};

/* Split text into lines of at most width columns; returns the count (lines stored in out, max n). */
static int confirm_wrap(const char *text, int width, const char **starts, size_t *lens, int max)
{
	int n = 0;
	const char *p = text;
	while (*p && n < max) {
		size_t len = utf8_wrap(p, width);
		starts[n] = p;
		lens[n++] = len;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return n;
}

static void confirm_draw(struct view *v, int y, int x, int h, int w)
{
	struct confirm *c = v->data;
	int bw = w - 8 < 72 ? w - 8 : 72;
	const char *starts[12];
	size_t lens[12];
	int n = confirm_wrap(c->question, bw - 4, starts, lens, 12);
	int bh = n + (c->word ? 6 : 4);
	int by = y + (h - bh) / 2, bx = x + (w - bw) / 2;
	for (int i = 0; i < bh; i++)
		draw_fill(stdscr, by + i, bx, bw, ROLE_NORMAL);
	WINDOW *box_win = derwin(stdscr, bh, bw, by, bx);
	if (box_win) {
		draw_box(box_win, "Confirm");
		delwin(box_win);
	}
	struct strbuf sb;
	strbuf_init(&sb);
	for (int i = 0; i < n; i++) {
		strbuf_reset(&sb);
		strbuf_add(&sb, starts[i], lens[i]);
		draw_text(stdscr, by + 1 + i, bx + 2, sb.buf, bw - 4, ROLE_NORMAL, false);
	}
	strbuf_free(&sb);
	int ly = by + 2 + n;
	if (c->word) {
		char *prompt = xasprintf("Type %s to confirm:", c->word);
		draw_text(stdscr, ly, bx + 2, prompt, bw - 4, c->wrong ? ROLE_ERROR : ROLE_WARNING, false);
		free(prompt);
		textinput_draw(&c->typed, ly + 1, bx + 2, 1, bw - 4, ROLE_INPUT, true);
		draw_text(stdscr, ly + 2, bx + 2, "Enter confirm  Esc cancel", bw - 4, ROLE_HINT, false);
	} else {
		draw_text(stdscr, ly, bx + 2, "y yes   n no", bw - 4, ROLE_HINT_KEY, false);
	}
}

static void confirm_answer(struct view *v, bool yes)
{
	struct confirm *c = v->data;
	confirm_fn done = c->done;
	void *ctx = c->ctx;
	c->answered = true;
	app_close_view(v->app, v);
	done(ctx, yes);
}

/* Typing the word a question asks for. */
static bool confirm_key(struct view *v, int key)
{
	struct confirm *c = v->data;
	if (!c->word || !textinput_key(&c->typed, key))
		return false;
	c->wrong = false;
	app_dirty(v->app);
	return true;
}

static bool confirm_request(struct view *v, enum action_req req)
{
	struct confirm *c = v->data;
	switch (req) {
	case REQ_CANCEL:
	case REQ_NO:
		confirm_answer(v, false);
		return true;
	case REQ_YES:
		/* The answer closes (frees) the dialog: nothing of v may be touched after it. */
		confirm_answer(v, true);
		return true;
	case REQ_CONFIRM:
		if (strcmp(c->typed.text.buf, c->word) == 0) {
			confirm_answer(v, true);
			return true;
		}
		c->wrong = true;
		app_dirty(v->app);
		return true;
	default:
		return false;
	}
}

static void confirm_destroy(struct view *v)
{
	struct confirm *c = v->data;
	/* A dialog closed without an answer (the app quitting) counts as no. */
	if (!c->answered)
		c->done(c->ctx, false);
	free(c->question);
	free(c->word);
	textinput_free(&c->typed);
	free(c);
}

static const struct view_ops confirm_ops = {
	.where = WHERE_DIALOG,
	.draw = confirm_draw,
	.key = confirm_key,
	.request = confirm_request,
	.destroy = confirm_destroy,
};

/* A question answered by typing a word. */
static const struct view_ops confirm_word_ops = {
	.where = WHERE_WORD,
	.draw = confirm_draw,
	.key = confirm_key,
	.request = confirm_request,
	.destroy = confirm_destroy,
};

struct view *confirm_new(struct app *a, const char *question, const char *word, confirm_fn done, void *ctx)
{
	struct confirm *c = xcalloc(1, sizeof(*c));
	c->question = sanitize_str(question, SANITIZE_TEXT);
	c->word = xstrdup(word);
	c->done = done;
	c->ctx = ctx;
	textinput_init(&c->typed, false);
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = word ? &confirm_word_ops : &confirm_ops;
	v->app = a;
	v->data = c;
	v->overlay = true;
	return v;
}
