/* The password-protected zips the demo serves: the CRC, the layout, and decryption with the right password only. */
#include "config.h"
#include "demo_testutil.h"
#include "demo/demo_zip.h"
#include <stdlib.h>
#include <string.h>

static void test_crc32_check_value(void **state)
{
	assert_int_equal(demo_zip_crc32("123456789", 9), 0xcbf43926u);
	assert_int_equal(demo_zip_crc32("", 0), 0);
}

static void test_zip_opens_with_its_password(void **state)
{
	const char bin[] = {'M', 'Z', 0, (char)0x90, (char)0xff, '\n'};
	struct demo_zip_entry e[] = {{"odu.exe", bin, sizeof(bin)}, {"notes.txt", "hello\n", 6}, {"empty", "", 0}};
	size_t len;
	unsigned char *zip = demo_zip(e, 3, "elastic", 42, &len);
	/* A local header first, the end-of-central-directory record last, with three entries. */
	assert_memory_equal(zip, "PK\3\4", 4);
	assert_memory_equal(zip + len - 22, "PK\5\6", 4);
	assert_int_equal(zip[len - 22 + 10], 3);
	/* Encrypted: the file's bytes are not there in the clear. */
	assert_null(memmem(zip, len, "hello", 5));
	size_t n;
	char *out = dt_unzip(zip, len, "elastic", "odu.exe", &n);
	assert_non_null(out);
	assert_int_equal(n, sizeof(bin));
	assert_memory_equal(out, bin, sizeof(bin));
	free(out);
	out = dt_unzip(zip, len, "elastic", "notes.txt", &n);
	assert_non_null(out);
	assert_string_equal(out, "hello\n");
	free(out);
	out = dt_unzip(zip, len, "elastic", "empty", &n);
	assert_non_null(out);
	assert_int_equal(n, 0);
	free(out);
	assert_null(dt_unzip(zip, len, "Elastic@123", "notes.txt", &n));
	assert_null(dt_unzip(zip, len, "elastic", "missing", &n));
	/* The salt changes the encryption header, not what comes out. */
	size_t len2;
	unsigned char *zip2 = demo_zip(e, 3, "elastic", 43, &len2);
	assert_int_equal(len, len2);
	assert_memory_not_equal(zip, zip2, len);
	free(zip2);
	free(zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc32_check_value),
		cmocka_unit_test(test_zip_opens_with_its_password),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
