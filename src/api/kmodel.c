#include "config.h"
#include "api/kmodel.h"
#include "api/kjson.h"
#include "core/xalloc.h"
#include <stdlib.h>

int kmodel_parse(const struct kmodel *m, json_t *j, void **out, char **err)
{
	struct kjson_reader r;
	kjson_reader_init(&r, m->what);
	void *model = m->size ? xcalloc(1, m->size) : NULL;
	m->read(&r, j, model);
	if (r.err) {
		kmodel_free(m, model);
		*err = r.err;
		return -1;
	}
	*out = model;
	return 0;
}

void kmodel_free(const struct kmodel *m, void *model)
{
	if (!model)
		return;
	if (m->clear)
		m->clear(model);
	free(model);
}
