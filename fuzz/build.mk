# Builds the fuzz targets; fuzz/run.sh runs it as
#   make -f fuzz/build.mk SRCDIR=<source dir> BUILDDIR=<configured build dir> [FUZZ_CC=clang]
# libFuzzer needs clang's coverage instrumentation, so the sources of core/, api/ and cmd/
# are compiled here again with clang (the gcc-built lib*.a files have none).
FUZZ_CC = clang
OUT = $(BUILDDIR)/fuzz
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
DEPS = jansson libcurl inih
CPPFLAGS = -I$(SRCDIR)/src -I$(BUILDDIR)/src -I$(BUILDDIR) -I$(SRCDIR) $(shell pkg-config --cflags $(DEPS))
CFLAGS = -g -O1 -std=c11 -pthread $(SAN) -fsanitize=fuzzer-no-link -Wall -Wextra -Wno-unused-parameter
LIBS = $(shell pkg-config --libs $(DEPS))

objs = $(patsubst $(SRCDIR)/%.c,$(OUT)/obj/%.o,$(wildcard $(SRCDIR)/src/$(1)/*.c))
CORE_OBJS = $(call objs,core)
API_OBJS = $(call objs,api)
CMD_OBJS = $(call objs,cmd)

TARGETS = $(OUT)/fuzz_models $(OUT)/fuzz_sanitize $(OUT)/fuzz_cmdline
all: $(TARGETS)

$(OUT)/obj/%.o: $(SRCDIR)/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(OUT)/fuzz_models: $(OUT)/obj/fuzz/fuzz_models.o $(API_OBJS) $(CORE_OBJS)
$(OUT)/fuzz_sanitize: $(OUT)/obj/fuzz/fuzz_sanitize.o $(CORE_OBJS)
$(OUT)/fuzz_cmdline: $(OUT)/obj/fuzz/fuzz_cmdline.o $(CMD_OBJS) $(API_OBJS) $(CORE_OBJS)
$(TARGETS):
	$(FUZZ_CC) -g -pthread $(SAN) -fsanitize=fuzzer -o $@ $^ $(LIBS)

-include $(shell find $(OUT)/obj -name '*.d' 2>/dev/null)
.PHONY: all
