# The program: main.c picks a front end.
bin_PROGRAMS += src/ktriage
src_ktriage_SOURCES = src/main.c
src_ktriage_LDADD = $(API_LIBS) $(NCURSES_LIBS) $(READLINE_LIBS) $(MHD_LIBS)
