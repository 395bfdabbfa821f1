#include "config.h"
#include "options.h"
#include "cmd/shellcomp.h"
#include "core/config_file.h"
#include "core/profile.h"
#include "core/sanitize.h"
#include "core/secret.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	OPT_PROFILE = 256, OPT_CONFIG, OPT_URL, OPT_SPACE, OPT_API_KEY_FILE, OPT_USER, OPT_PASSWORD_FILE,
	OPT_CA_CERT, OPT_CLIENT_CERT, OPT_CLIENT_KEY, OPT_INSECURE, OPT_READONLY, OPT_JSON, OPT_YES,
	OPT_QUIET, OPT_DEMO, OPT_THEME, OPT_TIMEOUT, OPT_VERSION, OPT_API_KEY, OPT_PASSWORD,
	OPT_MAX_PAGES, OPT_MAX_ROWS, OPT_MAX_FETCH_MB, OPT_CONCURRENCY, OPT_NDJSON,
};

static const struct option options_long[] = {
	{"command", required_argument, NULL, 'c'},
	{"profile", required_argument, NULL, OPT_PROFILE},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"url", required_argument, NULL, OPT_URL},
	{"space", required_argument, NULL, OPT_SPACE},
	{"api-key-file", required_argument, NULL, OPT_API_KEY_FILE},
	{"user", required_argument, NULL, OPT_USER},
	{"password-file", required_argument, NULL, OPT_PASSWORD_FILE},
	{"ca-cert", required_argument, NULL, OPT_CA_CERT},
	{"client-cert", required_argument, NULL, OPT_CLIENT_CERT},
	{"client-key", required_argument, NULL, OPT_CLIENT_KEY},
	{"insecure", no_argument, NULL, OPT_INSECURE},
	{"readonly", no_argument, NULL, OPT_READONLY},
	{"json", no_argument, NULL, OPT_JSON},
	{"ndjson", no_argument, NULL, OPT_NDJSON},
	{"yes", no_argument, NULL, OPT_YES},
	{"quiet", no_argument, NULL, OPT_QUIET},
	{"demo", no_argument, NULL, OPT_DEMO},
	{"theme", required_argument, NULL, OPT_THEME},
	{"timeout", required_argument, NULL, OPT_TIMEOUT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{"api-key", required_argument, NULL, OPT_API_KEY},
	{"password", required_argument, NULL, OPT_PASSWORD},
	{"max-pages", required_argument, NULL, OPT_MAX_PAGES},
	{"max-rows", required_argument, NULL, OPT_MAX_ROWS},
	{"max-fetch-mb", required_argument, NULL, OPT_MAX_FETCH_MB},
	{"concurrency", required_argument, NULL, OPT_CONCURRENCY},
	{NULL, 0, NULL, 0},
};

const struct shellcomp_option *options_completion(void)
{
	static const char *const files[] = {"config", "api-key-file", "password-file", "ca-cert", "client-cert",
					    "client-key", NULL};
	static const char *const themes[] = {"default", "light", "high-contrast", NULL};
	static struct shellcomp_option out[sizeof(options_long) / sizeof(*options_long)];
	static char names[sizeof(options_long) / sizeof(*options_long)][32];
	size_t n = 0;
	for (size_t i = 0; options_long[i].name; i++) {
		const struct option *o = &options_long[i];
		/* Refused options are not offered. */
		if (o->val == OPT_API_KEY || o->val == OPT_PASSWORD)
			continue;
		snprintf(names[n], sizeof(names[n]), "--%s", o->name);
		out[n] = (struct shellcomp_option){.name = names[n], .value = o->has_arg == required_argument};
		for (size_t f = 0; files[f]; f++)
			out[n].file |= !strcmp(files[f], o->name);
		if (o->val == OPT_THEME)
			out[n].choices = themes;
		n++;
	}
	out[n].name = NULL;
	return out;
}

/* A macro's value as a string literal. */
#define OPTIONS_STR(x) OPTIONS_STR_(x)
#define OPTIONS_STR_(x) #x

const char *options_usage(void)
{
	return "usage: ktriage [options]                 open the terminal UI\n"
	       "       ktriage [options] -c 'COMMAND'    run one command and exit\n"
	       "       ktriage --demo [-c 'COMMAND']     the same, against a built-in demo Kibana\n"
	       "       ktriage [options] doctor          check the URL, TLS, key, version, space and features\n"
	       "       ktriage serve-demo [--help]       run the demo Kibana on its own\n"
	       "       ktriage help [COMMAND]            list commands, or describe one\n"
	       "\n"
	       "Connection (config file < environment < these flags):\n"
	       "  --profile NAME        use [profile NAME] from the config file\n"
	       "  --config FILE         config file (default $XDG_CONFIG_HOME/ktriage/config)\n"
	       "  --url URL             Kibana base URL (KIBANA_URL)\n"
	       "  --space SPACE         Kibana space (KIBANA_SPACE)\n"
	       "  --api-key-file FILE   read the encoded API key from FILE (KIBANA_API_KEY)\n"
	       "  --user NAME           basic auth user (KIBANA_USERNAME); the password comes from\n"
	       "  --password-file FILE  FILE, KIBANA_PASSWORD, the config, or a prompt\n"
	       "  --ca-cert FILE        CA bundle for a private certificate authority\n"
	       "  --client-cert FILE    client certificate (PEM), with --client-key FILE\n"
	       "  --insecure            do not verify TLS certificates (warned about on screen)\n"
	       "  --timeout SECONDS     limit for each request\n"
	       "  --max-pages N, --max-rows N, --max-fetch-mb N\n"
	       "                        limits of one paged fetch (alerts --all, a pane's pages)\n"
	       "  --concurrency N       most requests in flight at once (default " OPTIONS_STR(PROFILE_DEFAULT_CONCURRENCY)
	       "; pages of --all)\n"
	       "\n"
	       "Behaviour:\n"
	       "  -c, --command CMD     run CMD without the TUI; exit 0 ok, 1 API error, 2 usage\n"
	       "  --json                print the API's JSON instead of a table; a list fetched with\n"
	       "                        --all is one document, written page by page as pages arrive\n"
	       "  --ndjson              JSON with one list item (a case, an alert) per line\n"
	       "  --yes                 confirm a command that changes data (batch mode)\n"
	       "  --readonly            refuse every command that changes data\n"
	       "  --theme NAME          colour theme (default, light, high-contrast)\n"
	       "  --quiet               no progress notes on stderr\n"
	       "  --version, --help\n"
	       "\n"
	       "Secrets are never taken as arguments: use files, the environment or the config file.\n";
}

/* A message quoting a command-line argument, made safe to print: before, the argument, after. */
static char *options_echo(const char *before, const char *arg, const char *after)
{
	char *clean = sanitize_str(arg, SANITIZE_LINE);
	char *msg = xasprintf("%s%s%s", before, clean, after);
	free(clean);
	return msg;
}

/* A whole number from 1 to max; false with *err ("what, not \"x\"") otherwise. */
static bool options_number(const char *arg, long max, long *out, const char *what, char **err)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v <= 0 || v > max) {
		char *clean = sanitize_str(arg, SANITIZE_LINE);
		*err = xasprintf("%s from 1 to %ld, not \"%s\"", what, max, clean);
		free(clean);
		return false;
	}
	*out = v;
	return true;
}

int options_parse(int argc, char **argv, struct options *o, char **err)
{
	memset(o, 0, sizeof(*o));
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":c:h", options_long, NULL)) != -1) {
		switch (c) {
		case 'c': o->command = optarg; break;
		case 'h': o->help = true; break;
		case OPT_PROFILE: o->profile_name = optarg; break;
		case OPT_CONFIG: o->config_path = optarg; break;
		case OPT_URL: o->url = optarg; break;
		case OPT_SPACE: o->space = optarg; break;
		case OPT_API_KEY_FILE: o->api_key_file = optarg; break;
		case OPT_USER: o->user = optarg; break;
		case OPT_PASSWORD_FILE: o->password_file = optarg; break;
		case OPT_CA_CERT: o->ca_cert = optarg; break;
		case OPT_CLIENT_CERT: o->client_cert = optarg; break;
		case OPT_CLIENT_KEY: o->client_key = optarg; break;
		case OPT_INSECURE: o->insecure = true; break;
		case OPT_READONLY: o->readonly = true; break;
		case OPT_JSON: o->json = true; break;
		case OPT_NDJSON: o->ndjson = true; break;
		case OPT_YES: o->yes = true; break;
		case OPT_QUIET: o->quiet = true; break;
		case OPT_DEMO: o->demo = true; break;
		case OPT_THEME: o->theme = optarg; break;
		case OPT_VERSION: o->version = true; break;
		case OPT_TIMEOUT:
			if (!options_number(optarg, 86400, &o->timeout_s, "--timeout takes a number of seconds", err))
				return -1;
			break;
		case OPT_MAX_PAGES:
			if (!options_number(optarg, 100000000, &o->max_pages, "--max-pages takes a number of pages", err))
				return -1;
			break;
		case OPT_MAX_ROWS:
			if (!options_number(optarg, 100000000, &o->max_rows, "--max-rows takes a number of rows", err))
				return -1;
			break;
		case OPT_MAX_FETCH_MB:
			if (!options_number(optarg, 1048576, &o->max_fetch_mb, "--max-fetch-mb takes a number of MiB", err))
				return -1;
			break;
		case OPT_CONCURRENCY: {
			char *end;
			unsigned long n = strtoul(optarg, &end, 10);
			if (*end || end == optarg || *optarg == '-' || n == 0 || n > PROFILE_MAX_CONCURRENCY) {
				*err = xasprintf("--concurrency takes a number from 1 to %d, not \"%s\"", PROFILE_MAX_CONCURRENCY,
						 optarg);
				return -1;
			}
			o->concurrency = (unsigned)n;
			break;
		}
		case OPT_API_KEY:
		case OPT_PASSWORD:
			*err = xstrdup("secrets are not accepted as arguments (they would show in ps and shell history): "
				       "use --api-key-file / --password-file, KIBANA_API_KEY / KIBANA_PASSWORD, or the config file");
			return -1;
		case ':':
			*err = options_echo("", argv[optind - 1], " needs a value");
			return -1;
		default:
			*err = options_echo("unknown option ", argv[optind - 1], " (ktriage --help lists them)");
			return -1;
		}
	}
	/* `ktriage doctor`: what a new user runs first reads as they would type it. */
	if (optind + 1 == argc && !o->command && strcmp(argv[optind], "doctor") == 0) {
		o->command = "doctor";
		optind++;
	}
	if (optind < argc) {
		*err = options_echo("unexpected argument \"", argv[optind], "\" (commands go in -c '...'; ktriage --help)");
		return -1;
	}
	return 0;
}

static int options_secret_file(const char *path, char **field, struct strbuf *warnings, char **err)
{
	char *secret = NULL;
	char *full = config_expand_path(path);
	int rc = config_read_secret(full, &secret, warnings, err);
	free(full);
	if (rc < 0)
		return -1;
	profile_set_secret(field, secret);
	xfree_secret(secret);
	return 0;
}

int options_profile(const struct options *o, struct profile *p, struct strbuf *warnings, char **err)
{
	char *path = o->config_path ? config_expand_path(o->config_path) : config_default_path();
	const char *want = o->profile_name ? o->profile_name : getenv("KTRIAGE_PROFILE");
	int rc = config_load(p, path, want && *want ? want : NULL, o->config_path != NULL, warnings, err);
	free(path);
	if (rc < 0)
		return -1;
	config_apply_env(p);
	if (o->url)
		profile_set(&p->url, o->url);
	if (o->space)
		profile_set(&p->space, o->space);
	if (o->api_key_file && options_secret_file(o->api_key_file, &p->api_key, warnings, err) < 0)
		return -1;
	if (o->user) {
		profile_set(&p->username, o->user);
		/* A user given here means basic auth even if a key came from elsewhere. */
		profile_set_secret(&p->api_key, NULL);
	}
	if (o->password_file && options_secret_file(o->password_file, &p->password, warnings, err) < 0)
		return -1;
	if (o->ca_cert)
		profile_set(&p->ca_cert, o->ca_cert);
	if (o->client_cert)
		profile_set(&p->client_cert, o->client_cert);
	if (o->client_key)
		profile_set(&p->client_key, o->client_key);
	if (o->theme)
		profile_set(&p->theme, o->theme);
	if (o->insecure)
		p->insecure = true;
	if (o->readonly)
		p->readonly = true;
	if (o->timeout_s)
		p->timeout_ms = o->timeout_s * 1000;
	if (o->max_pages)
		p->fetch.pages = o->max_pages;
	if (o->max_rows)
		p->fetch.rows = o->max_rows;
	if (o->max_fetch_mb)
		p->fetch.bytes = (size_t)o->max_fetch_mb << 20;
	if (o->concurrency)
		p->concurrency = o->concurrency;
	if (p->username && !p->api_key && !p->password && isatty(STDIN_FILENO)) {
		char *user = sanitize_str(p->username, SANITIZE_LINE);
		char *where = p->url ? profile_display_url(p->url) : xstrdup("Kibana");
		char *q = xasprintf("Password for %s at %s: ", user, where);
		free(user);
		free(where);
		char *pw = secret_prompt(q);
		free(q);
		profile_set_secret(&p->password, pw);
		xfree_secret(pw);
	}
	return 0;
}
