/* Colour roles and the themes that map them to colours and attributes. */
#ifndef KT_THEME_H
#define KT_THEME_H
#include <stdbool.h>

/* Everything that can be coloured; themes name these roles. */
#define THEME_ROLES(X) \
	X(NORMAL, "normal") \
	X(HEADER, "header") \
	X(TAB, "tab") \
	X(TAB_ACTIVE, "tab-active") \
	X(TITLE, "title") \
	X(COLUMNS, "columns") \
	X(SELECTED, "selected") \
	X(MARKED, "marked") \
	X(SEV_LOW, "severity-low") \
	X(SEV_MEDIUM, "severity-medium") \
	X(SEV_HIGH, "severity-high") \
	X(SEV_CRITICAL, "severity-critical") \
	X(STATUS_OPEN, "status-open") \
	X(STATUS_PROGRESS, "status-progress") \
	X(STATUS_CLOSED, "status-closed") \
	X(STATUS_PENDING, "status-pending") \
	X(STATUS_OK, "status-ok") \
	X(STATUS_FAILED, "status-failed") \
	X(ERROR, "error") \
	X(WARNING, "warning") \
	X(SUCCESS, "success") \
	X(HINT, "hint") \
	X(HINT_KEY, "hint-key") \
	X(STATUSLINE, "statusline") \
	X(DIM, "dim") \
	X(LINK, "link") \
	X(LABEL, "label") \
	X(BORDER, "border") \
	X(INPUT, "input") \
	X(JSON_KEY, "json-key") \
	X(JSON_STRING, "json-string") \
	X(JSON_NUMBER, "json-number") \
	X(JSON_LITERAL, "json-literal")

/* A colour role. */
enum theme_role {
#define THEME_ENUM(id, name) ROLE_##id,
	THEME_ROLES(THEME_ENUM)
#undef THEME_ENUM
	ROLE_COUNT
};

/* A parsed theme: per role, colours (-1 default, 0-255) and attribute bits (A_BOLD...). */
struct theme {
	short fg[ROLE_COUNT];
	short bg[ROLE_COUNT];
	unsigned attrs[ROLE_COUNT];
	bool set[ROLE_COUNT];
};

/* The role's name in theme files. */
const char *theme_role_name(enum theme_role role);
/* Parse theme text over t (roles not mentioned keep their values); 0, or -1 with *err naming the line. */
int theme_parse(struct theme *t, const char *text, const char *source, char **err);
/* The compiled-in default theme. */
void theme_builtin(struct theme *t);
/* Load the theme called name from the theme directories; 0, or -1 with *err. */
int theme_load(struct theme *t, const char *name, char **err);
/* Directories searched for NAME.theme, NULL-terminated (caller frees each and the array). */
char **theme_dirs(void);
/* Set up colour pairs for the terminal (after initscr); honours NO_COLOR and few-colour terminals. */
void theme_apply(const struct theme *t);
/* The curses attribute (colour pair plus attributes) for a role. */
int theme_attr(enum theme_role role);

#endif
