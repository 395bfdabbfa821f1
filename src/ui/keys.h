/* Key codes as the UI sees them: characters are code points, function keys are tagged. */
#ifndef KT_KEYS_H
#define KT_KEYS_H
#include <curses.h>
#include <stdbool.h>

/* Function keys from curses are tagged so they never collide with characters like U+0102. */
#define K_FN 0x200000
/* A curses KEY_* code as a UI key. */
#define K(code) (K_FN | (code))
#define K_UP K(KEY_UP)
#define K_DOWN K(KEY_DOWN)
#define K_LEFT K(KEY_LEFT)
#define K_RIGHT K(KEY_RIGHT)
#define K_PGUP K(KEY_PPAGE)
#define K_PGDN K(KEY_NPAGE)
#define K_HOME K(KEY_HOME)
#define K_END K(KEY_END)
#define K_BTAB K(KEY_BTAB)
#define K_DC K(KEY_DC)
#define K_BACKSPACE K(KEY_BACKSPACE)
#define K_RESIZE K(KEY_RESIZE)
#define K_ENTER_KP K(KEY_ENTER)
#define K_F(n) K(KEY_F(n))
#define K_ESC 27
#define K_TAB 9
#define K_ENTER '\n'
/* Control-letter. */
#define K_CTRL(c) ((c) & 0x1f)

/* True for keys that mean Enter. */
bool keys_is_enter(int key);
/* True for keys that mean Backspace. */
bool keys_is_backspace(int key);
/* A human name for help, hints and scripts ("Enter", "PgDn", "S-Tab", "C-r", "j"); static storage. */
const char *keys_name(int key);
/* Parse a key name as keys_name prints it; -1 when unknown. */
int keys_parse(const char *name);
/* A key as the terminal sent it, as the key tables name it: Enter comes as CR (nonl() keeps it so), bound as K_ENTER. */
int keys_cooked(int key);
/* Read one key from curses without blocking (cooked); -1 when none is waiting. */
int keys_read(void);

#endif
