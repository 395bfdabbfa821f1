# The man page: the text is doc/ktriage.1.in; its key and command lists are
# generated from the command table by `ktriage help --man`, so they cannot drift.
man_MANS = doc/ktriage.1
EXTRA_DIST += doc/ktriage.1.in
EXTRA_DIST += doc/HACKING.md
CLEANFILES += doc/ktriage.1
doc/ktriage.1: $(top_srcdir)/doc/ktriage.1.in src/ktriage$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) doc && \
	src/ktriage help --man-keys > doc/ktriage.keys.tmp && \
	src/ktriage help --man-commands > doc/ktriage.cmds.tmp && \
	sed -e 's/%VERSION%/$(PACKAGE_VERSION)/' -e 's/%DATE%/2026/' \
	    -e '/%KEYS%/{r doc/ktriage.keys.tmp' -e 'd;}' \
	    -e '/%COMMANDS%/{r doc/ktriage.cmds.tmp' -e 'd;}' \
	    $(top_srcdir)/doc/ktriage.1.in > $@ && \
	rm -f doc/ktriage.keys.tmp doc/ktriage.cmds.tmp
