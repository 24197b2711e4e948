#!/usr/bin/env python3
"""Compares runs of `bin/riskstream bench --json FILE`: one column per file, one row per figure.
Usage: bin/bench/compare.py RUN.json [RUN.json ...]   (exit 1, naming the file, on one that is not a bench figures file)"""
import json
import sys


def load(path):
    try:
        with open(path) as f:
            run = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"{path}: cannot read it as JSON: {e}")
    if not isinstance(run, dict) or run.get("format") != 1 or "phases" not in run:
        sys.exit(f"{path}: not a `bin/riskstream bench --json` file of format 1")
    return run


def rows(run):
    out = {}
    env, opts = run.get("environment", {}), run.get("options", {})
    out["commit"] = env.get("commit") or "?"
    out["risk analytics"] = "on" if env.get("riskAnalytics") else "off"
    out["N / M x P"] = f"{opts.get('symbols')} / {opts.get('portfolios')} x {opts.get('positionsPerPortfolio')}"
    out["finished"] = "yes" if run.get("finished") else "NO"
    for phase in run["phases"]:
        out[f"({phase['id']}) s"] = f"{phase['seconds']:.1f}"
    created = run.get("portfoliosCreatedSeconds")
    out["portfolios created s"] = "" if created is None else f"{created:.1f}"
    onboarding = run.get("onboarding") or {}
    for key, label in (("medianSeconds", "onboarding median s"), ("p95Seconds", "onboarding p95 s"),
                       ("maxSeconds", "onboarding max s")):
        out[label] = "" if key not in onboarding else f"{onboarding[key]:.2f}"
    for group, lag in sorted(run.get("peakLagRecords", {}).items()):
        out[f"peak lag {group}"] = str(lag)
    for process, mib in run.get("peakRssMiB", {}).items():
        out[f"peak RSS {process} MiB"] = "n/a" if mib < 0 else str(mib)
    return out


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = [rows(load(p)) for p in paths]
    labels = list(dict.fromkeys(label for run in runs for label in run))
    width = max(len(l) for l in labels)
    cols = [max([12, len(p)] + [len(v) for v in run.values()]) for p, run in zip(paths, runs)]
    print(" " * width + "  " + "  ".join(p.rjust(c) for p, c in zip(paths, cols)))
    for label in labels:
        print(label.ljust(width) + "  " + "  ".join(run.get(label, "").rjust(c) for run, c in zip(runs, cols)))


if __name__ == "__main__":
    main(sys.argv[1:])
