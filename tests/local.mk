# Tests: each group lists its own programs in its own local.mk.
TESTS_ENVIRONMENT_COMMON = KT_SRCDIR='$(abs_top_srcdir)' KT_BUILDDIR='$(abs_top_builddir)' \
	KT_SHARED='$(abs_top_srcdir)/../shared' LC_ALL=C.UTF-8 TZ=UTC
AM_TESTS_ENVIRONMENT = export $(TESTS_ENVIRONMENT_COMMON) KT_VALGRIND='$(KT_VALGRIND)';
# Compiled tests run through this wrapper: under valgrind when KT_VALGRIND=1.
LOG_COMPILER = $(SHELL) $(srcdir)/tests/run-test.sh
EXTRA_DIST += tests/run-test.sh
TEST_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)

include $(srcdir)/tests/common/local.mk
include $(srcdir)/tests/unit/local.mk
include $(srcdir)/tests/demo/local.mk
include $(srcdir)/tests/integ/local.mk
include $(srcdir)/tests/ui/local.mk
include $(srcdir)/tests/client/local.mk
include $(srcdir)/tests/screen/local.mk
include $(srcdir)/tests/contract/local.mk
include $(srcdir)/tests/issue5/local.mk
include $(srcdir)/tests/issue6/local.mk
include $(srcdir)/tests/doc/local.mk
include $(srcdir)/tests/api/local.mk
