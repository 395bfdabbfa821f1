/* The request table: names and keys read back, and the one rule every view moves by. */
#include "config.h"
#include "ktest.h"
#include "ui/action.h"
#include "ui/keys.h"
#include <string.h>

static void test_names_and_keys(void **state)
{
	for (int r = REQ_NONE + 1; r < REQ_COUNT; r++) {
		const struct action *a = action_get((enum action_req)r);
		assert_int_equal(a->req, r);
		assert_int_equal(action_by_name(a->name), r);
		/* Every default key of every request is a key name keys_parse reads. */
		assert_true(action_key(a->keys, 0) >= 0);
		for (size_t i = 0; action_key(a->keys, i) >= 0; i++)
			;
	}
	assert_int_equal(action_by_name("no-such-request"), REQ_NONE);
	const struct action *down = action_get(REQ_MOVE_DOWN);
	assert_int_equal(action_key(down->keys, 0), 'j');
	assert_int_equal(action_key(down->keys, 1), keys_parse("Down"));
	assert_int_equal(action_key(down->keys, 9), -1);
}

static void test_move_clamps(void **state)
{
	size_t pos = 0;
	assert_true(action_move(REQ_MOVE_UP, &pos, 10, 100));
	assert_int_equal(pos, 0);
	assert_true(action_move(REQ_HALF_DOWN, &pos, 10, 100));
	assert_int_equal(pos, 5);
	assert_true(action_move(REQ_PAGE_DOWN, &pos, 10, 100));
	assert_int_equal(pos, 15);
	assert_true(action_move(REQ_LAST, &pos, 10, 100));
	assert_int_equal(pos, 99);
	assert_true(action_move(REQ_MOVE_DOWN, &pos, 10, 100));
	assert_int_equal(pos, 99);
	assert_true(action_move(REQ_HALF_UP, &pos, 10, 100));
	assert_int_equal(pos, 94);
	assert_true(action_move(REQ_PAGE_UP, &pos, 100, 100));
	assert_int_equal(pos, 0);
	assert_true(action_move(REQ_LAST, &pos, 10, 0));
	assert_int_equal(pos, 0);
	/* A half page is at least one line. */
	assert_true(action_move(REQ_HALF_DOWN, &pos, 1, 100));
	assert_int_equal(pos, 1);
	/* Not a movement: untouched. */
	pos = 7;
	assert_false(action_move(REQ_OPEN, &pos, 10, 100));
	assert_int_equal(pos, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_and_keys),
		cmocka_unit_test(test_move_clamps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
