/*
 * A timing trace for measuring the program from outside (make bench): with KTRIAGE_TRACE=FILE,
 * one line per event is appended to FILE, "<CLOCK_MONOTONIC nanoseconds> <event> <detail>":
 * start, key, request (sent), response (received and parsed), frame (drawn). Nothing when unset.
 */
#ifndef KT_TRACE_H
#define KT_TRACE_H
#include <stdbool.h>

/*
 * Open the file KTRIAGE_TRACE names (created 0600, appended to) and record "start"; call before
 * any thread starts. false when it is set but cannot be opened.
 */
bool trace_open_env(void);
/* True when a trace is being written. */
bool trace_on(void);
/* Record an event with printf-style detail (one line, written at once: threads may share the file). */
void trace_event(const char *event, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Close the trace. */
void trace_close(void);

#endif
