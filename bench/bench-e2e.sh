#!/bin/sh
# End-to-end figures against the demo server: the batch front end (bench_e2e.py) and the
# terminal UI through a pty (bench_tui.py). Medians of several runs; nothing here fails on time.
set -u
bin=${KT_BUILDDIR:-.}/src/ktriage
dir=$(dirname "$0")
command -v python3 >/dev/null 2>&1 || { echo "bench: python3 is needed for the end-to-end figures"; exit 1; }
python3 "$dir/bench_e2e.py" "$bin" "${KT_BUILDDIR:-.}/bench/bench_rss" && python3 "$dir/bench_tui.py" "$bin"
