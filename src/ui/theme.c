#include "config.h"
#include "ui/theme.h"
#include "core/config_file.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const theme_names[] = {
#define THEME_NAME(id, name) name,
	THEME_ROLES(THEME_NAME)
#undef THEME_NAME
};

/* The attributes in effect, per role, after theme_apply. */
static int theme_attrs[ROLE_COUNT];

/* The compiled-in default: themes/default.theme, turned into a string at build time. */
static const char theme_default_text[] =
#include "ui/theme_default.h"
	;

const char *theme_role_name(enum theme_role role)
{
	return theme_names[role];
}

static bool theme_color(const char *s, short *out)
{
	static const char *const basic[] = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};
	if (strcasecmp(s, "default") == 0) {
		*out = -1;
		return true;
	}
	for (short i = 0; i < 8; i++) {
		if (strcasecmp(s, basic[i]) == 0) {
			*out = i;
			return true;
		}
		if (strncasecmp(s, "bright-", 7) == 0 && strcasecmp(s + 7, basic[i]) == 0) {
			*out = (short)(i + 8);
			return true;
		}
	}
	if (strncasecmp(s, "color", 5) == 0) {
		char *end;
		long v = strtol(s + 5, &end, 10);
		if (!*end && end != s + 5 && v >= 0 && v <= 255) {
			*out = (short)v;
			return true;
		}
	}
	return false;
}

static bool theme_attr_word(const char *s, unsigned *attrs)
{
	static const struct {
		const char *name;
		unsigned attr;
	} words[] = {
		{"bold", A_BOLD}, {"dim", A_DIM}, {"reverse", A_REVERSE}, {"underline", A_UNDERLINE},
		{"standout", A_STANDOUT}, {"italic", A_ITALIC}, {"normal", 0},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		if (strcasecmp(s, words[i].name) == 0) {
			*attrs |= words[i].attr;
			return true;
		}
	}
	return false;
}

static int theme_line(struct theme *t, char *line, const char *source, int lineno, char **err)
{
	char *save = NULL;
	char *word = strtok_r(line, " \t", &save);
	if (!word || word[0] == '#')
		return 0;
	if (strcmp(word, "color") != 0) {
		*err = xasprintf("%s:%d: expected \"color ROLE FG BG [ATTR...]\", got \"%s\"", source, lineno, word);
		return -1;
	}
	char *role = strtok_r(NULL, " \t", &save);
	int r = -1;
	for (int i = 0; role && i < ROLE_COUNT; i++)
		if (strcmp(role, theme_names[i]) == 0)
			r = i;
	if (r < 0) {
		*err = xasprintf("%s:%d: unknown role \"%s\"", source, lineno, role ? role : "");
		return -1;
	}
	char *fg = strtok_r(NULL, " \t", &save), *bg = strtok_r(NULL, " \t", &save);
	short f, b;
	if (!fg || !bg || !theme_color(fg, &f) || !theme_color(bg, &b)) {
		*err = xasprintf("%s:%d: bad colours for %s (use default, black..white, bright-NAME or colorN)",
				 source, lineno, role);
		return -1;
	}
	unsigned attrs = 0;
	for (char *a; (a = strtok_r(NULL, " \t", &save));) {
		if (a[0] == '#')
			break;
		if (!theme_attr_word(a, &attrs)) {
			*err = xasprintf("%s:%d: unknown attribute \"%s\"", source, lineno, a);
			return -1;
		}
	}
	t->fg[r] = f;
	t->bg[r] = b;
	t->attrs[r] = attrs;
	t->set[r] = true;
	return 0;
}

int theme_parse(struct theme *t, const char *text, const char *source, char **err)
{
	char *copy = xstrdup(text);
	int lineno = 0, rc = 0;
	for (char *line = copy; line && rc == 0;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		line[strcspn(line, "\r")] = '\0';
		rc = theme_line(t, line, source, lineno, err);
		line = next;
	}
	free(copy);
	return rc;
}

void theme_builtin(struct theme *t)
{
	char *err = NULL;
	memset(t, 0, sizeof(*t));
	if (theme_parse(t, theme_default_text, "builtin", &err) < 0)
		abort();
}

char **theme_dirs(void)
{
	char **dirs = xcalloc(5, sizeof(char *));
	int n = 0;
	const char *env = getenv("KTRIAGE_THEMES");
	if (env && *env)
		dirs[n++] = xstrdup(env);
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		dirs[n++] = xasprintf("%s/ktriage/themes", xdg);
	else if (home)
		dirs[n++] = xasprintf("%s/.config/ktriage/themes", home);
	dirs[n++] = xstrdup(KT_DATADIR "/themes");
	dirs[n++] = xstrdup(KT_SRCDIR "/themes");
	return dirs;
}

/* The text of a theme file; NULL when there is none to read (*err NULL) or it is refused (*err set). */
static char *theme_read_file(const char *path, char **err)
{
	FILE *f = config_fopen(path, "theme file", err);
	if (!f) {
		/* A missing or unreadable file: the next directory may have it. A FIFO or device is refused. */
		if (errno != EINVAL) {
			free(*err);
			*err = NULL;
		}
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len < (1u << 20))
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb, NULL);
}

int theme_load(struct theme *t, const char *name, char **err)
{
	theme_builtin(t);
	if (!name || !*name || strcmp(name, "default") == 0)
		return 0;
	if (strchr(name, '/')) {
		*err = xasprintf("theme names cannot contain \"/\" (got \"%s\")", name);
		return -1;
	}
	char **dirs = theme_dirs();
	int rc = -1;
	for (int i = 0; dirs[i]; i++) {
		char *path = xasprintf("%s/%s.theme", dirs[i], name);
		char *text = theme_read_file(path, err);
		if (*err) {
			free(path);
			break;
		}
		if (text) {
			rc = theme_parse(t, text, path, err);
			free(text);
			free(path);
			break;
		}
		free(path);
	}
	if (rc < 0 && !*err) {
		struct strbuf sb;
		strbuf_init(&sb);
		for (int i = 0; dirs[i]; i++)
			strbuf_printf(&sb, "%s%s", i ? ", " : "", dirs[i]);
		*err = xasprintf("no theme \"%s\" (looked for %s.theme in %s)", name, name, sb.buf);
		strbuf_free(&sb);
	}
	for (int i = 0; dirs[i]; i++)
		free(dirs[i]);
	free(dirs);
	return rc;
}

/* The nearest of the first `avail` terminal colours to xterm-256 colour c. */
static short theme_nearest(short c, int avail)
{
	static const unsigned char base16[16][3] = {
		{0, 0, 0}, {205, 0, 0}, {0, 205, 0}, {205, 205, 0}, {0, 0, 238}, {205, 0, 205}, {0, 205, 205},
		{229, 229, 229}, {127, 127, 127}, {255, 0, 0}, {0, 255, 0}, {255, 255, 0}, {92, 92, 255},
		{255, 0, 255}, {0, 255, 255}, {255, 255, 255},
	};
	if (c < 0 || c < avail)
		return c;
	int rgb[3];
	if (c < 16) {
		for (int k = 0; k < 3; k++)
			rgb[k] = base16[c][k];
	} else if (c < 232) {
		static const int steps[] = {0, 95, 135, 175, 215, 255};
		int v = c - 16;
		rgb[0] = steps[v / 36];
		rgb[1] = steps[(v / 6) % 6];
		rgb[2] = steps[v % 6];
	} else {
		rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
	}
	int best = 0;
	long best_d = -1;
	for (int i = 0; i < avail && i < 16; i++) {
		long d = 0;
		for (int k = 0; k < 3; k++)
			d += (long)(rgb[k] - base16[i][k]) * (rgb[k] - base16[i][k]);
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best = i;
		}
	}
	return (short)best;
}

void theme_apply(const struct theme *t)
{
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && !(nc && *nc);
	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		int attr = (int)t->attrs[r];
		if (color && r + 1 < COLOR_PAIRS) {
			int avail = COLORS >= 256 ? 256 : COLORS;
			short fg = theme_nearest(t->fg[r], avail), bg = theme_nearest(t->bg[r], avail);
			/* Bright colours on 8-colour terminals become bold. */
			if (t->fg[r] >= 8 && t->fg[r] < 16 && avail <= 8)
				attr |= A_BOLD;
			init_pair((short)(r + 1), fg, bg);
			attr |= (int)COLOR_PAIR(r + 1);
		} else if (!color) {
			/* Without colour, roles that need to stand out keep a visible attribute. */
			if (r == ROLE_SELECTED || r == ROLE_STATUSLINE || r == ROLE_HEADER || r == ROLE_TAB_ACTIVE || r == ROLE_ERROR)
				attr |= A_REVERSE;
			if (r == ROLE_SEV_CRITICAL || r == ROLE_SEV_HIGH || r == ROLE_STATUS_FAILED || r == ROLE_MARKED)
				attr |= A_BOLD;
		}
		theme_attrs[r] = attr;
	}
	/* What is never drawn over (cleared space) takes the theme's own background too. */
	bkgdset((chtype)theme_attrs[ROLE_NORMAL] | ' ');
}

int theme_attr(enum theme_role role)
{
	return theme_attrs[role];
}
