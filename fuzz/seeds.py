#!/usr/bin/env python3
"""Seed inputs for fuzz_models (fuzz/run.sh calls this): real response bodies.

  seeds.py OUTDIR [--seed-doc DIR] [--demo KTRIAGE [--strings TEXTDIR]]

--seed-doc: every "Response examples (...)" JSON block of the seed document(s) in DIR.
--demo: the bodies the demo server (`KTRIAGE serve-demo`) answers to the requests whose
parsers the repository's fixtures do not cover (alerts, endpoints, actions, conversations,
exceptions, ...), once with plain data and once with its hostile-strings fault; with
--strings, that fault's odd string values go to TEXTDIR for fuzz_sanitize.
"""
import argparse
import json
import os
import subprocess
import sys
import urllib.request


def write(outdir, name, text):
    with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
        f.write(text)


def seed_doc(outdir, srcdir):
    mark, n = "Response examples (", 0
    for name in sorted(os.listdir(srcdir)):
        with open(os.path.join(srcdir, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        at = text.find(mark)
        while at >= 0:
            start = text.find("\n", at) + 1
            try:
                _, end = json.JSONDecoder().raw_decode(text, start)
                n += 1
                write(outdir, "doc-%d" % n, text[start:end])
            except ValueError:
                pass
            at = text.find(mark, start)
    return n


def fetch(url, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"kbn-xsrf": "fuzz", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read().decode("utf-8", errors="replace")


def strings_of(v, out):
    """Every string (keys too) in a JSON value."""
    if isinstance(v, str):
        out.add(v)
    elif isinstance(v, dict):
        for k, x in v.items():
            out.add(k)
            strings_of(x, out)
    elif isinstance(v, list):
        for x in v:
            strings_of(x, out)


def hostile_strings(textdir, outdir):
    """The demo's hostile field values (anything but printable ASCII) as sanitizer seeds."""
    found = set()
    for name in sorted(os.listdir(outdir)):
        if name.startswith("demo-hostile"):
            with open(os.path.join(outdir, name), encoding="utf-8") as f:
                strings_of(json.load(f), found)
    odd = sorted(s for s in found if any(c < " " or c > "~" for c in s))
    for i, s in enumerate(odd):
        with open(os.path.join(textdir, "demo-%d" % i), "wb") as f:
            f.write(s.encode("utf-8", errors="surrogatepass"))
    return len(odd)


def harvest(outdir, prefix, base):
    """Fetch one body per response shape; returns how many were written."""
    got = []

    def get(name, path, method="GET", body=None):
        try:
            text = fetch(base + path, method, body)
        except Exception as e:  # a shape the demo cannot give is only a missing seed
            print("fuzz: seeds: %s %s: %s" % (method, path, e), file=sys.stderr)
            return None
        got.append(name)
        write(outdir, "%s-%s" % (prefix, name), text)
        return json.loads(text)

    cases = get("cases-find", "/api/cases/_find?perPage=2")
    if cases and cases.get("cases"):
        write(outdir, prefix + "-cases-list", json.dumps(cases["cases"]))
        cid = cases["cases"][0]["id"]
        get("case", "/api/cases/%s" % cid)
        get("case-alerts", "/api/cases/%s/alerts" % cid)
        get("case-activity", "/api/cases/%s/user_actions/_find?perPage=100" % cid)
        get("case-comments", "/api/cases/%s/comments/_find?perPage=100" % cid)
    get("spaces", "/api/spaces/space")
    get("connectors", "/api/actions/connectors")
    alerts = get("alerts", "/api/detection_engine/signals/search", "POST",
                 {"size": 2, "query": {"match_all": {}}})
    hits = (alerts or {}).get("hits", {}).get("hits", [])
    if hits:
        get("alert-cases", "/api/cases/alerts/%s" % hits[0]["_id"])
    convs = get("conversations", "/api/security_ai_assistant/current_user/conversations/_find?per_page=2")
    if convs and convs.get("data"):
        get("conversation", "/api/security_ai_assistant/current_user/conversations/%s" % convs["data"][0]["id"])
    get("endpoints", "/api/endpoint/metadata?pageSize=1")
    actions = get("actions", "/api/endpoint/action?pageSize=2")
    for a in (actions or {}).get("data", [])[:2]:
        get("action-%s" % a.get("command", "x"), "/api/endpoint/action/%s" % a["id"])
    get("exceptions", "/api/endpoint_list/items/_find?per_page=2")
    get("fleet-hosts", "/api/fleet/fleet_server_hosts")
    return len(got)


def demo(outdir, ktriage, fault):
    args = [ktriage, "serve-demo", "--listen", "127.0.0.1:0", "--quiet", "--cases", "3", "--alerts", "4",
            "--conversations", "2", "--endpoints", "2", "--actions", "4"]
    if fault:
        args += ["--fault", fault]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = proc.stdout.readline().strip()
        if not url.startswith("http://"):
            print("fuzz: seeds: the demo server did not start", file=sys.stderr)
            return 0
        return harvest(outdir, "demo-" + (fault or "plain"), url)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed-doc")
    ap.add_argument("--demo")
    ap.add_argument("--strings", help="also write the demo's hostile string values here")
    a = ap.parse_args()
    if a.seed_doc and os.path.isdir(a.seed_doc):
        print("fuzz: seeds: %d response examples from the seed document" % seed_doc(a.outdir, a.seed_doc))
    if a.demo and os.access(a.demo, os.X_OK):
        n = demo(a.outdir, a.demo, None) + demo(a.outdir, a.demo, "hostile-strings")
        print("fuzz: seeds: %d bodies from the demo server" % n)
        if a.strings:
            print("fuzz: seeds: %d hostile strings for the sanitizer" % hostile_strings(a.strings, a.outdir))


if __name__ == "__main__":
    main()
