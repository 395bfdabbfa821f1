/*
 * A case's story: its user actions and its comments merged in time, each told in words ("Ana
 * changed the status to in-progress"), shared by the case's detail view, `case activity` and
 * `case export`. Everything is built from pages as they come; text stays unsanitized (the
 * front end that shows it sanitizes, as for any server text).
 */
#ifndef KT_STORYFMT_H
#define KT_STORYFMT_H
#include <stddef.h>

struct case_activity_page;
struct case_comment_page;
struct case_user_action;

/* What an entry of the story is. */
enum story_kind {
	STORY_CHANGE,  /* the case changed: created, status, tags, push... */
	STORY_COMMENT, /* a comment, with its text as the body */
	STORY_ALERT,   /* alerts attached */
};

/* One entry of the story. */
struct story_entry {
	enum story_kind kind;
	const char *when;  /* ISO 8601 time (borrowed from the pages), or NULL */
	char *who;         /* who did it */
	char *what;        /* one line: "changed the status to in-progress" */
	char *body;        /* text that goes under it (a comment, a description), or NULL */
	size_t seq;        /* the order it came in: entries at the same time keep it */
};

/* A story, oldest first. */
struct story {
	struct story_entry *items;
	size_t n;
};

/* Where a story comes from: pages of user actions and of comments, borrowed while the story lives. */
struct story_sources {
	const struct case_activity_page *const *actions;
	size_t n_actions;
	const struct case_comment_page *const *comments;
	size_t n_comments;
	const char *horizon; /* more is still to load after this time: later entries are left out (NULL: none) */
};

/* Build the story from its sources (s is overwritten; free it with storyfmt_free). */
void storyfmt_build(struct story *s, const struct story_sources *src);
/* Free a story. */
void storyfmt_free(struct story *s);

#endif
