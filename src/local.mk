# The program: main.c picks a front end.
bin_PROGRAMS += src/ktriage
src_ktriage_SOURCES = src/main.c src/options.c src/options.h
src_ktriage_LDADD = $(UI_LIBS) $(DEMO_LIBS)
