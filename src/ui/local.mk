# ui/: ncurses. The only code that draws or reads keys.
noinst_LIBRARIES += src/ui/libui.a
src_ui_libui_a_SOURCES = \
	src/ui/app.c src/ui/app.h src/ui/app_internal.h \
	src/ui/app_draw.c src/ui/app_keys.c src/ui/app_settings.c \
	src/ui/app_cmd.c src/ui/app_kibana.c src/ui/help.c src/ui/help.h \
	src/ui/view.h \
	src/ui/action.c src/ui/action.h \
	src/ui/keymap.c src/ui/keymap.h \
	src/ui/detail.c src/ui/detail.h \
	src/ui/listview.c src/ui/listview.h \
	src/ui/terminal.c src/ui/terminal.h \
	src/ui/theme.c src/ui/theme.h \
	src/ui/draw.c src/ui/draw.h \
	src/ui/keys.c src/ui/keys.h \
	src/ui/listmodel.c src/ui/listmodel.h \
	src/ui/pane.c src/ui/pane.h src/ui/pane_draw.c \
	src/ui/panes.c src/ui/panes.h \
	src/ui/textinput.c src/ui/textinput.h \
	src/ui/textview.c src/ui/textview.h \
	src/ui/dialog.h src/ui/confirm.c src/ui/picker.c \
	src/ui/form.c src/ui/form.h \
	src/ui/idsource.c src/ui/idsource.h \
	src/ui/script.c src/ui/script.h \
	src/ui/uifmt.c src/ui/uifmt.h \
	src/ui/prompt.c src/ui/prompt.h \
	src/ui/panes/cases.c \
	src/ui/panes/alerts.c \
	src/ui/panes/conversations.c \
	src/ui/panes/actions.c \
	src/ui/panes/exceptions.c
src_ui_libui_a_SOURCES += \
	src/ui/jsontree.c src/ui/jsontree.h \
	src/ui/jsonview.c src/ui/jsonview.h \
	src/ui/panes/ops.c
src_ui_libui_a_SOURCES += src/ui/chat.c src/ui/chat.h
src_ui_libui_a_SOURCES += src/ui/app_live.c src/ui/notify.c src/ui/notify.h
src_ui_libui_a_SOURCES += \
	src/ui/termlink.c src/ui/termlink.h \
	src/ui/app_links.c \
	src/ui/app_context.c
src_ui_libui_a_SOURCES += \
	src/ui/console.c src/ui/console.h src/ui/console_internal.h src/ui/console_host.c src/ui/console_complete.c \
	src/ui/panes/endpoints.c
UI_LIBS = src/ui/libui.a $(CMD_LIBS) $(NCURSES_LIBS) $(READLINE_LIBS)

# The default theme is compiled in from themes/default.theme, so the two cannot drift.
BUILT_SOURCES = src/ui/theme_default.h
CLEANFILES += src/ui/theme_default.h
nodist_src_ui_libui_a_SOURCES = src/ui/theme_default.h
# BUILT_SOURCES only covers `make all/check`; this covers building one target directly.
src/ui/theme.$(OBJEXT): src/ui/theme_default.h
src/ui/theme_default.h: $(top_srcdir)/themes/default.theme
	$(AM_V_GEN)$(MKDIR_P) src/ui && sed -e '/^#/d' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $(top_srcdir)/themes/default.theme > $@
