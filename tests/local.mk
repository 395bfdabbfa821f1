# Tests: tests/<layer>/ holds the cmocka programs of src/<layer>/, one test_X.c per module X.c;
# tests/screen/<pane>/ the key scripts; tests/fixtures/<module>/ the responses they read.
# A new cmocka test is one line in its folder's local.mk, e.g.
#     KT_TESTS += tests/api/test_foo
# automake then builds it from tests/api/test_foo.c with the flags and libraries below.
TESTS_ENVIRONMENT_COMMON = KT_SRCDIR='$(abs_top_srcdir)' KT_BUILDDIR='$(abs_top_builddir)' \
	KT_SHARED='$(abs_top_srcdir)/../shared' LC_ALL=C.UTF-8 TZ=UTC
AM_TESTS_ENVIRONMENT = export $(TESTS_ENVIRONMENT_COMMON) KT_VALGRIND='$(KT_VALGRIND)';
# Compiled tests run through this wrapper: under valgrind when KT_VALGRIND=1.
LOG_COMPILER = $(SHELL) $(srcdir)/tests/run-test.sh
EXTRA_DIST += tests/run-test.sh
KT_TESTS =

include $(srcdir)/tests/common/local.mk
include $(srcdir)/tests/fixtures/local.mk
include $(srcdir)/tests/core/local.mk
include $(srcdir)/tests/api/local.mk
include $(srcdir)/tests/cmd/local.mk
include $(srcdir)/tests/demo/local.mk
include $(srcdir)/tests/ui/local.mk
include $(srcdir)/tests/screen/local.mk
include $(srcdir)/tests/contract/local.mk
include $(srcdir)/tests/doc/local.mk

check_PROGRAMS += $(KT_TESTS)
TESTS += $(KT_TESTS)

# Every program without an _LDADD of its own links the harness and the product's libraries.
# The product's programs (src/local.mk, bench/local.mk) name their own, so this reaches only tests.
LDADD = tests/common/libktest.a $(UI_LIBS) $(DEMO_LIBS) $(CMOCKA_LIBS)
# The tests' objects, and only they, see the harness's headers and cmocka's flags. automake has
# no per-folder flags and per-program ones would cost a block per test, so this is a GNU make
# target-specific variable on the objects automake builds by default (tests/x/test_y.$(OBJEXT)).
KT_TEST_OBJECTS = $(KT_TESTS:=.$(OBJEXT))
$(KT_TEST_OBJECTS): AM_CPPFLAGS += $(KT_TEST_CPPFLAGS)
