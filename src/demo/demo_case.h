/* Cases as the demo stores them: generation, lookup, rendering and shared validation. */
#ifndef KT_DEMO_CASE_H
#define KT_DEMO_CASE_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

struct demo_check;
struct demo_data;
struct demo_rng;

/* How a rendered case carries its comments. */
enum demo_case_comments {
	DEMO_CASE_NO_COMMENTS,  /* "comments": [] as in _find, PATCH and create responses */
	DEMO_CASE_ALL_COMMENTS, /* every comment, as GET /api/cases/{id} */
};

/* Make n cases with comments and alert attachments pointing at the generated alerts. */
void demo_cases_generate(struct demo_data *d, unsigned n);
/* The stored case with this id (borrowed), or NULL. */
json_t *demo_case_get(const struct demo_data *d, const char *id);
/* The case as the API returns it: public fields, totals and comments per mode. */
json_t *demo_case_render(const struct demo_data *d, json_t *c, enum demo_case_comments mode);
/* The stored comments of a case (borrowed array). */
json_t *demo_case_comments(json_t *c);
/* Record a change: new version, updated_at/updated_by set to now and the API user. */
void demo_case_touch(struct demo_data *d, json_t *c, int64_t now_ms);
/* Make the case's synced alerts follow its status (open, acknowledged for in-progress, closed). */
void demo_case_sync_alerts(struct demo_data *d, json_t *c);
/* Validate a connector object from a request ("[where.connector]..."); true when fine. */
bool demo_case_check_connector(struct demo_check *chk, json_t *conn, const char *where);
/* Validate customFields from a request against the demo's case configuration. */
bool demo_case_check_custom_fields(struct demo_check *chk, json_t *cf, const char *where);
/* Validate assignees ([{uid}], at most 10). */
bool demo_case_check_assignees(struct demo_check *chk, json_t *a, const char *where);
/* The external_service a push to this stored connector creates (id, title and URL by connector type). */
json_t *demo_case_external(struct demo_rng *r, json_t *conn, int64_t at, json_t *by);
/* Whether a stored case lives in a space (cases without one live in "default"). */
bool demo_case_in_space(json_t *c, const char *space);
/* Kibana's 404 text for a case id that does not exist. */
char *demo_case_not_found(const char *id);

#endif
