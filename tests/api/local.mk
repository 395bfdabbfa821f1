# tests/api: the api/ layer without a network.
check_PROGRAMS += tests/api/test_kmodel
TESTS += tests/api/test_kmodel
tests_api_test_kmodel_SOURCES = tests/api/test_kmodel.c
tests_api_test_kmodel_CFLAGS = $(TEST_CFLAGS)
tests_api_test_kmodel_LDADD = $(API_LIBS) $(CMOCKA_LIBS)
