/* JSON in the tests: fixtures, the seed document's examples, model parsers on text, request bodies. */
#ifndef KT_TESTJSON_H
#define KT_TESTJSON_H
#include <jansson.h>
#include "api/request.h"

/* tests/fixtures/<module>/<name> read by ktriage's own parser (duplicate keys refused); the test fails when it
 * cannot be. */
json_t *testjson_fixture(const char *module, const char *name);
/* The JSON example after "Response examples (code)" of an operation in the seed document, or NULL when the
 * document is not at hand. */
json_t *testjson_seed_example(const char *op, const char *code);
/* The fixture must be the seed document's example of op and code (the test is skipped without the document). */
void testjson_fixture_is_seed_example(const char *module, const char *fixture, const char *op, const char *code);
/* Parse a fixture with a model parser; the test fails when it is refused. */
void *testjson_parsed(const struct kmodel *parse, const char *module, const char *fixture);
/* Run a parser on JSON text; the model, or NULL with *err. */
void *testjson_parse(const struct kmodel *parse, const char *text, char **err);
/* Parse text that must be refused; the message must name what is wrong (contain needle). */
void testjson_refused(const struct kmodel *parse, const char *text, const char *needle);
/* A request's body as JSON, duplicate keys refused (the test fails when there is none); the caller decrefs. */
json_t *testjson_body(const struct api_request *req);
/* got must equal the JSON text want. */
void testjson_assert_equal(json_t *got, const char *want);
/* A request's body must equal the JSON text want. */
void testjson_assert_body(const struct api_request *req, const char *want);

#endif
