#include "config.h"
#include "core/secret.h"
#include "core/xalloc.h"
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

void secret_protect_process(void)
{
	struct rlimit rl = {0, 0};
	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

char *secret_prompt(const char *question)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct termios old, quiet;
	if (tcgetattr(fd, &old) < 0) {
		close(fd);
		return NULL;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	if (write(fd, question, strlen(question)) < 0 || tcsetattr(fd, TCSAFLUSH, &quiet) < 0) {
		close(fd);
		return NULL;
	}
	char buf[1024];
	size_t n = 0;
	char c;
	while (n + 1 < sizeof(buf) && read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
		buf[n++] = c;
	buf[n] = '\0';
	tcsetattr(fd, TCSAFLUSH, &old);
	if (write(fd, "\n", 1) < 0)
		n = 0;
	close(fd);
	char *r = n ? xstrdup(buf) : NULL;
	explicit_bzero(buf, sizeof(buf));
	return r;
}
