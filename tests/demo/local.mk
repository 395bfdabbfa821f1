# tests/demo: the demo Kibana's generator, query evaluator, HTTP routes, faults, front end and contract.
DEMO_TESTS = \
	tests/demo/test_demo_data \
	tests/demo/test_demo_query \
	tests/demo/test_demo_http \
	tests/demo/test_demo_cases \
	tests/demo/test_demo_endpoint \
	tests/demo/test_demo_faults \
	tests/demo/test_demo_main
check_PROGRAMS += $(DEMO_TESTS) tests/demo/demo_serve
TESTS += $(DEMO_TESTS) tests/demo/contract_demo.py
EXTRA_DIST += tests/demo/contract_demo.py

# cmocka and libcurl fix the callbacks' signatures, so tests may leave parameters unused.
DEMO_TEST_CFLAGS = $(TEST_CFLAGS) -Wno-unused-parameter
DEMO_TEST_COMMON = tests/demo/demo_testutil.c tests/demo/demo_testutil.h
DEMO_TEST_LDADD = $(DEMO_LIBS) $(CURL_LIBS) $(CMOCKA_LIBS)

tests_demo_demo_serve_SOURCES = tests/demo/demo_serve.c
tests_demo_demo_serve_LDADD = $(DEMO_LIBS)

tests_demo_test_demo_data_SOURCES = tests/demo/test_demo_data.c
tests_demo_test_demo_data_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_data_LDADD = $(DEMO_LIBS) $(CMOCKA_LIBS)

tests_demo_test_demo_query_SOURCES = tests/demo/test_demo_query.c
tests_demo_test_demo_query_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_query_LDADD = $(DEMO_LIBS) $(CMOCKA_LIBS)

tests_demo_test_demo_http_SOURCES = tests/demo/test_demo_http.c $(DEMO_TEST_COMMON)
tests_demo_test_demo_http_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_http_LDADD = $(DEMO_TEST_LDADD)

tests_demo_test_demo_cases_SOURCES = tests/demo/test_demo_cases.c $(DEMO_TEST_COMMON)
tests_demo_test_demo_cases_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_cases_LDADD = $(DEMO_TEST_LDADD)

tests_demo_test_demo_endpoint_SOURCES = tests/demo/test_demo_endpoint.c $(DEMO_TEST_COMMON)
tests_demo_test_demo_endpoint_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_endpoint_LDADD = $(DEMO_TEST_LDADD)

tests_demo_test_demo_faults_SOURCES = tests/demo/test_demo_faults.c $(DEMO_TEST_COMMON)
tests_demo_test_demo_faults_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_faults_LDADD = $(DEMO_TEST_LDADD)

tests_demo_test_demo_main_SOURCES = tests/demo/test_demo_main.c $(DEMO_TEST_COMMON)
tests_demo_test_demo_main_CFLAGS = $(DEMO_TEST_CFLAGS)
tests_demo_test_demo_main_LDADD = $(DEMO_TEST_LDADD)
