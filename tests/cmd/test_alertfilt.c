/* The `alerts` command's filters, as the pane and the command take them. */
#include "config.h"
#include "ktest.h"
#include "api/alerts_req.h"
#include "cmd/alertfilt.h"
#include "cmd/parse.h"
#include "cmd/registry.h"
#include <stdlib.h>
#include <string.h>

/* The `alerts` command's filters, as the pane and the command take them. */
static void test_alert_filters_from_args(void **state)
{
	(void)state;
	int used;
	char *w[] = {(char *)"alerts"};
	const struct cmd_def *def = cmd_lookup(1, w, &used);
	assert_non_null(def);
	char *argv[] = {(char *)"--since", (char *)"24h", (char *)"--status", (char *)"open", (char *)"--status",
			(char *)"closed", (char *)"--host", (char *)"web-1"};
	struct cmd_parsed parsed;
	char *err = NULL;
	assert_int_equal(cmd_parse_args(def, 8, argv, &parsed, &err), 0);
	struct alertfilt f;
	assert_int_equal(alertfilt_from_values(&f, def, parsed.values, &err), 0);
	assert_int_equal(f.n_statuses, 2);
	assert_string_equal(f.host, "web-1");
	alertfilt_clear(&f);
	cmd_parse_free(def, parsed.values);

	char *both[] = {(char *)"--since", (char *)"1d", (char *)"--from", (char *)"now-2d"};
	assert_int_equal(cmd_parse_args(def, 4, both, &parsed, &err), 0);
	assert_int_equal(alertfilt_from_values(&f, def, parsed.values, &err), -1);
	assert_non_null(strstr(err, "either --since or --from"));
	free(err);
	cmd_parse_free(def, parsed.values);

	char *badsev[] = {(char *)"--severity", (char *)"urgent"};
	assert_int_equal(cmd_parse_args(def, 2, badsev, &parsed, &err), -1);
	assert_non_null(strstr(err, "severity must be one of low, medium, high, critical"));
	free(err);
	cmd_parse_free(def, parsed.values);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alert_filters_from_args),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
