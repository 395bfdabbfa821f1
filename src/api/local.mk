# api/: the Kibana client. Never includes ncurses.
noinst_LIBRARIES += src/api/libapi.a
src_api_libapi_a_SOURCES = \
	src/api/kjson.c src/api/kjson.h \
	src/api/jsonnum.c src/api/jsonnum.h \
	src/api/kmodel.c src/api/kmodel.h \
	src/api/request.c src/api/request.h \
	src/api/apierror.c src/api/apierror.h \
	src/api/http.c src/api/http.h \
	src/api/worker.c src/api/worker.h
API_LIBS = src/api/libapi.a $(CORE_LIBS) $(CURL_LIBS) $(JANSSON_LIBS)
src_api_libapi_a_SOURCES += \
	src/api/cases.c src/api/cases.h \
	src/api/cases_req.c src/api/cases_req.h \
	src/api/cases_of_alert.c src/api/cases_of_alert.h \
	src/api/alerts_of_case.c src/api/alerts_of_case.h \
	src/api/connectors.c src/api/connectors.h
src_api_libapi_a_SOURCES += \
	src/api/alerts.c src/api/alerts.h \
	src/api/alerts_req.c src/api/alerts_req.h \
	src/api/conversations.c src/api/conversations.h \
	src/api/endpoints.c src/api/endpoints.h \
	src/api/actions.c src/api/actions.h \
	src/api/actions_req.c src/api/actions_req.h \
	src/api/sessions.c src/api/sessions.h
src_api_libapi_a_SOURCES += \
	src/api/dashboards.c src/api/dashboards.h \
	src/api/fleet.c src/api/fleet.h \
	src/api/fleet_hosts.c src/api/fleet_hosts.h \
	src/api/ml.c src/api/ml.h \
	src/api/exceptions.c src/api/exceptions.h \
	src/api/entity_store.c src/api/entity_store.h \
	src/api/risk_engine.c src/api/risk_engine.h \
	src/api/lists.c src/api/lists.h \
	src/api/notes.c src/api/notes.h \
	src/api/timelines.c src/api/timelines.h \
	src/api/streams.c src/api/streams.h \
	src/api/rawreq.c src/api/rawreq.h
src_api_libapi_a_SOURCES += src/api/assistant.c src/api/assistant.h
src_api_libapi_a_SOURCES += \
	src/api/kversion.c src/api/kversion.h \
	src/api/kibana_status.c src/api/kibana_status.h
src_api_libapi_a_SOURCES += src/api/probes.c src/api/probes.h
src_api_libapi_a_SOURCES += \
	src/api/case_activity.c src/api/case_activity.h \
	src/api/spaces.c src/api/spaces.h \
	src/api/kblink.c src/api/kblink.h
