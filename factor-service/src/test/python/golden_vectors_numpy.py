#!/usr/bin/env python3
"""Full-precision Appendix-A golden vectors with numpy + scipy only (statsmodels, scikit-learn and pandas are not
installed on the build machine). Same inputs as shared/docs/golden-vectors.py; the OLS and ridge formulas are the
closed forms of shared/tools/factor_reference.py, imported from there (the spec says they match statsmodels and
sklearn to 1e-12). Usage: python3 golden_vectors_numpy.py [path/to/shared/tools]"""
import sys, os
import numpy as np
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../../shared/tools"))
from factor_reference import ols, ridge

t = np.arange(1, 121)
def g(a, b, c, d): return a * np.sin(b * t + c) + d * np.cos(0.37 * t * b + c)
R = {}
R['SPY'] = g(0.010, 0.31, 0.0, 0.004)
R['TLT'] = g(0.008, 0.17, 1.0, 0.003)
R['VTV'] = 0.9 * R['SPY'] + g(0.003, 0.53, 0.5, 0.001)
R['VUG'] = 1.1 * R['SPY'] + g(0.004, 0.41, 2.0, 0.001)
R['MTUM'] = 1.0 * R['SPY'] + g(0.005, 0.23, 3.0, 0.002)
R['QUAL'] = 0.95 * R['SPY'] + g(0.002, 0.61, 4.0, 0.001)
R['IWM'] = 1.2 * R['SPY'] + g(0.006, 0.29, 5.0, 0.002)
R['USMV'] = 0.7 * R['SPY'] + g(0.003, 0.47, 6.0, 0.001)
R['XYZ'] = 1.3 * R['SPY'] - 0.2 * R['TLT'] + 0.3 * (R['VUG'] - R['VTV']) + g(0.006, 0.83, 0.3, 0.002)
P = {k: 100 * np.concatenate([[1.0], np.cumprod(1 + v)]) for k, v in R.items()}
ret = {k: p[1:] / p[:-1] - 1.0 for k, p in P.items()}
y = ret['XYZ']
names = ["beta", "alpha", "r2", "se", "t", "p"]
for label, x in [("market", ret['SPY']), ("ir", ret['TLT']), ("growth_value_spread", ret['VUG'] - ret['VTV']),
                 ("momentum_spread", ret['MTUM'] - ret['SPY']), ("size_spread", ret['IWM'] - ret['SPY']),
                 ("quality_spread", ret['QUAL'] - ret['SPY'])]:
    print(label, " ".join(f"{n}={v!r}" for n, v in zip(names, map(float, ols(y, x)))))
fac = ['VTV', 'VUG', 'MTUM', 'QUAL', 'IWM', 'USMV']
X = np.column_stack([ret[f] for f in fac])
b, r2 = ridge(y, X)
print("ridge", " ".join(f"{f}={float(v)!r}" for f, v in zip(fac, b)), f"r2={float(r2)!r}")
print("n_returns", len(y))
