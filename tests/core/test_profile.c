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

/* A credential reaches the wire only as one valid header value: a CR, LF or other control byte is refused. */
static void test_credentials_one_header_value(void **state)
{
	static const char *const bad[] = {"abc\r\nX-Injected: yes", "abc\n", "a\x01b", "tab\there", "del\x7f"};
	char **fields[3];
	struct profile p;
	profile_init(&p);
	profile_set(&p.url, "https://kb.example");
	fields[0] = &p.api_key;
	fields[1] = &p.username;
	fields[2] = &p.password;
	for (size_t f = 0; f < 3; f++) {
		for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
			profile_set_secret(fields[f], bad[i]);
			char *why = NULL;
			if (profile_usable(&p, &why))
				fail_msg("field %zu: \"%s\" accepted", f, bad[i]);
			assert_non_null(strstr(why, "control character"));
			assert_non_null(strstr(why, "was not sent"));
			/* The secret itself is never repeated. */
			assert_null(strstr(why, "abc"));
			assert_null(strstr(why, "Injected"));
			free(why);
		}
		profile_set_secret(fields[f], "fine-value==");
	}
	char *why = NULL;
	assert_true(profile_usable(&p, &why));
	profile_free(&p);
}

/* Schemes match whatever their case; credentials in the URL are refused before anything prints it. */
static void test_url_scheme_and_credentials(void **state)
{
	struct profile p;
	profile_init(&p);
	char *why = NULL;
	profile_set(&p.url, "HTTPS://kb.example:5601");
	assert_true(profile_usable(&p, &why));
	profile_set(&p.url, "Http://kb.example");
	assert_true(profile_usable(&p, &why));
	static const char *const with_creds[] = {"HTTP://user:pw-SECRET@host", "http://user:pw-SECRET@host/x",
						 "ftp://user:pw-SECRET@host", "user:pw-SECRET@host"};
	for (size_t i = 0; i < sizeof(with_creds) / sizeof(*with_creds); i++) {
		profile_set(&p.url, with_creds[i]);
		assert_false(profile_usable(&p, &why));
		assert_non_null(strstr(why, "holds credentials"));
		assert_null(strstr(why, "SECRET"));
		free(why);
	}
	/* A bad URL is echoed made safe for the terminal. */
	profile_set(&p.url, "ftp://h\x1b]0;pwned\x07");
	assert_false(profile_usable(&p, &why));
	assert_null(strchr(why, '\x1b'));
	assert_null(strchr(why, '\x07'));
	free(why);
	profile_free(&p);
}

static void test_display_url(void **state)
{
	char *u = profile_display_url("HTTPS://me:pw@kb.example:5601/base?x=a@b");
	assert_string_equal(u, "HTTPS://kb.example:5601/base?x=a@b");
	free(u);
	u = profile_display_url("https://kb.example/\x1b[2J");
	assert_string_equal(u, "https://kb.example/\xe2\x90\x9b[2J");
	free(u);
	u = profile_display_url(NULL);
	assert_string_equal(u, "");
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_helpers),
		cmocka_unit_test(test_space_prefix),
		cmocka_unit_test(test_credentials_one_header_value),
		cmocka_unit_test(test_url_scheme_and_credentials),
		cmocka_unit_test(test_display_url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
