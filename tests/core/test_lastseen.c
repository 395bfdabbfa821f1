/* The "since I last looked" markers: kept per profile, space and list, replaced in place, read back safely. */
#include "config.h"
#include "ktest.h"
#include "core/lastseen.h"
#include "core/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/ktriage-lastseen-XXXXXX";

static char *path_in(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void test_set_and_get(void **state)
{
	(void)state;
	char *path = path_in("state/ktriage/last-seen"), *err = NULL;
	assert_null(lastseen_get(path, "prod", "soc", "alerts"));
	assert_int_equal(lastseen_set(path, "prod", "soc", "alerts", "2024-05-02T09:00:00.123Z", &err), 0);
	assert_int_equal(lastseen_set(path, "prod", NULL, "alerts", "2024-05-01T00:00:00Z", &err), 0);
	assert_int_equal(lastseen_set(path, "lab", "soc", "alerts", "2024-04-01T00:00:00Z", &err), 0);
	assert_int_equal(lastseen_set(path, "prod", "soc", "cases", "2024-03-01T00:00:00Z", &err), 0);
	/* Replaced, not added: the file keeps one line per marker. */
	assert_int_equal(lastseen_set(path, "prod", "soc", "alerts", "2024-05-03T10:00:00Z", &err), 0);
	char *t = lastseen_get(path, "prod", "soc", "alerts");
	assert_string_equal(t, "2024-05-03T10:00:00Z");
	free(t);
	/* No space and the default space are the same place. */
	t = lastseen_get(path, "prod", "default", "alerts");
	assert_string_equal(t, "2024-05-01T00:00:00Z");
	free(t);
	t = lastseen_get(path, "lab", "soc", "alerts");
	assert_string_equal(t, "2024-04-01T00:00:00Z");
	free(t);
	t = lastseen_get(path, "prod", "soc", "cases");
	assert_string_equal(t, "2024-03-01T00:00:00Z");
	free(t);
	FILE *f = fopen(path, "r");
	int lines = 0, c;
	while ((c = fgetc(f)) != EOF)
		lines += c == '\n';
	fclose(f);
	assert_int_equal(lines, 4);
	/* Private: only the user reads what they looked at. */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	free(path);
}

static void test_names_cannot_forge_lines(void **state)
{
	(void)state;
	char *path = path_in("forge"), *err = NULL;
	/* A tab or a line break in a name would make another key: they are kept as spaces. */
	assert_int_equal(lastseen_set(path, "a\tb", "x\ny", "alerts", "2024-05-02T09:00:00Z", &err), 0);
	assert_null(lastseen_get(path, "a", "b", "alerts"));
	char *t = lastseen_get(path, "a b", "x y", "alerts");
	assert_string_equal(t, "2024-05-02T09:00:00Z");
	free(t);
	/* Only times are kept, and only times are read back. */
	assert_int_equal(lastseen_set(path, "p", "s", "alerts", "tomorrow", &err), -1);
	assert_non_null(strstr(err, "tomorrow"));
	free(err);
	FILE *f = fopen(path, "a");
	fputs("p\ts\tcases\tnot a time\n", f);
	fclose(f);
	assert_null(lastseen_get(path, "p", "s", "cases"));
	free(path);
}

static void test_unwritable(void **state)
{
	(void)state;
	char *file = path_in("plainfile"), *err = NULL;
	FILE *f = fopen(file, "w");
	fclose(f);
	/* A file where the directory should be. */
	char *path = xasprintf("%s/ktriage/last-seen", file);
	assert_int_equal(lastseen_set(path, "p", "s", "alerts", "2024-05-02T09:00:00Z", &err), -1);
	assert_non_null(err);
	free(err);
	free(path);
	free(file);
}

static void test_default_path(void **state)
{
	(void)state;
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *p = lastseen_path();
	assert_string_equal(p, "/x/state/ktriage/last-seen");
	free(p);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/ann", 1);
	p = lastseen_path();
	assert_string_equal(p, "/home/ann/.local/state/ktriage/last-seen");
	free(p);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 99;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_and_get),
		cmocka_unit_test(test_names_cannot_forge_lines),
		cmocka_unit_test(test_unwritable),
		cmocka_unit_test(test_default_path),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	static const char *const made[] = {"state/ktriage/last-seen", "state/ktriage", "state", "forge", "plainfile", NULL};
	for (size_t i = 0; made[i]; i++) {
		char *p = path_in(made[i]);
		remove(p);
		free(p);
	}
	rmdir(dir);
	return rc;
}
