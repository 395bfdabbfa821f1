#include "config.h"
#include "i6util.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/rawreq.h"
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/tokenize.h"
#include "core/record.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include "demo/demo.h"

#define I6_KEY "aTYtdGVzdDprZXk="

char *i6_fixture_path(const char *name)
{
	const char *src = getenv("KT_SRCDIR");
	return xasprintf("%s/tests/issue6/fixtures/%s", src ? src : KT_SRCDIR, name);
}

json_t *i6_fixture(const char *name)
{
	char *path = i6_fixture_path(name);
	json_error_t e;
	json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fail_msg("%s: %s", path, e.text);
	free(path);
	return j;
}

void i6_env_start(struct i6_env *e)
{
	struct demo_options o;
	char *err = NULL;
	demo_options_init(&o);
	o.quiet = true;
	o.action_delay_ms = 50;
	o.api_key = xstrdup(I6_KEY);
	e->demo = demo_start(&o, &err);
	if (!e->demo)
		fail_msg("demo_start: %s", err);
	demo_options_free(&o);
	profile_init(&e->p);
	profile_set(&e->p.name, "issue6");
	profile_set(&e->p.url, demo_url(e->demo));
	profile_set_secret(&e->p.api_key, I6_KEY);
	e->w = worker_new(&e->p, &err);
	assert_non_null(e->w);
	char tmpl[] = "/tmp/ktriage-i6-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	e->state_dir = xstrdup(tmpl);
	setenv("XDG_STATE_HOME", e->state_dir, 1);
}

void i6_env_stop(struct i6_env *e)
{
	worker_free(e->w);
	profile_free(&e->p);
	demo_stop(e->demo);
	char *log = xasprintf("%s/ktriage/audit.log", e->state_dir);
	char *dir = xasprintf("%s/ktriage", e->state_dir);
	remove(log);
	remove(dir);
	remove(e->state_dir);
	free(log);
	free(dir);
	free(e->state_dir);
}

struct worker_done *i6_request(struct i6_env *e, struct api_request *req)
{
	uint64_t id = worker_submit(e->w, req, 0, NULL);
	for (int i = 0; i < 300; i++) {
		struct worker_done *d = worker_take(e->w);
		if (d) {
			assert_int_equal(d->id, id);
			return d;
		}
		worker_wait(e->w, 100);
	}
	fail_msg("no answer within 30 seconds");
	return NULL;
}

char *i6_demo_id(struct i6_env *e, const char *kind, size_t i)
{
	char *err = NULL;
	struct worker_done *d = i6_request(e, rawreq_new(HTTP_GET, "/_demo/fixtures", NULL, 0, &err));
	assert_int_equal(d->res.status, API_OK);
	json_t *v = json_array_get(json_object_get(d->res.json, kind), i);
	assert_true(json_is_string(v));
	char *id = xstrdup(json_string_value(v));
	worker_done_free(d);
	return id;
}

/* The front end of one command: it keeps what the command showed. */
struct i6_front {
	struct i6_run run;
	enum i6_answer answer;
	bool done;
};

static void i6_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct i6_front *f = ctx->front;
	free(f->run.message);
	f->run.message = xstrdup(out->message);
	json_decref(f->run.json);
	f->run.json = out->json ? json_incref(out->json) : NULL;
	f->run.rows = out->kind == CMD_OUT_TABLE ? out->table->nrows : 0;
	f->run.wants_json = ctx->json;
	struct strbuf sb;
	strbuf_init(&sb);
	if (out->kind == CMD_OUT_TABLE)
		table_render_plain(out->table, &sb);
	else if (out->kind == CMD_OUT_RECORD)
		record_render(out->record, &sb);
	free(f->run.text);
	f->run.text = strbuf_detach(&sb, NULL);
}

static void i6_finished(struct cmd_ctx *ctx)
{
	struct i6_front *f = ctx->front;
	f->done = true;
	f->run.exit_code = ctx->exit_code;
	f->run.error = xstrdup(ctx->error);
}

static void i6_confirm(struct cmd_ctx *ctx, const char *question, const char *word)
{
	struct i6_front *f = ctx->front;
	(void)word;
	free(f->run.question);
	f->run.question = xstrdup(question);
	cmd_confirmed(ctx, f->answer == I6_YES);
}

struct i6_run i6_cmd(struct i6_env *e, enum i6_answer answer, bool readonly, const char *fmt, ...)
{
	struct strbuf line;
	strbuf_init(&line);
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(&line, fmt, ap);
	va_end(ap);
	int argc;
	char **argv;
	char *err = NULL;
	if (tokenize(line.buf, &argc, &argv, &err) < 0)
		fail_msg("tokenize %s: %s", line.buf, err);
	struct cmd_host host = {
		.worker = e->w,
		.profile = &e->p,
		.readonly = readonly,
		.batch = answer == I6_BATCH,
		.confirm = answer == I6_BATCH ? NULL : i6_confirm,
		.output = i6_output,
		.finished = i6_finished,
	};
	struct i6_front f = {.answer = answer};
	if (cmd_start(&host, argc, argv, &f, &err) < 0) {
		f.run.exit_code = CMD_EXIT_USAGE;
		f.run.error = err;
		f.done = true;
	}
	for (int i = 0; !f.done && i < 600; i++) {
		struct worker_done *d = worker_take(e->w);
		if (d)
			worker_dispatch(d);
		else
			worker_wait(e->w, 100);
	}
	if (!f.done)
		fail_msg("\"%s\" did not finish within a minute", line.buf);
	tokenize_free(argc, argv);
	strbuf_free(&line);
	return f.run;
}

void i6_run_free(struct i6_run *r)
{
	free(r->error);
	free(r->question);
	free(r->message);
	free(r->text);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

char *i6_audit(const struct i6_env *e)
{
	char *path = xasprintf("%s/ktriage/audit.log", e->state_dir);
	FILE *fp = fopen(path, "r");
	free(path);
	struct strbuf sb;
	strbuf_init(&sb);
	char buf[4096];
	size_t n;
	while (fp && (n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	if (fp)
		fclose(fp);
	return strbuf_detach(&sb, NULL);
}
