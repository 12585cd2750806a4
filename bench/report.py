#!/usr/bin/env python3
"""Parses wrk and pgbench output for bench/run.sh and prints its table.

  report.py wrk FILE NAME ROUND CONNS CPU_TICKS PG_TICKS ALLOC_BYTES   -> one JSON line
  report.py pgbench DIR NAME ROUND CONNS                               -> one JSON line
  report.py logcheck SERVER_LOG ANSWERED LAST_REQUESTS LAST_NON2XX STOP_MS -> one JSON line
  report.py table RESULTS READY_MS JVM CHANGED CORES JAVA_VERSION      -> the table
"""
import glob
import json
import os
import re
import statistics
import sys

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")

NAMES = {
    "floor": "floor (Boot webmvc, /floor)",
    "liveness": "liveness",
    "list": "GET list, 20 skills",
    "one": "GET one skill",
    "list200": "GET list, 200 skills",
    "list2000": "GET list, 2,000 skills",
    "put": "PUT metadata, 1 handle",
    "pgbench put-metadata": "pgbench put-metadata.sql",
    "put16": "PUT metadata, 16 handles",
    "publish": "publish",
    "pgbench publish": "pgbench publish.sql",
}


def millis(text, label):
    m = re.search(r"^\s*" + re.escape(label) + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def size(text):
    m = re.search(r"([\d.]+)([KMG]?B) read", text)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[unit]


def wrk(path, name, rnd, conns, cpu, pg, alloc):
    text = open(path).read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: (.*)", text)
    print(json.dumps({
        "kind": "run", "name": name, "round": int(rnd), "conns": int(conns),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50": millis(text, "50%"), "p99": millis(text, "99%"), "requests": requests,
        "bytes": size(text) / max(requests, 1), "non2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket.group(1).strip() if socket else "",
        "cpu_ms": int(cpu) * TICK_MS / max(requests, 1),
        "pg_cpu_ms": int(pg) * TICK_MS / max(requests, 1) if int(pg) else None,
        "alloc": int(alloc) / max(requests, 1) if int(alloc) > 0 else None,
    }))


def pgbench(folder, name, rnd, conns):
    text = open(folder + "/pgbench.txt").read()
    lat = sorted(int(line.split()[2]) / 1000 for f in glob.glob(folder + "/pgb.*") for line in open(f))
    print(json.dumps({
        "kind": "run", "name": "pgbench " + name, "round": int(rnd), "conns": int(conns),
        "rps": float(re.search(r"tps = ([\d.]+)", text).group(1)), "p50": lat[len(lat) // 2],
        "p99": lat[int(len(lat) * 0.99)], "requests": len(lat), "non2xx": 0,
    }))


def logcheck(path, answered, last, last_non2xx, stop_ms):
    lines = 0
    ids = set()
    for line in open(path, errors="replace"):
        if '"logger":"access"' in line:
            lines += 1
            m = re.search(r'"requestId":"([^"]*)"', line)
            if m:
                ids.add(m.group(1))
    print(json.dumps({"kind": "logcheck", "access_lines": lines, "unique_ids": len(ids),
                      "answered_before_stop": int(float(answered or 0)), "last_burst": int(last or 0),
                      "last_non2xx": int(last_non2xx or 0), "stop_ms": int(stop_ms)}))


def neighbours(rows, i, name):
    """The runs named `name` just before and just after row i, in the same round."""
    found = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(rows) and rows[j]["round"] == rows[i]["round"]:
            if rows[j]["name"] == name:
                found.append(rows[j])
                break
            j += step
    return found


def mean(values):
    return sum(values) / len(values) if values else None


def table(results, ready_ms, jvm, changed, cores, java):
    records = [json.loads(line) for line in open(results) if line.strip()]
    runs = [r for r in records if r["kind"] == "run"]
    statements = {r["name"]: r["statements"] / max(r["requests"], 1) for r in records if r["kind"] == "statements"}
    memory = [r for r in records if r["kind"] == "memory"]
    logs = [r for r in records if r["kind"] == "logcheck"]
    for i, r in enumerate(runs):
        floors = neighbours(runs, i, "floor") if r["name"] != "floor" else []
        r["floor_rps"] = mean([f["rps"] for f in floors])
        r["floor_p99"] = mean([f["p99"] for f in floors])
        if r["name"] in ("put", "publish"):
            base = neighbours(runs, i, "pgbench " + ("put-metadata" if r["name"] == "put" else "publish"))
            r["sql_rps"] = mean([b["rps"] for b in base])
    order = []
    for r in runs:
        if r["name"] not in order:
            order.append(r["name"])
    summary = {}
    for name in order:
        rs = [r for r in runs if r["name"] == name]
        med = lambda key: statistics.median([r[key] for r in rs if r.get(key) is not None]) \
            if any(r.get(key) is not None for r in rs) else None
        ratio = lambda key, base: statistics.median([r[key] / r[base] for r in rs if r.get(base)]) \
            if any(r.get(base) for r in rs) else None
        summary[name] = {
            "conns": rs[0]["conns"], "rps": med("rps"), "p50": med("p50"), "p99": med("p99"),
            "x_floor": ratio("rps", "floor_rps"), "p99_x_floor": ratio("p99", "floor_p99"),
            "x_sql": ratio("rps", "sql_rps"), "cpu_ms": med("cpu_ms"), "pg_cpu_ms": med("pg_cpu_ms"),
            "alloc": med("alloc"), "bytes": med("bytes"), "non2xx": sum(r["non2xx"] for r in rs),
            "runs": len(rs),
        }

    def f(value, fmt, width):
        return (fmt.format(value) if value is not None else "-").rjust(width)

    print()
    print(f"JVM options: {jvm}; {java}; {cores} cores shared by wrk, PostgreSQL, the server and the floor")
    print("Production configuration: access log on, ECS JSON on stdout redirected to a file, rate limiter on,")
    print("Prometheus scraped every 15 s. Changed from the shipped defaults: " + changed)
    print(f"Server start to ready: {ready_ms} ms. x floor: requests/s over the mean of the floor runs just before "
          "and after; p99 x: the same for p99.")
    print()
    header = (f"{'run':<27}{'conns':>5}{'req/s':>8}{'x floor':>8}{'p50 ms':>8}{'p99 ms':>8}{'p99 x':>6}"
              f"{'CPU ms':>7}{'PG ms':>7}{'KB/req':>7}{'SQL':>5}{'bytes':>8}{'non2xx':>7}")
    print(header)
    for name in order:
        s = summary[name]
        print(f"{NAMES.get(name, name):<27}{s['conns']:>5}{f(s['rps'], '{:.0f}', 8)}{f(s['x_floor'], '{:.2f}', 8)}"
              f"{f(s['p50'], '{:.2f}', 8)}{f(s['p99'], '{:.2f}', 8)}{f(s['p99_x_floor'], '{:.1f}', 6)}"
              f"{f(s['cpu_ms'], '{:.3f}', 7)}{f(s['pg_cpu_ms'], '{:.3f}', 7)}"
              f"{f(s['alloc'] / 1024 if s['alloc'] else None, '{:.1f}', 7)}"
              f"{f(statements.get(name), '{:.1f}', 5)}{f(s['bytes'], '{:.0f}', 8)}{s['non2xx']:>7}")
    print("CPU ms: the JVM's CPU time per request (server or floor); PG ms: the server's PostgreSQL backends;")
    print("KB/req: heap allocated per request; SQL: statements per request (PostgreSQL's log, BEGIN/COMMIT")
    print("included); bytes: per response, headers included.")
    print()
    print("Goals:")

    def goal(label, value, target, extra=""):
        if value is None:
            return
        ok = "met" if value >= target else "NOT met"
        print(f"  {label:<34} {value:5.2f}  (goal >= {target:.2f}: {ok}){extra}")

    def p99_goal(name):
        s = summary.get(name)
        if s and s["p99_x_floor"] is not None:
            ok = "met" if s["p99_x_floor"] <= 2 else "NOT met"
            return f"; p99 {s['p99']:.2f} ms = {s['p99_x_floor']:.1f} x floor's (goal <= 2: {ok})"
        return ""

    if "liveness" in summary:
        goal("liveness / floor", summary["liveness"]["x_floor"], 0.70)
    if "list" in summary:
        goal("GET list 20 / floor", summary["list"]["x_floor"], 0.45, p99_goal("list"))
    if "one" in summary:
        goal("GET one skill / floor", summary["one"]["x_floor"], 0.45, p99_goal("one"))
    if "put" in summary:
        goal("PUT metadata / pgbench of its SQL", summary["put"]["x_sql"], 0.60)
    if "publish" in summary:
        goal("publish / pgbench of its SQL", summary["publish"]["x_sql"], 0.50)
    if memory:
        print()
        print("List renderings held in memory (live heap after a full GC, before and after the first GET):")
        for m in memory:
            print(f"  {m['skills']:>5} skills: list {m['list_bytes']:>9,} bytes; held {m['held']:>10,} bytes; "
                  f"first GET (renders) {m['first_ms']} ms")
    for log in logs:
        print()
        expected = log["answered_before_stop"] + log["last_burst"]
        lost = "none lost" if log["access_lines"] >= expected else f"{expected - log['access_lines']} MISSING"
        print(f"Access log: {log['access_lines']:,} lines for {expected:,} requests answered ({log['answered_before_stop']:,} "
              f"counted by the server before the stop, {log['last_burst']:,} answered to wrk while it stopped, "
              f"{log['last_non2xx']} of them non-2xx): {lost}.")
        dup = log["access_lines"] - log["unique_ids"]
        print(f"Request ids: {log['unique_ids']:,} distinct in {log['access_lines']:,} lines"
              f"{' (all unique)' if dup == 0 else f' ({dup} DUPLICATES)'}. SIGTERM to exit: {log['stop_ms']} ms.")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    {"wrk": wrk, "pgbench": pgbench, "logcheck": logcheck, "table": table}[mode](*args)
