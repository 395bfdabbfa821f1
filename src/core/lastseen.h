/*
 * The "since I last looked" markers: for each profile, space and list, the time of the newest
 * row the user has seen, kept in the state directory so they survive restarts.
 */
#ifndef KT_LASTSEEN_H
#define KT_LASTSEEN_H

/* The markers' file: $XDG_STATE_HOME/ktriage/last-seen or ~/.local/state/ktriage/last-seen; caller frees. */
char *lastseen_path(void);
/* The time kept for (profile, space, list), or NULL when there is none (or it is not a time); caller frees. */
char *lastseen_get(const char *path, const char *profile, const char *space, const char *list);
/* Keep a time for (profile, space, list), the other markers untouched; 0, or -1 with *err. */
int lastseen_set(const char *path, const char *profile, const char *space, const char *list, const char *time,
		 char **err);

#endif
