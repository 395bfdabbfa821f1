/* Keeping secrets out of places they could leak from. */
#ifndef KT_SECRET_H
#define KT_SECRET_H

/* No core dumps and no ptrace by other processes of the user: secrets in memory stay there. */
void secret_protect_process(void);
/* Ask on the terminal with echo off; NULL when there is no terminal or input ended. */
char *secret_prompt(const char *question);

#endif
