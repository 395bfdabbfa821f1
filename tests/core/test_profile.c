/* Profiles: what makes one usable, copies that own their secrets, and the space prefix of its URLs. */
#include "config.h"
#include "ktest.h"
#include "core/profile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_profile_helpers(void **state)
{
	struct profile a, b;
	profile_init(&a);
	char *why = NULL;
	assert_false(profile_usable(&a, &why));
	assert_non_null(strstr(why, "no Kibana URL"));
	free(why);
	profile_set(&a.url, "ftp://x");
	assert_false(profile_usable(&a, &why));
	assert_non_null(strstr(why, "http://"));
	free(why);
	profile_set(&a.url, "https://x");
	assert_true(profile_usable(&a, &why));
	profile_set_secret(&a.api_key, "K");
	profile_copy(&b, &a);
	assert_string_equal(b.api_key, "K");
	assert_ptr_not_equal(b.api_key, a.api_key);
	profile_free(&a);
	assert_string_equal(b.url, "https://x");
	profile_free(&b);
}

static void test_space_prefix(void **state)
{
	struct profile p;
	profile_init(&p);
	char *s = profile_space_prefix(&p);
	assert_string_equal(s, "");
	free(s);
	profile_set(&p.space, "default");
	s = profile_space_prefix(&p);
	assert_string_equal(s, "");
	free(s);
	profile_set(&p.space, "");
	s = profile_space_prefix(&p);
	assert_string_equal(s, "");
	free(s);
	profile_set(&p.space, "soc team");
	s = profile_space_prefix(&p);
	assert_string_equal(s, "/s/soc%20team");
	free(s);
	profile_set(&p.space, "..");
	s = profile_space_prefix(&p);
	assert_string_equal(s, "/s/%2E%2E");
	free(s);
	profile_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_helpers),
		cmocka_unit_test(test_space_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
