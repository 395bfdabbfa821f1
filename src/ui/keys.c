#include "config.h"
#include "ui/keys.h"
#include "core/utf8.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

static const struct {
	const char *name;
	int key;
} keys_table[] = {
	{"Enter", K_ENTER}, {"Esc", K_ESC}, {"Tab", K_TAB}, {"S-Tab", K_BTAB}, {"BTab", K_BTAB}, {"Space", ' '},
	{"Up", K_UP}, {"Down", K_DOWN}, {"Left", K_LEFT}, {"Right", K_RIGHT}, {"PgUp", K_PGUP},
	{"PgDn", K_PGDN}, {"Home", K_HOME}, {"End", K_END}, {"Del", K_DC}, {"Backspace", K_BACKSPACE},
	{"F1", K_F(1)}, {"F2", K_F(2)}, {"F3", K_F(3)}, {"F5", K_F(5)}, {"F10", K_F(10)},
};

bool keys_is_enter(int key)
{
	return key == '\n' || key == '\r' || key == K_ENTER_KP;
}

bool keys_is_backspace(int key)
{
	return key == K_BACKSPACE || key == 127 || key == 8;
}

const char *keys_name(int key)
{
	static char buf[16];
	for (size_t i = 0; i < sizeof(keys_table) / sizeof(*keys_table); i++)
		if (keys_table[i].key == key)
			return keys_table[i].name;
	if (key == '\r')
		return "Enter";
	if (key > 0 && key < 32) {
		snprintf(buf, sizeof(buf), "C-%c", key + 'a' - 1);
		return buf;
	}
	if (key >= 32 && key < K_FN) {
		size_t n = utf8_encode((uint32_t)key, buf);
		buf[n] = '\0';
		return buf;
	}
	snprintf(buf, sizeof(buf), "key%d", key & ~K_FN);
	return buf;
}

int keys_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(keys_table) / sizeof(*keys_table); i++)
		if (strcasecmp(keys_table[i].name, name) == 0)
			return keys_table[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
		return K_CTRL(name[2]);
	uint32_t cp;
	size_t len = strlen(name);
	if (len && utf8_decode(name, len, &cp) == len && cp != UTF8_INVALID)
		return (int)cp;
	return -1;
}

int keys_cooked(int key)
{
	return key == '\r' ? K_ENTER : key;
}

int keys_read(void)
{
	wint_t ch;
	int rc = get_wch(&ch);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES)
		return K((int)ch);
	return keys_cooked((int)ch);
}
