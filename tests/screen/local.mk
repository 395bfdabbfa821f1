# Screen tests: key scripts run against a fresh demo server by run-keys.sh.
SCREEN_TESTS = \
	tests/screen/cases_browse.keys \
	tests/screen/cases_filters.keys \
	tests/screen/cases_status.keys \
	tests/screen/cases_comment.keys \
	tests/screen/cases_push.keys \
	tests/screen/cases_push_error.keys \
	tests/screen/resize.keys \
	tests/screen/messages.keys \
	tests/screen/hostile.keys \
	tests/screen/readonly.keys \
	tests/screen/prompt.keys \
	tests/screen/prompt_history.keys \
	tests/screen/config_commands.keys \
	tests/screen/ops_pane.keys \
	tests/screen/ops_form.keys \
	tests/screen/jsonview.keys \
	tests/screen/ops_hostile.keys \
	tests/screen/exceptview_close.keys
TESTS += $(SCREEN_TESTS)
TEST_EXTENSIONS = .keys
KEYS_LOG_COMPILER = $(SHELL) $(srcdir)/tests/screen/run-keys.sh
EXTRA_DIST += tests/screen/run-keys.sh $(SCREEN_TESTS)
