/*
 * Run a command and write its peak RSS (KiB) and CPU seconds to a file: `bench_rss OUT CMD ARGS...`.
 * A small process forks and execs, so the high-water mark Linux carries across exec is this
 * program's own (a few hundred KiB), not that of a large parent such as the Python bench.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench_rss OUT CMD [ARGS...]\n", stderr);
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0)
		return 2;
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		return 2;
	FILE *f = fopen(argv[1], "w");
	if (f) {
		fprintf(f, "%ld %.6f\n", ru.ru_maxrss,
			(double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
				ru.ru_stime.tv_usec / 1e6);
		fclose(f);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
