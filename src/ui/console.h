/*
 * The response console of one host, like Kibana's but in the terminal: a prompt that takes the
 * response commands (isolate, processes, kill --pid N, get-file --path P, download, ...) with Tab
 * completion, and a scrollback of each command and its outcome as the action goes from pending
 * to done. The commands are the command table's (`endpoint kill` and the rest): the console only
 * adds the host and runs them through the same parser, checks, question and audit log.
 */
#ifndef KT_CONSOLE_H
#define KT_CONSOLE_H

struct app;

/* Open the console of an endpoint given by agent id or host name; 0, or -1 with *err. */
int console_open(struct app *a, const char *endpoint, char **err);

#endif
