# tests/unit: cmocka programs for core/, api/ (without a network) and cmd/.
KT_TESTS += tests/unit/test_strbuf
KT_TESTS += tests/unit/test_request
KT_TESTS += tests/unit/test_apierror
KT_TESTS += tests/unit/test_kjson
KT_TESTS += tests/unit/test_models
KT_TESTS += tests/unit/test_cases_req
KT_TESTS += tests/unit/test_sanitize
KT_TESTS += tests/unit/test_table
KT_TESTS += tests/unit/test_tokenize
KT_TESTS += tests/unit/test_parse
KT_TESTS += tests/unit/test_config
KT_TESTS += tests/unit/test_timefmt
KT_TESTS += tests/unit/test_audit

# Verbatim copies of the seed document's response examples (JSON only; the spec is never copied).
EXTRA_DIST += \
	tests/unit/fixtures/case_push_200.json \
	tests/unit/fixtures/case_push_401.json \
	tests/unit/fixtures/alert_cases_200.json \
	tests/unit/fixtures/connectors_200.json
