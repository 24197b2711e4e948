#!/usr/bin/env python3
"""Independent reference for portfolio-service's risk analytics (numpy + scipy only).

Written from shared/docs/legacy-system-spec.md (§1.2-1.5, §2.1-2.3, §4.1, §4.5, §4.6, §11) and the choices the
README states under "Portfolio risk analytics" -- not from the Java code. It computes, for a buy-and-hold portfolio
and each date: market values and NAV, the symbols' factor betas (OLS on SPY and TLT, ridge on the six style ETFs),
the factor exposures, the snapshot betas, volatility (realised 21/63 days, HAR forecast, trend, percentile),
position correlations and clusters, the factor correlations and the stress P&L of every active scenario.

Usage:
  portfolio_reference.py --prices DIR --portfolio FILE --dates FROM..TO|D1,D2,... [--scenarios FILE]

  DIR        <SYMBOL>.csv files with the header date,open,high,low,close,adj_close,volume; the eight factor ETFs
             (SPY TLT VTV VUG MTUM QUAL IWM USMV) must be there. Returns use adj_close; positions are valued at the
             close, or adj_close where a row has no close (as portfolio-service values a bar).
  FILE       JSON {"equity": 1000000, "start": "2024-01-02", "positions": [{"symbol": "AAPL", "quantity": 100}, ...]}:
             every position is bought on the start date (default: the first date) and held, so
             NAV_D = equity + sum q * (P_D - P_start), P the valuation price on or before the date.
  --dates    every date of the SPY file in FROM..TO, or a list.
  --scenarios  the stress-scenario file (default: portfolio-service/src/main/resources/stress-scenarios.json).

Prints one JSON document: {"command": ..., "numpy": ..., "scipy": ..., "dates": [{...}, ...]}; null where an
analytic is not defined (too few returns), never a guess.
"""
import argparse, bisect, csv, datetime as dt, json, os, sys
import numpy as np
import scipy
from scipy import stats
from scipy.sparse.csgraph import connected_components

ETFS = ["SPY", "TLT", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"]
STYLE = [("value", "VTV"), ("growth", "VUG"), ("momentum", "MTUM"), ("quality", "QUAL"), ("size", "IWM"),
         ("low_volatility", "USMV")]
ANN = np.sqrt(252.0)
SORTED = {}


def load(path):
    adj, val = {}, {}
    with open(path) as f:
        for row in csv.DictReader(f):
            d = dt.date.fromisoformat(row["date"])
            adj[d] = float(row["adj_close"])
            val[d] = float(row["close"]) if row.get("close") else adj[d]
    return adj, val


def on_or_before(series, d):
    ks = sorted(series)
    i = bisect.bisect_right(ks, d)
    return series[ks[i - 1]] if i else None


def in_range(adj, s, lo, hi):
    ks = SORTED.setdefault(s, sorted(adj[s]))
    return ks[bisect.bisect_left(ks, lo):bisect.bisect_right(ks, hi)]


def joint(adj, symbols, lo, hi):
    """Dates in [lo, hi] on which every symbol has an adjusted close, and the price matrix (dates x symbols)."""
    days = sorted(set.intersection(*[set(in_range(adj, s, lo, hi)) for s in symbols]))
    return days, np.array([[adj[s][d] for s in symbols] for d in days], dtype=float).reshape(len(days), len(symbols))


# ---- symbol betas (§1.5, §2.1-2.3): what factor-service publishes, recomputed here ----------------------------------
def ols(y, x):
    n = len(y)
    X = np.column_stack([np.ones(n), x])
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    sst = ((y - y.mean()) ** 2).sum()
    return float(np.clip(coef[1], -5, 5)), float(1 - (resid ** 2).sum() / sst) if sst > 0 else 0.0


def symbol_betas(adj, s, d):
    lo = d - dt.timedelta(days=120)
    out, fits = {}, None
    for factor, bench in (("market_beta", "SPY"), ("ir_beta", "TLT")):
        _, P = joint(adj, [s, bench], lo, d)
        if len(P) - 1 >= 30:
            R = P[1:] / P[:-1] - 1
            b, r2 = ols(R[:, 0], R[:, 1])
            out[factor] = b
            if factor == "market_beta":
                fits = {"rSquared": r2, "observations": len(R)}
    _, P = joint(adj, [s] + [e for _, e in STYLE], lo, d)
    if len(P) - 1 >= 30 and len(P) - 1 > 6:
        R = P[1:] / P[:-1] - 1
        y, X = R[:, 0], R[:, 1:]
        sd = X.std(axis=0)  # population
        Z = (X - X.mean(axis=0)) / sd
        w = np.linalg.solve(Z.T @ Z + np.eye(6), Z.T @ (y - y.mean()))
        b = w / sd
        b[~np.isfinite(b)] = 0.0
        for (factor, _), v in zip(STYLE, np.clip(b, -5, 5)):
            out[factor] = float(v)
    return out, fits


# ---- volatility (§4.1) --------------------------------------------------------------------------------------------
def volatility(adj, mv, d):
    held = sorted(s for s in mv if mv[s] != 0)
    w = np.array([mv[s] for s in held]) / sum(abs(mv[s]) for s in held)
    _, P = joint(adj, held, d - dt.timedelta(days=395), d)
    if len(P) < 2 or len(P) - 1 < 63:
        return {"observations": max(0, len(P) - 1)}
    R = (P[1:] / P[:-1] - 1) @ w
    n = len(R)
    win = np.lib.stride_tricks.sliding_window_view
    roll21 = win(R, 21).std(axis=1, ddof=1) * ANN   # roll21[i]: the window ending at t = i + 20
    roll5 = win(R, 5).std(axis=1, ddof=1) * ANN     # roll5[i]: ending at t = i + 4
    feats = lambda t: [abs(R[t]) * ANN, roll5[t - 4], roll21[t - 20]]
    ts = np.arange(20, n - 1)
    X = np.column_stack([np.ones(len(ts)), np.array([feats(t) for t in ts])])
    y = np.abs(R[ts + 1]) * ANN
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    forecast = float(np.array([1.0] + feats(n - 1)) @ coef)
    har_r2 = float(1 - ((y - X @ coef) ** 2).sum() / ((y - y.mean()) ** 2).sum())
    trend = stats.linregress(np.arange(21.0), roll21[-21:])
    t_r2 = trend.rvalue ** 2
    label = ("increasing" if trend.slope > 0.001 and t_r2 > 0.3 else
             "decreasing" if trend.slope < -0.001 and t_r2 > 0.3 else "stable")
    pct = float(np.mean(roll21 < roll21[-1])) if n >= 252 and len(roll21) >= 100 else None
    return {"observations": n, "realized21d": float(R[-21:].std(ddof=1) * ANN),
            "realized63d": float(R[-63:].std(ddof=1) * ANN),
            "expected21d": forecast if forecast > 0 else None, "harRSquared": har_r2, "trend": label,
            "trendSlope": float(trend.slope), "trendRSquared": float(t_r2), "percentile": pct}


# ---- position correlations (§4.5) -----------------------------------------------------------------------------------
def correlations(adj, mv, nav, d):
    lo = d - dt.timedelta(days=90)
    if nav <= 0:
        return None
    big = [s for s in sorted(mv) if abs(mv[s]) >= 10_000 and abs(mv[s]) / nav >= 0.01]
    cands = [s for s in big if len(in_range(adj, s, lo, d)) - 1 >= 30]
    if len(cands) < 2:
        return None
    _, P = joint(adj, cands, lo, d)
    if len(P) - 1 < 30:
        return None
    L = np.log(P[1:] / P[:-1])
    keep = [i for i in range(len(cands)) if L[:, i].var() > 0]
    syms = [cands[i] for i in keep]
    if len(syms) < 2:
        return None
    C = np.corrcoef(L[:, keep], rowvar=False)
    k = len(syms)
    iu = np.triu_indices(k, 1)
    upper = C[iu]
    n_comp, label = connected_components((np.abs(C) >= 0.7) & ~np.eye(k, dtype=bool), directed=False)
    groups = sorted([sorted(syms[i] for i in range(k) if label[i] == c) for c in range(n_comp)], key=lambda g: g[0])
    clusters = [g for g in groups if len(g) > 1]
    clustered = {s for g in clusters for s in g}
    gross = sum(abs(mv[s]) for s in syms)
    w = np.full(k, 1.0 / k)
    nz = upper[upper != 0]
    return {"symbols": syms, "dataPoints": len(L), "pairs": [float(v) for v in upper],
            "clusters": clusters, "overallCorrelation": float(np.abs(nz).mean()) if len(nz) else None,
            "concentrationScore": sum(abs(mv[s]) for s in clustered) / gross,
            "effectivePositions": float(1.0 / (w @ C @ w))}


# ---- factor correlations and stress (§4.6) ---------------------------------------------------------------------------
def factor_correlation(adj, a, b, d, cfg):
    fc = cfg["factorCorrelation"]
    _, P = joint(adj, [a, b], d - dt.timedelta(days=fc["lookbackDays"] + fc["bufferDays"]), d)
    if len(P) - 1 < fc["minObservations"]:
        return None
    R = P[1:] / P[:-1] - 1
    age = np.arange(len(R))[::-1]
    w = fc["decay"] ** age
    cov = np.cov(R, rowvar=False, aweights=w, bias=True)
    return float(np.clip(cov[0, 1] / np.sqrt(cov[0, 0] * cov[1, 1]), *fc["bounds"]))


def stress(adj, exposures, net, d, cfg):
    factors = sorted(cfg["factorProxies"])
    rho = np.eye(len(factors))
    for i, f in enumerate(factors):
        for j in range(i + 1, len(factors)):
            r = factor_correlation(adj, cfg["factorProxies"][f], cfg["factorProxies"][factors[j]], d, cfg)
            rho[i, j] = rho[j, i] = np.nan if r is None else r
    dollars = np.array([exposures[f][1] if f in exposures else np.nan for f in factors])
    floor = -cfg["lossCap"] * net if net > 0 else -np.inf
    out = {}
    for sc in cfg["scenarios"]:
        if not sc["active"]:
            continue
        shock = np.zeros(len(factors))
        for f, v in sc["shocks"].items():
            if f == "interest_rate":
                shock[factors.index(cfg["interestRate"]["factor"])] = -cfg["interestRate"]["proxyDuration"] * v
            else:
                shock[factors.index(f)] = v
        hit = shock != 0
        direct = float(np.sum(dollars[hit] * shock[hit]))
        moved = rho[:, hit] @ shock[hit]
        correlated = float(dollars @ moved)
        out[sc["id"]] = {"direct": None if np.isnan(direct) else max(direct, floor),
                         "correlated": None if np.isnan(correlated) else max(correlated, floor)}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prices", required=True)
    ap.add_argument("--portfolio", required=True)
    ap.add_argument("--dates", required=True)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--scenarios", default=os.path.join(here, "..", "..", "portfolio-service", "src", "main",
                                                        "resources", "stress-scenarios.json"))
    a = ap.parse_args()
    book = json.load(open(a.portfolio))
    qty = {p["symbol"]: float(p["quantity"]) for p in book["positions"]}
    cfg = json.load(open(a.scenarios))
    # the service takes the proxies from its factor catalogue unless the file names them; this reference keeps its
    # own copy of the legacy table on purpose (an independent check)
    cfg.setdefault("factorProxies", dict([("market_beta", "SPY"), ("ir_beta", "TLT")] + STYLE))
    adj, val = {}, {}
    for s in set(ETFS) | set(qty) | set(cfg["factorProxies"].values()):
        adj[s], val[s] = load(os.path.join(a.prices, s + ".csv"))
    if ".." in a.dates:
        lo, hi = (dt.date.fromisoformat(x) for x in a.dates.split(".."))
        dates = sorted(d for d in adj["SPY"] if lo <= d <= hi)
    else:
        dates = [dt.date.fromisoformat(x) for x in a.dates.split(",")]
    start = dt.date.fromisoformat(book["start"]) if "start" in book else dates[0]
    first = {s: on_or_before(val[s], start) for s in qty}
    out = []
    for d in dates:
        price = {s: on_or_before(val[s], d) for s in qty}
        mv = {s: qty[s] * price[s] for s in qty}
        nav = book["equity"] + sum(qty[s] * (price[s] - first[s]) for s in qty)
        betas, fits = {}, {}
        for s in sorted(qty):
            betas[s], fit = symbol_betas(adj, s, d)
            if fit:
                fits[s] = fit
        exposures = {}
        for f in sorted({f for b in betas.values() for f in b}):
            e = sum(mv[s] / nav * betas[s][f] for s in sorted(qty) if f in betas[s])
            exposures[f] = [e, e * nav]
        with_mkt = [s for s in sorted(qty) if s in fits]
        r2w = sum(abs(mv[s]) for s in with_mkt)
        snap = {"marketBeta90d": sum(mv[s] * betas[s]["market_beta"] for s in with_mkt) / nav if with_mkt else None,
                "marketBetaRSquared": sum(abs(mv[s]) * fits[s]["rSquared"] for s in with_mkt) / r2w if with_mkt else None,
                "marketBetaObservations": min(fits[s]["observations"] for s in with_mkt) if with_mkt else None}
        snap["providerBeta1y"] = snap["marketBeta90d"]  # no provider betas in a price directory: the market beta stands in
        out.append({"date": d.isoformat(), "nav": nav, "marketValues": mv, "betas": betas, "marketFits": fits,
                    "exposures": exposures, "snapshotBetas": snap, "volatility": volatility(adj, mv, d),
                    "correlations": correlations(adj, mv, nav, d),
                    "stress": stress(adj, exposures, sum(mv.values()), d, cfg)})
    json.dump({"command": "tools/reference/portfolio_reference.py " + " ".join(sys.argv[1:]),
               "numpy": np.__version__, "scipy": scipy.__version__, "dates": out}, sys.stdout, allow_nan=False)
    print()


if __name__ == "__main__":
    main()
