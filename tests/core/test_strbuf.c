/* The growable string and the allocation helpers everything else is built on. */
#include "config.h"
#include "ktest.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_grow_and_terminate(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	assert_string_equal(sb.buf, "");
	for (int i = 0; i < 10000; i++)
		strbuf_putc(&sb, (char)('a' + i % 26));
	assert_int_equal(sb.len, 10000);
	assert_int_equal(sb.buf[10000], '\0');
	assert_true(sb.cap > sb.len);
	strbuf_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_add(&sb, "a\0b", 3);
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4);
	strbuf_free(&sb);
	assert_null(sb.buf);
}

static void test_printf(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s=%d", "n", 42);
	strbuf_printf(&sb, "%s", "");
	strbuf_printf(&sb, "|%0300d|", 7);
	assert_int_equal(sb.len, 4 + 302);
	assert_int_equal(strncmp(sb.buf, "n=42|000", 8), 0);
	assert_int_equal(sb.buf[sb.len - 1], '|');
	size_t len = 0;
	char *s = strbuf_detach(&sb, &len);
	assert_int_equal(len, 306);
	assert_int_equal(strlen(s), 306);
	/* The buffer is usable again after detaching. */
	assert_string_equal(sb.buf, "");
	strbuf_puts(&sb, "again");
	assert_string_equal(sb.buf, "again");
	free(s);
	strbuf_free(&sb);
}

/* Detaching hands over the only allocation: a local buffer can be dropped without strbuf_free. */
static void test_detach_owns_nothing_after(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "one");
	char *a = strbuf_detach(&sb, NULL);
	assert_string_equal(a, "one");
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	size_t len = 99;
	char *b = strbuf_detach(&sb, &len);
	assert_string_equal(b, "");
	assert_int_equal(len, 0);
	assert_ptr_not_equal(a, b);
	strbuf_reset(&sb);
	strbuf_printf(&sb, "%s", "two");
	char *c = strbuf_detach(&sb, NULL);
	assert_string_equal(c, "two");
	free(a);
	free(b);
	free(c);
	/* Freeing a detached buffer is fine too, and so is using it again after that. */
	strbuf_free(&sb);
	strbuf_putc(&sb, 'x');
	assert_string_equal(sb.buf, "x");
	strbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_terminate),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_detach_owns_nothing_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
