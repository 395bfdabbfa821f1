# tests/client: the client through the real worker against the in-process demo server.
check_PROGRAMS += tests/client/test_client_cases tests/client/test_client_faults
TESTS += tests/client/test_client_cases tests/client/test_client_faults
tests_client_test_client_cases_SOURCES = tests/client/test_client_cases.c
tests_client_test_client_cases_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_client_test_client_cases_CFLAGS = $(TEST_CFLAGS)
tests_client_test_client_cases_LDADD = $(TESTENV_LIBS)
tests_client_test_client_faults_SOURCES = tests/client/test_client_faults.c
tests_client_test_client_faults_CPPFLAGS = $(TESTENV_CPPFLAGS)
tests_client_test_client_faults_CFLAGS = $(TEST_CFLAGS)
tests_client_test_client_faults_LDADD = $(TESTENV_LIBS)
