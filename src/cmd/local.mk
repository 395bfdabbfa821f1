# cmd/: the command language shared by keys, the ':' prompt and `ktriage -c`.
noinst_LIBRARIES += src/cmd/libcmd.a
src_cmd_libcmd_a_SOURCES = \
	src/cmd/cmd.h src/cmd/output.h \
	src/cmd/tokenize.c src/cmd/tokenize.h \
	src/cmd/complete.c src/cmd/complete.h \
	src/cmd/parse.c src/cmd/parse.h \
	src/cmd/query.c src/cmd/query.h \
	src/cmd/run.c \
	src/cmd/gather.c src/cmd/gather.h \
	src/cmd/pages.c src/cmd/pages.h \
	src/cmd/registry.c src/cmd/registry.h \
	src/cmd/cmd_help.c src/cmd/cmd_help.h \
	src/cmd/cmd_ui.c \
	src/cmd/audit.c src/cmd/audit.h \
	src/cmd/batch.c src/cmd/batch.h \
	src/cmd/batch_out.c src/cmd/batch_out.h \
	src/cmd/casefmt.c src/cmd/casefmt.h \
	src/cmd/cmd_cases.c \
	src/cmd/cases_all.c src/cmd/cases_all.h \
	src/cmd/cmd_case_edit.c
src_cmd_libcmd_a_SOURCES += \
	src/cmd/alertfmt.c src/cmd/alertfmt.h \
	src/cmd/actionfmt.c src/cmd/actionfmt.h \
	src/cmd/cmd_alerts.c \
	src/cmd/cmd_alert_edit.c \
	src/cmd/convfmt.c src/cmd/convfmt.h \
	src/cmd/cmd_ai.c \
	src/cmd/cmd_actions.c \
	src/cmd/cmd_endpoint.c \
	src/cmd/cmd_sessions.c
src_cmd_libcmd_a_SOURCES += \
	src/cmd/opsutil.c src/cmd/opsutil.h \
	src/cmd/exceptfmt.c src/cmd/exceptfmt.h \
	src/cmd/cmd_stack.c \
	src/cmd/cmd_fleet.c \
	src/cmd/cmd_exceptions.c \
	src/cmd/cmd_entity.c \
	src/cmd/cmd_timeline.c \
	src/cmd/cmd_api.c
src_cmd_libcmd_a_SOURCES += src/cmd/cmd_assistant.c
src_cmd_libcmd_a_SOURCES += src/cmd/shellcomp.c src/cmd/shellcomp.h
src_cmd_libcmd_a_SOURCES += \
	src/cmd/storyfmt.c src/cmd/storyfmt.h \
	src/cmd/casereport.c src/cmd/casereport.h \
	src/cmd/cmd_case_story.c \
	src/cmd/cmd_context.c
CMD_LIBS = src/cmd/libcmd.a $(API_LIBS)
src_cmd_libcmd_a_SOURCES += \
	src/cmd/cmd_version.c \
	src/cmd/cmd_doctor.c \
	src/cmd/endpointfmt.c src/cmd/endpointfmt.h \
	src/cmd/cmd_respond.c \
	src/cmd/respond_ask.c src/cmd/respond_ask.h \
	src/cmd/listpage.c src/cmd/listpage.h
