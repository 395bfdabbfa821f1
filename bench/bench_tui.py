#!/usr/bin/env python3
"""The terminal UI measured through a pty, by the real binary: the time to the first frame after
exec, keystroke -> frame for j, PgDn, G and filter typing with 10,000 alerts loaded and a slow
request in flight, idle CPU over 10 s, peak RSS. Times come from KTRIAGE_TRACE (frames drawn),
on the same clock as the keys sent; a binary without the trace is measured by its terminal output
instead. Nothing here fails on time."""
import bisect
import fcntl
import os
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

COLS, ROWS = 120, 35
KEYS = {"j": b"j", "PgDn": b"\x1b[6~", "G": b"G"}


def start_demo(bin, *args):
    p = subprocess.Popen([bin, "serve-demo", "--listen", "127.0.0.1:0", "--quiet", *args],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = p.stdout.readline().strip()
    if not url.startswith("http"):
        sys.exit("bench: the demo server did not start")
    return p, url


class Tui:
    """ktriage on a pty of its own, its trace and its output followed as they come."""
    count = 0
    use_trace = True  # the binary writes KTRIAGE_TRACE (else its terminal output is timed)

    def __init__(self, bin, url, home):
        Tui.count += 1
        self.trace_path = os.path.join(home, f"trace-{Tui.count}")
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LANG="C.UTF-8", HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_STATE_HOME=os.path.join(home, "state"),
                   KTRIAGE_TRACE=self.trace_path)
        env.pop("NO_COLOR", None)
        self.t0 = time.monotonic_ns()
        self.proc = subprocess.Popen([bin, "--url", url], stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.master = master
        self.output = []  # monotonic ns of each chunk the terminal received
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        self.frames = []  # (ns, rows) of each frame drawn, in order
        self._trace = None
        self._partial = ""

    def _drain(self):
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.output.append(time.monotonic_ns())

    def _poll_trace(self):
        if self._trace is None:
            try:
                self._trace = open(self.trace_path)
            except OSError:
                return
        data = self._partial + self._trace.read()
        lines = data.split("\n")
        self._partial = lines.pop()
        for line in lines:
            parts = line.split(" ", 2)
            if len(parts) < 2:
                continue
            if parts[1] == "frame":
                self.frames.append((int(parts[0]), int(parts[2]) if len(parts) > 2 else 0))


    def frame_after(self, ns, timeout=5.0, rows_above=None):
        """The first frame drawn at or after ns (by trace, else by terminal output), or None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self._poll_trace()
            if Tui.use_trace:
                for t, rows in self.frames[bisect.bisect_left(self.frames, (ns, -1)):]:
                    if rows_above is None or rows > rows_above:
                        return t, rows
            else:
                with self.lock:
                    i = bisect.bisect_left(self.output, ns)
                    if i < len(self.output):
                        return self.output[i], 0
            time.sleep(0.0005)
        return None

    def key(self, data):
        """Send a key; the time from sending to the frame that shows it (ns), or None."""
        self._poll_trace()
        sent = time.monotonic_ns()
        os.write(self.master, data)
        got = self.frame_after(sent)
        return None if got is None else got[0] - sent

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def pct(values, q):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q / 100 * (len(v) - 1))))]


def show(name, samples):
    ms = [s / 1e6 for s in samples if s is not None]
    lost = sum(1 for s in samples if s is None)
    extra = f", {lost} without a frame" if lost else ""
    print(f"    {name:<8} p50 {pct(ms, 50):6.2f} ms   p99 {pct(ms, 99):6.2f} ms   max {max(ms):6.2f} ms"
          f"   ({len(ms)} keys{extra})")


def main():
    bin = sys.argv[1]
    home = tempfile.mkdtemp(prefix="kt-bench-tui-")
    # The Cases pane (the first) asks for cases and never hears back: a slow request stays in flight.
    slow, slow_url = start_demo(bin, "--cases", "10000", "--alerts", "100000",
                                "--fault", "latency=600000@/api/cases/_find")
    idle, idle_url = start_demo(bin, "--cases", "100", "--alerts", "2000")
    try:
        probe = os.path.join(home, "probe")
        subprocess.run([bin, "--version"], env=dict(os.environ, KTRIAGE_TRACE=probe), stdout=subprocess.DEVNULL)
        Tui.use_trace = os.path.exists(probe) and not os.environ.get("KT_BENCH_BY_OUTPUT")
        print(f"\n== the terminal UI through a pty, {COLS}x{ROWS}, timed by "
              + ("KTRIAGE_TRACE (frames drawn)" if Tui.use_trace else "its terminal output"))
        firsts = []
        for _ in range(5):
            t = Tui(bin, slow_url, home)
            got = t.frame_after(t.t0, timeout=10)
            firsts.append((got[0] - t.t0) / 1e6 if got else float("nan"))
            t.stop()
        print(f"  first frame after exec: {statistics.median(firsts):.1f} ms [{min(firsts):.1f}-{max(firsts):.1f}]"
              f" (5 runs)")

        t = Tui(bin, slow_url, home)
        t.frame_after(t.t0, timeout=10)
        t.key(b"2")
        t.frame_after(time.monotonic_ns(), timeout=10, rows_above=0)
        time.sleep(0.5)
        rss_start = t.peak_rss_kib()
        rows = 0
        # G at the end of what is loaded asks for the next page of 100.
        if Tui.use_trace:
            while rows < 10000:
                t.key(b"G")
                got = t.frame_after(time.monotonic_ns() - 10**9, timeout=10, rows_above=rows)
                if not got:
                    break
                rows = got[1]
                time.sleep(0.01)
        else:
            for _ in range(100):
                t.key(b"G")
                time.sleep(0.3)
            rows = 10000
        t.key(b"g")
        time.sleep(0.5)
        print(f"  with {rows:,} alerts loaded and a slow request in flight, keystroke -> frame:")
        for name in ("j", "PgDn"):
            samples = []
            for _ in range(200):
                samples.append(t.key(KEYS[name]))
                time.sleep(0.004)
            show(name, samples)
        samples = []
        for _ in range(200):
            t.key(b"g")
            time.sleep(0.004)
            samples.append(t.key(b"G"))
            time.sleep(0.004)
        show("G", samples)
        samples = []
        for _ in range(20):
            t.key(b"/")
            for ch in b"powershell":
                samples.append(t.key(bytes([ch])))
                time.sleep(0.004)
            t.key(b"\x1b")
            time.sleep(0.01)
        show("filter", samples)
        time.sleep(1)
        c0 = t.cpu_seconds()
        time.sleep(10)
        busy = (t.cpu_seconds() - c0) / 10 * 100
        rss = t.peak_rss_kib()
        t.stop()

        q = Tui(bin, idle_url, home)
        q.frame_after(q.t0, timeout=10)
        time.sleep(3)
        c0 = q.cpu_seconds()
        time.sleep(10)
        quiet = (q.cpu_seconds() - c0) / 10 * 100
        q.stop()
        print(f"  idle CPU over 10 s: {quiet:.1f} % with nothing in flight; {busy:.1f} % while a request is in "
              f"flight (its spinner turns)")
        print(f"  peak RSS: {rss_start / 1024:.1f} MiB with the first page of alerts, {rss / 1024:.1f} MiB with "
              f"{rows:,} loaded")
    finally:
        for p in (slow, idle):
            p.terminate()
            p.wait()


if __name__ == "__main__":
    main()
