#!/usr/bin/env python3
"""The simulated return curve beside the published points it is read against
(docs/MODEL.md 7.6, issue 18 point 7), as an SVG. Only the standard library.

  python3 scripts/return_curve_figure.py RUN_DIR... [--event-tick 3] -o docs/images/return_curve.svg

RUN_DIRs: finished runs of one scenario with one event (e.g. flood_100yr.json
at seeds 1-6). From each run's outcomes.csv (scope all) it draws, by months
since the event, the share of the displaced back in a home of their own in
the city (returned home, rehoused in the neighbourhood or resettled
elsewhere: the Katrina surveys' "returned to New Orleans") and the share in
their own home again; the line is the mean over runs, the band their range.
Points from docs/return_evidence.csv: the Katrina points on the first curve;
Monmouth's Sandy figure (still away at 12 months, of those away a month or
more) beside the model's value of the same quantity; the Household Pulse
figures (held out, never fitted) beside the model's share back within a
month by tenure.
"""
import argparse
import csv
import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
EVIDENCE = os.path.join(HERE, "..", "docs", "return_evidence.csv")


def read_outcomes(run_dir):
    """{(scope, group): {tick: row}} of one run's outcomes.csv."""
    out = {}
    with open(os.path.join(run_dir, "outcomes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault((row["scope"], row["group"]), {})[int(row["tick"])] = row
    return out


def share(row, columns, total="displaced"):
    d = float(row[total])
    return sum(float(row[c]) for c in columns) / d if d > 0 else None


def marker(shape, cx, cy, colour):
    """An SVG point marker: a filled circle, an open square or a cross."""
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour}" stroke="black"/>'
    if shape == "square":
        return (f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" '
                f'fill="white" stroke="{colour}" stroke-width="2"/>')
    return (f'<path d="M{cx - 5:.1f},{cy - 5:.1f} L{cx + 5:.1f},{cy + 5:.1f} '
            f'M{cx - 5:.1f},{cy + 5:.1f} L{cx + 5:.1f},{cy - 5:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>')


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("runs", nargs="+")
    p.add_argument("--event-tick", type=int, default=3)
    p.add_argument("-o", "--out", required=True)
    a = p.parse_args()
    runs = [read_outcomes(r) for r in a.runs]
    last = min(max(r[("all", "all")]) for r in runs)
    months = list(range(0, last - a.event_tick + 1))
    city_cols = ["returned_home", "rehoused_same_neighbourhood", "resettled_elsewhere"]
    curves = {"city": [], "home": []}
    for m in months:
        t = a.event_tick + m
        city = [share(r[("all", "all")][t], city_cols) for r in runs]
        home = [share(r[("all", "all")][t], ["returned_home"]) for r in runs]
        curves["city"].append(city)
        curves["home"].append(home)
    final = {k: [r[k][last] for r in runs] for k in
             [("all", "all"), ("tenure", "owner_occupied"), ("tenure", "private_rental")]}

    def mean(xs):
        xs = [x for x in xs if x not in (None, "")]
        return sum(xs) / len(xs) if xs else None

    sandy_model = mean([float(r["away_over_12m_share"]) / float(r["away_over_1m_share"])
                        for r in final[("all", "all")]])
    pulse_model = {g: mean([1 - float(r["away_over_1m_share"]) for r in final[("tenure", g)]])
                   for g in ("owner_occupied", "private_rental")}
    with open(EVIDENCE, newline="") as f:
        evidence = list(csv.DictReader(f))

    # ---- drawing
    W, H, L, R, T, B = 860, 440, 60, 300, 30, 50
    xmax = months[-1]
    x = lambda m: L + (W - L - R) * m / xmax
    y = lambda v: T + (H - T - B) * (1 - v)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    for v in [0, 0.2, 0.4, 0.6, 0.8, 1.0]:
        svg.append(f'<line x1="{L}" x2="{W - R}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>')
        svg.append(f'<text x="{L - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    for m in range(0, xmax + 1, 6):
        svg.append(f'<text x="{x(m):.1f}" y="{H - B + 18}" text-anchor="middle">{m}</text>')
    svg.append(f'<text x="{(L + W - R) / 2}" y="{H - 12}" text-anchor="middle">'
               'months since the event</text>')
    svg.append(f'<text x="14" y="{(T + H - B) / 2}" transform="rotate(-90 14 {(T + H - B) / 2})" '
               'text-anchor="middle">share of the displaced</text>')
    svg.append(f'<line x1="{L}" x2="{W - R}" y1="{y(0)}" y2="{y(0)}" stroke="black"/>')
    svg.append(f'<line x1="{L}" x2="{L}" y1="{T}" y2="{y(0)}" stroke="black"/>')
    colours = {"city": "#1f77b4", "home": "#2ca02c"}
    for key, colour in colours.items():
        lows = [min(v) for v in curves[key]]
        highs = [max(v) for v in curves[key]]
        band = " ".join(f"{x(m):.1f},{y(h):.1f}" for m, h in zip(months, highs))
        band += " " + " ".join(f"{x(m):.1f},{y(l):.1f}" for m, l in reversed(list(zip(months, lows))))
        svg.append(f'<polygon points="{band}" fill="{colour}" opacity="0.2"/>')
        line = " ".join(f"{x(m):.1f},{y(mean(v)):.1f}" for m, v in zip(months, curves[key]))
        svg.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
    marks = []
    for e in evidence:
        if e["quantity"] == "returned_share" and e["use"] == "fit":
            marks.append((float(e["months_after_event"]), float(e["value"]), "#1f77b4", "circle"))
    for e in evidence:
        if e["id"] == "sandy_monmouth_12m":
            marks.append((12, float(e["value"]), "#d62728", "circle"))
    marks.append((12, sandy_model, "#d62728", "cross"))
    pulse = {e["id"]: float(e["value"]) for e in evidence if e["use"] == "holdout"}
    marks.append((1, pulse.get("pulse_2022_owners_1m", 0), "#9467bd", "square"))
    marks.append((1, pulse.get("pulse_2022_renters_1m", 0), "#8c564b", "square"))
    marks.append((1, pulse_model["owner_occupied"], "#9467bd", "cross"))
    marks.append((1, pulse_model["private_rental"], "#8c564b", "cross"))
    for m, v, colour, shape in marks:
        svg.append(marker(shape, x(m), y(v), colour))
    legend = [("line", "#1f77b4", "model: back in a home in the city"),
              ("line", "#2ca02c", "model: in their own home"),
              ("circle", "#1f77b4", "Katrina: returned to the city (target)"),
              ("circle", "#d62728", "Sandy: away at 12 m, of away 1 m+ (target)"),
              ("cross", "#d62728", "model: the same quantity"),
              ("square", "#9467bd", "Pulse 2022 owners back within 1 m (held out)"),
              ("square", "#8c564b", "Pulse 2022 renters back within 1 m (held out)"),
              ("cross", "#9467bd", "model: owners back within 1 m"),
              ("cross", "#8c564b", "model: renters back within 1 m")]
    lx, ly = W - R + 12, T + 8
    for k, (shape, colour, text) in enumerate(legend):
        cy = ly + 18 * k
        if shape == "line":
            svg.append(f'<line x1="{lx}" x2="{lx + 16}" y1="{cy}" y2="{cy}" stroke="{colour}" '
                       'stroke-width="2"/>')
        else:
            svg.append(marker(shape, lx + 8, cy, colour))
        svg.append(f'<text x="{lx + 22}" y="{cy + 4}" font-size="11">{text}</text>')
    svg.append("</svg>")
    with open(a.out, "w") as f:
        f.write("\n".join(svg) + "\n")
    print(f"return_curve_figure: {len(runs)} runs, months 0-{xmax}; Sandy quantity "
          f"model {sandy_model:.3f} vs 0.57; back within a month owners "
          f"{pulse_model['owner_occupied']:.3f}, renters {pulse_model['private_rental']:.3f} "
          f"(Pulse, held out: 0.71, 0.56); written {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
