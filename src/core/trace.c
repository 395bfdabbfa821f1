#include "config.h"
#include "core/trace.h"
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* Set once before threads start, read by all after. */
static int trace_fd = -1;

bool trace_open_env(void)
{
	const char *path = getenv("KTRIAGE_TRACE");
	if (!path || !*path || trace_fd >= 0)
		return true;
	trace_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	trace_event("start", "%d", (int)getpid());
	return trace_fd >= 0;
}

bool trace_on(void)
{
	return trace_fd >= 0;
}

void trace_event(const char *event, const char *fmt, ...)
{
	if (trace_fd < 0)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	char line[512];
	int n = snprintf(line, sizeof(line), "%lld %s ", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, event);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(line))
		n += vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line) - 1)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	/* One write per line: O_APPEND keeps lines from several threads whole. */
	ssize_t w = write(trace_fd, line, (size_t)n);
	(void)w;
}

void trace_close(void)
{
	if (trace_fd >= 0)
		close(trace_fd);
	trace_fd = -1;
}
