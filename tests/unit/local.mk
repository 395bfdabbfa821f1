# tests/unit: cmocka programs for core/, api/ (without a network) and cmd/.
KT_TESTS += tests/unit/test_tokenize
KT_TESTS += tests/unit/test_parse
KT_TESTS += tests/unit/test_audit

