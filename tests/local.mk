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

# The program's command line (main.c, options.c): stderr inert, credentials, --insecure.
TESTS += tests/command_line.py
EXTRA_DIST += tests/command_line.py

# Every program without an _LDADD of its own links the harness and the product's libraries.
# The product's programs (src/local.mk, bench/local.mk) name their own, so this reaches only tests.
LDADD = tests/common/libktest.a $(UI_LIBS) $(DEMO_LIBS) $(CMOCKA_LIBS)
# The tests' objects, and only they, see the harness's headers and cmocka's flags. automake has
# no per-folder flags and per-program ones would cost a block per test, so this is a GNU make
# target-specific variable on the objects automake builds by default (tests/x/test_y.$(OBJEXT)).
KT_TEST_OBJECTS = $(KT_TESTS:=.$(OBJEXT))
$(KT_TEST_OBJECTS): AM_CPPFLAGS += $(KT_TEST_CPPFLAGS)

# The tests that run threads (a worker, an in-process demo or test server) and those that run the
# program itself (screen tests, the terminal): what the ThreadSanitizer build (configure
# --enable-tsan) runs with `make check-threads`. A new test that starts threads is listed here.
KT_THREADED_TESTS = \
	tests/api/test_worker tests/api/test_http tests/api/test_cases_req \
	tests/cmd/test_run tests/cmd/test_batch tests/cmd/test_cmd_ai tests/cmd/test_cmd_alert_edit \
	tests/cmd/test_cmd_alerts tests/cmd/test_cmd_api tests/cmd/test_cmd_endpoint tests/cmd/test_cmd_entity \
	tests/cmd/test_cmd_exceptions tests/cmd/test_cmd_fleet tests/cmd/test_cmd_sessions tests/cmd/test_cmd_stack \
	tests/cmd/test_cmd_timeline tests/cmd/test_cmd_assistant tests/cmd/test_cmd_doctor tests/cmd/test_cmd_respond \
	tests/cmd/test_cmd_cases tests/cmd/test_cmd_case_story tests/core/test_threadsig \
	tests/demo/test_demo_cases tests/demo/test_demo_endpoint tests/demo/test_demo_faults tests/demo/test_demo_http tests/demo/test_demo_server \
	$(KT_SCREEN_TESTS) tests/ui/terminal_lifecycle.py tests/command_line.py
# Any race report fails the program at once (the demo server of a screen test too, whose exit status is not checked).
KT_TSAN_OPTIONS = halt_on_error=1 second_deadlock_stack=1 suppressions=$(abs_top_srcdir)/tests/tsan.supp
EXTRA_DIST += tests/tsan.supp
check-threads:
	TSAN_OPTIONS='$(KT_TSAN_OPTIONS)' $(MAKE) $(AM_MAKEFLAGS) check TESTS='$(KT_THREADED_TESTS)'
.PHONY: check-threads
