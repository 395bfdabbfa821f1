/* Theme files: parsing with messages that name the line, and the shipped themes setting every role. */
#include "config.h"
#include "ktest.h"
#include "ui/theme.h"
#include "core/xalloc.h"
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_theme_parse(void **state)
{
	(void)state;
	struct theme t;
	char *err = NULL;
	theme_builtin(&t);
	assert_int_equal(theme_parse(&t, "# comment\ncolor selected black color153 bold\n", "x.theme", &err), 0);
	assert_int_equal(t.fg[ROLE_SELECTED], 0);
	assert_int_equal(t.bg[ROLE_SELECTED], 153);
	assert_int_equal(theme_parse(&t, "color nosuchrole red blue\n", "x.theme", &err), -1);
	assert_non_null(strstr(err, "x.theme:1"));
	assert_non_null(strstr(err, "nosuchrole"));
	free(err);
	err = NULL;
	assert_int_equal(theme_parse(&t, "\ncolor header red color999\n", "y.theme", &err), -1);
	assert_non_null(strstr(err, "y.theme:2"));
	free(err);
	err = NULL;
	assert_int_equal(theme_load(&t, "../etc/passwd", &err), -1);
	free(err);
}

static void test_shipped_themes_load(void **state)
{
	(void)state;
	const char *names[] = {"default", "light", "high-contrast", NULL};
	setenv("KTRIAGE_THEMES", KT_SRCDIR "/themes", 1);
	for (int i = 0; names[i]; i++) {
		struct theme t;
		char *err = NULL;
		assert_int_equal(theme_load(&t, names[i], &err), 0);
		for (int r = 0; r < ROLE_COUNT; r++)
			assert_true(t.set[r]);
	}
	/* The light theme paints its own background everywhere: dark text never lands on a dark terminal's black. */
	struct theme light;
	char *lerr = NULL;
	assert_int_equal(theme_load(&light, "light", &lerr), 0);
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_int_not_equal(light.bg[r], -1);
	struct theme t;
	char *err = NULL;
	assert_int_equal(theme_load(&t, "no-such-theme", &err), -1);
	assert_non_null(strstr(err, "no-such-theme"));
	free(err);
}

/* A theme that is a FIFO or a device is refused, not opened (a FIFO would block forever: the alarm fails such a
 * hang). */
static void test_theme_fifo_and_device_refused(void **state)
{
	(void)state;
	char *dir = testutil_tmpdir();
	char *fifo = xasprintf("%s/fifo.theme", dir), *dev = xasprintf("%s/zero.theme", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink("/dev/zero", dev), 0);
	setenv("KTRIAGE_THEMES", dir, 1);
	struct theme t;
	char *err = NULL;
	alarm(30);
	assert_int_equal(theme_load(&t, "fifo", &err), -1);
	assert_non_null(strstr(err, "named pipe"));
	free(err);
	err = NULL;
	assert_int_equal(theme_load(&t, "zero", &err), -1);
	assert_non_null(strstr(err, "is a device"));
	free(err);
	alarm(0);
	unsetenv("KTRIAGE_THEMES");
	testutil_rmtree(dir);
	free(dir);
	free(fifo);
	free(dev);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_theme_parse),
		cmocka_unit_test(test_shipped_themes_load),
		cmocka_unit_test(test_theme_fifo_and_device_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
