#!/usr/bin/env python3
"""The raw bytes ktriage writes to a real terminal: OSC 8 links and the OSC 52 clipboard.

ktriage runs on a pseudo-terminal (as in a terminal emulator, not the key-script harness's
virtual screen) against a fresh demo Kibana; keys go in as a terminal sends them and every
byte that comes out is kept and checked:

- a case's detail view links its title and its id to the case's page in Kibana (OSC 8), with
  the very text curses drew between the link's open and close; an alert's links to its page;
- y and Y write the id and the link to the clipboard (OSC 52, base64), once per key press;
- o opens the link with the program `set opener` names (and only then);
- with every text field of the demo hostile (escapes, OSC 8 and OSC 52 forged in 7-bit and
  8-bit forms), no OSC 52 comes out unless a key asked, and every OSC 8 is one of ktriage's.

With KT_VALGRIND=1 ktriage runs under valgrind, and any error or leak fails the test.
"""
import base64
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 32, 120
BOUND = 90  # seconds: far beyond need, only so a bug fails instead of hanging
ESC = b"\x1b"
ST = ESC + b"\\"


def skip(why):
    print("SKIP: " + why)
    sys.exit(77)


def ktriage():
    return os.path.join(os.environ.get("KT_BUILDDIR", "."), "src", "ktriage")


class Demo:
    def __init__(self, tmp, *options):
        key = os.path.join(tmp, "key")
        with open(key, "w") as f:
            f.write("pty-test-key\n")
        os.chmod(key, 0o600)
        self.key = key
        self.log = open(os.path.join(tmp, "demo.err"), "w")
        self.proc = subprocess.Popen([ktriage(), "serve-demo", "--listen", "127.0.0.1:0", "--api-key", key, "--quiet"]
                                     + list(options), stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://"):
            raise SystemExit("FAIL: the demo server did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


class Terminal:
    """ktriage on a pseudo-terminal; out holds every byte it wrote."""

    def __init__(self, tmp, demo, config=""):
        home = os.path.join(tmp, "home")
        conf = os.path.join(tmp, "config", "ktriage")
        os.makedirs(home, exist_ok=True)
        os.makedirs(conf, exist_ok=True)
        with open(os.path.join(conf, "config"), "w") as f:
            f.write(config)
        os.chmod(os.path.join(conf, "config"), 0o600)
        env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LANG="C.UTF-8", TZ="UTC", HOME=home,
                   XDG_CONFIG_HOME=os.path.join(tmp, "config"), XDG_STATE_HOME=os.path.join(tmp, "state"),
                   COLUMNS=str(COLS), LINES=str(ROWS))
        env.pop("KTRIAGE_SCRIPT", None)
        env.pop("TMUX", None)
        cmd = [ktriage(), "--url", demo.url, "--api-key-file", demo.key]
        if os.environ.get("KT_VALGRIND") == "1":
            cmd = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
                   "--errors-for-leak-kinds=definite,indirect", "--show-leak-kinds=definite,indirect"] + cmd
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.err = open(os.path.join(tmp, "ktriage.err"), "w")
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=self.err, env=env, close_fds=True,
                                     start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.fd = master
        self.out = b""

    def read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        self.out += data
        return bool(data)

    def expect(self, what, start=0):
        """Wait until what (bytes or a compiled pattern) is in the output after start; its match."""
        deadline = time.monotonic() + BOUND
        while True:
            m = what.search(self.out, start) if hasattr(what, "search") else (
                re.compile(re.escape(what)).search(self.out, start))
            if m:
                return m
            if time.monotonic() > deadline or self.proc.poll() is not None and not self.read(0.2):
                raise SystemExit(f"FAIL: never saw {what!r}; the last bytes were:\n{self.out[-1500:]!r}")
            self.read(0.2)

    def keys(self, data):
        os.write(self.fd, data)

    def quit(self):
        """q until ktriage exits; its exit code must be 0."""
        deadline = time.monotonic() + BOUND
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.keys(b"q")
            for _ in range(10):
                self.read(0.1)
        while self.read(0.1):
            pass
        rc = self.proc.wait(timeout=BOUND)
        os.close(self.fd)
        self.err.close()
        if rc != 0:
            raise SystemExit(f"FAIL: ktriage exited with {rc}")


# What the keys say on the status line is checked by tests/screen/cases/links.keys: curses writes only the
# part of a line that changed, so a message is not always whole in the bytes.
SGR = re.compile(rb"\x1b\[[0-9;]*m")
# A list row's time ("12-03 10:23"), not a detail view's ("2024-12-03 10:23:51"): the rows are in.
ROW_TIME = rb"(?<![-\d])\d\d-\d\d \d\d:\d\d(?![:\d])"
LINK = re.compile(rb"\x1b\]8;id=kt(\d+);([\x21-\x7e]*?)\x1b\\(.*?)\x1b\]8;;\x1b\\", re.S)


def links(out, start=0):
    """Every link ktriage opened after start: (url, the text it encloses with colours taken out)."""
    return [(m.group(2).decode(), SGR.sub(b"", m.group(3)).decode("utf-8")) for m in LINK.finditer(out, start)]


def check_links_and_clipboard(tmp):
    demo = Demo(tmp)
    opened = os.path.join(tmp, "opened")
    opener = os.path.join(tmp, "opener.sh")
    with open(opener, "w") as f:
        f.write('#!/bin/sh\nprintf "%s" "$1" > "' + opened + '.tmp" && mv "' + opened + '.tmp" "' + opened + '"\n')
    os.chmod(opener, 0o700)
    term = Terminal(tmp, demo, "[ktriage]\nset = opener " + opener + "\n")
    try:
        term.expect(b"showing")
        # In a list, y copies the ids of the marked rows, one a line.
        mark = len(term.out)
        term.keys(b"  y")
        m = term.expect(re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]+)\x1b\\"), mark)
        ids = base64.b64decode(m.group(1)).decode().split("\n")
        if len(ids) != 2 or not all(re.fullmatch(r"[0-9a-f-]{36}", i) for i in ids) or ids[0] == ids[1]:
            raise SystemExit(f"FAIL: two marked rows copied as {ids!r}")
        term.keys(b"\x1b")  # Esc clears the marks (keys are taken in order: it is done before the next)
        term.keys(b"g")
        mark = len(term.out)
        term.keys(b"\r")  # Enter, as a terminal sends it: the first case's detail view
        m = term.expect(re.compile(rb"\x1b\]8;id=kt\d+;[^\x1b]*/app/security/cases/([0-9a-f-]{36})\x1b\\"), mark)
        case_id = m.group(1).decode()
        url = f"{demo.url}/app/security/cases/{case_id}"
        term.expect(b"\x1b]8;;" + ST, m.end())
        seen = links(term.out, mark)
        if (url, case_id) not in seen:
            raise SystemExit(f"FAIL: the id line does not link to {url}: {seen!r}")
        titles = [text for u, text in seen if u == url and text != case_id]
        if not titles or not all(t.strip() for t in titles):
            raise SystemExit(f"FAIL: the title does not link to the case: {seen!r}")
        # Every link is to this case (the view links nothing else), and is closed, with the cursor put back.
        if any(u != url for u, _ in seen):
            raise SystemExit(f"FAIL: a link elsewhere: {seen!r}")
        if term.out.count(b"\x1b]8;id=", mark) != term.out.count(b"\x1b]8;;" + ST, mark):
            raise SystemExit("FAIL: a link is opened and not closed")
        if b"\x1b7" not in term.out[mark:] or b"\x1b8" not in term.out[mark:]:
            raise SystemExit("FAIL: the links are not written between DECSC and DECRC")
        if term.out.count(b"\x1b]52;") != 1:
            raise SystemExit("FAIL: a clipboard write nobody asked for")

        # y: the id; Y: the link; once each.
        mark = len(term.out)
        term.keys(b"y")
        want = b"\x1b]52;c;" + base64.b64encode(case_id.encode()) + ST
        term.expect(want, mark)
        mark = len(term.out)
        term.keys(b"Y")
        term.expect(b"\x1b]52;c;" + base64.b64encode(url.encode()) + ST, mark)
        writes = term.out.count(b"\x1b]52;")
        if writes != 3:
            raise SystemExit(f"FAIL: {writes} clipboard writes for three key presses")

        # o: the opener gets the link.
        term.keys(b"o")
        deadline = time.monotonic() + BOUND
        while not os.path.exists(opened) and time.monotonic() < deadline:
            term.read(0.1)
        with open(opened) as f:
            got = f.read()
        if got != url:
            raise SystemExit(f"FAIL: the opener got {got!r}, not {url!r}")

        # An alert's page: back to the list, the Alerts pane, its first alert.
        term.keys(b"q")
        mark = len(term.out)
        term.keys(b"2")
        term.expect(re.compile(ROW_TIME), mark)  # a row's time: the alerts are in
        mark = len(term.out)
        term.keys(b"\r")
        m = term.expect(re.compile(rb"\x1b\]8;id=kt\d+;([^\x1b]*/app/security/alerts/redirect/[0-9a-f]+\?index="
                                   rb"\.alerts-security\.alerts-default&timestamp=[^\x1b]+)\x1b\\"), mark)
        term.expect(b"\x1b]8;;" + ST, m.end())
        # Its host links to the endpoint's page: search the view for it, so its line is on screen.
        mark = len(term.out)
        term.keys(b"/host.name\r")
        m = term.expect(re.compile(rb"\x1b\]8;id=kt\d+;([^\x1b]*/app/security/administration/endpoints\?"
                                   rb"selected_endpoint=[0-9a-f-]+&show=details)\x1b\\"), mark)
        term.expect(b"\x1b]8;;" + ST, m.end())
        host_links = [text for u, text in links(term.out, mark) if u == m.group(1).decode()]
        if not host_links or not all(text.strip() for text in host_links):
            raise SystemExit(f"FAIL: the host's link encloses no text: {host_links!r}")
        term.quit()
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
        demo.stop()
    print("ok   links on a case's title and id, y and Y through OSC 52, o through the opener, an alert's links")


def check_hostile(tmp):
    """Server text forges OSC 8 and OSC 52 in every field: none reaches the terminal."""
    demo = Demo(tmp, "--fault", "hostile-strings")
    term = Terminal(tmp, demo)
    try:
        term.expect(b"showing")
        mark = len(term.out)
        term.keys(b"\r")  # a case: its title, description and comments are hostile
        term.expect(b"\xe2\x90\x9b]52;c;", mark)  # the forged clipboard write, shown as text
        term.expect(b"\x1b]8;;" + ST, mark)  # and its links written
        term.keys(b"G")
        for _ in range(5):
            term.read(0.1)
        term.keys(b"q")
        mark = len(term.out)
        term.keys(b"2")
        term.expect(re.compile(ROW_TIME), mark)
        mark = len(term.out)
        term.keys(b"\r")  # an alert: rule names, hosts, users, processes are hostile
        term.expect(b"\x1b]8;;" + ST, mark)
        term.keys(b"G")
        for _ in range(5):
            term.read(0.1)
        term.keys(b"q")
        out = term.out
        if b"\x1b]52" in out:
            raise SystemExit("FAIL: an OSC 52 nobody asked for reached the terminal")
        for m in re.finditer(rb"\x1b\]", out):
            rest = out[m.start():m.start() + 12]
            if not (rest.startswith(b"\x1b]8;id=kt") or rest.startswith(b"\x1b]8;;" + ST)):
                raise SystemExit(f"FAIL: an OSC ktriage does not write: {out[m.start():m.start() + 80]!r}")
        for u, _ in links(out):
            if not u.startswith(demo.url + "/app/security/"):
                raise SystemExit(f"FAIL: a link that is not ktriage's: {u!r}")
        for c1 in (b"\xc2\x9b", b"\xc2\x9d", b"\xc2\x9c", b"\x07"):
            if c1 in out:
                raise SystemExit(f"FAIL: {c1!r} reached the terminal")
        term.quit()
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
        demo.stop()
    print("ok   hostile server text: no OSC 52, no foreign OSC 8, no C1 control")


def main():
    if not os.path.exists("/dev/ptmx"):
        skip("no pseudo-terminals here")
    if subprocess.run(["infocmp", "xterm-256color"], capture_output=True).returncode != 0:
        skip("no terminfo entry for xterm-256color (install ncurses-base)")
    for check in (check_links_and_clipboard, check_hostile):
        tmp = tempfile.mkdtemp(prefix="kt-pty-")
        try:
            check(tmp)
        except BaseException:
            print(f"(files kept in {tmp})")
            raise
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
