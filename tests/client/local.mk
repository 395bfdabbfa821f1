# tests/client: the client through the real worker against the in-process demo server.
check_PROGRAMS += tests/client/test_client_cases tests/client/test_client_faults
TESTS += tests/client/test_client_cases tests/client/test_client_faults
CLIENT_TEST_SOURCES = tests/client/client_util.c tests/client/client_util.h
tests_client_test_client_cases_SOURCES = tests/client/test_client_cases.c $(CLIENT_TEST_SOURCES)
tests_client_test_client_cases_CFLAGS = $(TEST_CFLAGS)
tests_client_test_client_cases_LDADD = $(API_LIBS) $(DEMO_LIBS) $(CMOCKA_LIBS)
tests_client_test_client_faults_SOURCES = tests/client/test_client_faults.c $(CLIENT_TEST_SOURCES)
tests_client_test_client_faults_CFLAGS = $(TEST_CFLAGS)
tests_client_test_client_faults_LDADD = $(API_LIBS) $(DEMO_LIBS) $(CMOCKA_LIBS)
