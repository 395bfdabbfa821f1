# Screen tests: key scripts run against a fresh demo server by run-keys.sh, one folder per
# pane (cases, alerts, conversations, actions, ops) and app/ for the program as a whole.
# A new one is one line here.
KT_SCREEN_TESTS =
KT_SCREEN_TESTS += tests/screen/cases/browse.keys
KT_SCREEN_TESTS += tests/screen/cases/filters.keys
KT_SCREEN_TESTS += tests/screen/cases/status.keys
KT_SCREEN_TESTS += tests/screen/cases/comment.keys
KT_SCREEN_TESTS += tests/screen/cases/push.keys
KT_SCREEN_TESTS += tests/screen/cases/push_error.keys
KT_SCREEN_TESTS += tests/screen/alerts/bulk_status.keys
KT_SCREEN_TESTS += tests/screen/alerts/detail_cases.keys
KT_SCREEN_TESTS += tests/screen/alerts/validation.keys
KT_SCREEN_TESTS += tests/screen/conversations/reader.keys
KT_SCREEN_TESTS += tests/screen/actions/suspend.keys
KT_SCREEN_TESTS += tests/screen/actions/validation.keys
KT_SCREEN_TESTS += tests/screen/ops/pane.keys
KT_SCREEN_TESTS += tests/screen/ops/form.keys
KT_SCREEN_TESTS += tests/screen/ops/jsonview.keys
KT_SCREEN_TESTS += tests/screen/ops/hostile.keys
KT_SCREEN_TESTS += tests/screen/ops/exceptview_close.keys
KT_SCREEN_TESTS += tests/screen/app/resize.keys
KT_SCREEN_TESTS += tests/screen/app/messages.keys
KT_SCREEN_TESTS += tests/screen/app/hostile.keys
KT_SCREEN_TESTS += tests/screen/app/readonly.keys
KT_SCREEN_TESTS += tests/screen/app/prompt.keys
KT_SCREEN_TESTS += tests/screen/app/prompt_history.keys
KT_SCREEN_TESTS += tests/screen/app/config_commands.keys
KT_SCREEN_TESTS += tests/screen/app/sessions_all.keys
KT_SCREEN_TESTS += tests/screen/app/sessions_readonly.keys
KT_SCREEN_TESTS += tests/screen/endpoints/browse.keys
KT_SCREEN_TESTS += tests/screen/endpoints/isolate.keys
KT_SCREEN_TESTS += tests/screen/endpoints/console.keys
KT_SCREEN_TESTS += tests/screen/endpoints/console_readonly.keys
TESTS += $(KT_SCREEN_TESTS)
TEST_EXTENSIONS = .keys
KEYS_LOG_COMPILER = $(SHELL) $(srcdir)/tests/screen/run-keys.sh
EXTRA_DIST += tests/screen/run-keys.sh $(KT_SCREEN_TESTS)
