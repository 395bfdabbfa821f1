# tests/core: one cmocka program per module of src/core/.
KT_TESTS += tests/core/test_xalloc
KT_TESTS += tests/core/test_strbuf
KT_TESTS += tests/core/test_utf8
KT_TESTS += tests/core/test_sanitize
KT_TESTS += tests/core/test_urlenc
KT_TESTS += tests/core/test_profile
KT_TESTS += tests/core/test_config_file
KT_TESTS += tests/core/test_secret
KT_TESTS += tests/core/test_column
KT_TESTS += tests/core/test_rowset
KT_TESTS += tests/core/test_table
KT_TESTS += tests/core/test_record
KT_TESTS += tests/core/test_timefmt
KT_TESTS += tests/core/test_trace
