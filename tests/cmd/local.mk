# tests/cmd: one cmocka program per module of src/cmd/, and one per cmd_*.c group of commands
# run against the demo server as the front ends run them.
KT_TESTS += tests/cmd/test_alertfilt
