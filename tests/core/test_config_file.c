/* The config file (profiles, globals, warnings, errors, secret files, permissions) and the environment. */
#include "config.h"
#include "ktest.h"
#include "core/config_file.h"
#include "core/profile.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Per-test state: a private HOME with the config file in it. */
struct fx {
	char *dir;
	char *path;
	struct profile p;
	struct strbuf warnings;
	char *err;
};

static const char *const env_names[] = {"KIBANA_URL", "KIBANA_SPACE", "KIBANA_API_KEY", "KIBANA_USERNAME",
					"KIBANA_PASSWORD", "XDG_CONFIG_HOME", NULL};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));
	f->dir = testutil_tmpdir();
	assert_non_null(f->dir);
	f->path = xasprintf("%s/config", f->dir);
	setenv("HOME", f->dir, 1);
	for (const char *const *e = env_names; *e; e++)
		unsetenv(*e);
	profile_init(&f->p);
	strbuf_init(&f->warnings);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	testutil_rmtree(f->dir);
	free(f->dir);
	free(f->path);
	profile_free(&f->p);
	strbuf_free(&f->warnings);
	free(f->err);
	free(f);
	return 0;
}

static void write_config(struct fx *f, const char *text, mode_t mode)
{
	assert_true(testutil_write_file(f->path, text, mode));
}

static int load(struct fx *f, const char *want)
{
	free(f->err);
	f->err = NULL;
	return config_load(&f->p, f->path, want, false, &f->warnings, &f->err);
}

static const char sample[] =
	"; ktriage settings\n"                 /* 1 */
	"[ktriage]\n"                          /* 2 */
	"default_profile = prod\n"             /* 3 */
	"theme = dark\n"                       /* 4 */
	"\n"                                   /* 5 */
	"[profile dev]\n"                      /* 6 */
	"url = http://dev.example:5601\n"      /* 7 */
	"username = devuser\n"                 /* 8 */
	"\n"                                   /* 9 */
	"[profile prod]\n"                     /* 10 */
	"url = https://prod.example:5601\n"    /* 11 */
	"space = soc team\n"                   /* 12 */
	"api_key = KEY1\n"                     /* 13 */
	"timeout = 2.5\n"                      /* 14 */
	"connect_timeout = 1\n"                /* 15 */
	"max_response_mb = 8\n"                /* 16 */
	"insecure = yes\n"                     /* 17 */
	"readonly = true\n"                    /* 18 */
	"ca_cert = ~/ca.pem\n"                 /* 19 */
	"theme = light\n"                      /* 20 */
	"concurrency = 3\n";                   /* 21 */

static void test_missing_file(void **state)
{
	struct fx *f = *state;
	assert_int_equal(load(f, NULL), 0);
	assert_null(f->p.url);
	assert_string_equal(f->p.name, "default");
	assert_int_equal(config_load(&f->p, f->path, NULL, true, &f->warnings, &f->err), -1);
	assert_non_null(strstr(f->err, "cannot read config file"));
	assert_non_null(strstr(f->err, f->path));
}

static void test_default_profile(void **state)
{
	struct fx *f = *state;
	write_config(f, sample, 0600);
	assert_int_equal(load(f, NULL), 0);
	assert_string_equal(f->warnings.buf, "");
	assert_string_equal(f->p.name, "prod");
	assert_string_equal(f->p.url, "https://prod.example:5601");
	assert_string_equal(f->p.space, "soc team");
	assert_string_equal(f->p.api_key, "KEY1");
	assert_null(f->p.username);
	assert_int_equal(f->p.timeout_ms, 2500);
	assert_int_equal(f->p.connect_timeout_ms, 1000);
	assert_int_equal(f->p.max_response, (size_t)8 << 20);
	assert_true(f->p.insecure);
	assert_true(f->p.readonly);
	assert_int_equal(f->p.concurrency, 3);
	char *ca = xasprintf("%s/ca.pem", f->dir);
	assert_string_equal(f->p.ca_cert, ca);
	free(ca);
	/* The profile's theme overrides the global one. */
	assert_string_equal(f->p.theme, "light");
}

static void test_named_profile(void **state)
{
	struct fx *f = *state;
	write_config(f, sample, 0600);
	assert_int_equal(load(f, "dev"), 0);
	assert_string_equal(f->p.name, "dev");
	assert_string_equal(f->p.url, "http://dev.example:5601");
	assert_string_equal(f->p.username, "devuser");
	assert_null(f->p.api_key);
	assert_false(f->p.readonly);
	assert_int_equal(f->p.timeout_ms, 60000);
	assert_int_equal(f->p.concurrency, PROFILE_DEFAULT_CONCURRENCY);
	assert_string_equal(f->p.theme, "dark");
}

static void test_unknown_profile(void **state)
{
	struct fx *f = *state;
	write_config(f, sample, 0600);
	assert_int_equal(load(f, "staging"), -1);
	assert_non_null(strstr(f->err, "no [profile staging] section"));
	assert_non_null(strstr(f->err, f->path));
}

static void test_default_section_name(void **state)
{
	struct fx *f = *state;
	write_config(f, "[profile default]\nurl = http://d\n[profile other]\nurl = http://o\n", 0600);
	assert_int_equal(load(f, NULL), 0);
	assert_string_equal(f->p.url, "http://d");
	assert_string_equal(f->p.name, "default");
}

static void test_default_profile_must_exist(void **state)
{
	struct fx *f = *state;
	/* default_profile names a section that is not there (a typo): say so rather than run without a URL. */
	write_config(f, "[ktriage]\ndefault_profile = prdo\n[profile prod]\nurl = http://p\n", 0600);
	assert_int_equal(load(f, NULL), -1);
	assert_non_null(strstr(f->err, "no [profile prdo] section"));
}

static void test_unknown_keys_warn_with_line(void **state)
{
	struct fx *f = *state;
	write_config(f,
		     "[ktriage]\n"
		     "colour = red\n"
		     "[profile default]\n"
		     "url = http://x\n"
		     "\n"
		     "; comment\n"
		     "api-key = oops\n",
		     0600);
	assert_int_equal(load(f, NULL), 0);
	char *w1 = xasprintf("warning: %s:2: unknown setting \"colour\" ignored\n", f->path);
	char *w2 = xasprintf("warning: %s:7: unknown setting \"api-key\" ignored\n", f->path);
	assert_non_null(strstr(f->warnings.buf, w1));
	assert_non_null(strstr(f->warnings.buf, w2));
	/* The value of an unknown key is never echoed (it may be a secret). */
	assert_null(strstr(f->warnings.buf, "oops"));
	free(w1);
	free(w2);
	assert_string_equal(f->p.url, "http://x");
}

static void test_bad_values(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *line, *key;
	} bad[] = {
		{"timeout = soon", "timeout"},       {"timeout = -1", "timeout"},
		{"timeout = 0", "timeout"},          {"connect_timeout = 1e9", "connect_timeout"},
		{"insecure = maybe", "insecure"},    {"readonly = 2", "readonly"},
		{"max_response_mb = 0", "max_response_mb"}, {"max_response_mb = 10x", "max_response_mb"},
		{"max_response_mb = 99999", "max_response_mb"},
		{"max_pages = 0", "max_pages"},      {"max_rows = many", "max_rows"},
		{"max_fetch_mb = -5", "max_fetch_mb"}, {"max_fetch_mb = 99999999", "max_fetch_mb"},
		{"concurrency = 0", "concurrency"},  {"concurrency = 65", "concurrency"},
		{"concurrency = many", "concurrency"}, {"concurrency = -2", "concurrency"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		char *text = xasprintf("[profile default]\nurl = http://x\n%s\n", bad[i].line);
		write_config(f, text, 0600);
		free(text);
		assert_int_equal(load(f, NULL), -1);
		char *want = xasprintf("%s:3: bad value for %s", f->path, bad[i].key);
		if (!strstr(f->err, want))
			fail_msg("\"%s\": got \"%s\", want \"%s\"", bad[i].line, f->err, want);
		free(want);
	}
}

/* The whole-fetch limits: defaults that cover Kibana's 10,000-result window, each settable per profile. */
static void test_fetch_limits(void **state)
{
	struct fx *f = *state;
	assert_true(f->p.fetch.rows >= 10000 * 3);
	assert_true(f->p.fetch.pages * 100 >= 10000 * 3);
	write_config(f, "[profile default]\nmax_pages = 7\nmax_rows = 300\nmax_fetch_mb = 2\n", 0600);
	assert_int_equal(load(f, NULL), 0);
	assert_int_equal(f->p.fetch.pages, 7);
	assert_int_equal(f->p.fetch.rows, 300);
	assert_int_equal(f->p.fetch.bytes, 2 << 20);
}

static void test_first_error_wins(void **state)
{
	struct fx *f = *state;
	write_config(f, "[profile default]\ntimeout = soon\ninsecure = maybe\nreadonly = perhaps\n", 0600);
	assert_int_equal(load(f, NULL), -1);
	char *want = xasprintf("%s:2: bad value for timeout: \"soon\"", f->path);
	assert_string_equal(f->err, want);
	free(want);
}

static void test_syntax_error(void **state)
{
	struct fx *f = *state;
	write_config(f, "[profile default]\nurl = http://x\nthis line has no equals sign\n", 0600);
	assert_int_equal(load(f, NULL), -1);
	char *want = xasprintf("%s:3: syntax error", f->path);
	assert_string_equal(f->err, want);
	free(want);
}

static void test_long_lines(void **state)
{
	struct fx *f = *state;
	/* The longest line inih takes whole (199 characters) comes through intact. */
	char key[190];
	memset(key, 'k', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	char *text = xasprintf("[profile default]\napi_key = %s\nurl = http://x\nbogus = 1\n", key);
	const char *line = strstr(text, "api_key");
	assert_int_equal(strcspn(line, "\n"), 199);
	write_config(f, text, 0600);
	free(text);
	if (load(f, NULL) < 0)
		fail_msg("a 199-character line was refused: %s", f->err);
	assert_string_equal(f->p.api_key, key);
	char *w = xasprintf("%s:4: unknown setting \"bogus\"", f->path);
	assert_non_null(strstr(f->warnings.buf, w));
	free(w);

	/* A longer one is an error naming the line, never a silently truncated secret. */
	char big[1001];
	memset(big, 'k', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	text = xasprintf("[profile default]\napi_key = %s==\nurl = http://x\n", big);
	write_config(f, text, 0600);
	free(text);
	profile_set_secret(&f->p.api_key, NULL);
	assert_int_equal(load(f, NULL), -1);
	char *want = xasprintf("%s:2: line longer than", f->path);
	assert_non_null(strstr(f->err, want));
	free(want);
	assert_null(f->p.api_key);
}

static void test_config_from_a_pipe(void **state)
{
	struct fx *f = *state;
	/* As with --config <(pass show kibana): read once, yet both passes see the whole text. */
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_true(write(fds[1], sample, sizeof(sample) - 1) == (ssize_t)(sizeof(sample) - 1));
	close(fds[1]);
	char *path = xasprintf("/dev/fd/%d", fds[0]);
	int rc = config_load(&f->p, path, NULL, true, &f->warnings, &f->err);
	close(fds[0]);
	free(path);
	if (rc < 0)
		fail_msg("%s", f->err);
	assert_string_equal(f->p.name, "prod");
	assert_string_equal(f->p.url, "https://prod.example:5601");
	assert_string_equal(f->p.api_key, "KEY1");
}

static void test_config_not_a_file(void **state)
{
	struct fx *f = *state;
	assert_int_equal(config_load(&f->p, f->dir, NULL, true, &f->warnings, &f->err), -1);
	assert_non_null(strstr(f->err, "is a directory"));
	/* No advice to chmod a directory. */
	assert_string_equal(f->warnings.buf, "");
	write_config(f, "", 0600);
	assert_int_equal(load(f, NULL), 0);
	assert_null(f->p.url);
}

/* A FIFO or a device as the config or a secret file is refused before it is opened: opening a FIFO with no
 * writer would block forever (the alarm turns such a hang into a failure), a device could be read without end. */
static void test_fifo_and_devices_refused(void **state)
{
	struct fx *f = *state;
	char *fifo = xasprintf("%s/fifo", f->dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(30);
	assert_int_equal(config_load(&f->p, fifo, NULL, true, &f->warnings, &f->err), -1);
	assert_non_null(strstr(f->err, "named pipe"));
	free(f->err);
	f->err = NULL;
	assert_int_equal(config_load(&f->p, "/dev/zero", NULL, true, &f->warnings, &f->err), -1);
	assert_non_null(strstr(f->err, "is a device"));
	char *secret = NULL, *err = NULL;
	assert_int_equal(config_read_secret(fifo, &secret, NULL, &err), -1);
	assert_non_null(strstr(err, "named pipe"));
	assert_null(secret);
	free(err);
	alarm(0);
	/* --config /dev/null, the usual way to say "no settings", still works, without advice to chmod it. */
	assert_int_equal(config_load(&f->p, "/dev/null", NULL, true, &f->warnings, &f->err), 0);
	assert_string_equal(f->warnings.buf, "");
	free(fifo);
}

static void test_permission_warning(void **state)
{
	struct fx *f = *state;
	write_config(f, "[profile default]\nurl = http://x\n", 0644);
	assert_int_equal(load(f, NULL), 0);
	char *want = xasprintf("warning: %s is readable or writable by group or others; run: chmod 600 %s\n", f->path,
			       f->path);
	assert_string_equal(f->warnings.buf, want);
	free(want);

	strbuf_reset(&f->warnings);
	assert_int_equal(chmod(f->path, 0600), 0);
	assert_int_equal(load(f, NULL), 0);
	assert_string_equal(f->warnings.buf, "");

	assert_int_equal(chmod(f->path, 0620), 0);
	assert_int_equal(load(f, NULL), 0);
	assert_non_null(strstr(f->warnings.buf, f->path));
}

static void test_secret_files(void **state)
{
	struct fx *f = *state;
	char *key = xasprintf("%s/api.key", f->dir);
	char *pw = xasprintf("%s/pw", f->dir);
	assert_true(testutil_write_file(key, "FROMFILE\r\nsecond line\n", 0600));
	assert_true(testutil_write_file(pw, "hunter2", 0640));
	write_config(f,
		     "[profile default]\n"
		     "url = http://x\n"
		     "api_key_file = ~/api.key\n"
		     "username = u\n"
		     "password_file = ~/pw\n",
		     0600);
	assert_int_equal(load(f, NULL), 0);
	assert_string_equal(f->p.api_key, "FROMFILE");
	assert_string_equal(f->p.password, "hunter2");
	/* The loose secret file is named; the tight one is not. */
	char *want = xasprintf("warning: %s is readable or writable by group or others", pw);
	assert_non_null(strstr(f->warnings.buf, want));
	assert_null(strstr(f->warnings.buf, key));
	assert_null(strstr(f->warnings.buf, "hunter2"));
	free(want);
	free(key);
	free(pw);
}

static void test_secret_file_problems(void **state)
{
	struct fx *f = *state;
	write_config(f, "[profile default]\napi_key_file = ~/missing.key\n", 0600);
	assert_int_equal(load(f, NULL), -1);
	char *missing = xasprintf("cannot read secret file %s/missing.key", f->dir);
	assert_non_null(strstr(f->err, missing));
	free(missing);

	char *empty = xasprintf("%s/empty.key", f->dir);
	assert_true(testutil_write_file(empty, "\nKEY-ON-LINE-2\n", 0600));
	write_config(f, "[profile default]\napi_key_file = ~/empty.key\n", 0600);
	assert_int_equal(load(f, NULL), -1);
	assert_non_null(strstr(f->err, "is empty"));
	assert_non_null(strstr(f->err, empty));
	free(empty);

	char *secret = NULL, *err = NULL;
	assert_int_equal(config_read_secret("/nonexistent/kt", &secret, NULL, &err), -1);
	assert_null(secret);
	assert_non_null(strstr(err, "/nonexistent/kt"));
	free(err);
}

static void test_env_over_file(void **state)
{
	struct fx *f = *state;
	write_config(f, sample, 0600);
	assert_int_equal(load(f, NULL), 0);
	setenv("KIBANA_URL", "https://env.example", 1);
	setenv("KIBANA_SPACE", "", 1);
	setenv("KIBANA_API_KEY", "ENVKEY", 1);
	setenv("KIBANA_USERNAME", "envuser", 1);
	setenv("KIBANA_PASSWORD", "envpw", 1);
	config_apply_env(&f->p);
	assert_string_equal(f->p.url, "https://env.example");
	/* An empty variable is as good as unset. */
	assert_string_equal(f->p.space, "soc team");
	assert_string_equal(f->p.api_key, "ENVKEY");
	assert_string_equal(f->p.username, "envuser");
	assert_string_equal(f->p.password, "envpw");
	/* What the environment does not mention stays as the file said. */
	assert_int_equal(f->p.timeout_ms, 2500);
	assert_string_equal(f->p.name, "prod");
}

/* The profiles a file names, each once, in order; none from other sections; a missing file has none. */
static void test_profile_names(void **state)
{
	struct fx *f = *state;
	write_config(f, "[ktriage]\ndefault_profile = prod\n[profile prod]\nurl = https://a.example\n"
			"[profile  eu-shift]\nurl = https://b.example\nspace = soc-eu\n[other]\nx = 1\n"
			"[profile prod]\nreadonly = true\n", 0600);
	struct strbuf sb;
	strbuf_init(&sb);
	assert_int_equal(config_profile_names(f->path, &sb), 0);
	assert_string_equal(sb.buf, "prod\neu-shift\n");
	strbuf_reset(&sb);
	char *missing = xasprintf("%s/none", f->dir);
	assert_int_equal(config_profile_names(missing, &sb), -1);
	assert_int_equal(sb.len, 0);
	free(missing);
	strbuf_free(&sb);
}

static void test_paths(void **state)
{
	struct fx *f = *state;
	char *p = config_default_path();
	char *want = xasprintf("%s/.config/ktriage/config", f->dir);
	assert_string_equal(p, want);
	free(p);
	free(want);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	p = config_default_path();
	assert_string_equal(p, "/xdg/ktriage/config");
	free(p);
	p = config_expand_path("~/k");
	want = xasprintf("%s/k", f->dir);
	assert_string_equal(p, want);
	free(p);
	free(want);
	p = config_expand_path("~other/k");
	assert_string_equal(p, "~other/k");
	free(p);
	assert_null(config_expand_path(NULL));
}

int main(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return 77;
	}
	umask(022);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_profile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_section_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_profile_must_exist, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keys_warn_with_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fetch_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_error_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_syntax_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_from_a_pipe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_not_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_and_devices_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permission_warning, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secret_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secret_file_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_env_over_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paths, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
