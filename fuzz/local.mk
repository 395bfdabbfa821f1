# fuzz/: libFuzzer targets for the JSON -> model parsers, the sanitizer and the command line.
# `make fuzz FUZZ_SECONDS=30` builds them with clang and runs each for that long (fuzz/run.sh).
FUZZ_SECONDS = 30
EXTRA_DIST += fuzz/fuzz.h fuzz/fuzz_models.c fuzz/fuzz_sanitize.c fuzz/fuzz_cmdline.c \
	fuzz/build.mk fuzz/run.sh fuzz/seeds.py

# ktriage itself serves the demo bodies that seed fuzz_models.
fuzz: src/ktriage$(EXEEXT)
	$(SHELL) $(srcdir)/fuzz/run.sh '$(abs_top_builddir)' '$(FUZZ_SECONDS)'
.PHONY: fuzz
