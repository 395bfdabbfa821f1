#!/usr/bin/env python3
"""Contract test of the demo Kibana: one valid request to every route through Prism.

Prism (a validating proxy built from the real OpenAPI spec) sits between curl-like
requests and `ktriage serve-demo`. Any request or response that breaks the spec fails
the test, except the spec's own documented defects (see KNOWN_DEFECTS). Prism is found
at $PRISM, $KT_SRCDIR/tests/contract/node_modules/.bin/prism or in PATH; without it the
test is skipped (exit 77). The merged spec is written to a temporary directory.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "contract"))
from oas import defect_for, find_prism, merged_spec, start_prism, stop  # noqa: E402

API_KEY = "ZGVtbzpjb250cmFjdC10ZXN0LWtleQ=="

def demo_command():
    build = os.environ.get("KT_BUILDDIR", ".")
    ktriage = os.path.join(build, "src/ktriage")
    if os.access(ktriage, os.X_OK):
        try:
            out = subprocess.run([ktriage, "serve-demo", "--help"], capture_output=True, text=True, timeout=10)
            if out.returncode == 0 and "--listen" in out.stdout:
                return [ktriage, "serve-demo"]
        except (OSError, subprocess.TimeoutExpired):
            pass
    return [os.path.join(build, "tests/demo/demo_serve")]


def under_valgrind(cmd):
    """With KT_VALGRIND=1 the server runs under valgrind; errors or leaks make it exit non-zero."""
    if os.environ.get("KT_VALGRIND") != "1":
        return cmd
    return ["valgrind", "-q", "--error-exitcode=99", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect", "--track-fds=no"] + cmd


class Client:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, ctype="application/json; Elastic-Api-Version=2023-10-31", raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "ApiKey " + API_KEY)
        req.add_header("kbn-xsrf", "contract-test")
        if data is not None:
            req.add_header("Content-Type", ctype)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()


def wait_http(url, proc, what, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"FAIL: {what} exited early with status {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    sys.exit(f"FAIL: {what} did not answer within {timeout} s")


def multipart(name, filename, content, fields=(), ctype="application/ndjson"):
    boundary = "ktriageContractBoundary7MA4YWxkTrZu0gW"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {ctype}\r\n\r\n").encode() + content + b"\r\n"
    for key, value in fields:
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\n{value}\r\n".encode()
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def requests(direct, n):
    """One valid request per route, using real ids read from the demo directly (the n-th of each kind)."""
    def q(s):
        return urllib.parse.quote(s, safe="")
    _, _, raw = direct.call("GET", "/_demo/fixtures")
    fx = json.loads(raw)
    _, _, raw = direct.call("GET", "/api/cases/_find?perPage=100")
    cases = json.loads(raw)["cases"]
    case = next(c for c in cases if c["totalAlerts"] > 0)
    _, _, raw = direct.call("GET", "/api/actions/connectors")
    conns = json.loads(raw)
    jira = next(c for c in conns if c["connector_type_id"] == ".jira" and "misconfigured" not in c["name"])
    llm = next(c for c in conns if c["connector_type_id"] == ".gen-ai")
    _, _, raw = direct.call("GET", f"/api/cases/{q(case['id'])}/alerts")
    alert_id = json.loads(raw)[0]["id"]
    _, _, raw = direct.call("GET", "/api/security_ai_assistant/current_user/conversations/_find?per_page=1")
    conv = json.loads(raw)["data"][0]["id"]
    _, _, raw = direct.call("GET", "/api/endpoint/action?pageSize=1")
    action = json.loads(raw)["data"][0]["id"]
    ep = fx["endpoints"][0]
    _, _, raw = direct.call("POST", "/api/endpoint/action/running_procs", {"endpoint_ids": [ep]})
    _, _, raw = direct.call("GET", f"/api/endpoint/action/{q(json.loads(raw)['data']['id'])}")
    pid = int(json.loads(raw)["data"]["outputs"][ep]["content"]["entries"][0]["pid"])
    # A get-file that has finished: its file has an info and a download.
    _, _, raw = direct.call("GET", f"/api/endpoint/metadata/{q(ep)}")
    host_path = "/etc/hosts" if json.loads(raw)["metadata"]["host"]["os"]["name"] != "Windows" \
        else "C:\\Windows\\System32\\drivers\\etc\\hosts"
    _, _, raw = direct.call("POST", "/api/endpoint/action/get_file", {"endpoint_ids": [ep], "parameters": {"path": host_path}})
    got = json.loads(raw)["data"]["id"]
    file_id = f"{got}.{ep}"
    up_body, up_type = multipart("file", "fix.ps1", b"Write-Output fixed\n",
                                 [("endpoint_ids", json.dumps([ep])), ("parameters", json.dumps({"overwrite": True})),
                                  ("comment", "contract test")], "application/octet-stream")
    timeline = (json.dumps({"savedObjectId": None, "title": "Contract test timeline", "timelineType": "default",
                            "status": "active"}) + "\n").encode()
    mp_body, mp_type = multipart("file", "timelines.ndjson", timeline)
    new_case = {"title": "Contract test case", "description": "Created by the contract test.", "tags": ["contract"],
                "owner": "securitySolution", "settings": {"syncAlerts": True}, "severity": "medium",
                "connector": {"id": "none", "name": "none", "type": ".none", "fields": None}}
    return [
        ("GET", "/api/cases/_find?page=1&perPage=5&sortField=updatedAt&sortOrder=desc&status=open", None),
        ("GET", f"/api/cases/{q(case['id'])}", None),
        ("POST", "/api/cases", new_case),
        ("PATCH", "/api/cases", {"cases": [{"id": case["id"], "version": case["version"], "status": "in-progress"}]}),
        ("POST", f"/api/cases/{q(case['id'])}/comments",
         {"type": "user", "comment": "Checked by the contract test.", "owner": case["owner"]}),
        ("GET", f"/api/cases/{q(case['id'])}/comments/_find?page=1&perPage=5&sortOrder=asc", None),
        ("GET", f"/api/cases/{q(case['id'])}/alerts", None),
        ("GET", f"/api/cases/{q(case['id'])}/user_actions/_find?page=1&perPage=5&sortOrder=asc", None),
        ("GET", f"/api/cases/{q(case['id'])}/user_actions/_find?types=status&types=comment", None),
        ("GET", "/api/spaces/space?include_authorized_purposes=true", None),
        ("POST", f"/api/cases/{q(case['id'])}/connector/{q(jira['id'])}/_push", {}),
        ("GET", f"/api/cases/alerts/{q(alert_id)}", None),
        ("GET", "/api/cases/configure/connectors/_find", None),
        ("GET", "/api/actions/connectors", None),
        ("POST", "/api/detection_engine/signals/search",
         {"query": {"bool": {"filter": [{"term": {"kibana.alert.workflow_status": "open"}},
                                        {"range": {"@timestamp": {"gte": "now-30d"}}}]}},
          "size": 5, "sort": [{"@timestamp": {"order": "desc"}}, {"kibana.alert.uuid": "asc"}],
          "track_total_hits": True, "aggs": {"sev": {"terms": {"field": "kibana.alert.severity", "size": 4}}}}),
        ("POST", "/api/detection_engine/signals/status", {"signal_ids": [alert_id], "status": "acknowledged"}),
        ("GET", "/api/security_ai_assistant/current_user/conversations/_find?page=1&per_page=5&sort_field=created_at&sort_order=desc", None),
        ("GET", f"/api/security_ai_assistant/current_user/conversations/{q(conv)}", None),
        ("GET", "/api/security_ai_assistant/anonymization_fields/_find?page=1&per_page=1000", None),
        ("POST", "/api/security_ai_assistant/chat/complete",
         {"connectorId": llm["id"], "persist": True, "isStream": True,
          "messages": [{"role": "user", "content": "Summarise this alert",
                        "data": {"host.name": "web-01", "kibana.alert.rule.name": "Beacon"},
                        "fields_to_anonymize": ["host.name"]}]}),
        ("POST", "/api/security_ai_assistant/chat/complete",
         {"connectorId": llm["id"], "persist": True, "isStream": True, "conversationId": conv,
          "messages": [{"role": "user", "content": "And then?"}]}),
        ("GET", "/api/endpoint/metadata?page=0&pageSize=5&hostStatuses=%5B%22healthy%22%5D&sortField=last_checkin&sortDirection=desc", None),
        ("GET", f"/api/endpoint/metadata/{q(ep)}", None),
        ("GET", "/api/endpoint/action?page=1&pageSize=5", None),
        ("GET", f"/api/endpoint/action/{q(action)}", None),
        ("POST", "/api/endpoint/action/suspend_process",
         {"endpoint_ids": [ep], "parameters": {"pid": pid}, "comment": "contract test"}),
        ("POST", "/api/endpoint/action/kill_process", {"endpoint_ids": [ep], "parameters": {"pid": pid}}),
        ("POST", "/api/endpoint/action/running_procs", {"endpoint_ids": [ep]}),
        ("POST", "/api/endpoint/action/isolate", {"endpoint_ids": [ep], "comment": "contract test"}),
        ("POST", "/api/endpoint/action/unisolate", {"endpoint_ids": [ep]}),
        ("POST", "/api/endpoint/action/get_file", {"endpoint_ids": [ep], "parameters": {"path": host_path}}),
        ("POST", "/api/endpoint/action/execute", {"endpoint_ids": [ep], "parameters": {"command": "whoami", "timeout": 60}}),
        ("POST", "/api/endpoint/action/scan", {"endpoint_ids": [ep], "parameters": {"path": host_path}}),
        ("POST", "/api/endpoint/action/upload", (up_body, up_type)),
        ("GET", f"/api/endpoint/action/{q(got)}/file/{q(file_id)}", None),
        ("GET", f"/api/endpoint/action/{q(got)}/file/{q(file_id)}/download", None),
        ("POST", "/api/security/session/_invalidate", {"match": "query", "query": {"provider": {"type": "saml"}}}),
        ("DELETE", f"/api/dashboards/dashboard/{q(fx['dashboards'][n])}", None),
        ("DELETE", f"/api/fleet/agents/files/{q(fx['agent_files'][n])}", None),
        ("POST", "/api/fleet/epm/bulk_assets", {"assetIds": [{"id": fx["dashboards"][n + 2], "type": "dashboard"}]}),
        ("GET", "/api/fleet/fleet_server_hosts", None),
        ("POST", "/api/fleet/fleet_server_hosts", {"name": "Contract fleet", "host_urls": ["https://fleet.example:8220"]}),
        ("GET", "/api/ml/saved_objects/sync?simulate=true", None),
        ("GET", "/api/endpoint_list/items/_find?page=1&per_page=5&sort_field=name&sort_order=asc", None),
        ("POST", "/api/entity_store/engines/host/init", {"fieldHistoryLength": 10}),
        ("POST", "/api/entity_store/engines/host/start", None),
        ("POST", "/api/entity_store/engines/host/stop", None),
        ("PUT", "/api/risk_score/engine/saved_object/configure",
         {"exclude_alert_statuses": ["closed"], "exclude_alert_tags": ["false-positive"],
          "range": {"start": "now-30d", "end": "now"}, "enable_reset_to_zero": False, "page_size": 1000,
          "filters": [{"entity_types": ["user"], "filter": "not user.name: root"}]}),
        ("DELETE", f"/api/lists?id={q(fx['lists'][n])}", None),
        ("DELETE", "/api/note", {"noteId": fx["notes"][n]}),
        ("POST", "/api/timeline/_import", (mp_body, mp_type)),
        ("POST", "/api/streams/_resync", {}),
        ("GET", "/api/streams/web-tier/_group", None),
        ("DELETE", f"/api/cases?ids={q(cases[-1 - n]['id'])}", None),
        # What `ktriage doctor` reads: the status, the space, and a harmless read of each feature.
        ("GET", "/api/status", None),
        ("GET", "/api/spaces/space/default", None),
        ("GET", "/api/dashboards/dashboard?page=1&perPage=5", None),
        ("GET", "/api/fleet/agents?perPage=1", None),
        ("GET", "/api/entity_store/engines", None),
        ("GET", "/api/lists/_find?per_page=1", None),
        ("GET", "/api/note?perPage=1", None),
        ("GET", "/api/timelines?page_size=1", None),
    ]


def sweep(direct):
    """Reads of every generated object, so the whole data set is checked, not one sample."""
    def q(s):
        return urllib.parse.quote(s, safe="")
    out = [("GET", "/api/cases/_find?perPage=100", None),
           ("GET", "/api/security_ai_assistant/current_user/conversations/_find?per_page=100", None),
           ("GET", "/api/endpoint/action?pageSize=100", None)]
    _, _, raw = direct.call("GET", "/api/cases/_find?perPage=100")
    for c in json.loads(raw)["cases"]:
        out.append(("GET", f"/api/cases/{q(c['id'])}", None))
        out.append(("GET", f"/api/cases/{q(c['id'])}/comments/_find?perPage=100", None))
        out.append(("GET", f"/api/cases/{q(c['id'])}/user_actions/_find?perPage=100", None))
    _, _, raw = direct.call("GET", "/api/security_ai_assistant/current_user/conversations/_find?per_page=100")
    for c in json.loads(raw)["data"]:
        out.append(("GET", f"/api/security_ai_assistant/current_user/conversations/{q(c['id'])}", None))
    _, _, raw = direct.call("GET", "/api/endpoint/action?pageSize=100")
    for a in json.loads(raw)["data"]:
        out.append(("GET", f"/api/endpoint/action/{q(a['id'])}", None))
    return out


PLAIN_JSON = ("/api/security/session/_invalidate", "/api/streams/")


def send(client, method, path, body):
    if isinstance(body, tuple):
        return client.call(method, path, raw=body[0], ctype=body[1])
    ctype = "application/json" if path.startswith(PLAIN_JSON) else "application/json; Elastic-Api-Version=2023-10-31"
    return client.call(method, path, body, ctype=ctype)


def messages(items):
    return [v.get("message", "") for v in items if isinstance(v, dict)]


def check_strict(method, path, status, headers, raw):
    """With --errors: 2xx and no violation, or 422 with exactly the documented defect."""
    allowed = defect_for(method, path)
    viol = headers.get("sl-violations")
    if allowed:
        if status == 422:
            got = messages(json.loads(raw).get("validation", []))
        elif status == 405:
            # No such method in the spec (the route Kibana registers with another verb).
            got = [json.loads(raw).get("title", "")]
        elif status == 500 or viol:
            got = messages(json.loads(viol or "[]"))
        else:
            got = []
        bad = [m for m in got if not any(a in m for a in allowed)]
        if bad or (status // 100 != 2 and not got):
            return f"status {status}, violations besides the documented defect: {bad or raw[:600]!r}"
        return None
    if status // 100 != 2 or viol:
        return f"status {status}, violations {viol or raw[:600]!r}"
    return None


def check_lenient(method, path, status, headers, raw):
    """Without --errors (documented-defect routes): 2xx, violations only the documented ones."""
    allowed = defect_for(method, path)
    viol = json.loads(headers.get("sl-violations") or "[]")
    bad = [m for m in messages(viol) if not any(a in m for a in allowed)]
    if status // 100 != 2 or bad:
        return f"status {status}, violations besides the documented defect: {bad or raw[:600]!r}"
    return None


def main():
    prism = find_prism()
    tmp = tempfile.mkdtemp(prefix="kt-contract-")
    demo = p1 = p2 = None
    failures = []
    try:
        spec = merged_spec(tmp)
        keyfile = os.path.join(tmp, "api-key")
        with open(keyfile, "w") as f:
            f.write(API_KEY + "\n")
        os.chmod(keyfile, 0o600)
        demo_log = open(os.path.join(tmp, "demo.log"), "w")
        print("server: " + " ".join(demo_command()) + "; prism: " + prism)
        demo = subprocess.Popen(under_valgrind(demo_command() + ["--listen", "127.0.0.1:0", "--seed", "7",
                                                                "--api-key", keyfile, "--action-delay", "0"]),
                                stdout=subprocess.PIPE, stderr=demo_log, text=True, start_new_session=True)
        url = demo.stdout.readline().strip()
        if not url.startswith("http://"):
            sys.exit(f"FAIL: the demo server printed no URL (got {url!r})")
        direct = Client(url)
        reqs = requests(direct, 0)
        p1, base = start_prism(prism, spec, url, True, os.path.join(tmp, "prism-errors.log"))
        proxy = Client(base)
        for method, path, body in reqs:
            status, headers, raw = send(proxy, method, path, body)
            err = check_strict(method, path, status, headers, raw)
            print(f"{'FAIL' if err else 'ok  '} {method} {path.split('?')[0]} -> {status}" + (f": {err}" if err else ""))
            if err:
                failures.append((method, path, err))
        swept = sweep(direct)
        for method, path, body in swept:
            status, headers, raw = send(proxy, method, path, body)
            err = check_strict(method, path, status, headers, raw)
            if err:
                print(f"FAIL {method} {path.split('?')[0]} -> {status}: {err}")
                failures.append((method, path, err))
        print(f"swept {len(swept)} reads of every generated case, conversation and action")
        stop(p1)
        with open(os.path.join(tmp, "prism-errors.log")) as f:
            for line in f:
                route = line.split("[HTTP SERVER] ", 1)[-1].split(" ")
                probe = route[:2] == ["get", "/"]
                known = len(route) > 1 and defect_for(route[0].upper(), route[1])
                if "\u2716" in line and not probe and not known:
                    failures.append(("log", "", line.strip()))
                    print("FAIL prism: " + line.strip())
        # The documented-defect routes again without --errors, so their responses are checked too.
        p2, base = start_prism(prism, spec, url, False, os.path.join(tmp, "prism-lenient.log"))
        proxy = Client(base)
        for method, path, body in requests(direct, 1):
            if not defect_for(method, path):
                continue
            status, headers, raw = send(proxy, method, path, body)
            err = check_lenient(method, path, status, headers, raw)
            print(f"{'FAIL' if err else 'ok  '} {method} {path.split('?')[0]} -> {status} (response checked)" +
                  (f": {err}" if err else ""))
            if err:
                failures.append((method, path, err))
    finally:
        stop(p1)
        stop(p2)
        if demo and demo.poll() is None:
            # SIGTERM is the documented way to stop serve-demo: it must exit 0 (and clean, under sanitizers).
            demo.terminate()
            try:
                rc = demo.wait(timeout=120)
            except subprocess.TimeoutExpired:
                stop(demo)
                rc = "timeout"
            if rc != 0:
                failures.append(("serve-demo", "", f"exit status {rc} after SIGTERM"))
                print(f"FAIL serve-demo exited with {rc} after SIGTERM; log: {os.path.join(tmp, 'demo.log')}")
        if failures:
            print(f"logs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print(f"FAIL: {len(failures)} contract violation(s)")
        return 1
    print("PASS: every route answered within the contract")
    return 0


if __name__ == "__main__":
    sys.exit(main())
