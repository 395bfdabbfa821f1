/* Settings from the config file and the environment, merged into a profile. */
#ifndef KT_CONFIG_FILE_H
#define KT_CONFIG_FILE_H
#include <stdbool.h>
#include <stdio.h>

struct profile;
struct strbuf;

/* The config file path: $XDG_CONFIG_HOME/ktriage/config or ~/.config/ktriage/config; caller frees. */
char *config_default_path(void);
/*
 * Read the INI file at path into p: global keys from [ktriage], then the keys of
 * [profile NAME] where NAME is want (NULL: the file's default_profile, else "default").
 * A missing file is fine unless must_exist. Problems that do not stop the program
 * (unknown keys, loose permissions) are appended to warnings, one per line.
 * Returns 0, or -1 with *err set (caller frees).
 */
int config_load(struct profile *p, const char *path, const char *want, bool must_exist,
		struct strbuf *warnings, char **err);
/* Append the name of every [profile NAME] in the file at path, one a line; 0, or -1 when it cannot be read. */
int config_profile_names(const char *path, struct strbuf *out);
/* Apply KIBANA_URL, KIBANA_SPACE, KIBANA_API_KEY, KIBANA_USERNAME, KIBANA_PASSWORD. */
void config_apply_env(struct profile *p);
/* Read a secret from a file (first line, trailing newline dropped); 0, or -1 with *err. */
int config_read_secret(const char *path, char **secret, struct strbuf *warnings, char **err);
/*
 * Open a file of settings (config, secret, theme) for reading, refusing before it is opened
 * what is not a plain file: a directory, a device, a socket, or a named pipe (opening a FIFO
 * blocks until someone writes; reading a device may never end or may change something).
 * The one pipe allowed is a descriptor this process already holds (/dev/fd/N, as
 * --config <(pass show kibana) gives). what names the file in messages ("config file").
 * NULL with errno set and *err (caller frees) on failure.
 */
FILE *config_fopen(const char *path, const char *what, char **err);
/* Expand a leading "~/" to $HOME; caller frees. */
char *config_expand_path(const char *path);

#endif
