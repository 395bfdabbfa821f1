#!/bin/sh
# End-to-end figures against the demo server: fetching and parsing every case
# (ktriage's concurrent pages versus sequential curl | jq on the same pages), and
# peak memory. Medians of several runs; nothing here fails on time.
set -u
bin=${KT_BUILDDIR:-.}/src/ktriage
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
"$bin" serve-demo --listen 127.0.0.1:0 --cases 10000 --alerts 100000 --quiet > "$tmp/url" &
pid=$!
i=0
while [ ! -s "$tmp/url" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
url=$(head -n 1 "$tmp/url")
[ -n "$url" ] || { echo "bench: the demo server did not start"; exit 1; }

python3 - "$bin" "$url" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, time
bin, url = sys.argv[1], sys.argv[2]
def run(cmd, shell=False):
    t0 = time.monotonic()
    subprocess.run(cmd, shell=shell, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - t0
def median(cmd, n=5, shell=False):
    return statistics.median(run(cmd, shell) for _ in range(n))
env_url = ["--url", url]
kt = median([bin] + env_url + ["-c", "cases --all", "--json", "--quiet"])
print(f"ktriage: fetch+parse 10,000 cases (100 pages, concurrent): median {kt*1000:8.1f} ms")
if shutil.which("curl") and shutil.which("jq"):
    loop = ("for p in $(seq 1 100); do curl -s '%s/api/cases/_find?perPage=100&page='$p; done | jq -c '.cases[]' >/dev/null" % url)
    cj = median(loop, 3, shell=True)
    print(f"curl | jq: the same 100 pages, sequential:        median {cj*1000:8.1f} ms  (ktriage is {cj/kt:.1f}x faster)")
else:
    print("curl | jq comparison skipped: install curl and jq to see it")
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
subprocess.run([bin] + env_url + ["-c", "cases --all", "--quiet"], check=True, stdout=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"peak memory of ktriage listing 10,000 cases: {max(peak, before)/1024:.1f} MiB")
al = median([bin] + env_url + ["-c", "alerts --limit 10000", "--json", "--quiet"], 3)
print(f"ktriage: fetch+parse 10,000 alerts: median {al*1000:8.1f} ms")
PY
