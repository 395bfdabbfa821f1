/*
 * The Security AI Assistant's chat: the request that asks it (streamed), the reader of its
 * streamed reply, the AI connectors it can use and the anonymization settings that decide
 * which of an alert's fields go with a question.
 */
#ifndef KT_ASSISTANT_H
#define KT_ASSISTANT_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "api/kmodel.h"
#include "api/request.h"
#include "core/strbuf.h"

struct connector;

/* One question to the assistant. */
struct assistant_chat {
	const char *connector_id;    /* an AI connector's id */
	const char *conversation_id; /* the conversation it continues, or NULL for a new one */
	bool persist;                /* store the exchange in the user's conversations */
	const char *content;         /* the user's message */
	json_t *data;                /* borrowed: fields sent as the message's data ({"host.name": "web-01"}), or NULL */
	json_t *anonymize;           /* borrowed: field names to anonymize whatever the settings say, or NULL */
};

/* POST /api/security_ai_assistant/chat/complete with isStream: the reply comes back in pieces. */
struct api_request *assistant_chat_request(const struct assistant_chat *c);

/*
 * The streamed reply is NDJSON, one {"payload": "...", "type": "content"} object a line, and ends
 * when the connection closes (Kibana's streamFactory; no terminator line). Lines of other types
 * and lines that do not parse are skipped, as Kibana's own client does.
 */
struct assistant_stream {
	struct strbuf line;  /* an incomplete line, waiting for the rest */
	size_t lines;        /* content lines read */
	bool overlong;       /* the current line passed the length bound: it is being skipped */
};

/* Start reading a reply. */
void assistant_stream_init(struct assistant_stream *s);
/* Free what the reader holds. */
void assistant_stream_free(struct assistant_stream *s);
/* Feed bytes as they arrive; the text of every complete content line is appended to out. */
void assistant_stream_feed(struct assistant_stream *s, const char *data, size_t len, struct strbuf *out);
/* The body has ended: a last line without its newline is read too. */
void assistant_stream_end(struct assistant_stream *s, struct strbuf *out);

/* Whether the assistant can use a connector: an LLM type (OpenAI, Bedrock, Gemini, inference) with its secrets. */
bool assistant_connector_ok(const struct connector *c);

/* One anonymization setting of the space. */
struct anon_field {
	char *field;       /* "host.name" */
	bool allowed;      /* sent to the LLM at all */
	bool anonymized;   /* sent as a placeholder, the value kept in the conversation's replacements */
};

/* The space's anonymization settings. */
struct anon_field_list {
	struct anon_field *items;
	size_t n;
	long long total;
};

/* GET /api/security_ai_assistant/anonymization_fields/_find, every setting (per_page 1000, as Kibana reads them). */
struct api_request *assistant_anon_fields_request(void);
/* The settings: a struct anon_field_list. */
extern const struct kmodel assistant_anon_fields_model;

/*
 * The fields of an alert's _source to send as a message's data: flattened to dotted names, only
 * those the settings allow (all of them when the space has no settings), values as text (arrays
 * of text for arrays). *anonymize gets the names among them that the settings anonymize.
 */
json_t *assistant_alert_data(json_t *source, const struct anon_field_list *settings, json_t **anonymize);

#endif
