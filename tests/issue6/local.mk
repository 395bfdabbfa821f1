# tests/issue6: the rest of the seed document, the api console and the JSON viewer (models, requests, commands).
I6_TESTS = \
	tests/issue6/test_i6_models \
	tests/issue6/test_i6_requests \
	tests/issue6/test_i6_jsontree \
	tests/issue6/test_i6_commands
check_PROGRAMS += $(I6_TESTS)
TESTS += $(I6_TESTS)

# cmocka fixes the callbacks' signatures, so tests may leave parameters unused.
I6_CFLAGS = $(TEST_CFLAGS) -Wno-unused-parameter

tests_issue6_test_i6_models_SOURCES = tests/issue6/test_i6_models.c
tests_issue6_test_i6_models_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_issue6_test_i6_models_CFLAGS = $(I6_CFLAGS)
tests_issue6_test_i6_models_LDADD = $(TESTENV_LIBS)

tests_issue6_test_i6_requests_SOURCES = tests/issue6/test_i6_requests.c
tests_issue6_test_i6_requests_CFLAGS = $(I6_CFLAGS)
tests_issue6_test_i6_requests_LDADD = $(CMD_LIBS) $(CMOCKA_LIBS)

tests_issue6_test_i6_jsontree_SOURCES = tests/issue6/test_i6_jsontree.c
tests_issue6_test_i6_jsontree_CFLAGS = $(I6_CFLAGS)
tests_issue6_test_i6_jsontree_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)

tests_issue6_test_i6_commands_SOURCES = tests/issue6/test_i6_commands.c
tests_issue6_test_i6_commands_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_issue6_test_i6_commands_CFLAGS = $(I6_CFLAGS)
tests_issue6_test_i6_commands_LDADD = $(TESTENV_LIBS)

# The seed document's response examples (JSON only), uploads and a test CA certificate.
EXTRA_DIST += \
	tests/issue6/fixtures/bulk_assets_200.json \
	tests/issue6/fixtures/endpoint_list_find_200.json \
	tests/issue6/fixtures/entity_init_200.json \
	tests/issue6/fixtures/entity_start_200.json \
	tests/issue6/fixtures/entity_stop_200.json \
	tests/issue6/fixtures/fleet_file_delete_200.json \
	tests/issue6/fixtures/fleet_server_host_create_200.json \
	tests/issue6/fixtures/fleet_server_hosts_200.json \
	tests/issue6/fixtures/list_delete_200.json \
	tests/issue6/fixtures/ml_sync_200.json \
	tests/issue6/fixtures/risk_configure_200.json \
	tests/issue6/fixtures/risk_configure_default.json \
	tests/issue6/fixtures/timeline_import_200.json \
	tests/issue6/fixtures/timelines.ndjson \
	tests/issue6/fixtures/timelines_mixed.ndjson \
	tests/issue6/fixtures/fleet-test-ca.pem
