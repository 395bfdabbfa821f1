#include "config.h"
#include "integutil.h"
#include "ktest.h"
#include "testserver.h"
#include "core/xalloc.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

bool integ_begin(void)
{
	if (!testutil_utf8_locale()) {
		puts("SKIP: no UTF-8 locale");
		return false;
	}
	worker_global_init();
	return true;
}

int integ_end(int rc)
{
	worker_global_cleanup();
	return rc;
}

void integ_profile(struct profile *p, const struct testserver *srv, const char *api_key)
{
	profile_init(p);
	profile_set(&p->url, testserver_url(srv));
	if (api_key)
		profile_set_secret(&p->api_key, api_key);
}

struct worker_done *integ_next_done(struct worker *w)
{
	struct worker_done *d = worker_take(w);
	for (int waited = 0; (!d || d->interim) && waited < INTEG_BOUND_MS; waited += 100) {
		if (d) {
			worker_done_free(d); /* a note while a job waits to be retried */
			d = worker_take(w);
			continue;
		}
		worker_wait(w, 100);
		d = worker_take(w);
	}
	if (d && d->interim) {
		worker_done_free(d);
		d = NULL;
	}
	if (!d)
		fail_msg("no job came back");
	return d;
}

char *integ_refused_url(int *fd)
{
	*fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(*fd >= 0);
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = 0};
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(*fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	socklen_t sl = sizeof(sin);
	assert_int_equal(getsockname(*fd, (struct sockaddr *)&sin, &sl), 0);
	return xasprintf("http://127.0.0.1:%u", (unsigned)ntohs(sin.sin_port));
}
