# tests/issue5: alerts, conversations, endpoints, response actions and sessions (models, requests, commands).
KT_TESTS += tests/issue5/test_i5_models
KT_TESTS += tests/issue5/test_i5_requests
KT_TESTS += tests/issue5/test_i5_commands


# Screen tests of the Alerts, Conversations and Actions panes and the session form, run by tests/screen/run-keys.sh.
I5_SCREEN_TESTS = \
	tests/issue5/screen/alerts_bulk_status.keys \
	tests/issue5/screen/alerts_detail_cases.keys \
	tests/issue5/screen/alerts_validation.keys \
	tests/issue5/screen/conversations_reader.keys \
	tests/issue5/screen/actions_suspend.keys \
	tests/issue5/screen/actions_validation.keys \
	tests/issue5/screen/sessions_all.keys \
	tests/issue5/screen/sessions_readonly.keys
TESTS += $(I5_SCREEN_TESTS)
EXTRA_DIST += $(I5_SCREEN_TESTS)
