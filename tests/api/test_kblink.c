/* Links back to Kibana: the URL and space as Kibana's own code builds them, ids encoded, and no link from a URL
 * that is missing or holds anything but printable ASCII. */
#include "config.h"
#include "ktest.h"
#include "api/kblink.h"
#include "core/profile.h"
#include <stdlib.h>
#include <string.h>

static void check(char *got, const char *want)
{
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_default_space(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "https://kibana.example.com:5601/");
	check(kblink_case(&p, "4a5f"), "https://kibana.example.com:5601/app/security/cases/4a5f");
	check(kblink_alert(&p, "f3e", "2024-05-02T09:00:00.123Z"),
	      "https://kibana.example.com:5601/app/security/alerts/redirect/f3e?index=.alerts-security.alerts-default"
	      "&timestamp=2024-05-02T09%3A00%3A00.123Z");
	check(kblink_alert(&p, "f3e", NULL),
	      "https://kibana.example.com:5601/app/security/alerts/redirect/f3e?index=.alerts-security.alerts-default");
	check(kblink_host(&p, "ed51-8850"),
	      "https://kibana.example.com:5601/app/security/administration/endpoints?selected_endpoint=ed51-8850&show=details");
	check(kblink_conversation(&p, "c 1"), "https://kibana.example.com:5601/app/security/get_started?assistant=c%201");
	/* "default" named explicitly is the same as none. */
	profile_set(&p.space, "default");
	check(kblink_case(&p, "x"), "https://kibana.example.com:5601/app/security/cases/x");
	profile_free(&p);
}

static void test_space_and_base_path(void **state)
{
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "https://h.example/kibana");
	profile_set(&p.space, "soc-eu");
	check(kblink_case(&p, "a/b?c"), "https://h.example/kibana/s/soc-eu/app/security/cases/a%2Fb%3Fc");
	check(kblink_alert(&p, "f", "t"),
	      "https://h.example/kibana/s/soc-eu/app/security/alerts/redirect/f?index=.alerts-security.alerts-soc-eu&timestamp=t");
	/* Server ids can hold anything: escapes and bytes come out encoded, never raw. */
	check(kblink_case(&p, "\x1b]52;c;eA==\x07"), "https://h.example/kibana/s/soc-eu/app/security/cases/%1B%5D52%3Bc%3BeA%3D%3D%07");
	profile_free(&p);
}

static void test_no_link(void **state)
{
	struct profile p;
	profile_init(&p);
	check(kblink_case(&p, "x"), NULL);
	profile_set(&p.url, "https://h.example/a b");
	check(kblink_case(&p, "x"), NULL);
	profile_set(&p.url, "https://h.example/\x1b]");
	check(kblink_host(&p, "x"), NULL);
	profile_set(&p.url, "https://h.example");
	check(kblink_case(&p, ""), NULL);
	check(kblink_conversation(&p, NULL), NULL);
	profile_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_space),
		cmocka_unit_test(test_space_and_base_path),
		cmocka_unit_test(test_no_link),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
