/* JSON models: one descriptor per model type, and the one parse and free that every model goes through. */
#ifndef KT_KMODEL_H
#define KT_KMODEL_H
#include <jansson.h>
#include <stddef.h>

struct kjson_reader;

/* What a JSON model is; every model module exports one per response shape, named <module>_<what>_model. */
struct kmodel {
	const char *what;  /* names the model in messages ("cases _find response"): where the reader starts */
	size_t size;       /* bytes of the model's struct; 0: the JSON is only checked and the model is NULL */
	/* Fill out (a zeroed struct of size bytes, or NULL when size is 0) from j; problems go to r. */
	void (*read)(struct kjson_reader *r, json_t *j, void *out);
	/* Free what out holds and leave it zeroed, so it can be cleared again; NULL when it holds no pointers. */
	void (*clear)(void *out);
};

/* Read j into a new model of type m; 0 with *out set, or -1 with *err (caller frees) naming what is wrong. */
int kmodel_parse(const struct kmodel *m, json_t *j, void **out, char **err);
/* Free a model made by kmodel_parse with the same m; NULL is fine. */
void kmodel_free(const struct kmodel *m, void *model);

#endif
