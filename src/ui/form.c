#include "config.h"
#include "ui/form.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/idsource.h"
#include "ui/keys.h"
#include "ui/textinput.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <curses.h>
#include <stdlib.h>
#include <string.h>

/* Lines a free-text field gets. */
#define FORM_TEXT_LINES 6

struct form_field {
	const struct cmd_arg *arg;
	struct textinput input;   /* strings, numbers, text, ids */
	int choice;               /* enums: index; -1 none */
	bool flag;                /* flags */
	char *error;
};

struct form {
	struct app *app;
	struct pane *origin;
	const struct cmd_def *def;
	char **given;             /* name/value pairs */
	size_t n_given;
	struct form_field *fields;
	size_t n;
	size_t focus;             /* n: the Run button */
	int top;                  /* first line of fields shown when they do not all fit */
	char *error;
};

/* Text typed into free-text fields of a command that did not reach Kibana, offered the next time. */
struct form_draft {
	char *key;     /* command words, a tab, the target's id */
	char *arg;
	char *text;
};

static struct form_draft *form_drafts;
static size_t form_n_drafts;

/* What a picker started from a field needs to fill it. */
struct form_pick {
	struct app *app;
	struct view *form;
	unsigned long serial;
	size_t field;
};

static const char *form_given(const struct cmd_def *def, const char *const *given, const char *name)
{
	(void)def;
	for (size_t i = 0; given && given[i]; i += 2)
		if (strcmp(given[i], name) == 0)
			return given[i + 1];
	return NULL;
}

/* Split a field's text into values: free text is one value, other multi fields split at commas. */
static void form_values(const struct cmd_arg *arg, const char *text, void (*add)(void *ctx, const char *v), void *ctx)
{
	if (!(arg->flags & CMD_MULTI) || arg->type == CMD_ARG_TEXT) {
		if (*text)
			add(ctx, text);
		return;
	}
	char *copy = xstrdup(text), *save = NULL;
	for (char *v = strtok_r(copy, ", \n", &save); v; v = strtok_r(NULL, ", \n", &save))
		add(ctx, v);
	free(copy);
}

/* argv under construction. */
struct form_args {
	char **v;
	int n;
	const struct cmd_arg *arg;
};

static void form_push(struct form_args *fa, const char *s)
{
	fa->v = xreallocarray(fa->v, (size_t)fa->n + 2, sizeof(char *));
	fa->v[fa->n++] = xstrdup(s);
	fa->v[fa->n] = NULL;
}

static void form_add_value(void *ctx, const char *value)
{
	struct form_args *fa = ctx;
	if (!(fa->arg->flags & CMD_POSITIONAL)) {
		char *opt = xasprintf("--%s", fa->arg->name);
		form_push(fa, opt);
		free(opt);
	}
	form_push(fa, value);
}

/* Append one argument's value(s) to argv. */
static void form_emit(struct form_args *fa, const struct cmd_arg *arg, const char *text, bool flag)
{
	fa->arg = arg;
	if (arg->type == CMD_ARG_FLAG) {
		if (flag) {
			char *opt = xasprintf("--%s", arg->name);
			form_push(fa, opt);
			free(opt);
		}
		return;
	}
	form_values(arg, text, form_add_value, fa);
}

static void form_words(struct form_args *fa, const struct cmd_def *def)
{
	char *words = xstrdup(def->words), *save = NULL;
	for (char *w = strtok_r(words, " ", &save); w; w = strtok_r(NULL, " ", &save))
		form_push(fa, w);
	free(words);
}

char **form_argv(const struct cmd_def *def, const char *const *given, int *argc)
{
	struct form_args fa = {0};
	form_words(&fa, def);
	for (size_t i = 0; def->args && def->args[i].name; i++) {
		const char *v = form_given(def, given, def->args[i].name);
		if (v)
			form_emit(&fa, &def->args[i], v, true);
	}
	*argc = fa.n;
	return fa.v;
}

/* The draft key: the command and the first id it was given (the case a comment is for). */
static char *form_draft_key(const struct cmd_def *def, char *const *given, size_t n_given)
{
	const char *target = "";
	for (size_t i = 0; i < n_given && !*target; i++) {
		const struct cmd_arg *a = cmd_find_arg(def, given[2 * i]);
		if (a && a->ids != CMD_ID_NONE)
			target = given[2 * i + 1];
	}
	return xasprintf("%s\t%s", def->words, target);
}

static void form_draft_drop(size_t i)
{
	free(form_drafts[i].key);
	free(form_drafts[i].arg);
	free(form_drafts[i].text);
	form_drafts[i] = form_drafts[--form_n_drafts];
}

void form_drafts_free(void)
{
	while (form_n_drafts)
		form_draft_drop(0);
	free(form_drafts);
	form_drafts = NULL;
}

static char *form_field_text(const struct form_field *f)
{
	if (f->arg->type == CMD_ARG_ENUM)
		return xstrdup(f->choice >= 0 ? f->arg->choices[f->choice] : "");
	return xstrdup(f->input.text.buf);
}

static bool form_validate(struct form *fm)
{
	bool ok = true;
	for (size_t i = 0; i < fm->n; i++) {
		struct form_field *f = &fm->fields[i];
		free(f->error);
		f->error = NULL;
		if (f->arg->type == CMD_ARG_FLAG)
			continue;
		char *text = form_field_text(f);
		if (!*text) {
			if (f->arg->flags & CMD_REQUIRED)
				f->error = xstrdup("required");
		} else if (f->arg->type != CMD_ARG_TEXT) {
			char *copy = xstrdup(text), *save = NULL;
			const char *sep = (f->arg->flags & CMD_MULTI) ? ", \n" : "\n";
			for (char *v = strtok_r(copy, sep, &save); v && !f->error; v = strtok_r(NULL, sep, &save))
				f->error = cmd_check_value(f->arg, v);
			free(copy);
		}
		free(text);
		if (f->error && ok) {
			fm->focus = i;
			ok = false;
		}
	}
	return ok;
}

void form_save_draft(struct view *v)
{
	struct form *fm = v->data;
	char *key = form_draft_key(fm->def, fm->given, fm->n_given);
	for (size_t i = 0; i < fm->n; i++) {
		if (fm->fields[i].arg->type != CMD_ARG_TEXT || !fm->fields[i].input.text.len)
			continue;
		for (size_t k = 0; k < form_n_drafts; k++) {
			if (!strcmp(form_drafts[k].key, key) && !strcmp(form_drafts[k].arg, fm->fields[i].arg->name)) {
				form_draft_drop(k);
				break;
			}
		}
		form_drafts = xreallocarray(form_drafts, form_n_drafts + 1, sizeof(*form_drafts));
		form_drafts[form_n_drafts++] =
			(struct form_draft){xstrdup(key), xstrdup(fm->fields[i].arg->name), xstrdup(fm->fields[i].input.text.buf)};
	}
	free(key);
}

/* Fill free-text fields from a draft kept for this command and target; true if one was. */
static bool form_take_drafts(struct form *fm)
{
	char *key = form_draft_key(fm->def, fm->given, fm->n_given);
	bool any = false;
	for (size_t i = 0; i < fm->n; i++) {
		for (size_t k = 0; k < form_n_drafts; k++) {
			if (strcmp(form_drafts[k].key, key) || strcmp(form_drafts[k].arg, fm->fields[i].arg->name))
				continue;
			textinput_set(&fm->fields[i].input, form_drafts[k].text);
			form_draft_drop(k);
			any = true;
			break;
		}
	}
	free(key);
	return any;
}

/* Where an argument is named in a command's message ("--pid", "<caseId>"), or NULL. */
static const char *form_mention(const char *msg, const char *name, size_t *len)
{
	char opt[96], pos[96];
	snprintf(opt, sizeof(opt), "--%s", name);
	snprintf(pos, sizeof(pos), "<%s>", name);
	for (const char *p = msg; (p = strstr(p, opt)); p++) {
		char after = p[strlen(opt)];
		if (!((after >= 'a' && after <= 'z') || after == '-')) {
			*len = strlen(opt);
			return p;
		}
	}
	const char *p = strstr(msg, pos);
	*len = strlen(pos);
	return p;
}

/* The message in the form's words: "--pid" and "<caseId>" become the fields' labels. */
static char *form_words_for(const struct form *fm, const char *msg)
{
	char *out = xstrdup(msg);
	for (size_t i = 0; fm->def->args && fm->def->args[i].name; i++) {
		const char *name = fm->def->args[i].name;
		size_t len;
		const char *at;
		while ((at = form_mention(out, name, &len))) {
			char *next = xasprintf("%.*s\"%s\"%s", (int)(at - out), out, name, at + len);
			free(out);
			out = next;
		}
	}
	return out;
}

void form_show_error(struct view *v, const char *err)
{
	struct form *fm = v->data;
	char *text = form_words_for(fm, err);
	/* The field named first is the one the message is about. */
	size_t best = fm->n;
	const char *best_at = NULL;
	for (size_t i = 0; i < fm->n; i++) {
		size_t len;
		free(fm->fields[i].error);
		fm->fields[i].error = NULL;
		const char *at = form_mention(err, fm->fields[i].arg->name, &len);
		if (at && (!best_at || at < best_at)) {
			best = i;
			best_at = at;
		}
	}
	if (best < fm->n) {
		fm->fields[best].error = xstrdup(text);
		fm->focus = best;
	}
	free(fm->error);
	fm->error = best < fm->n ? NULL : xstrdup(text);
	free(text);
	app_dirty(v->app);
}

/* Whether anything was typed or chosen (Esc then asks before throwing it away). */
static bool form_touched(const struct form *fm)
{
	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].input.text.len || fm->fields[i].choice >= 0 || fm->fields[i].flag)
			return true;
	return false;
}

static void form_discard_answer(void *ctx, bool yes)
{
	struct view *v = ctx;
	if (yes)
		app_close_view(v->app, v);
}

static void form_submit(struct view *v)
{
	struct form *fm = v->data;
	if (!form_validate(fm)) {
		app_dirty(v->app);
		return;
	}
	struct form_args fa = {0};
	form_words(&fa, fm->def);
	for (size_t i = 0; fm->def->args && fm->def->args[i].name; i++) {
		const struct cmd_arg *arg = &fm->def->args[i];
		const char *g = form_given(fm->def, (const char *const *)fm->given, arg->name);
		if (g) {
			form_emit(&fa, arg, g, true);
			continue;
		}
		for (size_t k = 0; k < fm->n; k++) {
			if (fm->fields[k].arg != arg)
				continue;
			char *text = form_field_text(&fm->fields[k]);
			form_emit(&fa, arg, text, fm->fields[k].flag);
			free(text);
		}
	}
	/* The form waits off screen while its command runs: a check that fails brings it back as it was. */
	app_detach_view(v->app, v);
	app_run_form(v->app, fm->origin, v, fa.n, fa.v);
	tokenize_free(fa.n, fa.v);
}

/* Given arguments shown at the top: everything the command will act on, not bookkeeping like a version. */
static bool form_given_shown(const struct form *fm, size_t i)
{
	return strcmp(fm->given[2 * i], "version") != 0;
}

static int form_field_height(const struct form_field *f)
{
	int h = 1 + (f->arg->type == CMD_ARG_TEXT ? FORM_TEXT_LINES : 1);
	return h + (f->error ? 1 : 0);
}

/* Draw one field with its top line at row cy (lines outside [top_y, bottom_y) are skipped). */
static void form_draw_field(struct form *fm, size_t i, int cy, int top_y, int bottom_y, int bx, int iw)
{
	struct form_field *f = &fm->fields[i];
	bool focus = fm->focus == i;
	const struct cmd_arg *arg = f->arg;
	if (cy >= top_y && cy < bottom_y) {
		char *label = xasprintf("%s%s - %s%s", arg->name, arg->flags & CMD_REQUIRED ? "*" : "", arg->help,
					arg->ids != CMD_ID_NONE && idsource_pickable(arg->ids) ? "  (Enter: pick from a list)" : "");
		draw_text(stdscr, cy, bx + 2, label, iw, focus ? ROLE_LABEL : ROLE_NORMAL, false);
		free(label);
	}
	cy++;
	int lines = arg->type == CMD_ARG_TEXT ? FORM_TEXT_LINES : 1;
	if (cy >= top_y && cy + lines <= bottom_y) {
		if (arg->type == CMD_ARG_ENUM) {
			struct strbuf sb;
			strbuf_init(&sb);
			for (int c = 0; arg->choices[c]; c++)
				strbuf_printf(&sb, c == f->choice ? "[%s] " : " %s  ", arg->choices[c]);
			draw_text(stdscr, cy, bx + 4, sb.buf, iw - 2, focus ? ROLE_SELECTED : ROLE_INPUT, false);
			if (focus)
				draw_cursor_at(cy, bx + 4);
			strbuf_free(&sb);
		} else if (arg->type == CMD_ARG_FLAG) {
			draw_text(stdscr, cy, bx + 4, f->flag ? "[x]" : "[ ]", 3, focus ? ROLE_SELECTED : ROLE_INPUT, false);
			if (focus)
				draw_cursor_at(cy, bx + 5);
		} else {
			textinput_draw(&f->input, cy, bx + 4, lines, iw - 2, ROLE_INPUT, focus);
		}
	}
	cy += lines;
	if (f->error && cy >= top_y && cy < bottom_y)
		draw_text(stdscr, cy, bx + 4, f->error, iw - 2, ROLE_ERROR, false);
}

static void form_draw(struct view *v, int y, int x, int h, int w)
{
	struct form *fm = v->data;
	int bw = w - 4 < 84 ? w - 4 : 84;
	/* The scrolled part: given targets, then the fields; the help line and the Run line stay put. */
	int body = 0, focus_top = 0, focus_h = 1;
	for (size_t i = 0; i < fm->n_given; i++)
		body += form_given_shown(fm, i);
	for (size_t i = 0; i < fm->n; i++) {
		if (fm->focus == i) {
			focus_top = body;
			focus_h = form_field_height(&fm->fields[i]);
		}
		body += form_field_height(&fm->fields[i]);
	}
	int bh = body + 4 < h ? body + 4 : h;
	int avail = bh - 4;
	if (fm->focus < fm->n) {
		if (focus_top < fm->top)
			fm->top = focus_top;
		if (focus_top + focus_h > fm->top + avail)
			fm->top = focus_top + focus_h - avail;
	}
	if (fm->top > body - avail)
		fm->top = body - avail > 0 ? body - avail : 0;
	int by = y + (h - bh) / 2, bx = x + (w - bw) / 2;
	for (int i = 0; i < bh; i++)
		draw_fill(stdscr, by + i, bx, bw, ROLE_NORMAL);
	WINDOW *bwin = derwin(stdscr, bh, bw, by, bx);
	if (bwin) {
		draw_box(bwin, fm->def->words);
		delwin(bwin);
	}
	int iw = bw - 4, top_y = by + 2, bottom_y = by + 2 + avail;
	if (fm->error)
		draw_text(stdscr, by + 1, bx + 2, fm->error, iw, ROLE_ERROR, false);
	else
		draw_text(stdscr, by + 1, bx + 2, fm->def->help, iw, ROLE_DIM, false);
	int cy = top_y - fm->top;
	for (size_t i = 0; i < fm->n_given; i++) {
		if (!form_given_shown(fm, i))
			continue;
		if (cy >= top_y && cy < bottom_y) {
			/* Several values (marked rows) are counted first: "3 selected: id1, id2, ...". */
			const char *val = fm->given[2 * i + 1];
			size_t count = 1;
			for (const char *c = val; *c; c++)
				count += *c == ',';
			char *line = count > 1 ? xasprintf("%s: %zu selected: %s", fm->given[2 * i], count, val)
					       : xasprintf("%s: %s", fm->given[2 * i], val);
			draw_untrusted(stdscr, cy, bx + 2, line, iw, ROLE_DIM, false);
			free(line);
		}
		cy++;
	}
	for (size_t i = 0; i < fm->n; i++) {
		form_draw_field(fm, i, cy, top_y, bottom_y, bx, iw);
		cy += form_field_height(&fm->fields[i]);
	}
	if (fm->top > 0)
		draw_text(stdscr, by, bx + bw - 12, " more ^ ", 8, ROLE_HINT_KEY, false);
	if (fm->top + avail < body)
		draw_text(stdscr, by + bh - 1, bx + bw - 12, " more v ", 8, ROLE_HINT_KEY, false);
	bool on_run = fm->focus == fm->n;
	draw_text(stdscr, by + bh - 2, bx + 2, "[ Run ]", 7, on_run ? ROLE_SELECTED : ROLE_HINT_KEY, false);
	if (on_run)
		draw_cursor_at(by + bh - 2, bx + 4);
	draw_text(stdscr, by + bh - 2, bx + 11, "Tab next field  C-s or F2 run  Esc cancel", iw - 9, ROLE_HINT, false);
}

static void form_picked(void *ctx, const char *id, const char *label)
{
	struct form_pick *fp = ctx;
	(void)label;
	struct view *v = app_find_view(fp->app, fp->form, fp->serial);
	if (!v)
		return;
	struct form *fm = v->data;
	struct textinput *in = &fm->fields[fp->field].input;
	if ((fm->fields[fp->field].arg->flags & CMD_MULTI) && in->text.len) {
		strbuf_puts(&in->text, ",");
		strbuf_puts(&in->text, id);
		in->cursor = in->text.len;
	} else {
		textinput_set(in, id);
	}
	if (fm->focus < fm->n)
		fm->focus++;
	app_dirty(fp->app);
}

static void form_move(struct form *fm, int dir)
{
	size_t slots = fm->n + 1;
	fm->focus = (fm->focus + slots + (size_t)(dir > 0 ? 1 : slots - 1)) % slots;
}

/* Keys that edit the focused field; the rest (Tab, Esc, C-s...) go to the action table. */
static bool form_key(struct view *v, int key)
{
	struct form *fm = v->data;
	app_dirty(v->app);
	if (fm->focus == fm->n) {
		if (keys_is_enter(key))
			form_submit(v);
		else if (key == K_UP)
			form_move(fm, -1);
		else if (key == K_DOWN)
			form_move(fm, 1);
		else
			return false;
		return true;
	}
	struct form_field *f = &fm->fields[fm->focus];
	const struct cmd_arg *arg = f->arg;
	if (arg->type == CMD_ARG_ENUM || arg->type == CMD_ARG_FLAG) {
		int n = 0;
		while (arg->type == CMD_ARG_ENUM && arg->choices[n])
			n++;
		if (key == K_LEFT && n)
			f->choice = (f->choice + n - 1) % n;
		else if ((key == K_RIGHT || key == ' ') && n)
			f->choice = (f->choice + 1) % n;
		else if (key == ' ' && arg->type == CMD_ARG_FLAG)
			f->flag = !f->flag;
		else if (keys_is_enter(key) && fm->focus + 1 == fm->n)
			form_submit(v);
		else if (keys_is_enter(key) || key == K_DOWN)
			form_move(fm, 1);
		else if (key == K_UP)
			form_move(fm, -1);
		else
			return false;
		return true;
	}
	if (keys_is_enter(key) && arg->type != CMD_ARG_TEXT) {
		if (!f->input.text.len && arg->ids != CMD_ID_NONE && idsource_pickable(arg->ids)) {
			struct form_pick *fp = xcalloc(1, sizeof(*fp));
			fp->app = v->app;
			fp->form = v;
			fp->serial = app_view_serial(v->app, v);
			fp->field = fm->focus;
			idsource_pick(v->app, arg->ids, form_picked, fp, free);
			return true;
		}
		if (fm->focus + 1 == fm->n)
			form_submit(v);
		else
			form_move(fm, 1);
		return true;
	}
	if (arg->type != CMD_ARG_TEXT && (key == K_DOWN || key == K_UP)) {
		form_move(fm, key == K_DOWN ? 1 : -1);
		return true;
	}
	return textinput_key(&f->input, key);
}

static bool form_request(struct view *v, enum action_req req)
{
	struct form *fm = v->data;
	app_dirty(v->app);
	switch (req) {
	case REQ_CANCEL:
		if (form_touched(fm))
			app_confirm(v->app, "Discard what you typed in this form?", form_discard_answer, v);
		else
			app_close_view(v->app, v);
		return true;
	case REQ_SUBMIT:
		form_submit(v);
		return true;
	case REQ_NEXT_FIELD:
		form_move(fm, 1);
		return true;
	case REQ_PREV_FIELD:
		form_move(fm, -1);
		return true;
	default:
		return false;
	}
}

static void form_destroy(struct view *v)
{
	struct form *fm = v->data;
	for (size_t i = 0; i < fm->n; i++) {
		textinput_free(&fm->fields[i].input);
		free(fm->fields[i].error);
	}
	free(fm->fields);
	for (size_t i = 0; i < fm->n_given * 2; i++)
		free(fm->given[i]);
	free(fm->given);
	free(fm->error);
	free(fm);
}

static const struct view_ops form_ops = {
	.where = WHERE_FORM,
	.draw = form_draw,
	.key = form_key,
	.request = form_request,
	.destroy = form_destroy,
};

struct view *form_new(struct app *a, struct pane *origin, const struct cmd_def *def, const char *const *given,
		      bool only_required)
{
	struct form *fm = xcalloc(1, sizeof(*fm));
	fm->origin = origin;
	fm->def = def;
	size_t nargs = cmd_arg_count(def);
	fm->fields = xcalloc(nargs + 1, sizeof(*fm->fields));
	fm->given = xcalloc(2 * nargs + 2, sizeof(char *));
	for (size_t i = 0; i < nargs; i++) {
		const struct cmd_arg *arg = &def->args[i];
		const char *g = form_given(def, given, arg->name);
		if (g) {
			fm->given[2 * fm->n_given] = xstrdup(arg->name);
			fm->given[2 * fm->n_given + 1] = xstrdup(g);
			fm->n_given++;
			continue;
		}
		struct form_field *f = &fm->fields[fm->n++];
		f->arg = arg;
		f->choice = -1;
		textinput_init(&f->input, arg->type == CMD_ARG_TEXT);
	}
	bool required_missing = false;
	for (size_t i = 0; i < fm->n; i++)
		required_missing |= (fm->fields[i].arg->flags & CMD_REQUIRED) != 0;
	if (fm->n == 0 || (only_required && !required_missing)) {
		form_destroy(&(struct view){.data = fm});
		return NULL;
	}
	struct view *v = xcalloc(1, sizeof(*v));
	v->ops = &form_ops;
	v->app = a;
	v->data = fm;
	v->overlay = true;
	fm->app = a;
	if (form_take_drafts(fm))
		app_message(a, APP_MSG_INFO, "The text of the last attempt, which did not go through, is back in the form.");
	return v;
}
