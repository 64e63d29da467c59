#!/usr/bin/env python3
"""Drift of a no-shock baseline over seeds (issue 16, point 5).

Runs SCENARIO for each seed (one thread; a run a process, two at a time) and
prints, at chosen ticks, the mean over seeds and the half-width of its 95%
interval (Student t) of the indicators a stationary baseline must hold.

  python3 scripts/baseline_drift.py scenarios/baseline.json --seeds 42-51 --ticks 600
"""
import argparse
import csv
import math
import statistics
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

COLUMNS = [
    "households_in_city", "informal_share", "owner_share", "dissimilarity_q1_q5",
    "rent_index_relative", "price_index_relative", "price_to_income", "cost_burdened_share",
    "median_income_per_month", "mean_head_age_years", "vacancy_rate", "homeless", "doubled_up",
]
# Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
        2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def seeds_of(text):
    lo, _, hi = text.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("scenario")
    p.add_argument("--seeds", default="42-51")
    p.add_argument("--ticks", type=int, default=600)
    p.add_argument("--at", default="0,60,120,240,360,480,599", help="ticks to print")
    p.add_argument("--bin", default="build/release/hearth")
    p.add_argument("--work", default=None)
    a = p.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="baseline_drift_")
    seeds = seeds_of(a.seeds)

    def run(seed):
        out = f"{work}/seed{seed}"
        subprocess.run([a.bin, "run", a.scenario, "--seed", str(seed), "--ticks", str(a.ticks),
                        "--threads", "1", "--out", out, "--force", "--quiet"], check=True)
        with open(f"{out}/indicators.csv", newline="") as f:
            return list(csv.DictReader(f))

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(run, seeds))
    columns = [c for c in COLUMNS if c in runs[0][0]]
    print(f"{a.scenario}, seeds {a.seeds} (n = {len(seeds)}); mean +- 95% half-width over seeds")
    print("tick " + " ".join(f"{c[:16]:>17}" for c in columns))
    for tick in (int(t) for t in a.at.split(",")):
        if tick >= len(runs[0]):
            continue
        cells = []
        for c in columns:
            xs = [float(r[tick][c]) for r in runs]
            mean = statistics.mean(xs)
            half = (T975[min(len(xs) - 2, 29)] * statistics.stdev(xs) / math.sqrt(len(xs))
                    if len(xs) > 1 else float("nan"))
            cells.append(f"{mean:.3f}+-{half:.3f}" if abs(mean) < 100 else f"{mean:.0f}+-{half:.0f}")
        print(f"{tick:4d} " + " ".join(f"{v:>17}" for v in cells))


if __name__ == "__main__":
    main()
