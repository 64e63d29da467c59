#!/usr/bin/env python3
"""Regenerates the column tables of docs/OUTPUTS.md from the X-macro lists in
sim/include/hearth/frame.hpp, so the documentation cannot drift from the code.
Run after adding an indicator: python3 scripts/outputs_doc.py"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
header = (root / "sim/include/hearth/frame.hpp").read_text()


def entries(macro):
    body = re.search(r"#define " + macro + r"\(X\)(.*?)\n\n", header, re.S).group(1)
    return re.findall(r'X\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', body)


def table(rows):
    lines = ["| column | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in rows]
    return "\n".join(lines)


doc = root / "docs/OUTPUTS.md"
text = doc.read_text()
for marker, macro in (("CITY", "HEARTH_CITY_INDICATORS"), ("GROUP", "HEARTH_GROUP_INDICATORS")):
    begin, end = f"<!-- {marker} COLUMNS BEGIN -->", f"<!-- {marker} COLUMNS END -->"
    generated = begin + "\n" + table(entries(macro)) + "\n" + end
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: generated, text, flags=re.S)
doc.write_text(text)
