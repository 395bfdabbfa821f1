# tests/integ: the client on the wire, against a libmicrohttpd test server started inside each test.
INTEG_TESTS = \
	tests/integ/test_http \
	tests/integ/test_worker \
	tests/integ/test_cmdrun \
	tests/integ/test_batch
check_PROGRAMS += $(INTEG_TESTS)
TESTS += $(INTEG_TESTS)

INTEG_COMMON = tests/integ/testserver.c tests/integ/testserver.h tests/integ/integutil.c tests/integ/integutil.h \
	$(UNIT_COMMON)
INTEG_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/unit
INTEG_LDADD = $(CMD_LIBS) $(MHD_LIBS) $(CMOCKA_LIBS)

tests_integ_test_http_SOURCES = tests/integ/test_http.c $(INTEG_COMMON)
tests_integ_test_http_CPPFLAGS = $(INTEG_CPPFLAGS)
tests_integ_test_http_CFLAGS = $(UNIT_CFLAGS)
tests_integ_test_http_LDADD = $(INTEG_LDADD)

tests_integ_test_worker_SOURCES = tests/integ/test_worker.c $(INTEG_COMMON)
tests_integ_test_worker_CPPFLAGS = $(INTEG_CPPFLAGS)
tests_integ_test_worker_CFLAGS = $(UNIT_CFLAGS)
tests_integ_test_worker_LDADD = $(INTEG_LDADD)

tests_integ_test_batch_SOURCES = tests/integ/test_batch.c $(INTEG_COMMON)
tests_integ_test_batch_CPPFLAGS = $(INTEG_CPPFLAGS)
tests_integ_test_batch_CFLAGS = $(UNIT_CFLAGS)
tests_integ_test_batch_LDADD = $(INTEG_LDADD)

tests_integ_test_cmdrun_SOURCES = tests/integ/test_cmdrun.c $(INTEG_COMMON)
tests_integ_test_cmdrun_CPPFLAGS = $(INTEG_CPPFLAGS)
tests_integ_test_cmdrun_CFLAGS = $(UNIT_CFLAGS)
tests_integ_test_cmdrun_LDADD = $(INTEG_LDADD)
