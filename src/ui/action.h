/*
 * Every UI action in one table (in the spirit of tig's request table): its name, its
 * default keys, its help line, its hint-bar label and the views it applies to. Key
 * dispatch, `bind`, the hint bar, `?` help and the man page's key table all read it.
 */
#ifndef KT_ACTION_H
#define KT_ACTION_H
#include <stdbool.h>
#include <stddef.h>

/* Where an action applies; a view says which of these it is. */
enum action_where {
	WHERE_LIST = 1u << 0,   /* a list: a pane, or a list inside a view */
	WHERE_DETAIL = 1u << 1, /* a pane's detail view (its commands apply to what it shows) */
	WHERE_TEXT = 1u << 2,   /* a text view: details, results, help */
	WHERE_JSON = 1u << 3,   /* the JSON viewer */
	WHERE_FORM = 1u << 4,   /* a form */
	WHERE_PICKER = 1u << 5, /* a picker */
	WHERE_DIALOG = 1u << 6, /* a yes/no question */
	WHERE_WORD = 1u << 7,   /* a question answered by typing a word */
	WHERE_GLOBAL = 1u << 8, /* anywhere a view does not take the key itself */
	WHERE_INVIEW = 1u << 9, /* a list inside a view (q goes back instead of quitting) */
	WHERE_CONSOLE = 1u << 10, /* the response console: a prompt over the scrollback */
};

/* Views that scroll or move a cursor. */
#define WHERE_MOVES (WHERE_LIST | WHERE_TEXT | WHERE_JSON | WHERE_PICKER)

/* X(ID, name, default keys, help, where, hint label or NULL) */
#define ACTION_REQUESTS(X)                                                                                     \
	X(MOVE_DOWN, "move-down", "j Down C-n", "move down a line", WHERE_MOVES, NULL)                        \
	X(MOVE_UP, "move-up", "k Up C-p", "move up a line", WHERE_MOVES, NULL)                                \
	X(HALF_DOWN, "half-page-down", "C-d", "move down half a page", WHERE_MOVES, NULL)                      \
	X(HALF_UP, "half-page-up", "C-u", "move up half a page", WHERE_MOVES, NULL)                            \
	X(PAGE_DOWN, "page-down", "PgDn C-f", "move down a page", WHERE_MOVES | WHERE_CONSOLE, NULL)           \
	X(PAGE_UP, "page-up", "PgUp C-b", "move up a page", WHERE_MOVES | WHERE_CONSOLE, NULL)                 \
	X(FIRST, "first", "g Home", "go to the top", WHERE_MOVES, NULL)                                        \
	X(LAST, "last", "G End", "go to the bottom", WHERE_MOVES, NULL)                                        \
	X(OPEN, "open", "Enter", "open the detail view (in JSON: fold or show a value whole)",                \
	  WHERE_LIST | WHERE_JSON, "open")                                                                     \
	X(CHOOSE, "choose", "Enter", "choose the item under the cursor", WHERE_PICKER, "choose")              \
	X(MARK, "mark", "Space", "mark or unmark the row for a bulk action", WHERE_LIST, "mark")              \
	X(MARK_ALL, "mark-all", "M", "mark every row the / filter shows (asks first, with the count)",        \
	  WHERE_LIST, NULL)                                                                                    \
	X(CLEAR, "clear", "Esc", "clear the / filter, then the marks", WHERE_LIST, NULL)                      \
	X(FILTER, "filter", "/", "filter the loaded rows (in text: search)", WHERE_LIST | WHERE_TEXT | WHERE_JSON, \
	  "filter")                                                                                            \
	X(NEXT_MATCH, "next-match", "n", "next match of the search", WHERE_TEXT | WHERE_JSON, NULL)            \
	X(PREV_MATCH, "prev-match", "N", "previous match of the search", WHERE_JSON, NULL)                    \
	X(SERVER_FILTERS, "edit-filters", "f", "edit the server-side filters as a command line", WHERE_LIST,  \
	  "filters")                                                                                           \
	X(SORT_NEXT, "sort-next", "o", "sort by the next field", WHERE_LIST, NULL)                            \
	X(SORT_REVERSE, "sort-reverse", "O", "reverse the sort order", WHERE_LIST, NULL)                       \
	X(CYCLE_VIEW, "cycle-view", "v", "show the next status or kind (then all)", WHERE_LIST, NULL)         \
	X(RELOAD, "refresh", "r", "reload from the server", WHERE_LIST | WHERE_DETAIL, "refresh")             \
	X(FOLD_CLOSE, "fold-close", "h Left", "fold the value under the cursor (or go to its parent)",        \
	  WHERE_JSON, NULL)                                                                                    \
	X(FOLD_OPEN, "fold-open", "l Right", "unfold the value under the cursor", WHERE_JSON, NULL)          \
	X(FOLD_TOGGLE, "fold-toggle", "Space", "fold or unfold the value under the cursor", WHERE_JSON, NULL)    \
	X(FOLD_MENU, "fold", "z", "then c fold, o unfold, a toggle, M fold all, R unfold all", WHERE_JSON, NULL) \
	X(BACK, "back", "q Esc", "back to what was below (a reply still arriving is stopped first)",          \
	  WHERE_TEXT | WHERE_JSON | WHERE_INVIEW, "back")                                                      \
	X(SUBMIT, "submit", "C-s F2", "run the form's command", WHERE_FORM, "run")                            \
	X(NEXT_FIELD, "next-field", "Tab", "next field", WHERE_FORM, "next")                                  \
	X(PREV_FIELD, "prev-field", "S-Tab", "previous field", WHERE_FORM, NULL)                              \
	X(CANCEL, "cancel", "Esc", "close without doing anything (a form asks when something was typed)",     \
	  WHERE_FORM | WHERE_PICKER | WHERE_DIALOG | WHERE_WORD, "cancel")                                     \
	X(YES, "yes", "y Y", "answer yes", WHERE_DIALOG, "yes")                                              \
	X(NO, "no", "n N", "answer no", WHERE_DIALOG, "no")                                                  \
	X(CONFIRM, "confirm", "Enter", "confirm the word typed", WHERE_WORD, "confirm")                       \
	X(NEXT_PANE, "next-pane", "Tab", "next pane", WHERE_LIST, NULL)                                        \
	X(PREV_PANE, "prev-pane", "S-Tab", "previous pane", WHERE_LIST, NULL)                                  \
	X(PANE_1, "pane-1", "1", "pane 1", WHERE_LIST, NULL)                                                   \
	X(PANE_2, "pane-2", "2", "pane 2", WHERE_LIST, NULL)                                                   \
	X(PANE_3, "pane-3", "3", "pane 3", WHERE_LIST, NULL)                                                   \
	X(PANE_4, "pane-4", "4", "pane 4", WHERE_LIST, NULL)                                                   \
	X(PANE_5, "pane-5", "5", "pane 5", WHERE_LIST, NULL)                                                   \
	X(PANE_6, "pane-6", "6", "pane 6", WHERE_LIST, NULL)                                                   \
	X(PANE_7, "pane-7", "7", "pane 7", WHERE_LIST, NULL)                                                   \
	X(PANE_8, "pane-8", "8", "pane 8", WHERE_LIST, NULL)                                                   \
	X(PANE_9, "pane-9", "9", "pane 9", WHERE_LIST, NULL)                                                   \
	X(PROMPT, "prompt", ":", "command line (Tab completes; :help lists commands)", WHERE_GLOBAL, "command") \
	X(HELP, "help", "? F1", "help: every key and command", WHERE_GLOBAL, "help")                          \
	X(MESSAGE, "message", "!", "the last message or error, whole", WHERE_GLOBAL, NULL)                    \
	X(SUSPEND, "suspend", "C-z", "suspend ktriage (fg brings it back)", WHERE_GLOBAL, NULL)                \
	X(QUIT, "quit", "q", "quit (in a view: back)", WHERE_LIST, "quit")                                     \
	X(QUIT_NOW, "quit-now", "C-c", "quit from anywhere", WHERE_GLOBAL, NULL)                              \
	X(OPEN_LINK, "open-link", "o", "the Kibana page of what is shown: on the status line, or opened by set opener", \
	  WHERE_DETAIL, "link")                                                                                \
	X(COPY_ID, "copy-id", "y", "copy the id (of the marked rows, one a line) to the clipboard (OSC 52)",  \
	  WHERE_LIST | WHERE_DETAIL, NULL)                                                                     \
	X(COPY_LINK, "copy-link", "Y", "copy the Kibana link (of the marked rows, one a line) to the clipboard (OSC 52)", \
	  WHERE_LIST | WHERE_DETAIL, NULL)                                                                     \
	X(CONSOLE_RUN, "console-run", "Enter", "run the response command typed", WHERE_CONSOLE, "run")          \
	X(CONSOLE_COMPLETE, "console-complete", "Tab",                                                         \
	  "complete: commands, options, pids of the last process list, paths typed before", WHERE_CONSOLE,     \
	  "complete")                                                                                          \
	X(CONSOLE_OLDER, "console-older", "Up", "the command typed before", WHERE_CONSOLE, "history")          \
	X(CONSOLE_NEWER, "console-newer", "Down", "the command typed after", WHERE_CONSOLE, NULL)              \
	X(CONSOLE_CLOSE, "console-close", "Esc", "clear the line, then close the console (actions go on)",      \
	  WHERE_CONSOLE, "close")

/* The requests: one per row of ACTION_REQUESTS. */
enum action_req {
	REQ_NONE,
#define ACTION_ENUM(id, name, keys, help, where, hint) REQ_##id,
	ACTION_REQUESTS(ACTION_ENUM)
#undef ACTION_ENUM
	REQ_COUNT
};

/* One request's declaration. */
struct action {
	enum action_req req;
	const char *name;  /* for bind and help: "move-down" */
	const char *keys;  /* default keys, as keys_parse names them, space-separated */
	const char *help;
	unsigned where;    /* enum action_where bits */
	const char *hint;  /* label in the hint bar, or NULL when not hinted */
};

/* The declaration of a request (REQ_NONE < req < REQ_COUNT). */
const struct action *action_get(enum action_req req);
/* The request called name, or REQ_NONE. */
enum action_req action_by_name(const char *name);
/*
 * Move a position within count items by a movement request (line, half page, page, first, last),
 * clamped; page is the view's height. False, with pos untouched, for other requests.
 */
bool action_move(enum action_req req, size_t *pos, size_t page, size_t count);
/* The i-th default key of an action's keys (-1 past the last). */
int action_key(const char *keys, size_t i);

#endif
