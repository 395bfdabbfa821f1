# Benchmarks: `make bench` prints figures (medians of repeated runs); nothing here is a pass/fail test.
EXTRA_PROGRAMS = bench/bench_parse bench/bench_list bench/bench_cell bench/bench_rss
bench_bench_parse_SOURCES = bench/bench_parse.c bench/bench_util.h
bench_bench_parse_LDADD = $(API_LIBS)
bench_bench_list_SOURCES = bench/bench_list.c bench/bench_util.h
bench_bench_list_LDADD = $(UI_LIBS)
bench_bench_cell_SOURCES = bench/bench_cell.c bench/bench_util.h
bench_bench_cell_LDADD = $(UI_LIBS)
bench_bench_rss_SOURCES = bench/bench_rss.c
bench_bench_rss_LDADD =
EXTRA_DIST += bench/bench-e2e.sh bench/bench_e2e.py bench/bench_tui.py
CLEANFILES += $(EXTRA_PROGRAMS)

bench: bench/bench_parse$(EXEEXT) bench/bench_list$(EXEEXT) bench/bench_cell$(EXEEXT) bench/bench_rss$(EXEEXT) src/ktriage$(EXEEXT)
	@echo "== parsing (JSON text to typed models)"
	@bench/bench_parse$(EXEEXT)
	@echo "== pane core (list model)"
	@bench/bench_list$(EXEEXT)
	@echo "== one drawn field (sanitizing, width, wrapping)"
	@bench/bench_cell$(EXEEXT)
	@echo "== end to end against the demo server"
	@KT_BUILDDIR='$(abs_top_builddir)' $(SHELL) $(srcdir)/bench/bench-e2e.sh
.PHONY: bench
