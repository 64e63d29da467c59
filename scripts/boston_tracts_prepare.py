#!/usr/bin/env python3
"""Builds scenarios/data/boston/boston_tracts.csv from the spData files.

The tract table of spData 2.2.1 (shapes/boston_tracts.*) gives each tract a
point in LON/LAT, but those points do not sit in the tracts' own polygons:
against the polygons' centroids they are off by about (+0.04, -0.14) degrees
on average with a scatter of some 4 km (tract 0001, Allston-Brighton, is put
near Mattapan). Hearth places tracts by their points, so this script replaces
LON and LAT by the area centroid of each tract's polygon in
boston_tracts.geojson (same NAD27 degrees) and keeps the originals as
LON_SPDATA and LAT_SPDATA. Every other column is copied unchanged.

Usage: python3 scripts/boston_tracts_prepare.py [SPDATA_DIR] [OUT_CSV]
(defaults: scenarios/data/boston/spdata, scenarios/data/boston/boston_tracts.csv).
Standard library only.
"""
import csv
import json
import os
import sys


def area_centroid(ring):
    """Centroid of a simple polygon ring (shoelace formula), in its own units."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-15:  # degenerate: the mean of the vertices
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * a), cy / (3 * a)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "scenarios/data/boston/spdata")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "scenarios/data/boston/boston_tracts.csv")
    with open(os.path.join(src, "boston_tracts.geojson"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    centroid = {}
    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] != "Polygon":
            sys.exit("unexpected geometry " + geometry["type"])
        ring = [tuple(p) for p in geometry["coordinates"][0]]
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        centroid[feature["properties"]["poltract"]] = area_centroid(ring)
    with open(os.path.join(src, "boston_tracts.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0].keys()) + ["LON_SPDATA", "LAT_SPDATA"]
    tmp = out + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            lon, lat = centroid[row["poltract"]]
            row["LON_SPDATA"], row["LAT_SPDATA"] = row["LON"], row["LAT"]
            row["LON"], row["LAT"] = f"{lon:.5f}", f"{lat:.5f}"
            writer.writerow(row)
    os.replace(tmp, out)
    print(f"{out}: {len(rows)} tracts")


if __name__ == "__main__":
    main()
