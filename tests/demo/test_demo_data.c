/* The demo data generator: reproducible from the seed, the requested sizes, consistent totals, 100k alerts. */
#include "config.h"
#include "ktest.h"
#include "demo/demo.h"
#include "demo/demo_alerts.h"
#include "demo/demo_case.h"
#include "demo/demo_data.h"
#include "demo/demo_names.h"
#include "demo/demo_spaces.h"
#include "demo/demo_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct demo_data *make(uint64_t seed, unsigned alerts, int64_t now)
{
	struct demo_options o;
	demo_options_init(&o);
	o.seed = seed;
	o.alerts = alerts;
	struct demo_data *d = demo_data_new(&o, now);
	demo_options_free(&o);
	return d;
}

/* A fingerprint of everything that must not depend on the clock. */
static char *fingerprint(struct demo_data *d)
{
	json_t *fp = json_array();
	size_t i;
	json_t *c;
	json_array_foreach(d->cases, i, c) {
		json_array_append_new(fp, json_pack("[O, O, O, O]", json_object_get(c, "id"), json_object_get(c, "title"),
						    json_object_get(c, "version"), json_object_get(c, "status")));
	}
	for (size_t k = 0; k < d->nalerts; k += 97) {
		char id[65];
		demo_alert_id(&d->alerts[k], id);
		json_array_append_new(fp, json_pack("[s, i, i]", id, d->alerts[k].rule, d->alerts[k].host));
	}
	json_array_foreach(d->conversations, i, c) {
		json_array_append_new(fp, json_pack("[O, O]", json_object_get(c, "id"), json_object_get(c, "title")));
	}
	json_array_foreach(d->actions, i, c) {
		json_array_append_new(fp, json_pack("[O, O, O]", json_object_get(c, "id"), json_object_get(c, "command"),
						    json_object_get(c, "status")));
	}
	for (size_t k = 0; k < d->nhosts; k++)
		json_array_append_new(fp, json_pack("[s, s]", d->hosts[k].hostname, d->hosts[k].agent_id));
	char *s = json_dumps(fp, JSON_COMPACT);
	json_decref(fp);
	return s;
}

static void test_same_seed_same_data(void **state)
{
	struct demo_data *a = make(42, 3000, 1700000000000LL), *b = make(42, 3000, 1800000000000LL);
	char *fa = fingerprint(a), *fb = fingerprint(b);
	assert_string_equal(fa, fb);
	/* Times move with "now" but keep their distance to it. */
	assert_int_equal(a->now_ms - a->alerts[5].ts_ms, b->now_ms - b->alerts[5].ts_ms);
	struct demo_data *c = make(43, 3000, 1700000000000LL);
	char *fc = fingerprint(c);
	assert_string_not_equal(fa, fc);
	free(fa);
	free(fb);
	free(fc);
	demo_data_free(a);
	demo_data_free(b);
	demo_data_free(c);
}

static void test_sizes_follow_options(void **state)
{
	struct demo_options o;
	demo_options_init(&o);
	assert_int_equal(o.cases, 60);
	assert_int_equal(o.alerts, 2000);
	assert_int_equal(o.conversations, 40);
	assert_int_equal(o.endpoints, 12);
	assert_int_equal(o.actions, 30);
	o.cases = 7;
	o.alerts = 123;
	o.conversations = 3;
	o.endpoints = 5;
	o.actions = 9;
	struct demo_data *d = demo_data_new(&o, demo_now_ms());
	/* The cases asked for live in the default space; a few more live in the second one. */
	assert_int_equal(json_array_size(d->cases), 7 + DEMO_SPACE_CASES);
	size_t in_default = 0, i;
	json_t *c;
	json_array_foreach(d->cases, i, c) {
		in_default += demo_case_in_space(c, "default");
	}
	assert_int_equal(in_default, 7);
	assert_int_equal(d->nalerts, 123);
	assert_int_equal(json_array_size(d->conversations), 3);
	assert_int_equal(d->nendpoints, 5);
	assert_true(d->nhosts > d->nendpoints);
	assert_int_equal(json_array_size(d->actions), 9);
	demo_data_free(d);
	o.cases = o.alerts = o.conversations = o.endpoints = o.actions = 0;
	d = demo_data_new(&o, demo_now_ms());
	assert_int_equal(json_array_size(d->cases), 0);
	assert_int_equal(d->nalerts, 0);
	assert_int_equal(json_array_size(d->actions), 0);
	demo_data_free(d);
	demo_options_free(&o);
}

static void test_case_totals_match_comments(void **state)
{
	struct demo_data *d = make(5, 2000, demo_now_ms());
	size_t i, pushed = 0, with_alerts = 0;
	json_t *c;
	json_array_foreach(d->cases, i, c) {
		json_t *r = demo_case_render(d, c, DEMO_CASE_ALL_COMMENTS);
		size_t users = 0, alerts = 0, k;
		json_t *cm;
		json_array_foreach(json_object_get(r, "comments"), k, cm) {
			if (strcmp(demo_jstr(cm, "type"), "user") == 0)
				users++;
			else
				alerts += json_array_size(json_object_get(cm, "alertId"));
			json_t *ids;
			size_t j;
			json_array_foreach(json_object_get(cm, "alertId"), j, ids) {
				assert_true(demo_alert_find(d, json_string_value(ids)) >= 0);
			}
		}
		assert_int_equal(json_integer_value(json_object_get(r, "totalComment")), users);
		assert_int_equal(json_integer_value(json_object_get(r, "totalAlerts")), alerts);
		pushed += json_is_object(json_object_get(r, "external_service"));
		with_alerts += alerts > 0;
		/* Closed cases carry who and when; open ones carry nulls. */
		bool closed = strcmp(demo_jstr(r, "status"), "closed") == 0;
		assert_true(closed == json_is_string(json_object_get(r, "closed_at")));
		assert_true(closed == json_is_integer(json_object_get(r, "duration")));
		json_decref(r);
	}
	assert_true(pushed > 0);
	assert_true(with_alerts > 0);
	demo_data_free(d);
}

static void test_alerts_point_at_real_hosts_and_processes(void **state)
{
	struct demo_data *d = make(9, 5000, demo_now_ms());
	for (size_t i = 0; i < d->nalerts; i++) {
		const struct demo_alert *a = &d->alerts[i];
		assert_true(a->host < d->nhosts);
		const struct demo_host *h = &d->hosts[a->host];
		assert_true(a->proc < h->nprocs);
		assert_int_equal(a->pid, h->procs[a->proc].pid);
		assert_true(a->ts_ms < d->now_ms && a->ts_ms > d->now_ms - 31 * 86400000LL);
		char id[65];
		demo_alert_id(a, id);
		assert_int_equal(demo_alert_find(d, id), (long)i);
	}
	demo_data_free(d);
}

static void test_live_alerts_arrive_over_time(void **state)
{
	int64_t now = demo_now_ms();
	struct demo_data *d = make(9, 300, now);
	d->live_alert_ms = 1000;
	/* The first look starts the clock; nothing is due before the first interval has passed. */
	demo_alerts_live(d, now);
	assert_int_equal(d->nalerts, 300);
	demo_alerts_live(d, now + 999);
	assert_int_equal(d->nalerts, 300);
	demo_alerts_live(d, now + 3500);
	assert_int_equal(d->nalerts, 303);
	/* Asking again at the same time adds nothing; later, only what became due. */
	demo_alerts_live(d, now + 3900);
	assert_int_equal(d->nalerts, 303);
	demo_alerts_live(d, now + 4000);
	assert_int_equal(d->nalerts, 304);
	for (size_t k = 300; k < 304; k++) {
		const struct demo_alert *a = &d->alerts[k];
		/* Newer than every generated alert, one interval apart, open, findable by id. */
		assert_int_equal(a->ts_ms, now + (int64_t)(k - 299) * 1000);
		assert_int_equal(a->status, 0);
		assert_true(a->host < d->nhosts);
		char id[65];
		demo_alert_id(a, id);
		assert_int_equal(demo_alert_find(d, id), (long)k);
	}
	/* The first to arrive is the riskiest rule its host's OS has. */
	int first_risk = demo_rules[d->alerts[300].rule].risk;
	for (size_t i = 0; i < demo_n_rules; i++)
		if (demo_rules[i].os & d->hosts[d->alerts[300].host].os)
			assert_true(demo_rules[i].risk <= first_risk);
	for (size_t i = 0; i < 300; i++) {
		char id[65];
		demo_alert_id(&d->alerts[i], id);
		assert_int_equal(demo_alert_find(d, id), (long)i);
	}
	demo_data_free(d);
}

static void test_hundred_thousand_alerts(void **state)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct demo_data *d = make(1, 100000, demo_now_ms());
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(d->nalerts, 100000);
	/* A figure for the report, not an assertion: timings on shared machines are noise. */
	printf("# generated 100,000 alerts (and the rest of the data) in %.1f ms\n",
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	char id[65];
	demo_alert_id(&d->alerts[99999], id);
	assert_int_equal(demo_alert_find(d, id), 99999);
	demo_data_free(d);
}

static void test_versions_look_like_kibana(void **state)
{
	char *v = demo_so_version(1768, 3);
	assert_string_equal(v, "WzE3NjgsM10=");
	free(v);
}

static void test_hostile_strings_reach_text_fields(void **state)
{
	struct demo_options o;
	demo_options_init(&o);
	char *err = NULL;
	assert_int_equal(demo_options_add_fault(&o, "hostile-strings", &err), 0);
	o.alerts = 10;
	struct demo_data *d = demo_data_new(&o, demo_now_ms());
	const char *title = demo_jstr(json_array_get(d->cases, 0), "title");
	assert_non_null(strstr(title, "\x1b["));
	assert_non_null(strstr(title, "\x1b]52;c;"));
	assert_non_null(strstr(title, "\xc2\x9b"));
	assert_non_null(strstr(title, "\xe2\x80\xae"));
	assert_non_null(strstr(d->hosts[0].hostname, "\r"));
	char buf[DEMO_AFIELD_BUF];
	assert_non_null(strstr(demo_alert_str(d, &d->alerts[0], DEMO_AF_RULE_NAME, buf), "\x1b["));
	demo_data_free(d);
	demo_options_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_seed_same_data),
		cmocka_unit_test(test_sizes_follow_options),
		cmocka_unit_test(test_case_totals_match_comments),
		cmocka_unit_test(test_alerts_point_at_real_hosts_and_processes),
		cmocka_unit_test(test_live_alerts_arrive_over_time),
		cmocka_unit_test(test_hundred_thousand_alerts),
		cmocka_unit_test(test_versions_look_like_kibana),
		cmocka_unit_test(test_hostile_strings_reach_text_fields),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
