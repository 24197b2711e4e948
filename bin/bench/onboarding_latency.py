#!/usr/bin/env python3
"""Onboarding latency on a running stack (bin/riskstream up): N portfolios, each with one symbol new to the system;
the time from POST /api/portfolios until its exposures for the latest session answer 200. Prints median and p95.
Usage: bin/bench/onboarding_latency.py [N] [portfolio-url]"""
import json, statistics, sys, time, urllib.request, uuid

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
base = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8085"

def call(method, url, body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None

latencies = []
for i in range(n):
    symbol = "L" + uuid.uuid4().hex[:6].upper()
    t0 = time.monotonic()
    status, created = call("POST", base + "/api/portfolios", {"name": f"latency {i}", "equity": 100000, "positions": [
        {"symbol": symbol, "quantity": 100, "entryPrice": 50.0, "entryDate": "2026-10-01"}]})
    assert status == 201, status
    pid = created["id"]
    while True:
        status, body = call("GET", f"{base}/api/portfolios/{pid}/exposures")
        if status == 200 and body.get("coverage", 0) > 0 and "market_beta" in body.get("factors", {}):
            break
        if time.monotonic() - t0 > 60:
            raise SystemExit(f"portfolio {pid} ({symbol}) had no exposures after 60 s")
        time.sleep(0.02)
    latencies.append(time.monotonic() - t0)
    print(f"{i + 1:3d} {symbol} {latencies[-1]:.3f} s", file=sys.stderr)

latencies.sort()
p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
print(f"onboardings: {n}, median {statistics.median(latencies):.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s")
