#include "config.h"
#include "options.h"
#include "cmd/batch.h"
#include "cmd/shellcomp.h"
#include "api/worker.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/secret.h"
#include "core/strbuf.h"
#include "core/trace.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "demo/demo.h"
#include "ui/app.h"
#include "ui/help.h"
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* Print "ktriage: msg" on stderr, made safe for the terminal (it may quote arguments, config values, paths). */
static void main_error(const char *msg)
{
	char *clean = sanitize_str(msg, SANITIZE_TEXT);
	fprintf(stderr, "ktriage: %s\n", clean);
	free(clean);
}

/* Print the config's warnings (lines that may quote its values and paths), made safe for the terminal. */
static void main_warnings(const struct strbuf *warnings)
{
	char *clean = sanitize_str(warnings->buf, SANITIZE_TEXT);
	fputs(clean, stderr);
	free(clean);
}

/* The command line, plus --yes carried into it. */
static char *main_command_line(const struct options *o)
{
	if (!o->yes)
		return xstrdup(o->command);
	return xasprintf("%s --yes", o->command);
}

/* A random API key for the in-process demo server, so the client authenticates as with Kibana. */
static char *main_demo_key(void)
{
	unsigned char raw[18];
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		memset(raw, 7, sizeof(raw));
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < sizeof(raw); i++)
		strbuf_printf(&sb, "%02x", raw[i]);
	return strbuf_detach(&sb, NULL);
}

/*
 * Close stdout as the last thing a run that printed results does: a write the kernel only
 * refuses at close (a full disk, a network file system) still turns the exit status to 1.
 */
static int main_close_stdout(int rc)
{
	errno = 0;
	if (fclose(stdout) != 0 && errno != EBADF && rc == 0) {
		fprintf(stderr, "ktriage: cannot write the output: %s\n", strerror(errno));
		return 1;
	}
	return rc;
}

static int main_run(const struct options *o, struct profile *p)
{
	/* Batch output may go to a file or a pipe with nobody watching the screen: the warning is never left out. */
	if (p->insecure && (o->command || !o->quiet))
		fputs("ktriage: warning: TLS certificate verification is OFF (--insecure)\n", stderr);
	if (!o->command) {
		char *why = NULL;
		if (!profile_usable(p, &why)) {
			main_error(why);
			free(why);
			return 2;
		}
		struct app_options ao = {.profile = p, .theme = o->theme, .script = getenv("KTRIAGE_SCRIPT"), .demo = o->demo,
					 .config_path = o->config_path, .readonly = o->readonly};
		return app_run(&ao);
	}
	char *line = main_command_line(o);
	struct batch_options bo = {.profile = p, .readonly = p->readonly, .json = o->json, .ndjson = o->ndjson,
				 .quiet = o->quiet};
	int rc = batch_run(&bo, line);
	free(line);
	return main_close_stdout(rc);
}

static int main_demo(const struct options *o, struct profile *p)
{
	struct demo_options d;
	demo_options_init(&d);
	d.quiet = true;
	d.api_key = main_demo_key();
	char *err = NULL;
	struct demo_server *srv = demo_start(&d, &err);
	if (!srv) {
		char *msg = xasprintf("cannot start the demo server: %s", err);
		main_error(msg);
		free(msg);
		free(err);
		demo_options_free(&d);
		return 1;
	}
	profile_set(&p->name, "demo");
	profile_set(&p->url, demo_url(srv));
	profile_set(&p->space, NULL);
	profile_set_secret(&p->api_key, d.api_key);
	profile_set(&p->username, NULL);
	int rc = main_run(o, p);
	demo_stop(srv);
	demo_options_free(&d);
	return rc;
}

/* ktriage help WORDS: the words are looked up made safe (no command has a control byte), so an unknown one is
 * echoed inert. */
static int main_help(int argc, char **argv)
{
	char **clean = xcalloc((size_t)argc + 1, sizeof(char *));
	for (int i = 0; i < argc; i++)
		clean[i] = sanitize_str(argv[i], SANITIZE_LINE);
	int rc = batch_help(argc, clean);
	for (int i = 0; i < argc; i++)
		free(clean[i]);
	free(clean);
	return rc;
}

/* `ktriage completion SHELL`: the shell's completion script on stdout. */
static int main_completion(int argc, char **argv)
{
	struct strbuf sb;
	strbuf_init(&sb);
	if (argc != 1 || !shellcomp_script(argv[0], options_completion(), &sb)) {
		fputs("usage: ktriage completion bash|zsh|fish\n", stderr);
		strbuf_free(&sb);
		return 2;
	}
	fputs(sb.buf, stdout);
	strbuf_free(&sb);
	return 0;
}

int main(int argc, char **argv)
{
	if (!trace_open_env())
		fprintf(stderr, "ktriage: warning: cannot write the trace file KTRIAGE_TRACE names: %s\n", strerror(errno));
	setlocale(LC_ALL, "");
	utf8_set_ascii(strcmp(nl_langinfo(CODESET), "UTF-8") != 0);
	secret_protect_process();

	if (argc > 1 && strcmp(argv[1], "serve-demo") == 0)
		return demo_main(argc - 1, argv + 1);
	if (argc == 3 && strcmp(argv[1], "help") == 0 && strcmp(argv[2], "--man-keys") == 0) {
		struct strbuf sb;
		strbuf_init(&sb);
		help_man_keys(&sb);
		fputs(sb.buf, stdout);
		strbuf_free(&sb);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "help") == 0)
		return main_close_stdout(main_help(argc - 2, argv + 2));
	if (argc > 1 && strcmp(argv[1], "completion") == 0)
		return main_close_stdout(main_completion(argc - 2, argv + 2));

	struct options o;
	char *err = NULL;
	if (options_parse(argc, argv, &o, &err) < 0) {
		main_error(err);
		free(err);
		return 2;
	}
	if (o.help) {
		fputs(options_usage(), stdout);
		return 0;
	}
	if (o.version) {
		puts(PACKAGE_STRING);
		return 0;
	}
	worker_global_init();
	struct profile p;
	profile_init(&p);
	struct strbuf warnings;
	strbuf_init(&warnings);
	int rc;
	if (options_profile(&o, &p, &warnings, &err) < 0) {
		main_warnings(&warnings);
		main_error(err);
		free(err);
		rc = 2;
	} else {
		main_warnings(&warnings);
		rc = o.demo ? main_demo(&o, &p) : main_run(&o, &p);
	}
	strbuf_free(&warnings);
	profile_free(&p);
	worker_global_cleanup();
	trace_close();
	return rc;
}
