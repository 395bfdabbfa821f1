/*
 * A reply of the AI assistant streaming into the conversation reader (the Conversations pane's
 * detail view): the `ask` command's stream events open or find the reader, the text shows as it
 * arrives, back (Esc) stops it by ending the command (which cancels its transfer), and once the
 * exchange is kept the reader loads the stored conversation in its place.
 */
#ifndef KT_CHAT_H
#define KT_CHAT_H
#include <stdbool.h>
#include <stddef.h>

struct app;
struct chat;
struct cmd_ctx;
struct cmd_stream;
struct detail;

/* Where an exchange is. */
enum chat_state {
	CHAT_ARRIVING, /* the reply is coming */
	CHAT_KEPT,     /* complete and kept in a conversation */
	CHAT_DONE,     /* complete, not kept */
	CHAT_STOPPED,  /* stopped before its end */
	CHAT_FAILED,   /* the command failed */
};

/* What a reader shows of its exchange; the strings are the chat's. */
struct chat_shown {
	const char *question;
	const char *answer;         /* the reply so far */
	const char *about;          /* what it is about, or NULL */
	const char *error;          /* CHAT_FAILED: why */
	enum chat_state state;
	size_t base_messages;       /* the conversation's messages when asked: a stored copy with more holds the exchange */
};

/* Open the form of `ask` about an object: arg is "alert" or "case", id its id. */
void chat_ask(struct app *a, const char *arg, const char *id);
/* An event of a running command's streamed reply (the TUI's cmd_host.stream); *chat is the command's own. */
void chat_stream(struct app *a, struct chat **chat, struct cmd_ctx *ctx, const struct cmd_stream *ev);
/* The command behind a chat has ended (its error, if any, is ctx->error). */
void chat_command_done(struct chat *chat, struct cmd_ctx *ctx);
/* The exchange of a reader, if it has one: false when none. */
bool chat_shown(struct detail *d, struct chat_shown *out);
/* The reader's stored conversation now holds the exchange: the chat lets go of it; true the first time. */
bool chat_settle(struct detail *d);
/* A reader is being freed (the Conversations pane's detail_free): a reply still arriving is stopped. */
void chat_detail_free(struct detail *d);

#endif
