/* What the programs that use the test server share: their start and end, a profile aimed at the test server, a
 * worker's next answer, a refusing port. */
#ifndef KT_INTEGUTIL_H
#define KT_INTEGUTIL_H
#include <stdbool.h>
#include "api/worker.h"
#include "core/profile.h"

struct testserver;

/* The longest a test waits for anything: far beyond need, only there so a bug fails instead of hanging. */
#define INTEG_BOUND_MS 60000

/* Start a program: false (having printed the SKIP line) without a UTF-8 locale, else the worker's globals are ready. */
bool integ_begin(void);
/* End a program: release the worker's globals and hand back the group's result. */
int integ_end(int rc);
/* A fresh profile aimed at the server, with an API key when api_key is not NULL. */
void integ_profile(struct profile *p, const struct testserver *srv, const char *api_key);
/* The worker's next finished job (notes of jobs waiting to be retried are skipped), waiting up to INTEG_BOUND_MS (the
 * test fails when none comes). */
struct worker_done *integ_next_done(struct worker *w);
/* A loopback URL whose port is bound but never listens, so connections are refused while *fd stays open; the caller
 * closes *fd and frees the URL. */
char *integ_refused_url(int *fd);

#endif
