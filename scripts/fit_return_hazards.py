#!/usr/bin/env python3
"""Fit the return model of docs/MODEL.md 7.6 to the cited points of
docs/return_evidence.csv and print the scenario keys it gives.

The model: a household away from home returns at rate r and gives up
(settles elsewhere or leaves) at rate g, both constant per month, so the
share not (yet) back after t months is

    S(t) = pi + (1 - pi) exp(-t / tau),  tau = 1 / (r + g),  pi = g / (r + g)

(a competing-risks exponential; pi is the share that never returns). The
rows marked `fit` constrain S: `returned_share` rows give 1 - S(t),
`still_away_share` rows conditioned on being away at month c give
S(t) / S(c). (pi, tau) minimise the sum of squared errors over a fine grid
(no optimiser needed: two parameters). The owner/renter odds ratio of
ever returning (the `owner_to_renter_return_odds_ratio` row) then splits pi
by tenure around the pooled value, with the owner share of the surveyed
populations an assumption (--owner-share, default 0.5). The surveys'
never-returners include those who left the area; the model's displaced
households already leave the city at
dislocation.displaced_departure_rate_per_month (--departure-rate, default
0.01, its default), so the give-up rate written is the fitted one less that
rate. Rows marked
`holdout` (the Census Household Pulse Survey) are never read: they are the
out-of-sample check. Rows marked `check` are printed beside the fit.

Usage: python3 scripts/fit_return_hazards.py [docs/return_evidence.csv] [--owner-share 0.5]
       [--departure-rate 0.01]
"""
import csv
import json
import math
import sys


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def still_away(pi, tau, t):
    return pi + (1.0 - pi) * math.exp(-t / tau)


def predicted(row, pi, tau):
    t = float(row["months_after_event"])
    c = float(row["conditioned_on_away_at_month"] or 0)
    if row["quantity"] == "returned_share":
        return 1.0 - still_away(pi, tau, t) / still_away(pi, tau, c)
    if row["quantity"] == "still_away_share":
        return still_away(pi, tau, t) / still_away(pi, tau, c)
    raise ValueError(row["quantity"])


def fit(points):
    best = None
    for i in range(0, 401):  # pi in [0, 0.8] by 0.002
        pi = i / 500.0
        for j in range(2, 1201):  # tau in [0.1, 60] months by 0.05
            tau = j / 20.0
            sse = sum((predicted(r, pi, tau) - float(r["value"])) ** 2 for r in points)
            if best is None or sse < best[0]:
                best = (sse, pi, tau)
    return best


def split_by_tenure(pi, odds_ratio, owner_share):
    """Never-return shares (owner, renter) with the given odds ratio of ever
    returning and the pooled share pi (bisection on the renter's share)."""
    pooled_return = 1.0 - pi

    def owner_return(renter_return):
        odds = odds_ratio * renter_return / (1.0 - renter_return)
        return odds / (1.0 + odds)

    lo, hi = 1e-9, 1.0 - 1e-9
    for _ in range(200):
        mid = (lo + hi) / 2
        mix = owner_share * owner_return(mid) + (1 - owner_share) * mid
        lo, hi = (mid, hi) if mix < pooled_return else (lo, mid)
    renter_return = (lo + hi) / 2
    return 1.0 - owner_return(renter_return), 1.0 - renter_return


def main(argv):
    path = "docs/return_evidence.csv"
    owner_share = 0.5
    departure_rate = 0.01
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--owner-share":
            owner_share = float(args.pop(0))
        elif a == "--departure-rate":
            departure_rate = float(args.pop(0))
        else:
            path = a
    rows = load(path)
    points = [r for r in rows if r["use"] == "fit" and r["quantity"] in
              ("returned_share", "still_away_share")]
    odds = [float(r["value"]) for r in rows
            if r["use"] == "fit" and r["quantity"] == "owner_to_renter_return_odds_ratio"]
    sse, pi, tau = fit(points)
    print(f"pooled fit: never-return share pi = {pi:.3f}, tau = {tau:.2f} months, SSE = {sse:.5f}")
    for r in points:
        print(f"  {r['id']:<22} observed {float(r['value']):.3f}  fitted {predicted(r, pi, tau):.3f}")
    for r in rows:
        if r["use"] == "check":
            print(f"  check {r['id']}: {r['quantity']} = {r['value']} "
                  f"(the fit's never-return share among those away at month 12: "
                  f"{pi / still_away(pi, tau, 12):.3f}; the survey's figure is a lower bound)")
    pi_owner, pi_renter = split_by_tenure(pi, odds[0], owner_share)
    keys = {}
    for tenure, p in (("owner", pi_owner), ("renter", pi_renter)):
        keys[f"return_rate_{tenure}_per_month"] = round((1.0 - p) / tau, 4)
        keys[f"give_up_rate_{tenure}_per_month"] = round(max(0.0, p / tau - departure_rate), 4)
    print(f"by tenure (odds ratio {odds[0]}, owner share {owner_share}): "
          f"never-return owner {pi_owner:.3f}, renter {pi_renter:.3f}; give-up rates less the "
          f"departure rate {departure_rate}")
    print(json.dumps({"disasters": {"return": keys}}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
