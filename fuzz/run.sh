#!/bin/sh
# Build the libFuzzer targets with clang and run each one for a bounded time.
#   fuzz/run.sh [--optional] BUILDDIR [SECONDS_PER_TARGET]     (default 30 s)
# BUILDDIR is a configured build directory (for its config.h); the targets, their
# corpora and any crash reproducers go to BUILDDIR/fuzz/. Exits 1 when a target
# crashed, leaked, hung or broke an invariant (its reproducer is printed), 77 when
# clang or libFuzzer's runtime is missing (0 with --optional, after a SKIP line).
set -eu

optional=0
if [ "${1:-}" = --optional ]; then
	optional=1
	shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: fuzz/run.sh [--optional] BUILDDIR [SECONDS_PER_TARGET]" >&2
	exit 2
fi
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "$1" && pwd)
seconds=${2:-30}
case $seconds in
'' | *[!0-9]*) echo "fuzz/run.sh: seconds must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
cc=${FUZZ_CC:-clang}
out=$builddir/fuzz
targets="fuzz_models fuzz_sanitize fuzz_cmdline"

skip() {
	echo "SKIP: $*"
	[ "$optional" -eq 1 ] && exit 0
	exit 77
}

if [ ! -f "$builddir/config.h" ]; then
	echo "fuzz/run.sh: $builddir has no config.h: configure it first" >&2
	exit 2
fi
command -v "$cc" >/dev/null 2>&1 || skip "$cc is not installed (Debian: clang libclang-rt-14-dev)"
command -v pkg-config >/dev/null 2>&1 || skip "pkg-config is not installed"
pkg-config --exists jansson libcurl inih || skip "jansson, libcurl or inih development files are missing"

mkdir -p "$out"
probe=$out/probe
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' >"$probe.c"
"$cc" -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" >"$probe.log" 2>&1 ||
	skip "$cc cannot link libFuzzer with ASan+UBSan (Debian: libclang-rt-14-dev): $(head -n 1 "$probe.log")"
rm -f "$probe" "$probe.c" "$probe.log"

echo "fuzz: building the targets with $cc into $out"
if ! make -s -f "$srcdir/fuzz/build.mk" SRCDIR="$srcdir" BUILDDIR="$builddir" FUZZ_CC="$cc" -j2 \
	>"$out/build.log" 2>&1; then
	cat "$out/build.log" >&2
	echo "fuzz: the build failed" >&2
	exit 1
fi

# Seeds: the repository's response fixtures, the seed document's response examples and
# the demo server's bodies (fuzz/seeds.py, when python3 is there), hostile text for the
# sanitizer and command lines for the tokenizer. They are laid anew each run; what a
# run finds stays in corpus/ (merged down to the inputs that add coverage) for the next.
seeds=$out/seeds
rm -rf "$seeds"
for t in $targets; do
	mkdir -p "$seeds/$t" "$out/corpus/$t" "$out/crashes/$t"
done
n=0
for f in "$srcdir"/tests/fixtures/*/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$seeds/fuzz_models/repo-$n"
	cp "$f" "$seeds/fuzz_sanitize/repo-$n"
done
shared=${KT_SHARED:-$srcdir/../shared}
[ -d "$shared" ] || shared=/work/shared
if command -v python3 >/dev/null 2>&1; then
	python3 "$srcdir/fuzz/seeds.py" "$seeds/fuzz_models" --seed-doc "$shared/seed" \
		--demo "$builddir/src/ktriage" --strings "$seeds/fuzz_sanitize" ||
		echo "fuzz: seeds.py failed; going on with the repository's fixtures"
fi
m=$seeds/fuzz_models
printf '%s' '{"statusCode":404,"error":"Not Found","message":"\u001b]0;x\u0007 \u202e"}' >"$m/hostile-1"
printf '%s' '{"status_code":500,"message":"boom"}' >"$m/hostile-2"
printf '%s' '<html><head><title>502 Bad Gateway</title></head></html>' >"$m/hostile-3"
printf '%s' '{"a":1,"a":2}' >"$m/hostile-4"
printf '%s' '{"page":1,"per_page":20,"total":1e308,"cases":[{"id":null}]}' >"$m/hostile-5"
python3 -c 'print("[" * 257 + "]" * 257)' >"$m/hostile-6" 2>/dev/null || printf '%s' '[[[[[[[[]]]]]]]]' >"$m/hostile-6"
python3 -c 'print("{\"data\":" * 250 + "1" + "}" * 250)' >"$m/hostile-8" 2>/dev/null || printf '%s' '{"data":{"data":1}}' >"$m/hostile-8"
printf '%s\n%s\n\n%s' '{"a":1}' 'not json' '  ' >"$m/hostile-7"

s=$seeds/fuzz_sanitize
printf 'plain text' >"$s/plain"
printf 'red \033[31mRED\033[0m \033]0;title\007 \033P+q\033\\ end' >"$s/escapes"
printf 'abc\342\200\256def \342\201\246x\342\201\251 \342\200\217 \330\234' >"$s/bidi"
printf 'c1 \302\233 31m \302\205 del \177 nul \000 bell \007' >"$s/controls"
printf 'bad \377\376 \300\257 \355\240\200 \364\220\200\200 \342\202' >"$s/invalid"
printf 'line one\r\nline two\rthree\tfour\n\342\200\250five\342\200\251' >"$s/lines"
printf '\346\227\245\346\234\254\350\252\236 e\314\201 \360\237\230\200 \357\274\241 \342\200\213' >"$s/wide"

c=$seeds/fuzz_cmdline
printf '%s' 'cases --status open --json' >"$c/1"
printf '%s' "case comment 7a3 'it'\\''s \"fine\"' --yes" >"$c/2"
printf '%s' 'case status 7a3 in-progress --yes' >"$c/3"
printf '%s' 'alerts --severity high --limit 50 --' >"$c/4"
printf '%s' 'alert status ab cd --status=acknowledged' >"$c/5"
printf '%s' 'endpoint isolate e1 --comment "a \\"b\\" \\\\ c" --yes' >"$c/6"
printf '%s' 'api GET /api/status --body @file' >"$c/7"
printf '%s' 'fleet assets dashboard:abc tag:' >"$c/8"
printf '%s' 'entity-engine init host --lookback 24h --docs-per-second -1' >"$c/9"
printf '%s' 'timeline import /dev/null --immutable' >"$c/10"
printf '%s' 'help case push' >"$c/11"
printf '%s' 'bind cases x case\ status' >"$c/12"
printf '%s' "case push 'unterminated" >"$c/13"
printf '%s' 'conversations --' >"$c/14"
printf '%s' 'risk-engine configure --help' >"$c/15"

# A JSON dictionary: the grammar's tokens and every key the fixtures use.
dict=$out/json.dict
{
	printf '%s\n' '"{"' '"}"' '"["' '"]"' '":"' '","' '"\""' '"null"' '"true"' '"false"' '"-0.5e+3"' \
		'"\\u0000"' '"\\ud800"' '"\\u202e"'
	cat "$seeds"/fuzz_models/* 2>/dev/null | grep -ao '"[A-Za-z0-9_.@-]\{1,40\}"' | sort -u |
		sed 's/^"\(.*\)"$/"\\"\1\\""/'
} >"$dict"

failed=0
for t in $targets; do
	log=$out/$t.log
	set -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$t/"
	# Whole responses are long; a hostile sequence in a text field or a command line is short.
	case $t in
	fuzz_models) set -- "$@" -dict="$dict" ;;
	fuzz_sanitize) set -- "$@" -max_len=512 ;;
	fuzz_cmdline) set -- "$@" -max_len=1024 ;;
	esac
	rm -f "$out/crashes/$t"/*
	echo "fuzz: $t for $seconds s"
	if "$out/$t" "$@" "$out/corpus/$t" "$seeds/$t" >"$log" 2>&1; then
		status=ok
	else
		status=FAILED
		failed=1
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	if [ "$status" = ok ]; then
		min=$out/corpus/$t.min
		rm -rf "$min"
		mkdir "$min"
		if "$out/$t" -merge=1 -rss_limit_mb=2048 -timeout=20 "$min" "$out/corpus/$t" >"$out/$t.merge.log" 2>&1; then
			rm -rf "$out/corpus/$t"
			mv "$min" "$out/corpus/$t"
		else
			rm -rf "$min"
		fi
	fi
	size=$(find "$out/corpus/$t" -type f | wc -l)
	echo "fuzz: $t $status: ${runs:-?} runs, ${rate:-?} exec/s, corpus $size inputs (log $log)"
	if [ "$status" = FAILED ]; then
		grep -E 'ERROR: |SUMMARY: |invariant broken|runtime error' "$log" | head -n 20 >&2 || true
		for r in "$out/crashes/$t"/*; do
			[ -f "$r" ] && echo "fuzz: reproducer: $r (run: $out/$t $r)" >&2
		done
	fi
done
exit "$failed"
