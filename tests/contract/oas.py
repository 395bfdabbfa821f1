"""Shared pieces of the contract tests: the merged Kibana spec, a Prism validating proxy, and the spec's defects.

The contract is the three files in shared/kibana-oas: the unmodified kibana.yaml plus
user_session_apis.yaml and seed-streams.yaml. Their paths are merged into one document
at test time, in a temporary directory (never committed). Prism (`prism proxy SPEC
UPSTREAM --errors`) answers 422 to a request that breaks the spec and 500 to a response
that breaks it, and logs each violation; a test that cannot find Prism or the spec
exits 77 (SKIP) and says why.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time


def skip(why):
    print(f"SKIP: {why}")
    sys.stdout.flush()
    sys.exit(77)


def shared_dir():
    for cand in (os.environ.get("KT_SHARED"), "/work/shared"):
        if cand and os.path.isfile(os.path.join(cand, "kibana-oas", "kibana.yaml")):
            return cand
    skip("the API contract (shared/kibana-oas/kibana.yaml) is not next to this checkout; set KT_SHARED")


def find_prism():
    cands = [os.environ.get("PRISM")]
    src = os.environ.get("KT_SRCDIR")
    if src:
        cands.append(os.path.join(src, "tests/contract/node_modules/.bin/prism"))
    cands.append(shutil.which("prism"))
    for c in cands:
        if c and os.access(c, os.X_OK):
            return c
    skip("Stoplight Prism is not installed: run `npm ci --prefix tests/contract` (needs the npm registry)")


# The spec's own defects, accepted only for these operations and only with these messages
# (each a substring of Prism's). "{}" stands for one path segment that is an id (never "_find" and the like).
# tests/contract/README.md lists each (and the defects no test meets) with the Kibana source file that shows
# what Kibana really does.
KNOWN_DEFECTS = {
    # `parameters` is a oneOf of {pid} and {entity_id} with no `required`: every object matches both.
    ("POST", "/api/endpoint/action/suspend_process"): ["must match exactly one schema in oneOf"],
    ("POST", "/api/endpoint/action/kill_process"): ["must match exactly one schema in oneOf"],
    # NoParametersRequestSchema wraps the real body in a required "body" property; Kibana reads
    # endpoint_ids at the top level, as the seed document's examples show.
    ("POST", "/api/endpoint/action/isolate"): ["must have required property 'body'"],
    ("POST", "/api/endpoint/action/unisolate"): ["must have required property 'body'"],
    ("POST", "/api/endpoint/action/running_procs"): ["must have required property 'body'"],
    # The whole query string is one required object parameter "query" whose hostStatuses is required;
    # Prism cannot match exploded object parameters, and Kibana defaults hostStatuses to [].
    ("GET", "/api/endpoint/metadata"): ["must have required property 'hostStatuses'",
                                        "must have required property 'query'"],
    # The list's filters are one object parameter "query"; Prism reads a single commands=x as a string, where
    # Kibana takes one value or many (common/api/endpoint/actions/list/list.ts: oneOf arrayOf or a single value).
    ("GET", "/api/endpoint/action"): ["query.commands must be array"],
    # The operation declares no responses at all (Kibana answers 204).
    ("DELETE", "/api/dashboards/dashboard/{}"): ["Unable to match the returned status code"],
    # Kibana reads the upload as multipart/form-data with an ndjson file part; the spec declares JSON.
    ("POST", "/api/timeline/_import"): ["Supported content types"],
    # Kibana 9 strips "comments" from the case it returns (cases/server/routes/api/cases/get_case.ts).
    ("GET", "/api/cases/{}"): ["Response body must have required property 'comments'"],
    # _find answers {comments, page, per_page, total}, not the case the spec declares
    # (cases/server/routes/api/comments/find_comments.ts).
    ("GET", "/api/cases/{}/comments/_find"): ["Response body must have required property"],
    # The connector type enum lacks .thehive, which takes cases (cases/common/types/domain/connector/v1.ts).
    ("GET", "/api/cases/configure/connectors/_find"): ["must be equal to one of the allowed values"],
    # The route is registered with router.versioned.put; the spec has only PATCH
    # (entity_analytics/risk_engine/routes/configure_saved_object.ts).
    # Prism's strict proxy answers 405 "no method matched"; the lenient one says "Selected route not found".
    ("PUT", "/api/risk_score/engine/saved_object/configure"): ["no method matched", "Selected route not found"],
    # A user action's payload is a oneOf of objects none of which requires anything (and two of which
    # take any object), so every payload matches several; Prism names the failure through the alert
    # comment branch, whose comment.type allows only "alert", when the comment is a user's.
    # find_user_actions.ts sends the payloads as they were stored.
    ("GET", "/api/cases/{}/user_actions/_find"): ["must match exactly one schema in oneOf",
                                                   "payload.comment.type must be equal to one of the allowed values: alert"],
    # The spec types parameters.command with the response-action names; Kibana takes any shell command
    # (x-pack/solutions/security/plugins/security_solution/common/api/endpoint/actions/response_actions/execute/execute.ts).
    ("POST", "/api/endpoint/action/execute"): ["parameters.command must be equal to one of the allowed values"],
    # The route accepts only multipart/form-data (server/endpoint/routes/actions/response_actions.ts,
    # options.body.accepts); the spec declares JSON.
    ("POST", "/api/endpoint/action/upload"): ["Supported content types"],
    # The zip is streamed as application/octet-stream (server/endpoint/routes/actions/file_download_handler.ts);
    # the spec declares a JSON object.
    ("GET", "/api/endpoint/action/{}/file/{}/download"): ["does not match the one specified in the current response",
                                                          "Response body must be object"],
}


def defect_for(method, path):
    """The accepted messages for a concrete request (space prefix and query ignored), or None."""
    segs = path.split("?")[0].split("/")
    if len(segs) > 3 and segs[1] == "s":
        segs = [""] + segs[3:]
    for (m, pattern), allowed in KNOWN_DEFECTS.items():
        pat = pattern.split("/")
        if m == method and len(pat) == len(segs) and all(x == y or (x == "{}" and not y.startswith("_"))
                                                          for x, y in zip(pat, segs)):
            return allowed
    return None


def merged_spec(tmp):
    """Write the merged contract as JSON (Prism reads it faster than YAML); return its path."""
    try:
        import yaml
    except ImportError:
        skip("the python3 yaml module is missing (apt-get install python3-yaml)")
    base = os.path.join(shared_dir(), "kibana-oas")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(os.path.join(base, "kibana.yaml")) as f:
        spec = yaml.load(f, Loader=loader)
    for extra in ("user_session_apis.yaml", "seed-streams.yaml"):
        with open(os.path.join(base, extra)) as f:
            more = yaml.load(f, Loader=loader)
        spec["paths"].update(more.get("paths", {}))
        for kind, items in (more.get("components") or {}).items():
            spec.setdefault("components", {}).setdefault(kind, {}).update(items)
    path = os.path.join(tmp, "kibana-merged.json")
    with open(path, "w") as f:
        json.dump(spec, f, default=str)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo(ktriage, tmp, *args):
    """Start `ktriage serve-demo` on an ephemeral port; return (process, url)."""
    out = open(os.path.join(tmp, "demo.url"), "w+")
    err = open(os.path.join(tmp, "demo.log"), "w")
    proc = subprocess.Popen([ktriage, "serve-demo", "--listen", "127.0.0.1:0", *args], stdout=out, stderr=err,
                            start_new_session=True)
    for _ in range(100):
        out.seek(0)
        line = out.readline().strip()
        if line:
            return proc, line
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    stop(proc)
    raise SystemExit("FAIL: the demo server did not start: " + open(os.path.join(tmp, "demo.log")).read())


def start_prism(prism, spec, upstream, errors, log):
    """Prism as a proxy in front of upstream, validating with --errors when errors; return (process, url)."""
    port = free_port()
    cmd = [prism, "proxy", spec, upstream, "-p", str(port), "-h", "127.0.0.1"] + (["--errors"] if errors else [])
    proc = subprocess.Popen(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(720):
        if "Prism is listening" in open(log, errors="replace").read():
            return proc, f"http://127.0.0.1:{port}"
        if proc.poll() is not None:
            break
        time.sleep(0.25)
    stop(proc)
    raise SystemExit("FAIL: Prism did not start:\n" + open(log, errors="replace").read()[-3000:])


def stop(proc):
    """Stop a process started in its own session, and its children."""
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


_REQ = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) ℹ\s+info\s+Request received")
_UPSTREAM = re.compile(r"The upstream call to (\S+) has returned")
_VIOL = re.compile(r"\[VALIDATOR\] (?:✖\s+error|⚠\s+warning)\s+(.*)")


def violations(log):
    """[(method, path, message)] for every violation a lenient Prism logged, tied to its request.

    A request's own violations follow the line that receives it; its response's follow the line that says the
    upstream call returned, which for requests sent together (a command that reads two routes at once) may come
    after another request was received: each line sets the request the next violations belong to.
    """
    found, current, methods = [], ("?", "?"), {}
    for line in open(log, errors="replace"):
        m = _REQ.search(line)
        if m:
            current = (m.group(1).upper(), m.group(2).split("?")[0])
            methods[current[1]] = current[0]
            continue
        m = _UPSTREAM.search(line)
        if m:
            path = m.group(1).split("?")[0]
            current = (methods.get(path, "?"), path)
            continue
        m = _VIOL.search(line)
        if m:
            found.append((current[0], current[1], m.group(1).strip()))
    return found
