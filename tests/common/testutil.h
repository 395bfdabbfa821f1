/* Helpers shared by the cmocka programs: locale, files, fixtures, temporary directories, checks on text. */
#ifndef KT_TESTUTIL_H
#define KT_TESTUTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Switch to a UTF-8 locale (the tests' LC_ALL, else C.UTF-8); false when none exists. */
bool testutil_utf8_locale(void);
/* The whole file, NUL-terminated (length in *len when len is set), or NULL. */
char *testutil_read_file(const char *path, size_t *len);
/* The path of tests/fixtures/<module>/<name> in the source tree (caller frees). */
char *testutil_fixture_path(const char *module, const char *name);
/* The text of tests/fixtures/<module>/<name> (length in *len when len is set), or NULL. */
char *testutil_fixture(const char *module, const char *name, size_t *len);
/* The shared/ directory: $KT_SHARED when it exists, else /work/shared; caller frees. */
char *testutil_shared_dir(void);
/* A new private temporary directory; caller frees the path (and removes it with testutil_rmtree). */
char *testutil_tmpdir(void);
/* Remove a directory tree made by a test. */
void testutil_rmtree(const char *dir);
/* Write a file with the given mode (exactly, umask aside); false on failure. */
bool testutil_write_file(const char *path, const char *text, mode_t mode);
/* text must contain needle (the test fails, showing both, when it does not or is NULL). */
void testutil_assert_has(const char *text, const char *needle);
/* Number of non-overlapping occurrences of needle in haystack. */
size_t testutil_count(const char *haystack, const char *needle);
/* Split rendered text into lines (modifies text; each line must end in a newline); returns the count. */
size_t testutil_split_lines(char *text, char **lines, size_t max);

#endif
