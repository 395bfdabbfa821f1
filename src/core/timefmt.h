/* Timestamps: parsing Kibana's ISO-8601 strings and showing them to people. */
#ifndef KT_TIMEFMT_H
#define KT_TIMEFMT_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* Parse "2024-05-01T12:34:56.789Z" (or with a +hh:mm offset) into seconds since the epoch. */
bool timefmt_parse(const char *iso, time_t *out);
/* The same to the millisecond: milliseconds since the epoch. */
bool timefmt_parse_ms(const char *iso, long long *out);
/* Which of two ISO times is later, to the millisecond: <0, 0, >0; an unparsable time is the earliest. */
int timefmt_cmp(const char *a, const char *b);
/* "12s ago", "5m ago", "3h ago", "2d ago", "in 4m"; "-" when iso is NULL or unparsable. */
void timefmt_relative(const char *iso, time_t now, char *buf, size_t len);
/* Local "YYYY-MM-DD HH:MM:SS" for an ISO string, or the string itself when unparsable. */
void timefmt_local(const char *iso, char *buf, size_t len);
/* Current time as ISO-8601 UTC with milliseconds. */
void timefmt_now_iso(char *buf, size_t len);

#endif
