# tests/unit: cmocka programs for core/, api/ (without a network) and cmd/.
UNIT_TESTS = \
	tests/unit/test_strbuf \
	tests/unit/test_request \
	tests/unit/test_apierror \
	tests/unit/test_kjson \
	tests/unit/test_models \
	tests/unit/test_cases_req \
	tests/unit/test_sanitize \
	tests/unit/test_table \
	tests/unit/test_tokenize \
	tests/unit/test_parse \
	tests/unit/test_config \
	tests/unit/test_timefmt \
	tests/unit/test_audit
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)

UNIT_COMMON = tests/unit/testutil.c tests/unit/testutil.h
UNIT_LDADD = $(CMD_LIBS) $(CMOCKA_LIBS)
# cmocka and libmicrohttpd fix the callbacks' signatures, so tests may leave parameters unused.
UNIT_CFLAGS = $(TEST_CFLAGS) -Wno-unused-parameter

tests_unit_test_strbuf_SOURCES = tests/unit/test_strbuf.c $(UNIT_COMMON)
tests_unit_test_strbuf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_strbuf_LDADD = $(UNIT_LDADD)

tests_unit_test_request_SOURCES = tests/unit/test_request.c $(UNIT_COMMON)
tests_unit_test_request_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_request_LDADD = $(UNIT_LDADD)

tests_unit_test_apierror_SOURCES = tests/unit/test_apierror.c $(UNIT_COMMON)
tests_unit_test_apierror_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_apierror_LDADD = $(UNIT_LDADD)

tests_unit_test_kjson_SOURCES = tests/unit/test_kjson.c $(UNIT_COMMON)
tests_unit_test_kjson_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_kjson_LDADD = $(UNIT_LDADD)

tests_unit_test_models_SOURCES = tests/unit/test_models.c $(UNIT_COMMON)
tests_unit_test_models_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_models_LDADD = $(UNIT_LDADD)

tests_unit_test_cases_req_SOURCES = tests/unit/test_cases_req.c $(UNIT_COMMON)
tests_unit_test_cases_req_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_cases_req_LDADD = $(UNIT_LDADD)

tests_unit_test_sanitize_SOURCES = tests/unit/test_sanitize.c $(UNIT_COMMON)
tests_unit_test_sanitize_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sanitize_LDADD = $(UNIT_LDADD)

tests_unit_test_table_SOURCES = tests/unit/test_table.c $(UNIT_COMMON)
tests_unit_test_table_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_table_LDADD = $(UNIT_LDADD)

tests_unit_test_tokenize_SOURCES = tests/unit/test_tokenize.c $(UNIT_COMMON)
tests_unit_test_tokenize_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_tokenize_LDADD = $(UNIT_LDADD)

tests_unit_test_parse_SOURCES = tests/unit/test_parse.c $(UNIT_COMMON)
tests_unit_test_parse_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_parse_LDADD = $(UNIT_LDADD)

tests_unit_test_config_SOURCES = tests/unit/test_config.c $(UNIT_COMMON)
tests_unit_test_config_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_config_LDADD = $(UNIT_LDADD)

tests_unit_test_timefmt_SOURCES = tests/unit/test_timefmt.c $(UNIT_COMMON)
tests_unit_test_timefmt_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_timefmt_LDADD = $(UNIT_LDADD)

tests_unit_test_audit_SOURCES = tests/unit/test_audit.c $(UNIT_COMMON)
tests_unit_test_audit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_audit_LDADD = $(UNIT_LDADD)

# Verbatim copies of the seed document's response examples (JSON only; the spec is never copied).
EXTRA_DIST += \
	tests/unit/fixtures/case_push_200.json \
	tests/unit/fixtures/case_push_401.json \
	tests/unit/fixtures/alert_cases_200.json \
	tests/unit/fixtures/connectors_200.json
