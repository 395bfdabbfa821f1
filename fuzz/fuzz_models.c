/*
 * Fuzz target: untrusted bytes through kjson_parse and every JSON -> model parser in api/,
 * as the worker thread runs them on a 2xx body, plus the error-page reader and the ndjson
 * checker that see raw bodies. Each model is freed; ASan/UBSan/LeakSanitizer report the rest.
 */
#include "config.h"
#include "fuzz/fuzz.h"
#include "api/actions.h"
#include "api/alerts.h"
#include "api/alerts_of_case.h"
#include "api/apierror.h"
#include "api/case_activity.h"
#include "api/cases.h"
#include "api/cases_of_alert.h"
#include "api/connectors.h"
#include "api/conversations.h"
#include "api/endpoints.h"
#include "api/entity_store.h"
#include "api/exceptions.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/kibana_status.h"
#include "api/kjson.h"
#include "api/lists.h"
#include "api/ml.h"
#include "api/request.h"
#include "api/risk_engine.h"
#include "api/sessions.h"
#include "api/spaces.h"
#include "api/streams.h"
#include "api/timelines.h"
#include <locale.h>
#include <string.h>

/* Every JSON model type a response can be read into. */
static const struct kmodel *const fuzz_models[] = {
	&cases_page_model,
	&cases_case_model,
	&cases_list_model,
	&connectors_list_model,
	&cases_of_alert_list_model,
	&alerts_of_case_list_model,
	&alerts_page_model,
	&alerts_status_model,
	&conversations_page_model,
	&conversations_conversation_model,
	&endpoints_page_model,
	&actions_page_model,
	&actions_action_model,
	&sessions_result_model,
	&fleet_file_deleted_model,
	&fleet_assets_model,
	&fleet_hosts_list_model,
	&fleet_hosts_host_model,
	&ml_sync_model,
	&exceptions_page_model,
	&entity_engine_model,
	&risk_config_result_model,
	&lists_value_list_model,
	&timelines_import_model,
	&streams_object_model,
	&cases_comment_page_model,
	&kibana_status_model,
	&case_activity_page_model,
	&spaces_list_model,
	&endpoints_host_model,
	&actions_file_model,
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* As the program and the tests run: wcwidth() and friends follow a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* What the detail views do with a parsed model, on top of the parse itself. */
static void fuzz_model_extras(const struct kmodel *m, void *model)
{
	if (m == &actions_action_model) {
		const struct response_action *a = model;
		free(actions_hosts_text(a));
		actions_processes_free(actions_processes(a));
	} else if (m == &endpoints_host_model) {
		struct endpoint_host copy;
		endpoints_host_copy(&copy, model);
		endpoints_host_clear(&copy);
	} else if (m == &alerts_page_model) {
		const struct alert_page *p = model;
		for (size_t i = 0; i < p->n; i++) {
			struct alert copy;
			alerts_alert_copy(&copy, &p->alerts[i]);
			alerts_alert_clear(&copy);
		}
	}
}

/* Read one model the way http_parse_body does: on failure the model is not used. */
static void fuzz_run_model(const struct kmodel *m, json_t *j)
{
	void *model = NULL;
	char *err = NULL;
	if (kmodel_parse(m, j, &model, &err) < 0) {
		FUZZ_CHECK(err != NULL);
		free(err);
		return;
	}
	FUZZ_CHECK(err == NULL);
	/* Only a model of size 0 (a check of the JSON alone) is NULL. */
	FUZZ_CHECK((model == NULL) == (m->size == 0));
	if (model)
		fuzz_model_extras(m, model);
	kmodel_free(m, model);
}

/* The models that only a request carries (entity start/stop answer with a flag). */
static void fuzz_request_parsers(json_t *j)
{
	for (int start = 0; start < 2; start++) {
		struct api_request *req = entity_toggle_request("host", start);
		fuzz_run_model(req->model, j);
		api_request_free(req);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;

	/* Non-2xx bodies go to the error reader raw, JSON or HTML. */
	free(apierror_from_response(404, "application/json", text, size));
	free(apierror_from_response(502, "text/html", text, size));
	struct timeline_ndjson_stats st;
	timelines_ndjson_stats(text, size, &st);
	FUZZ_CHECK(st.n_bad <= st.lines);
	FUZZ_CHECK((st.bad_line == 0) == (st.n_bad == 0));

	char *err = NULL;
	json_t *j = kjson_parse(text, size, &err);
	if (!j) {
		FUZZ_CHECK(err != NULL);
		free(err);
		return 0;
	}
	FUZZ_CHECK(err == NULL);
	for (size_t i = 0; i < sizeof(fuzz_models) / sizeof(fuzz_models[0]); i++)
		fuzz_run_model(fuzz_models[i], j);
	fuzz_request_parsers(j);
	free(kjson_text(j));
	(void)kjson_path(j, "kibana.alert.rule.name");
	json_decref(j);
	return 0;
}
