# tests/cmd: one cmocka program per module of src/cmd/, and one per cmd_*.c group of commands,
# run against the demo server as the front ends run them.
KT_TESTS += tests/cmd/test_tokenize
KT_TESTS += tests/cmd/test_parse
KT_TESTS += tests/cmd/test_registry
KT_TESTS += tests/cmd/test_complete
KT_TESTS += tests/cmd/test_run
KT_TESTS += tests/cmd/test_gather
KT_TESTS += tests/cmd/test_listpage
KT_TESTS += tests/cmd/test_audit
KT_TESTS += tests/cmd/test_batch
KT_TESTS += tests/cmd/test_query
KT_TESTS += tests/cmd/test_cmd_alerts
KT_TESTS += tests/cmd/test_cmd_alert_edit
KT_TESTS += tests/cmd/test_cmd_ai
KT_TESTS += tests/cmd/test_cmd_assistant
KT_TESTS += tests/cmd/test_cmd_endpoint
KT_TESTS += tests/cmd/test_cmd_sessions
KT_TESTS += tests/cmd/test_cmd_fleet
KT_TESTS += tests/cmd/test_cmd_stack
KT_TESTS += tests/cmd/test_cmd_exceptions
KT_TESTS += tests/cmd/test_cmd_entity
KT_TESTS += tests/cmd/test_cmd_timeline
KT_TESTS += tests/cmd/test_cmd_api
# The shell completion scripts, run by the shells themselves.
TESTS += tests/cmd/shellcomp.sh
EXTRA_DIST += tests/cmd/shellcomp.sh
KT_TESTS += tests/cmd/test_cmd_cases
KT_TESTS += tests/cmd/test_cmd_doctor
KT_TESTS += tests/cmd/test_cmd_case_story
KT_TESTS += tests/cmd/test_storyfmt
KT_TESTS += tests/cmd/test_cmd_respond
KT_TESTS += tests/cmd/test_respond_ask
# The real program's stdout checks, with its output on a full disk.
TESTS += tests/cmd/batch_output.sh
EXTRA_DIST += tests/cmd/batch_output.sh
