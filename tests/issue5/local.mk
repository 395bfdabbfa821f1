# tests/issue5: alerts, conversations, endpoints, response actions and sessions (models, requests, commands).
I5_TESTS = \
	tests/issue5/test_i5_models \
	tests/issue5/test_i5_requests \
	tests/issue5/test_i5_commands
check_PROGRAMS += $(I5_TESTS)
TESTS += $(I5_TESTS)

# cmocka fixes the callbacks' signatures, so tests may leave parameters unused.
I5_CFLAGS = $(TEST_CFLAGS) -Wno-unused-parameter

tests_issue5_test_i5_models_SOURCES = tests/issue5/test_i5_models.c
tests_issue5_test_i5_models_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_issue5_test_i5_models_CFLAGS = $(I5_CFLAGS)
tests_issue5_test_i5_models_LDADD = $(TESTENV_LIBS)

tests_issue5_test_i5_requests_SOURCES = tests/issue5/test_i5_requests.c
tests_issue5_test_i5_requests_CFLAGS = $(I5_CFLAGS)
tests_issue5_test_i5_requests_LDADD = $(CMD_LIBS) $(CMOCKA_LIBS)

tests_issue5_test_i5_commands_SOURCES = tests/issue5/test_i5_commands.c
tests_issue5_test_i5_commands_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_issue5_test_i5_commands_CFLAGS = $(I5_CFLAGS)
tests_issue5_test_i5_commands_LDADD = $(TESTENV_LIBS)

# Verbatim copies of the seed document's response examples (JSON only).
EXTRA_DIST += \
	tests/issue5/fixtures/suspend_process_200.json \
	tests/issue5/fixtures/conversations_find_200.json \
	tests/issue5/fixtures/session_invalidate_200.json

# Screen tests of the Alerts, Conversations and Actions panes and the session form, run by tests/screen/run-keys.sh.
I5_SCREEN_TESTS = \
	tests/issue5/screen/alerts_bulk_status.keys \
	tests/issue5/screen/alerts_detail_cases.keys \
	tests/issue5/screen/alerts_validation.keys \
	tests/issue5/screen/conversations_reader.keys \
	tests/issue5/screen/actions_suspend.keys \
	tests/issue5/screen/actions_validation.keys \
	tests/issue5/screen/sessions_all.keys \
	tests/issue5/screen/sessions_readonly.keys
TESTS += $(I5_SCREEN_TESTS)
EXTRA_DIST += $(I5_SCREEN_TESTS)
