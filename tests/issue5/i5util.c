#include "config.h"
#include "i5util.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "cmd/output.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include "demo/demo.h"

#define I5_KEY "aTUtdGVzdDprZXk="

json_t *i5_fixture(const char *name)
{
	const char *src = getenv("KT_SRCDIR");
	char *path = xasprintf("%s/tests/issue5/fixtures/%s", src ? src : KT_SRCDIR, name);
	json_error_t e;
	json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!j)
		fail_msg("%s: %s", path, e.text);
	free(path);
	return j;
}

void i5_env_start(struct i5_env *e, unsigned action_delay_ms)
{
	struct demo_options o;
	char *err = NULL;
	demo_options_init(&o);
	o.quiet = true;
	o.action_delay_ms = action_delay_ms;
	o.api_key = xstrdup(I5_KEY);
	e->demo = demo_start(&o, &err);
	if (!e->demo)
		fail_msg("demo_start: %s", err);
	demo_options_free(&o);
	profile_init(&e->p);
	profile_set(&e->p.name, "issue5");
	profile_set(&e->p.url, demo_url(e->demo));
	profile_set_secret(&e->p.api_key, I5_KEY);
	e->w = worker_new(&e->p, &err);
	assert_non_null(e->w);
	char tmpl[] = "/tmp/ktriage-i5-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	e->state_dir = xstrdup(tmpl);
	setenv("XDG_STATE_HOME", e->state_dir, 1);
}

void i5_env_stop(struct i5_env *e)
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

struct worker_done *i5_request(struct i5_env *e, struct api_request *req)
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

/* The front end of one command: it keeps what the command showed. */
struct i5_front {
	struct i5_run run;
	bool done;
};

static void i5_output(struct cmd_ctx *ctx, const struct cmd_output *out)
{
	struct i5_front *f = ctx->front;
	free(f->run.message);
	f->run.message = xstrdup(out->message);
	json_decref(f->run.json);
	f->run.json = out->json ? json_incref(out->json) : NULL;
	f->run.rows = out->kind == CMD_OUT_TABLE ? out->table->nrows : 0;
}

static void i5_finished(struct cmd_ctx *ctx)
{
	struct i5_front *f = ctx->front;
	f->done = true;
	f->run.exit_code = ctx->exit_code;
	f->run.error = xstrdup(ctx->error);
}

struct i5_run i5_cmd(struct i5_env *e, bool readonly, const char *fmt, ...)
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
		.batch = true,
		.output = i5_output,
		.finished = i5_finished,
	};
	struct i5_front f = {0};
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

void i5_run_free(struct i5_run *r)
{
	free(r->error);
	free(r->message);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

char *i5_audit(const struct i5_env *e)
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
