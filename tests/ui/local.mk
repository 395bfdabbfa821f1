# tests/ui: the UI's pure parts (list model, layout, keys, line editor, themes).
check_PROGRAMS += tests/ui/test_listmodel tests/ui/test_layout tests/ui/test_complete
TESTS += tests/ui/test_listmodel tests/ui/test_layout tests/ui/test_complete
tests_ui_test_listmodel_SOURCES = tests/ui/test_listmodel.c
tests_ui_test_listmodel_CFLAGS = $(TEST_CFLAGS)
tests_ui_test_listmodel_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
tests_ui_test_layout_SOURCES = tests/ui/test_layout.c
tests_ui_test_layout_CFLAGS = $(TEST_CFLAGS)
tests_ui_test_layout_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
tests_ui_test_complete_SOURCES = tests/ui/test_complete.c
tests_ui_test_complete_CFLAGS = $(TEST_CFLAGS)
tests_ui_test_complete_LDADD = $(UI_LIBS) $(CMOCKA_LIBS)
