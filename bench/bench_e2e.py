#!/usr/bin/env python3
"""End-to-end figures of the batch front end against the demo server, each the median and spread
of several runs, each ratio taken within the same run: `cases --all --json` against curl's own
parallel mode piped into `jq -s`, and against sequential curl | jq; peak memory against the bytes
of JSON written; `alerts --all --json` through 100,000 alerts. Nothing here fails on time."""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 5


def start_demo(bin, *args):
    """A demo server on an ephemeral port; returns (process, URL)."""
    p = subprocess.Popen([bin, "serve-demo", "--listen", "127.0.0.1:0", "--quiet", *args],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = p.stdout.readline().strip()
    if not url.startswith("http"):
        sys.exit("bench: the demo server did not start")
    return p, url


# Runs each command and reports its peak RSS and CPU: wait4 on a child of this (large) Python
# process would count Python's own memory, which Linux carries across the child's exec.
RSS = None


def run(cmds, count=False, may_fail=False):
    """Run a pipeline; returns (seconds, [peak RSS KiB of each process], [CPU seconds of each], bytes out),
    or None when a process failed and may_fail (else the bench stops)."""
    t0 = time.monotonic()
    procs, prev, errs, stats = [], None, [], []
    for i, c in enumerate(cmds):
        last = i == len(cmds) - 1
        errs.append(tempfile.TemporaryFile())
        stats.append(tempfile.NamedTemporaryFile(delete=False))
        stats[-1].close()
        p = subprocess.Popen([RSS, stats[-1].name] + c, stdin=prev.stdout if prev else subprocess.DEVNULL,
                             stdout=subprocess.PIPE if (not last or count) else subprocess.DEVNULL,
                             stderr=errs[-1])
        if prev:
            prev.stdout.close()
        procs.append(p)
        prev = p
    nbytes = 0
    if count:
        while True:
            chunk = prev.stdout.read(1 << 20)
            if not chunk:
                break
            nbytes += len(chunk)
        prev.stdout.close()
    rss, cpu, failed = [], [], []
    for p, err, st in zip(procs, errs, stats):
        p.wait()
        if p.returncode != 0:
            err.seek(0)
            failed.append(f"{' '.join(p.args)} exited with {p.returncode}: {err.read()[-300:].decode(errors='replace')}")
        err.close()
        with open(st.name) as f:
            kib, secs = f.read().split()
        os.unlink(st.name)
        rss.append(int(kib))
        cpu.append(float(secs))
    if failed and may_fail:
        return None
    if failed:
        sys.exit("bench: " + "\n".join(failed))
    return time.monotonic() - t0, rss, cpu, nbytes


def fmt(values, unit="s", scale=1.0, digits=2):
    v = [x * scale for x in values]
    return f"{statistics.median(v):.{digits}f} {unit} [{min(v):.{digits}f}-{max(v):.{digits}f}]"


def ratio(values, digits=2):
    return f"{statistics.median(values):.{digits}f} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


def mib(kib):
    return kib / 1024.0


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / (1 << 30)
    return f"{model}, {os.cpu_count()} CPUs, {mem:.0f} GiB; load average at start {load}"


def default_concurrency(bin):
    text = subprocess.run([bin, "--help"], capture_output=True, text=True).stdout
    m = re.search(r"--concurrency N .*\(default (\d+)", text)
    return int(m.group(1)) if m else 6


def cases_compare(bin, url, n, label):
    """ktriage against curl -Z | jq -s and sequential curl | jq on the same 100 pages, rotated each run."""
    query = "/api/cases/_find?page=[1-100]&perPage=100&sortField=createdAt"
    kt = [bin, "--url", url, "--quiet", "--concurrency", str(n), "-c", "cases --all", "--json"]
    par = [["curl", "-sS", "--no-progress-meter", "-Z", "--parallel-max", str(n), url + query], ["jq", "-s", "."]]
    seq = [["curl", "-sS", url + query], ["jq", "-s", "."]]
    res = {"kt": [], "par": [], "seq": [], "kt_rss": [], "par_rss": [], "seq_rss": [], "r_par": [], "r_seq": []}
    garbled = 0
    for i in range(RUNS):
        order = [("kt", [kt]), ("par", par), ("seq", seq)]
        order = order[i % 3:] + order[:i % 3]
        got = {}
        for name, cmds in order:
            # curl -Z writes every transfer to the one stdout as data arrives: now and then two bodies
            # interleave and jq refuses the result. Such a run is counted and run again.
            out = run(cmds, may_fail=name == "par")
            while out is None:
                garbled += 1
                out = run(cmds, may_fail=garbled < 10)
            t, rss = out[0], out[1]
            got[name] = t
            res[name].append(t)
            res[name + "_rss"].append(sum(rss))
        res["r_par"].append(got["kt"] / got["par"])
        res["r_seq"].append(got["seq"] / got["kt"])
    print(f"{label}:")
    print(f"  ktriage cases --all --json        {fmt(res['kt'])}")
    print(f"  curl -Z --parallel-max {n} | jq -s  {fmt(res['par'])}   ratio ktriage/curl-Z {ratio(res['r_par'])}"
          f"  (goal <= 1.0)")
    print(f"  sequential curl | jq -s           {fmt(res['seq'])}   speed-up of ktriage {ratio(res['r_seq'])}x")
    if garbled:
        print(f"  (curl -Z interleaved two bodies on stdout and jq failed {garbled} time(s); those runs were repeated)")
    return res


def main():
    global RSS
    bin, RSS = sys.argv[1], sys.argv[2]
    n = default_concurrency(bin)
    print(f"machine: {machine()}")
    have_tools = shutil.which("curl") and shutil.which("jq")
    plain, url = start_demo(bin, "--cases", "10000", "--alerts", "100000")
    slow, slow_url = start_demo(bin, "--cases", "10000", "--alerts", "100", "--fault", "latency=50")
    big, big_url = start_demo(bin, "--cases", "25000", "--alerts", "100")
    try:
        print(f"\n== the demo serves like Kibana: {n * 2} requests at once, each with latency=50 ms "
              f"({RUNS} runs, median [min-max])")
        if have_tools:
            t = [run([["curl", "-sS", "--no-progress-meter", "-Z", "--parallel-max", str(n * 2),
                       slow_url + f"/api/actions/connectors?n=[1-{n * 2}]"]])[0] for _ in range(RUNS)]
            print(f"  all answered in {fmt(t, 'ms', 1000, 0)} (one latency is 50 ms; one at a time would take "
                  f">= {n * 2 * 50} ms)")
        print(f"\n== cases --all --json: 10,000 cases in 100 pages, {n} requests at once "
              f"({RUNS} runs, median [min-max]; ratios within each run)")
        if not have_tools:
            print("  curl | jq comparisons skipped: install curl and jq (./quickstart test does)")
            return
        fast = cases_compare(bin, url, n, "no latency")
        cases_compare(bin, slow_url, n, "latency=50 ms per request")

        print(f"\n== peak memory (RSS) of the same runs, no latency ({RUNS} runs, median [min-max])")
        _, _, _, json_bytes = run([[bin, "--url", url, "--quiet", "-c", "cases --all", "--json"]], count=True)
        _, page_rss, _, _ = run([[bin, "--url", url, "--quiet", "-c", "cases --per-page 100", "--json"]])
        page_bytes = run([["curl", "-sS", url + "/api/cases/_find?page=1&perPage=100&sortField=createdAt"]],
                         count=True)[3]
        kt_rss = statistics.median(fast["kt_rss"])
        par_rss = statistics.median(fast["par_rss"])
        print(f"  ktriage          {fmt(fast['kt_rss'], 'MiB', 1 / 1024, 1)} = "
              f"{kt_rss * 1024 / json_bytes:.2f} x the {json_bytes / (1 << 20):.1f} MiB of JSON it wrote")
        print(f"  curl -Z + jq -s  {fmt(fast['par_rss'], 'MiB', 1 / 1024, 1)} = "
              f"{par_rss * 1024 / json_bytes:.2f} x the same JSON (both processes together)")
        wide = [run([[bin, "--url", big_url, "--quiet", "-c", "cases --all", "--json"]])[1][0] for _ in range(RUNS)]
        print(f"  ktriage, one page of 100 cases ({page_bytes / 1024:.0f} KiB of JSON as Kibana sends it, the "
              f"largest page): {mib(page_rss[0]):.1f} MiB")
        print(f"  ktriage, all 100 pages: {mib(kt_rss):.1f} MiB; all 250 pages (25,000 cases, in windows of "
              f"creation time): {fmt(wide, 'MiB', 1 / 1024, 1)}")
        print(f"  above one page: {mib(kt_rss - page_rss[0]):.1f} MiB = "
              f"{(kt_rss - page_rss[0]) * 1024 / page_bytes:.1f} x the largest page's JSON, whatever the number of "
              f"pages (one page parsed at a time; up to {2 * n - 1} more wait their turn as the text they came as)")

        print(f"\n== the default concurrency ({n}): cases --all --json with latency=50 ms per request, "
              f"3 runs each, median [min-max]")
        for c in (1, 2, 4, 6, 8, 12, 16):
            t, r = [], []
            for _ in range(3):
                got = run([[bin, "--url", slow_url, "--quiet", "--concurrency", str(c), "-c", "cases --all", "--json"]])
                t.append(got[0])
                r.append(got[1][0])
            print(f"  --concurrency {c:<2}  {fmt(t)}   peak RSS {fmt(r, 'MiB', 1 / 1024, 1)}")

        print(f"\n== alerts --all --json: 100,000 alerts, keyset pages of 500 one after another "
              f"({RUNS} runs, median [min-max])")
        times, rss, cpu, size = [], [], [], 0
        for _ in range(RUNS):
            t, r, c, size = run([[bin, "--url", url, "--quiet", "-c", "alerts --all", "--json"]], count=True)
            times.append(t)
            rss.append(r[0])
            cpu.append(c[0])
        print(f"  time {fmt(times)}, of which ktriage's own CPU {fmt(cpu)}; peak RSS "
              f"{fmt(rss, 'MiB', 1 / 1024, 1)} for {size / (1 << 20):.0f} MiB of JSON")
    finally:
        for p in (plain, slow, big):
            p.terminate()
            p.wait()


if __name__ == "__main__":
    main()
