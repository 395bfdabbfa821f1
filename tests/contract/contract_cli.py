#!/usr/bin/env python3
"""Contract test of the client: every batch command, run through Prism in front of the demo.

`ktriage -c` sends each command through a validating proxy built from the real Kibana
spec (tests/contract/oas.py). The strict proxy (--errors) answers 422/500 to anything that
breaks the spec, so a violating command fails; a second, lenient proxy forwards everything
and logs every violation, which is how the test names them and how the spec's own known
defects are accepted: exactly those messages, for exactly those operations, nothing else.
The list of commands is checked against `ktriage help`, so a new command cannot skip it.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oas  # noqa: E402

# Every batch command that exists, with ids filled from the demo ({case}, {jira}, ...).
COMMANDS = [
    ("cases", "cases --per-page 5"),
    ("cases", "cases --status open --severity high --search shell --tag vip --sort-field createdAt --sort-order asc"),
    ("cases", "cases --all"),
    ("case show", "case show {case}"),
    ("connectors", "connectors"),
    ("spaces", "spaces"),
    ("alert cases", "alert cases {attached_alert}"),
    ("case status", "case status {case} in-progress"),
    ("case severity", "case severity {case} critical"),
    ("case comment", "case comment {case} Checked by the contract test"),
    ("case push", "case push {case2} {jira}"),
    ("case activity", "case activity {case}"),
    ("case export", "case export {case}"),
    ("alerts", "alerts --status open --severity high"),
    ("alerts", "alerts --since 24h --limit 150"),
    ("alerts", "alerts --id {alert} --id {alert2}"),
    ("alert status", "alert status {alert} {alert2} acknowledged"),
    ("alert attach", "alert attach {alert} --case {case}"),
    ("conversations", "conversations --sort-field title --sort-order asc --per-page 5"),
    ("conversation show", "conversation show {conversation}"),
    ("ask", "ask --alert {alert}"),
    ("ask", "ask --conversation {conversation} What should I check next?"),
    ("ask", "ask --case {case} --no-persist"),
    ("actions", "actions --per-page 5"),
    ("action show", "action show {action}"),
    ("endpoints", "endpoints"),
    ("endpoint suspend", "endpoint suspend --endpoint {endpoint} --pid 4242 --comment contract"),
    ("endpoint isolate", "endpoint isolate --endpoint {endpoint} --comment contract"),
    ("endpoint release", "endpoint release --endpoint {endpoint}"),
    ("endpoint processes", "endpoint processes --endpoint {endpoint}"),
    ("endpoints", "endpoints --status healthy --status unhealthy --os windows --sort-field last-seen --sort-order desc "
                  "--search 'united.endpoint.host.hostname:*'"),
    ("endpoint show", "endpoint show {endpoint}"),
    ("endpoint kill", "endpoint kill --endpoint {endpoint} --pid {pid} --comment contract"),
    ("endpoint get-file", "endpoint get-file --endpoint {endpoint} --path '{host_path}' --comment contract"),
    ("endpoint execute", "endpoint execute --endpoint {endpoint} --command 'whoami /all' --timeout 60"),
    ("endpoint scan", "endpoint scan --endpoint {endpoint} --path '{host_path}'"),
    ("endpoint upload", "endpoint upload {upload} --endpoint {endpoint} --overwrite --comment contract"),
    ("action files", "action files {file_action}"),
    ("action download", "action download {file_action} -o {download_dir}"),
    ("sessions invalidate", "sessions invalidate --provider-type basic --username elastic"),
    ("sessions invalidate", "sessions invalidate --all"),
    ("dashboard delete", "dashboard delete '{dashboard}'"),
    ("fleet file delete", "fleet file delete {agent_file}"),
    ("fleet assets", "fleet assets dashboard:{dashboard2} index-pattern:logs-*"),
    ("fleet server-hosts", "fleet server-hosts"),
    ("fleet server-host create", "fleet server-host create --name contract --url https://fleet-c1.example:8220 "
                                 "--url https://fleet-c2.example:8220 --default --proxy-id corp-proxy"),
    ("ml sync", "ml sync --simulate"),
    ("ml sync", "ml sync"),
    ("exceptions endpoint", "exceptions endpoint"),
    ("exceptions endpoint", "exceptions endpoint --filter exception-list-agnostic.attributes.name:Build --page 1 "
                            "--per-page 2 --sort-field name --sort-order asc"),
    ("entity-engine init", "entity-engine init host --delay 1m --frequency 1m --lookback 24h --filter host.name:* "
                           "--index-pattern logs-* --field-history-length 10 --timestamp-field @timestamp "
                           "--timeout 180s --docs-per-second 500 --enrich-interval 1h"),
    ("entity-engine start", "entity-engine start host"),
    ("entity-engine stop", "entity-engine stop host"),
    ("risk-engine configure", "risk-engine configure --exclude-status closed --exclude-status acknowledged "
                              "--exclude-tag false-positive --range-start now-30d --range-end now"),
    ("risk-engine configure", "risk-engine configure --reset-to-zero off --page-size 1000 "
                              "--filter 'user=not user.name: root'"),
    ("list delete", "list delete {list} --delete-references"),
    ("list delete", "list delete {list2} --ignore-references"),
    ("note delete", "note delete {note}"),
    ("note delete", "note delete {note2} {note3}"),
    ("timeline import", "timeline import {timelines}"),
    ("timeline import", "timeline import {timelines} --immutable"),
    ("streams resync", "streams resync"),
    ("streams group", "streams group web-tier"),
    ("version", "version"),
    ("doctor", "doctor"),
    ("api", "api GET /api/cases/_find?perPage=2&sortField=title"),
    ("api", "api POST /api/streams/_resync '{{}}'"),
    ("api", "api DELETE /api/dashboards/dashboard/{dashboard3}"),
]

# Commands that need no server.
LOCAL = {"help", "theme", "bind", "set", "profile", "space", "console"}


def ktriage_bin():
    return os.path.join(os.environ.get("KT_BUILDDIR", "."), "src", "ktriage")


def run(url, key, command):
    args = [ktriage_bin(), "--url", url, "--api-key-file", key, "--quiet", "--json", "-c", command + " --yes"]
    p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


class Fixture:
    """Ids of objects a command uses up (deletes): each formatting of a command takes the next one,
    so the lenient re-run of a deletion the strict proxy refused after it was done (a response-side
    defect) acts on an object that still exists."""

    def __init__(self, ids):
        self.ids = list(ids)

    def __format__(self, spec):
        return self.ids.pop(0)


def ids_from_demo(url, key):
    def js(cmd):
        rc, out, err = run(url, key, cmd)
        if rc != 0:
            raise SystemExit(f"FAIL: could not read ids from the demo with '{cmd}': {err}")
        return json.loads(out)
    ids = {}
    cases = js("cases --per-page 100 --sort-field createdAt --sort-order asc")["cases"]
    ids["case"], ids["case2"] = cases[0]["id"], cases[1]["id"]
    # Kibana 9 sends a case without its comments and _find holds user comments only: attached alerts have a route.
    for c in cases:
        alerts = js("api GET /api/cases/" + c["id"] + "/alerts")
        if alerts:
            ids["attached_alert"] = alerts[0]["id"]
            break
    conns = js("connectors")
    ids["jira"] = next(c["id"] for c in conns if c["connector_type_id"] == ".jira" and "misconfigured" not in c["name"])
    hits = js("alerts --limit 5")["hits"]["hits"]
    ids["alert"], ids["alert2"] = hits[0]["_id"], hits[1]["_id"]
    ids["conversation"] = js("conversations --per-page 1")["data"][0]["id"]
    ids["action"] = js("actions --per-page 1")["data"][0]["id"]
    # A healthy endpoint that can run every action (scan needs the capability), and what is on it.
    host = next(h for h in js("endpoints --status healthy")["data"]
                if "scan" in h["metadata"]["Endpoint"].get("capabilities", ["scan"]))
    ids["endpoint"] = host["metadata"]["agent"]["id"]
    windows = host["metadata"]["host"]["os"]["name"] == "Windows"
    ids["host_path"] = "C:\\Windows\\System32\\drivers\\etc\\hosts" if windows else "/etc/hosts"

    def finished(command):
        action = js(command + " --yes")["data"]["id"]
        for _ in range(100):
            shown = js("action show " + action)["data"]
            if shown["status"] != "pending":
                return shown
            time.sleep(0.1)
        raise SystemExit(f"FAIL: '{command}' did not finish")
    procs = finished(f"endpoint processes --endpoint {ids['endpoint']}")
    entries = procs["outputs"][ids["endpoint"]]["content"]["entries"]
    ids["pid"] = Fixture([entries[1]["pid"], entries[2]["pid"]])
    ids["file_action"] = finished(f"endpoint get-file --endpoint {ids['endpoint']} --path '{ids['host_path']}'")["id"]
    # Objects no listing route returns (dashboards, agent files, value lists, notes) come from the demo's fixtures.
    fixtures = js("api GET /_demo/fixtures")
    dashboards = fixtures["dashboards"]
    # The last seeded dashboard's id needs percent-encoding: "exec-summary/été #1?".
    ids["dashboard"], ids["dashboard3"] = Fixture([dashboards[-1], dashboards[2]]), Fixture(dashboards[4:6])
    ids["dashboard2"] = dashboards[0]
    ids["agent_file"] = fixtures["agent_files"][0]
    ids["list"], ids["list2"] = fixtures["lists"][:2]
    ids["note"], ids["note2"], ids["note3"] = fixtures["notes"][:3]
    here = os.path.dirname(os.path.abspath(__file__))
    ids["timelines"] = os.path.join(here, "..", "fixtures", "timelines", "timelines.ndjson")
    ids["upload"] = ids["timelines"]
    return ids


def listed_commands():
    p = subprocess.run([ktriage_bin(), "help"], capture_output=True, text=True, check=True)
    words = set()
    for line in p.stdout.splitlines():
        if line.startswith("  ") and "  " in line.strip():
            words.add(line.strip().split("  ")[0].strip())
    return words


def main():
    prism = oas.find_prism()
    tmp = tempfile.mkdtemp(prefix="kt-contract-")
    procs = []
    failures = []
    try:
        spec = oas.merged_spec(tmp)
        key = os.path.join(tmp, "key")
        with open(key, "w") as f:
            f.write("Y29udHJhY3Q6a2V5\n")
        os.chmod(key, 0o600)
        demo, demo_url = oas.start_demo(ktriage_bin(), tmp, "--api-key", key, "--quiet", "--action-delay", "100")
        procs.append(demo)
        strict, strict_url = oas.start_prism(prism, spec, demo_url, True, os.path.join(tmp, "prism-strict.log"))
        procs.append(strict)
        lenient_log = os.path.join(tmp, "prism-lenient.log")
        lenient, lenient_url = oas.start_prism(prism, spec, demo_url, False, lenient_log)
        procs.append(lenient)

        missing = listed_commands() - LOCAL - {w for w, _ in COMMANDS}
        if missing:
            failures.append("commands not covered by the contract test: " + ", ".join(sorted(missing)))
        ids = ids_from_demo(demo_url, key)
        # Each try of a download saves into a folder of its own: a zip is never written over.
        ids["download_dir"] = Fixture([os.path.join(tmp, f"download-{i}") for i in range(2)])
        for i in range(2):
            os.mkdir(os.path.join(tmp, f"download-{i}"))
        seen = 0
        for words, template in COMMANDS:
            command = template.format(**ids)
            rc, _, err = run(strict_url, key, command)
            if rc == 0:
                print(f"ok   {command}")
                continue
            # Refused: send it again through the lenient proxy to name each violation.
            lrc, _, lerr = run(lenient_url, key, template.format(**ids))
            viols = oas.violations(lenient_log)[seen:]
            seen += len(viols)
            unexplained = []
            for method, path, msg in viols:
                if not any(k in msg for k in oas.defect_for(method, path) or []):
                    unexplained.append(f"{method} {path}: {msg}")
            if unexplained:
                failures.append(f"{command}: " + "; ".join(unexplained))
            elif not viols:
                failures.append(f"{command}: {err.strip()}")
            elif lrc != 0:
                failures.append(f"{command}: the command failed against the demo: {lerr.strip()}")
            else:
                print(f"ok   {command} (Prism objects only to the spec's known defect)")
                continue
            print(f"FAIL {command}")
        if failures:
            print("\nContract violations:")
            for f in failures:
                print("  " + f)
            return 1
        return 0
    finally:
        for p in procs:
            oas.stop(p)
        if failures:
            print(f"logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
