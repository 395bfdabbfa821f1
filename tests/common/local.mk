# tests/common: the harness every test program links, compiled once: files and locale (testutil),
# a recording HTTP server (testserver, integutil), an in-process demo with a worker and commands
# run as the front ends run them (testenv), libcurl against the demo (demo_testutil), and JSON:
# fixtures, the seed document's examples, parsers on text, request bodies (testjson).
check_LIBRARIES = tests/common/libktest.a
tests_common_libktest_a_SOURCES = tests/common/ktest.h \
	tests/common/testutil.c tests/common/testutil.h \
	tests/common/testserver.c tests/common/testserver.h \
	tests/common/integutil.c tests/common/integutil.h \
	tests/common/testenv.c tests/common/testenv.h \
	tests/common/demo_testutil.c tests/common/demo_testutil.h \
	tests/common/testjson.c tests/common/testjson.h
KT_TEST_CPPFLAGS = -I$(top_srcdir)/tests/common $(CMOCKA_CFLAGS)
tests_common_libktest_a_CPPFLAGS = $(AM_CPPFLAGS) $(KT_TEST_CPPFLAGS)
