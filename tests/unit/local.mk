# tests/unit: cmocka programs for core/, api/ (without a network) and cmd/.
KT_TESTS += tests/unit/test_request
KT_TESTS += tests/unit/test_apierror
KT_TESTS += tests/unit/test_kjson
KT_TESTS += tests/unit/test_models
KT_TESTS += tests/unit/test_cases_req
KT_TESTS += tests/unit/test_tokenize
KT_TESTS += tests/unit/test_parse
KT_TESTS += tests/unit/test_audit

