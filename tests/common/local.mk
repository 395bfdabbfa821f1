# tests/common: the harness the client and issue tests share (a demo server, a worker, commands run as the front ends do).
check_LIBRARIES = tests/common/libtestenv.a
tests_common_libtestenv_a_SOURCES = tests/common/testenv.c tests/common/testenv.h
tests_common_libtestenv_a_CFLAGS = $(TEST_CFLAGS)
# What a program built on the harness uses for its preprocessor flags and libraries.
TESTENV_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/tests/common
TESTENV_LIBS = tests/common/libtestenv.a $(CMD_LIBS) $(DEMO_LIBS) $(CMOCKA_LIBS)
