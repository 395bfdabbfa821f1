# demo/: the embedded demo Kibana (libmicrohttpd, jansson); uses core/ only.
noinst_LIBRARIES += src/demo/libdemo.a
src_demo_libdemo_a_SOURCES = \
	src/demo/demo.h \
	src/demo/demo_options.c \
	src/demo/demo_main.c \
	src/demo/demo_server.c src/demo/demo_server.h \
	src/demo/demo_http.c src/demo/demo_http.h \
	src/demo/demo_faults.c src/demo/demo_faults.h \
	src/demo/demo_rng.c src/demo/demo_rng.h \
	src/demo/demo_util.c src/demo/demo_util.h \
	src/demo/demo_names.c src/demo/demo_names.h \
	src/demo/demo_data.c src/demo/demo_data.h \
	src/demo/demo_endpoint.c src/demo/demo_endpoint.h \
	src/demo/demo_alerts.c src/demo/demo_alerts.h \
	src/demo/demo_query.c src/demo/demo_query.h \
	src/demo/demo_search.c src/demo/demo_search.h \
	src/demo/demo_case.c src/demo/demo_case.h \
	src/demo/demo_cases.c src/demo/demo_cases.h \
	src/demo/demo_casepush.c src/demo/demo_casepush.h \
	src/demo/demo_ai.c src/demo/demo_ai.h \
	src/demo/demo_actions.c src/demo/demo_actions.h \
	src/demo/demo_misc.c src/demo/demo_misc.h \
	src/demo/demo_secsol.c src/demo/demo_secsol.h \
	src/demo/demo_timeline.c src/demo/demo_timeline.h
src_demo_libdemo_a_SOURCES += src/demo/demo_kibana.c src/demo/demo_kibana.h
src_demo_libdemo_a_SOURCES += \
	src/demo/demo_history.c src/demo/demo_history.h \
	src/demo/demo_spaces.c src/demo/demo_spaces.h
DEMO_LIBS = src/demo/libdemo.a $(CORE_LIBS) $(MHD_LIBS) $(JANSSON_LIBS)
src_demo_libdemo_a_SOURCES += \
	src/demo/demo_multipart.c src/demo/demo_multipart.h \
	src/demo/demo_zip.c src/demo/demo_zip.h \
	src/demo/demo_agent.c src/demo/demo_agent.h \
	src/demo/demo_files.c src/demo/demo_files.h
