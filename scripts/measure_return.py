#!/usr/bin/env python3
"""Run a scenario over several seeds and report how long displaced
households stay away (outcomes.csv, last tick, scope all and tenure) with
95% confidence intervals over seeds (t distribution). With --baseline BIN,
runs the same seeds with another build and reports the paired differences
of the city-wide returned_share_6m/12m/24m (indicators.csv), which both
builds write.

Usage: python3 scripts/measure_return.py SCENARIO --seeds 1-6 [--bin build/release/hearth]
       [--baseline OTHER_BIN] [--work DIR]
"""
import argparse
import csv
import math
import os
import statistics
import subprocess
import tempfile

T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
       9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 15: 2.131, 19: 2.093, 29: 2.045}


def interval(values):
    n = len(values)
    mean = statistics.fmean(values)
    if n < 2:
        return mean, float("nan"), float("nan")
    t = T95.get(n - 1, 2.0)
    half = t * statistics.stdev(values) / math.sqrt(n)
    return mean, mean - half, mean + half


def run(binary, scenario, seed, out):
    subprocess.run([binary, "run", scenario, "--seed", str(seed), "--out", out, "--quiet",
                    "--force", "--threads", "2"], check=True)


def last_rows(path, keys):
    rows = list(csv.DictReader(open(path)))
    last = rows[-1]["tick"]
    return [r for r in rows if r["tick"] == last and all(r[k] == v for k, v in keys.items())]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario")
    p.add_argument("--seeds", default="1-6")
    p.add_argument("--bin", default="build/release/hearth")
    p.add_argument("--baseline")
    p.add_argument("--work", default=tempfile.mkdtemp(prefix="measure_return_"))
    a = p.parse_args()
    lo, hi = (int(x) for x in a.seeds.split("-"))
    seeds = list(range(lo, hi + 1))
    figures = {}
    paired = {}
    for seed in seeds:
        out = os.path.join(a.work, f"new-{seed}")
        run(a.bin, a.scenario, seed, out)
        for row in last_rows(os.path.join(out, "outcomes.csv"), {}):
            if row["scope"] not in ("all", "tenure") or int(row["displaced"]) == 0:
                continue
            n = int(row["displaced"])
            for name in ("away_over_1w_share", "away_over_1m_share", "away_over_6m_share",
                         "away_over_12m_share", "never_returned_share"):
                figures.setdefault((row["group"], name), []).append(float(row[name]))
            figures.setdefault((row["group"], "left_city_share"), []).append(
                int(row["left_city"]) / n)
            figures.setdefault((row["group"], "still_away_share"), []).append(
                int(row["still_away"]) / n)
        if a.baseline:
            base = os.path.join(a.work, f"base-{seed}")
            run(a.baseline, a.scenario, seed, base)
            new_last = list(csv.DictReader(open(os.path.join(out, "indicators.csv"))))[-1]
            old_last = list(csv.DictReader(open(os.path.join(base, "indicators.csv"))))[-1]
            for name in ("returned_share_6m", "returned_share_12m", "returned_share_24m"):
                paired.setdefault(name, []).append(
                    (float(old_last[name]), float(new_last[name])))
    print(f"{a.scenario}, seeds {a.seeds} (n = {len(seeds)}), last tick; mean [95% CI over seeds]")
    for (group, name), values in sorted(figures.items()):
        m, l, h = interval(values)
        print(f"  {group:<15} {name:<22} {m:.3f} [{l:.3f}, {h:.3f}]")
    renters = figures.get(("private_rental", "away_over_6m_share"))
    owners = figures.get(("owner_occupied", "away_over_6m_share"))
    if renters and owners and len(renters) == len(owners):
        for name in ("away_over_1m_share", "away_over_6m_share", "away_over_12m_share",
                     "never_returned_share"):
            d = [r - o for r, o in zip(figures[("private_rental", name)],
                                       figures[("owner_occupied", name)])]
            m, l, h = interval(d)
            print(f"  renters - owners {name:<22} {m:+.3f} [{l:+.3f}, {h:+.3f}] (paired by seed)")
    for name, pairs in paired.items():
        m, l, h = interval([n - o for o, n in pairs])
        mo = statistics.fmean(o for o, _ in pairs)
        mn = statistics.fmean(n for _, n in pairs)
        print(f"  {name}: baseline {mo:.3f}, this build {mn:.3f}, "
              f"difference {m:+.3f} [{l:+.3f}, {h:+.3f}] (paired by seed)")


if __name__ == "__main__":
    main()
