#include "config.h"
#include "ui/terminal.h"
#include "core/sanitize.h"
#include "core/xalloc.h"
#include <curses.h>
#include <term.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether this machine has a terminal description for term. */
static bool terminal_known(const char *term)
{
	int errret = 0;
	if (setupterm(term, STDOUT_FILENO, &errret) != OK)
		return false;
	del_curterm(cur_term);
	return errret == 1;
}

bool terminal_pick(char **why, char **note)
{
	static const char *const fallbacks[] = {"xterm-256color", "xterm", "vt100"};
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		*why = xstrdup("this terminal (TERM=dumb or unset) cannot run the full-screen UI; "
			       "set TERM (e.g. xterm-256color) or use ktriage -c 'COMMAND' for scripts");
		return false;
	}
	if (terminal_known(term))
		return true;
	for (size_t i = 0; i < sizeof(fallbacks) / sizeof(*fallbacks); i++) {
		if (!terminal_known(fallbacks[i]))
			continue;
		char *clean = sanitize_str(term, SANITIZE_LINE);
		*note = xasprintf("TERM=%s has no terminal description on this machine: using %s instead.", clean,
				  fallbacks[i]);
		free(clean);
		setenv("TERM", fallbacks[i], 1);
		return true;
	}
	char *clean = sanitize_str(term, SANITIZE_LINE);
	*why = xasprintf("this machine has no terminal description for TERM=%s (nor for xterm-256color, xterm or "
			 "vt100); install ncurses-term, set TERM, or use ktriage -c 'COMMAND'",
			 clean);
	free(clean);
	return false;
}

