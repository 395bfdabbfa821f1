/* The Elasticsearch query subset the alerts search accepts, compiled once and run over every alert. */
#ifndef KT_DEMO_QUERY_H
#define KT_DEMO_QUERY_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

struct demo_alert;
struct demo_data;
struct demo_query;

/*
 * Compile an ES query: match_all; bool (filter, must, should with
 * minimum_should_match, must_not); term; terms; ids; range (gt/gte/lt/lte on
 * dates with ISO-8601, epoch millis or now-based date math, on numbers, or
 * lexicographic on keywords); simple_query_string. q == NULL matches all.
 * Anything else gives NULL with *err naming the clause (caller frees).
 */
struct demo_query *demo_query_compile(json_t *q, int64_t now_ms, char **err);
/* True when the alert matches. */
bool demo_query_match(const struct demo_query *q, const struct demo_data *d, const struct demo_alert *a);
/* Free a compiled query (NULL is fine). */
void demo_query_free(struct demo_query *q);

#endif
