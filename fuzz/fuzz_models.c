/*
 * Fuzz target: untrusted bytes through kjson_parse and every JSON -> model parser in api/,
 * as the worker thread runs them on a 2xx body, plus the error-page reader and the ndjson
 * checker that see raw bodies. Each model is freed; ASan/UBSan/LeakSanitizer report the rest.
 */
#include "config.h"
#include "fuzz/fuzz.h"
#include "api/actions.h"
#include "api/alert_cases.h"
#include "api/alerts.h"
#include "api/apierror.h"
#include "api/case_alerts.h"
#include "api/cases.h"
#include "api/connectors.h"
#include "api/conversations.h"
#include "api/endpoints.h"
#include "api/entity_store.h"
#include "api/exceptions.h"
#include "api/fleet.h"
#include "api/fleet_hosts.h"
#include "api/kjson.h"
#include "api/lists.h"
#include "api/ml.h"
#include "api/request.h"
#include "api/risk_engine.h"
#include "api/sessions.h"
#include "api/streams.h"
#include "api/timelines.h"
#include <locale.h>
#include <string.h>

/* A parser and the free function that goes with its model. */
struct fuzz_parser {
	api_parse_fn parse;
	api_free_fn model_free;
};

static const struct fuzz_parser fuzz_parsers[] = {
	{cases_parse_find, cases_free_page},
	{cases_parse_one, cases_free_one},
	{cases_parse_list, cases_free_list},
	{connectors_parse, connectors_free},
	{alert_cases_parse, alert_cases_free},
	{case_alerts_parse, case_alerts_free},
	{alerts_parse_search, alerts_free_page},
	{alerts_parse_status, alerts_free_status},
	{conversations_parse_find, conversations_free_page},
	{conversations_parse_one, conversations_free_one},
	{endpoints_parse_list, endpoints_free_page},
	{actions_parse_list, actions_free_page},
	{actions_parse_one, actions_free_one},
	{sessions_parse, sessions_free},
	{fleet_parse_file_deleted, fleet_file_deleted_free},
	{fleet_parse_assets, fleet_assets_free},
	{fleet_hosts_parse_list, fleet_hosts_list_free},
	{fleet_hosts_parse_item, fleet_host_free},
	{ml_parse_sync, ml_sync_free},
	{exceptions_parse_page, exceptions_page_free},
	{entity_parse_engine, entity_engine_free},
	{risk_parse_configure, risk_config_result_free},
	{lists_parse, lists_free},
	{timelines_parse_import, timelines_import_free},
	{streams_parse_object, NULL},
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
static void fuzz_model_extras(api_parse_fn parse, void *model)
{
	if (parse == actions_parse_one) {
		const struct response_action *a = model;
		free(actions_hosts_text(a));
		actions_processes_free(actions_processes(a));
	} else if (parse == alerts_parse_search) {
		const struct alert_page *p = model;
		for (size_t i = 0; i < p->n; i++) {
			struct alert copy;
			alerts_alert_copy(&copy, &p->alerts[i]);
			alerts_alert_clear(&copy);
		}
	}
}

/* Run one parser the way http_parse_body does: on failure the model is not used. */
static void fuzz_run_parser(api_parse_fn parse, api_free_fn model_free, json_t *j)
{
	void *model = NULL;
	char *err = NULL;
	if (parse(j, &model, &err) < 0) {
		FUZZ_CHECK(err != NULL);
		free(err);
		return;
	}
	FUZZ_CHECK(err == NULL);
	if (model)
		fuzz_model_extras(parse, model);
	if (model_free && model)
		model_free(model);
	else
		FUZZ_CHECK(model == NULL);
}

/* The parsers that only a request carries (entity start/stop answer with a flag). */
static void fuzz_request_parsers(json_t *j)
{
	for (int start = 0; start < 2; start++) {
		struct api_request *req = entity_toggle_request("host", start);
		fuzz_run_parser(req->parse, req->model_free, j);
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
	for (size_t i = 0; i < sizeof(fuzz_parsers) / sizeof(fuzz_parsers[0]); i++)
		fuzz_run_parser(fuzz_parsers[i].parse, fuzz_parsers[i].model_free, j);
	fuzz_request_parsers(j);
	free(kjson_text(j));
	(void)kjson_path(j, "kibana.alert.rule.name");
	json_decref(j);
	return 0;
}
