# core/: no dependency on the other layers.
noinst_LIBRARIES += src/core/libcore.a
src_core_libcore_a_SOURCES = \
	src/core/xalloc.c src/core/xalloc.h \
	src/core/strbuf.c src/core/strbuf.h \
	src/core/utf8.c src/core/utf8.h \
	src/core/sanitize.c src/core/sanitize.h \
	src/core/urlenc.c src/core/urlenc.h \
	src/core/profile.c src/core/profile.h \
	src/core/config_file.c src/core/config_file.h \
	src/core/column.c src/core/column.h \
	src/core/rowset.c src/core/rowset.h \
	src/core/table.c src/core/table.h \
	src/core/record.c src/core/record.h \
	src/core/timefmt.c src/core/timefmt.h \
	src/core/secret.c src/core/secret.h \
	src/core/fetchlimit.c src/core/fetchlimit.h
src_core_libcore_a_SOURCES += src/core/lastseen.c src/core/lastseen.h
src_core_libcore_a_SOURCES += \
	src/core/markdown.c src/core/markdown.h \
	src/core/termesc.c src/core/termesc.h \
	src/core/sha256.c src/core/sha256.h \
	src/core/threadsig.c src/core/threadsig.h \
	src/core/trace.c src/core/trace.h
CORE_LIBS = src/core/libcore.a $(INIH_LIBS)
