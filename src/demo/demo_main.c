#include "config.h"
#include "demo/demo.h"
#include "core/config_file.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
	fputs("usage: ktriage serve-demo [options]\n"
	      "Serve a demo Kibana (cases, alerts, AI conversations, endpoints, response actions) on loopback.\n"
	      "Prints its URL on the first line of stdout, logs one line per request on stderr.\n\n"
	      "  --listen ADDR:PORT   address to listen on (default 127.0.0.1:0, 0 picks a free port)\n"
	      "  --seed N             data seed: the same seed gives the same data (default 1)\n"
	      "  --cases N            number of cases (default 60)\n"
	      "  --alerts N           number of alerts (default 2000)\n"
	      "  --conversations N    number of AI assistant conversations (default 40)\n"
	      "  --endpoints N        number of Elastic Defend endpoints (default 12)\n"
	      "  --actions N          number of past response actions (default 30)\n"
	      "  --api-key KEYFILE    require \"Authorization: ApiKey <key>\", the key read from KEYFILE\n"
	      "  --action-delay MS    how long a new response action stays pending (default 3000)\n"
	      "  --live-alerts MS     from the first alert search on, a new alert arrives every MS\n"
	      "                       milliseconds, the most severe rules first (default 0: none)\n"
	      "  --reply-delay MS     pause between the pieces of a streamed assistant reply (default 60)\n"
	      "  --kibana VERSION     behave as Kibana 8.19 or 9.2 (default 9.2): 9.2 sends a case without its\n"
	      "                       comments, and reads newer risk engine settings\n"
	      "  --fault SPEC         misbehave on purpose; repeatable. SPEC is one of\n"
	      "                         latency=MS  status=CODE  truncate  html-error  huge\n"
	      "                         hostile-strings  nested  dupkeys  oddrows\n"
	      "                         retry-after=S (every other answer 429)  busy=S (503)\n"
	      "                         repeat-page  endless-pages  partial-bulk  unsigned-long\n"
	      "                       with @/path/prefix to limit it (e.g. status=503@/api/cases/_find)\n"
	      "  --quiet              no request log\n"
	      "  --help               this text\n",
	      f);
}

static bool parse_count(const char *s, unsigned max, unsigned *out)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (!*s || *end || *s == '-' || v > max)
		return false;
	*out = (unsigned)v;
	return true;
}

/* "HOST:PORT", "[V6]:PORT", ":PORT" or "PORT", with a port from 0 to 65535. */
static bool listen_ok(const char *s)
{
	const char *port = strrchr(s, ':');
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return false;
		port = close + 1;
	}
	port = port ? port + 1 : s;
	char *end;
	unsigned long v = strtoul(port, &end, 10);
	return *port && !*end && v <= 65535;
}

static int parse_args(struct demo_options *o, int argc, char **argv)
{
	enum { O_LISTEN = 256, O_SEED, O_CASES, O_ALERTS, O_CONV, O_ENDPOINTS, O_ACTIONS, O_KEY, O_DELAY, O_FAULT,
	       O_QUIET, O_HELP, O_LIVE, O_REPLY, O_KIBANA };
	static const struct option opts[] = {
		{"listen", required_argument, NULL, O_LISTEN}, {"seed", required_argument, NULL, O_SEED},
		{"cases", required_argument, NULL, O_CASES}, {"alerts", required_argument, NULL, O_ALERTS},
		{"conversations", required_argument, NULL, O_CONV}, {"endpoints", required_argument, NULL, O_ENDPOINTS},
		{"actions", required_argument, NULL, O_ACTIONS}, {"api-key", required_argument, NULL, O_KEY},
		{"action-delay", required_argument, NULL, O_DELAY}, {"fault", required_argument, NULL, O_FAULT},
		{"quiet", no_argument, NULL, O_QUIET}, {"help", no_argument, NULL, O_HELP},
		{"live-alerts", required_argument, NULL, O_LIVE}, {"reply-delay", required_argument, NULL, O_REPLY},
		{"kibana", required_argument, NULL, O_KIBANA}, {NULL, 0, NULL, 0},
	};
	optind = 1;
	opterr = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		char *err = NULL;
		bool ok = true;
		switch (ch) {
		case O_LISTEN:
			free(o->listen);
			o->listen = xstrdup(optarg);
			ok = listen_ok(optarg);
			break;
		case O_SEED: {
			char *end;
			o->seed = strtoull(optarg, &end, 0);
			ok = *optarg && !*end && *optarg != '-';
			break;
		}
		case O_CASES: ok = parse_count(optarg, 100000, &o->cases); break;
		case O_ALERTS: ok = parse_count(optarg, 10000000, &o->alerts); break;
		case O_CONV: ok = parse_count(optarg, 100000, &o->conversations); break;
		case O_ENDPOINTS: ok = parse_count(optarg, 60000, &o->endpoints); break;
		case O_ACTIONS: ok = parse_count(optarg, 1000000, &o->actions); break;
		case O_DELAY: ok = parse_count(optarg, 3600000, &o->action_delay_ms); break;
		case O_LIVE: ok = parse_count(optarg, 86400000, &o->live_alert_ms); break;
		case O_REPLY: ok = parse_count(optarg, 60000, &o->reply_delay_ms); break;
		case O_KEY: {
			struct strbuf warn;
			strbuf_init(&warn);
			char *key = NULL;
			if (config_read_secret(optarg, &key, &warn, &err) != 0 || !key || !*key) {
				fprintf(stderr, "ktriage serve-demo: %s\n", err ? err : "the API key file is empty");
				free(err);
				xfree_secret(key);
				strbuf_free(&warn);
				return 2;
			}
			fputs(warn.buf, stderr);
			strbuf_free(&warn);
			xfree_secret(o->api_key);
			o->api_key = key;
			break;
		}
		case O_FAULT:
			if (demo_options_add_fault(o, optarg, &err) != 0) {
				fprintf(stderr, "ktriage serve-demo: %s\n", err);
				free(err);
				return 2;
			}
			break;
		case O_KIBANA:
			if (demo_options_set_kibana(o, optarg, &err) != 0) {
				fprintf(stderr, "ktriage serve-demo: %s\n", err);
				free(err);
				return 2;
			}
			break;
		case O_QUIET: o->quiet = true; break;
		case O_HELP: usage(stdout); return 0;
		default:
			fprintf(stderr, "ktriage serve-demo: unknown or incomplete option '%s'\n", argv[optind - 1]);
			usage(stderr);
			return 2;
		}
		if (!ok) {
			fprintf(stderr, "ktriage serve-demo: bad value '%s' for --%s\n", optarg, opts[ch - O_LISTEN].name);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ktriage serve-demo: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	return -1;
}

int demo_main(int argc, char **argv)
{
	/* Block the stop signals first, in every thread to come; this one collects them with sigwait. */
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	struct demo_options o;
	demo_options_init(&o);
	int rc = parse_args(&o, argc, argv);
	if (rc >= 0) {
		demo_options_free(&o);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return rc;
	}
	signal(SIGPIPE, SIG_IGN);
	char *err = NULL;
	struct demo_server *s = demo_start(&o, &err);
	if (!s) {
		fprintf(stderr, "ktriage serve-demo: %s\n", err);
		free(err);
		demo_options_free(&o);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return 1;
	}
	printf("%s\n", demo_url(s));
	fflush(stdout);
	int sig = 0;
	while (sigwait(&set, &sig) != 0)
		;
	if (!o.quiet)
		fprintf(stderr, "ktriage serve-demo: stopping on signal %d\n", sig);
	demo_stop(s);
	demo_options_free(&o);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return 0;
}
