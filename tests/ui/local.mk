# tests/ui: the UI's pure parts (list model, layout, keys, line editor, themes).
KT_TESTS += tests/ui/test_listmodel
KT_TESTS += tests/ui/test_layout
KT_TESTS += tests/ui/test_prompt
