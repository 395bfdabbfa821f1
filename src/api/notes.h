/* Timeline notes: DELETE /api/note. */
#ifndef KT_NOTES_H
#define KT_NOTES_H
#include <stddef.h>
#include "api/request.h"

/* DELETE /api/note: {noteId} for one note, {noteIds} for several; Kibana answers with no body. */
struct api_request *notes_delete_request(const char *const *ids, size_t n);

#endif
