#!/usr/bin/env python3
"""Checks viewer screenshots (tests/viz/test_viewer.sh) with the standard
library only: decodes 8-bit RGB/RGBA PNGs, counts the distinct colours in the
map area (the picture minus the side panel and the timeline) and the share of
map pixels that differ between two pictures.

  png_stats.py colours FILE.png PANEL_PX TIMELINE_PX   -> distinct colours
  png_stats.py differ A.png B.png PANEL_PX TIMELINE_PX -> share of pixels that differ
  png_stats.py check PANEL_PX TIMELINE_PX MIN_COLOURS MIN_DIFFER A.png B.png ...
"""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    at, idat, width, height, channels = 8, b"", 0, 0, 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise SystemExit(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def map_pixels(path, panel, timeline):
    width, height, channels, rows = read_png(path)
    return [rows[y][x * channels:x * channels + 3]
            for y in range(0, height - timeline) for x in range(0, width - panel)]


def check(panel, timeline, min_colours, min_differ, paths):
    """Each picture has min_colours in its map area; each pair differs in at
    least min_differ of the map pixels. Exits 1 on the first failure."""
    pixels = {path: map_pixels(path, panel, timeline) for path in paths}
    for path in paths:
        colours = len(set(pixels[path]))
        print(f"{path}: {colours} colours in the map area")
        if colours < min_colours:
            raise SystemExit(f"FAIL: {path} is blank ({colours} colours)")
    for i, a in enumerate(paths):
        for b in paths[i + 1:]:
            share = sum(x != y for x, y in zip(pixels[a], pixels[b])) / len(pixels[a])
            if share < min_differ:
                raise SystemExit(f"FAIL: {a} and {b} look the same ({share:.4f} of map pixels differ)")
    print(f"{len(paths)} pictures differ pairwise in at least {min_differ:.0%} of map pixels")


def main():
    if sys.argv[1] == "check":
        check(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6:])
    elif sys.argv[1] == "colours":
        print(len(set(map_pixels(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))))
    elif sys.argv[1] == "differ":
        a = map_pixels(sys.argv[2], int(sys.argv[4]), int(sys.argv[5]))
        b = map_pixels(sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        if len(a) != len(b):
            raise SystemExit("pictures of different sizes")
        print(f"{sum(x != y for x, y in zip(a, b)) / len(a):.4f}")


if __name__ == "__main__":
    main()
