#include "config.h"
#include "testenv.h"
#include "ktest.h"
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

#define TESTENV_KEY "dGVzdGVudjprZXk="
/* The generation every request is sent with, checked on the way back. */
#define TESTENV_GENERATION 7

void testenv_start(struct testenv *e, const struct testenv_options *o)
{
	static const struct testenv_options defaults = {0};
	if (!o)
		o = &defaults;
	struct demo_options d;
	char *err = NULL;
	demo_options_init(&d);
	d.quiet = true;
	d.action_delay_ms = o->action_delay_ms ? o->action_delay_ms : 50;
	d.reply_delay_ms = o->reply_delay_ms ? o->reply_delay_ms : 5;
	d.api_key = xstrdup(TESTENV_KEY);
	for (size_t i = 0; o->faults && o->faults[i]; i++)
		assert_int_equal(demo_options_add_fault(&d, o->faults[i], &err), 0);
	if (o->kibana)
		assert_int_equal(demo_options_set_kibana(&d, o->kibana, &err), 0);
	e->demo = demo_start(&d, &err);
	if (!e->demo)
		fail_msg("demo_start: %s", err);
	demo_options_free(&d);
	profile_init(&e->p);
	if (o->profile)
		profile_set(&e->p.name, o->profile);
	profile_set(&e->p.url, demo_url(e->demo));
	profile_set_secret(&e->p.api_key, TESTENV_KEY);
	if (o->timeout_ms)
		e->p.timeout_ms = o->timeout_ms;
	e->w = worker_new(&e->p, &err);
	assert_non_null(e->w);
	char tmpl[] = "/tmp/ktriage-testenv-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	e->state_dir = xstrdup(tmpl);
	setenv("XDG_STATE_HOME", e->state_dir, 1);
}

void testenv_stop(struct testenv *e)
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

struct worker_done *testenv_request(struct testenv *e, struct api_request *req)
{
	uint64_t id = worker_submit(e->w, req, TESTENV_GENERATION, NULL);
	for (int i = 0; i < 300; i++) {
		struct worker_done *d = worker_take(e->w);
		if (d && d->interim) {
			worker_done_free(d); /* a note while the request waits to be retried */
			continue;
		}
		if (d) {
			assert_int_equal(d->id, id);
			assert_int_equal(d->generation, TESTENV_GENERATION);
			return d;
		}
		worker_wait(e->w, 100);
	}
	fail_msg("no answer within 30 seconds");
	return NULL;
}

json_t *testenv_demo_fixtures(struct testenv *e)
{
	char *err = NULL;
	struct worker_done *d = testenv_request(e, rawreq_new(HTTP_GET, "/_demo/fixtures", NULL, 0, &err));
	assert_int_equal(d->res.status, API_OK);
	json_t *j = json_incref(d->res.json);
	worker_done_free(d);
	return j;
}

char *testenv_demo_id(struct testenv *e, const char *kind, size_t i)
{
	json_t *fixtures = testenv_demo_fixtures(e);
	json_t *v = json_array_get(json_object_get(fixtures, kind), i);
	assert_true(json_is_string(v));
	char *id = xstrdup(json_string_value(v));
	json_decref(fixtures);
	return id;
}

size_t testenv_demo_count(struct testenv *e, const char *kind)
{
	json_t *fixtures = testenv_demo_fixtures(e);
	size_t n = json_array_size(json_object_get(fixtures, kind));
	json_decref(fixtures);
	return n;
}

bool testenv_demo_has(struct testenv *e, const char *kind, const char *id)
{
	json_t *fixtures = testenv_demo_fixtures(e);
	bool found = false;
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(fixtures, kind), i, v) {
		found |= !strcmp(json_string_value(v), id);
	}
	json_decref(fixtures);
	return found;
}

/* The front end of one command: it keeps what the command showed. */
struct testenv_front {
	struct testenv_run run;
	enum testenv_answer answer;
	bool done;
};

static void testenv_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct testenv_front *f = ctx->front;
	free(f->run.message);
	f->run.message = xstrdup(out->message);
	json_decref(f->run.json);
	f->run.json = out->json ? json_incref(out->json) : NULL;
	f->run.rows = out->kind == CMD_OUT_TABLE ? out->table->nrows : 0;
	f->run.wants_json = ctx->json;
	f->run.bad = out->bad;
	struct strbuf sb;
	strbuf_init(&sb);
	if (out->kind == CMD_OUT_TABLE)
		table_render_plain(out->table, &sb);
	else if (out->kind == CMD_OUT_RECORD)
		record_render(out->record, &sb);
	free(f->run.text);
	f->run.text = strbuf_detach(&sb, NULL);
}

static void testenv_note(struct cmd_ctx *ctx, const char *text)
{
	struct testenv_front *f = ctx->front;
	char *all = xasprintf("%s%s\n", f->run.notes ? f->run.notes : "", text);
	free(f->run.notes);
	f->run.notes = all;
}

static void testenv_stream(struct cmd_ctx *ctx, const struct cmd_stream *ev)
{
	struct testenv_front *f = ctx->front;
	struct strbuf sb;
	switch (ev->kind) {
	case CMD_STREAM_BEGIN:
		free(f->run.about);
		f->run.about = xstrdup(ev->about);
		break;
	case CMD_STREAM_TEXT:
		strbuf_init(&sb);
		strbuf_puts(&sb, f->run.streamed ? f->run.streamed : "");
		strbuf_puts(&sb, ev->text);
		free(f->run.streamed);
		f->run.streamed = strbuf_detach(&sb, NULL);
		f->run.pieces++;
		break;
	case CMD_STREAM_END:
		f->run.stream_ended = !strcmp(ev->text, f->run.streamed ? f->run.streamed : "");
		free(f->run.kept_in);
		f->run.kept_in = xstrdup(ev->conversation);
		break;
	}
}

static void testenv_finished(struct cmd_ctx *ctx)
{
	struct testenv_front *f = ctx->front;
	f->done = true;
	f->run.exit_code = ctx->exit_code;
	f->run.error = xstrdup(ctx->error);
}

static void testenv_confirm(struct cmd_ctx *ctx, const char *question, const char *word)
{
	struct testenv_front *f = ctx->front;
	(void)word;
	free(f->run.question);
	f->run.question = xstrdup(question);
	cmd_confirmed(ctx, f->answer == TESTENV_YES);
}

struct testenv_run testenv_cmd(struct testenv *e, enum testenv_answer answer, bool readonly, const char *fmt, ...)
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
		.batch = answer == TESTENV_BATCH,
		.confirm = answer == TESTENV_BATCH ? NULL : testenv_confirm,
		.output = testenv_output,
		.finished = testenv_finished,
		.note = testenv_note,
		.stream = testenv_stream,
	};
	struct testenv_front f = {.answer = answer};
	f.run.notes = xstrdup("");
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

void testenv_run_free(struct testenv_run *r)
{
	free(r->error);
	free(r->question);
	free(r->message);
	free(r->text);
	free(r->notes);
	free(r->streamed);
	free(r->about);
	free(r->kept_in);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

char *testenv_audit(const struct testenv *e)
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

json_t *testenv_hits(const struct testenv_run *r)
{
	return json_object_get(json_object_get(r->json, "hits"), "hits");
}
