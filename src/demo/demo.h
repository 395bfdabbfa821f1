/* The embedded demo Kibana: a real HTTP server on loopback speaking Kibana's API. */
#ifndef KT_DEMO_H
#define KT_DEMO_H
#include <stdbool.h>
#include <stdint.h>

struct demo_server;
struct demo_fault;

/* What to serve and how; fill with demo_options_init, then adjust. */
struct demo_options {
	char *listen;              /* "127.0.0.1:0" (port 0: ephemeral) */
	uint64_t seed;             /* same seed, same data */
	unsigned cases, alerts, conversations, endpoints, actions;
	char *api_key;             /* when set, every request must carry "Authorization: ApiKey <this>" */
	unsigned action_delay_ms;  /* how long a new response action stays pending */
	unsigned live_alert_ms;    /* a new alert arrives this often (0: never) */
	unsigned reply_delay_ms;   /* pause between the pieces of a streamed assistant reply */
	struct demo_fault *faults; /* fault switches, off unless added */
	unsigned n_faults;
	bool quiet;                /* no request log on stderr */
	unsigned kibana_major;     /* which Kibana's behaviour to follow: 8.19 or 9.2 (the default, the newest) */
	unsigned kibana_minor;
};

/* What the server has been doing, counted as it serves. */
struct demo_stats {
	unsigned connections;                 /* TCP connections accepted */
	unsigned sleeping, sleeping_peak;     /* requests in a latency fault's wait now, and the most at once */
	unsigned handling, handling_peak;     /* requests in a route handler now, and the most at once */
};

/* Defaults: loopback, seed 1, a realistic amount of data, no faults, no auth check. */
void demo_options_init(struct demo_options *o);
/* Add a fault switch from its text form ("latency=2000", "status=503@/api/cases/_find", ...); 0 or -1 with *err. */
int demo_options_add_fault(struct demo_options *o, const char *spec, char **err);
/* Follow Kibana "8.19" or "9.2" (demo_kibana.h lists what differs); 0, or -1 with *err. */
int demo_options_set_kibana(struct demo_options *o, const char *version, char **err);
/* Free what demo_options_init and demo_options_add_fault allocated. */
void demo_options_free(struct demo_options *o);
/* Generate the data and start serving on background threads; NULL with *err on failure. */
struct demo_server *demo_start(const struct demo_options *o, char **err);
/* The base URL the server listens on, e.g. "http://127.0.0.1:41234". */
const char *demo_url(const struct demo_server *s);
/* A snapshot of the server's counters. */
void demo_get_stats(struct demo_server *s, struct demo_stats *out);
/* Stop serving and free everything. */
void demo_stop(struct demo_server *s);
/* `ktriage serve-demo [options]`: argv[0] is "serve-demo"; runs until SIGINT/SIGTERM; returns the exit code. */
int demo_main(int argc, char **argv);

#endif
