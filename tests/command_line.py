#!/usr/bin/env python3
"""The program's command line (main.c, options.c): what it prints on stderr is inert whatever it quotes
(arguments, config values, theme names, URLs), credentials that would break out of their header are never
sent, and --insecure always warns in batch mode."""
import os
import socket
import subprocess
import sys
import tempfile

builddir = os.environ.get("KT_BUILDDIR", ".")
ktriage = os.path.join(builddir, "src", "ktriage")
valgrind = []
if os.environ.get("KT_VALGRIND") == "1":
    valgrind = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full",
                "--errors-for-leak-kinds=definite,indirect", "--show-leak-kinds=definite,indirect"]
failures = []
home = tempfile.mkdtemp(prefix="kt-cli-")
ENV = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_STATE_HOME=home + "/state",
           LC_ALL="C.UTF-8", TZ="UTC")
for k in ("KIBANA_URL", "KIBANA_SPACE", "KIBANA_API_KEY", "KIBANA_USERNAME", "KIBANA_PASSWORD", "KTRIAGE_PROFILE"):
    ENV.pop(k, None)

# Bytes that act on a terminal: C0 controls but newline, ESC, DEL, C1 (as UTF-8), bidi overrides.
UNSAFE = [bytes([c]) for c in range(0x20) if c != 0x0a] + [b"\x7f", "\u009b".encode(), "\u202e".encode()]


def run(args, env_extra=None):
    env = dict(ENV, **(env_extra or {}))
    p = subprocess.run(valgrind + [ktriage] + args, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=120)
    return p.returncode, p.stdout, p.stderr


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def check_inert(what, err):
    for b in UNSAFE:
        if b in err:
            fail(f"{what}: stderr holds {b!r}: {err!r}")
            return


HOSTILE = "x\x1b]0;pwned\x07\x1b[2J\u202eevil"


def test_echoes_are_inert():
    cases = [
        ("unknown option", ["--bogus" + HOSTILE]),
        ("unexpected argument", [HOSTILE]),
        ("bad number", ["--max-rows", HOSTILE]),
        ("help for a command", ["help", HOSTILE]),
        ("theme name", ["--demo", "--theme", HOSTILE]),
        ("URL", ["--url", "ftp://h/" + HOSTILE, "-c", "cases"]),
        ("config path", ["--config", home + "/" + HOSTILE, "-c", "cases"]),
    ]
    for what, args in cases:
        rc, _, err = run(args)
        if rc == 0:
            fail(f"{what}: exit 0")
        if b"pwned" not in err:
            fail(f"{what}: the message does not quote what it refers to: {err!r}")
        check_inert(what, err)
    cfg = os.path.join(home, "bad.ini")
    with open(cfg, "w") as f:
        f.write(f"[profile default]\nurl = http://127.0.0.1:9\ntimeout = {HOSTILE}\nfrobnicate{HOSTILE} = 1\n")
    os.chmod(cfg, 0o600)
    rc, _, err = run(["--config", cfg, "-c", "cases"])
    if rc != 2 or b"bad value for timeout" not in err:
        fail(f"config value: exit {rc}, {err!r}")
    check_inert("config value", err)


def test_url_credentials_never_printed():
    rc, _, err = run(["--url", "HTTP://user:pw-SECRET@kb.example", "-c", "cases"])
    if rc != 2 or b"holds credentials" not in err or b"SECRET" in err:
        fail(f"HTTP://user:pw@host: exit {rc}, {err!r}")


def test_key_with_line_break_never_sent():
    """KIBANA_API_KEY=$'abc\\r\\nX-Injected: yes' is refused before any connection is made."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.5)
    url = "http://127.0.0.1:%d" % srv.getsockname()[1]
    for env in ({"KIBANA_API_KEY": "abc\r\nX-Injected: yes"},
                {"KIBANA_USERNAME": "u", "KIBANA_PASSWORD": "pw\nX-Injected: yes"}):
        rc, _, err = run(["--url", url, "-c", "cases"], env)
        if rc != 2 or b"control character" not in err or b"Injected" in err:
            fail(f"{list(env)}: exit {rc}, {err!r}")
        try:
            conn, _ = srv.accept()
            conn.close()
            fail(f"{list(env)}: a connection reached the server")
        except socket.timeout:
            pass
    srv.close()


def test_insecure_warns_in_batch_even_quiet():
    for quiet in ([], ["--quiet"]):
        rc, out, err = run(["--demo", "--insecure", "-c", "cases --per-page 1"] + quiet)
        if rc != 0:
            fail(f"--insecure {quiet}: exit {rc}: {err!r}")
        if err.count(b"TLS certificate verification is OFF") != 1:
            fail(f"--insecure {quiet}: want the warning once on stderr, got {err!r}")
        if b"OFF" in out:
            fail(f"--insecure {quiet}: the warning went to stdout")


if __name__ == "__main__":
    if not os.path.exists(ktriage):
        print(f"SKIP: {ktriage} not built")
        sys.exit(77)
    test_echoes_are_inert()
    test_url_credentials_never_printed()
    test_key_with_line_break_never_sent()
    test_insecure_warns_in_batch_even_quiet()
    subprocess.run(["rm", "-rf", home])
    sys.exit(1 if failures else 0)
