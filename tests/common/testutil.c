#include "config.h"
#include "ktest.h"
#include "core/xalloc.h"
#include <ftw.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool testutil_is_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

bool testutil_utf8_locale(void)
{
	if (setlocale(LC_ALL, "") && testutil_is_utf8())
		return true;
	return setlocale(LC_ALL, "C.UTF-8") && testutil_is_utf8();
}

char *testutil_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

char *testutil_fixture_path(const char *module, const char *name)
{
	const char *src = getenv("KT_SRCDIR");
	return xasprintf("%s/tests/fixtures/%s/%s", src && *src ? src : KT_SRCDIR, module, name);
}

char *testutil_fixture(const char *module, const char *name, size_t *len)
{
	char *path = testutil_fixture_path(module, name);
	char *r = testutil_read_file(path, len);
	free(path);
	return r;
}

char *testutil_shared_dir(void)
{
	const char *s = getenv("KT_SHARED");
	struct stat st;
	if (s && *s && stat(s, &st) == 0 && S_ISDIR(st.st_mode))
		return xstrdup(s);
	return xstrdup("/work/shared");
}

char *testutil_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/kt-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmpl)) {
		free(tmpl);
		return NULL;
	}
	return tmpl;
}

static int testutil_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

void testutil_rmtree(const char *dir)
{
	if (dir)
		nftw(dir, testutil_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

bool testutil_write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	bool ok = fputs(text, f) >= 0;
	ok = fclose(f) == 0 && ok;
	return ok && chmod(path, mode) == 0;
}

size_t testutil_count(const char *haystack, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = haystack; (p = strstr(p, needle)); p += len)
		n++;
	return n;
}

size_t testutil_split_lines(char *text, char **lines, size_t max)
{
	size_t n = 0;
	for (char *p = text; *p && n < max;) {
		char *nl = strchr(p, '\n');
		assert_non_null(nl);
		*nl = '\0';
		lines[n++] = p;
		p = nl + 1;
	}
	return n;
}

void testutil_assert_has(const char *text, const char *needle)
{
	if (!text || !strstr(text, needle))
		fail_msg("\"%s\" does not contain \"%s\"", text ? text : "(null)", needle);
}
