# tests/ui: one cmocka program per module of src/ui/ with parts that run without a terminal.
KT_TESTS += tests/ui/test_listmodel
KT_TESTS += tests/ui/test_action
KT_TESTS += tests/ui/test_keymap
KT_TESTS += tests/ui/test_keys
KT_TESTS += tests/ui/test_textinput
KT_TESTS += tests/ui/test_theme
KT_TESTS += tests/ui/test_prompt
KT_TESTS += tests/ui/test_jsontree
KT_TESTS += tests/ui/test_terminal
# The TUI in a real terminal (a pty): q, Ctrl-Z and fg, signals, a terminal that goes away.
TESTS += tests/ui/terminal_lifecycle.py
EXTRA_DIST += tests/ui/terminal_lifecycle.py
KT_TESTS += tests/ui/test_notify
