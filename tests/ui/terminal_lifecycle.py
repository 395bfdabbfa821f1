#!/usr/bin/env python3
"""The TUI in a real terminal (a pty): q exits 0, Ctrl-Z suspends it as in any curses program and
fg brings it back, a signal N ends it with 128+N, and a terminal that goes away (its input at end of
file) ends it, the terminal restored, instead of leaving it spinning."""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

BOUND = 60  # seconds: far beyond need, only there so a bug fails instead of hanging

builddir = os.environ.get("KT_BUILDDIR", ".")
ktriage = os.path.join(builddir, "src", "ktriage")
valgrind = []
if os.environ.get("KT_VALGRIND") == "1":
    valgrind = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
                "--errors-for-leak-kinds=definite,indirect", "--show-leak-kinds=definite,indirect"]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


class Term:
    """A program on a pty of 100x30: its output so far, keys typed, its exit status."""

    def __init__(self, argv, stdin_null=False, env=None):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update({"TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "TZ": "UTC", "NO_COLOR": ""})
            os.environ.update(env or {})
            if stdin_null:
                os.dup2(os.open("/dev/null", os.O_RDONLY), 0)
            try:
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.out = b""
        self.status = None

    def pump(self, timeout):
        if self.fd is None:
            time.sleep(timeout)
            return False
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.out += data
        return True

    def wait_for(self, text, since=0):
        """Read until the output (from byte since) holds text; False when the bound passes first."""
        deadline = time.time() + BOUND
        while time.time() < deadline:
            if text.encode() in self.out[since:]:
                return True
            if not self.pump(0.2):
                return text.encode() in self.out[since:]
        return False

    def type(self, data):
        os.write(self.fd, data)

    def wait_exit(self):
        """The exit status (128+N for a signal), or None when it does not end within the bound."""
        deadline = time.time() + BOUND
        while time.time() < deadline:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                if self.status < 0:
                    self.status = 128 - self.status
                return self.status
            self.pump(0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def started(t, what):
    if not t.wait_for("q to quit"):
        fail(f"{what}: the TUI did not come up:\n{t.out[-2000:]!r}")
        return False
    return True


def test_q_exits_0():
    t = Term(valgrind + [ktriage, "--demo"])
    if started(t, "q"):
        t.type(b"q")
        st = t.wait_exit()
        if st != 0:
            fail(f"q: exit status {st}, want 0")
        if b"\x1b[?1049l" not in t.out:
            fail("q: the alternate screen was not left")
    t.close()


def test_signal_exit_status():
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        t = Term(valgrind + [ktriage, "--demo"])
        if started(t, sig.name):
            os.kill(t.pid, sig)
            st = t.wait_exit()
            if st != 128 + sig:
                fail(f"{sig.name}: exit status {st}, want {128 + sig}")
            if b"\x1b[?1049l" not in t.out:
                fail(f"{sig.name}: the terminal was not restored")
        t.close()


def test_ctrl_z_suspends():
    """Under a shell with job control: Ctrl-Z stops it (status 148 to the shell), fg brings it back."""
    cmd = " ".join(valgrind + [ktriage, "--demo"])
    script = f'set -m; {cmd}; echo "stopped=$?"; fg %1 >/dev/null; echo "ended=$?"'
    t = Term(["bash", "--norc", "--noprofile", "-c", script])
    if started(t, "Ctrl-Z"):
        t.type(b"\x1a")
        if not t.wait_for("stopped=148"):
            fail(f"Ctrl-Z: the TUI was not suspended:\n{t.out[-1500:]!r}")
        else:
            mark = len(t.out)
            # Back in the foreground it redraws the whole screen, and q still works.
            if not t.wait_for("q to quit", since=mark):
                fail(f"Ctrl-Z: fg did not bring the screen back:\n{t.out[mark:][-1500:]!r}")
            t.type(b"q")
            if not t.wait_for("ended=0", since=mark):
                fail(f"Ctrl-Z: after fg, q did not end it with 0:\n{t.out[mark:][-1500:]!r}")
    t.wait_exit()
    t.close()


def test_input_at_end_of_file():
    """Its input at end of file (read() gives 0): it ends, restoring the terminal, with status 1."""
    t = Term(valgrind + [ktriage, "--demo"], stdin_null=True)
    st = t.wait_exit()
    if st is None:
        fail("input at EOF: still running (spinning) after the bound")
    elif st != 1:
        fail(f"input at EOF: exit status {st}, want 1")
    if b"the terminal went away" not in t.out:
        fail(f"input at EOF: no message saying why:\n{t.out[-500:]!r}")
    if b"\x1b[?1049l" not in t.out:
        fail("input at EOF: the terminal was not restored")
    t.close()


def test_pty_closed():
    """The terminal closed under it (the window went away): it ends."""
    t = Term(valgrind + [ktriage, "--demo"])
    if started(t, "pty closed"):
        t.close()
        st = t.wait_exit()
        if st is None:
            fail("pty closed: still running after the bound")
        elif st not in (1, 128 + signal.SIGHUP):
            fail(f"pty closed: exit status {st}, want 129 (SIGHUP) or 1")


if __name__ == "__main__":
    if not os.path.exists(ktriage):
        print(f"SKIP: {ktriage} not built")
        sys.exit(77)
    if os.system("infocmp xterm-256color >/dev/null 2>&1") != 0:
        print("SKIP: no terminfo entry for xterm-256color")
        sys.exit(77)
    test_q_exits_0()
    test_signal_exit_status()
    if valgrind:
        # valgrind does not stop a program that raises SIGTSTP (it resumes at once): this case runs in the
        # plain, ASan+UBSan and ThreadSanitizer builds.
        print("Ctrl-Z: not run under valgrind")
    else:
        test_ctrl_z_suspends()
    test_input_at_end_of_file()
    test_pty_closed()
    sys.exit(1 if failures else 0)
