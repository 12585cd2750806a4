#!/usr/bin/env python3
"""Seeds handles through the API for bench/run.sh: for each skill a metadata PUT, a runtime PUT
and a publish, over keep-alive connections, a few skills at a time.

  seed.py BASE_URL TOKEN HANDLE:COUNT [HANDLE:COUNT ...]
"""
import http.client
import json
import sys
import threading
import urllib.parse

TOOLS = [{"type": "http", "name": "lookup", "config": {"url": "https://api.example.com/lookup"}},
         {"type": "mcp", "name": "search", "config": {"url": "https://mcp.example.com/search"}}]
RUNTIME = {"imageRef": "catalog/node:20", "command": ["node", "server.js"], "args": [], "cpu": 512,
           "memory": 1024, "idleTimeoutSec": 900, "maxSessionSec": 3600}


def seed(base, token, jobs, failures):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    for handle, n in jobs:
        path = f"/v2/handles/{handle}/skills/bench-skill-{n}"
        metadata = {"displayName": f"Bench skill {n}", "description": "Load test.",
                    "systemPrompt": "Answer briefly.", "tools": TOOLS}
        for method, suffix, body in (("PUT", "", metadata), ("PUT", "/runtime", RUNTIME), ("POST", "/publish", None)):
            conn.request(method, path + suffix, body=json.dumps(body) if body is not None else None, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status >= 300:
                failures.append(f"{method} {path}{suffix}: {response.status}")
    conn.close()


def main():
    base, token, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    jobs = [(handle, n) for spec in specs for handle, count in [spec.split(":")] for n in range(1, int(count) + 1)]
    failures = []
    threads = [threading.Thread(target=seed, args=(base, token, jobs[i::4], failures)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"seeded {len(jobs)} skills ({3 * len(jobs)} requests) on {', '.join(specs)}: {len(failures)} failed")
    for failure in failures[:10]:
        print("  " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
