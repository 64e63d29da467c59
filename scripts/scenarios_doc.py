#!/usr/bin/env python3
"""Regenerates docs/SCENARIOS.md from scenarios/scenario.schema.json and the
defaults the engine resolves (run it after changing the schema or a default):
    python3 scripts/scenarios_doc.py build/release/hearth"""
import json
import pathlib
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
hearth = sys.argv[1] if len(sys.argv) > 1 else str(root / "build/release/hearth")
schema = json.loads((root / "scenarios/scenario.schema.json").read_text())

with tempfile.TemporaryDirectory() as tmp:
    scenario = pathlib.Path(tmp) / "defaults.json"
    scenario.write_text(json.dumps({"schema_version": 1, "name": "defaults"}))
    subprocess.run([hearth, "run", str(scenario), "--out", f"{tmp}/run", "--quiet"], check=True)
    defaults = json.loads((pathlib.Path(tmp) / "run/manifest.json").read_text())["scenario"]


def number(x):
    return str(x) if isinstance(x, int) else f"{x:g}"


# The schema's patterns in words, as `hearth validate` says them.
PATTERNS = {
    "^[A-Za-z0-9][A-Za-z0-9_.-]*$": "letters, digits, '_', '.', '-'; starts with a letter or digit",
    "^[0-9]{4}-(0[1-9]|1[0-2])$": "YYYY-MM, such as 2026-01",
}


def describe_range(node):
    parts = []
    if "enum" in node: parts.append("one of: " + ", ".join(f"`{v}`" for v in node["enum"]))
    if "minimum" in node: parts.append(f">= {number(node['minimum'])}")
    if "exclusiveMinimum" in node: parts.append(f"> {number(node['exclusiveMinimum'])}")
    if "maximum" in node: parts.append(f"<= {number(node['maximum'])}")
    if "pattern" in node:
        words = PATTERNS.get(node["pattern"])
        pattern = f"pattern `{node['pattern']}`".replace("|", "\\|")
        parts.append(f"{words} ({pattern})" if words else pattern)
    if "const" in node: parts.append(f"= {node['const']}")
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        items = describe_range(node["items"])
        if items: parts.append(f"each {items}")
    return ", ".join(parts)


rows = []


def walk(node, value, pointer):
    for key, sub in node.get("properties", {}).items():
        here = f"{pointer}/{key}"
        default = value.get(key) if isinstance(value, dict) else None
        if sub.get("type") == "object" and "properties" in sub:
            rows.append(f"| `{here}` | object | | | {sub.get('description', '')} |")
            walk(sub, default or {}, here)
        elif sub.get("type") == "array" and "properties" in sub.get("items", {}):
            # A list of objects (e.g. hazard events): its items' keys, under /N.
            shown = json.dumps(default) if default is not None else "[]"
            if len(shown) > 40: shown = shown[:37] + "..."
            rows.append(f"| `{here}` | array of objects | `{shown}` | | {sub.get('description', '')} |")
            walk(sub["items"], {}, here + "/N")
        else:
            shown = json.dumps(default) if default is not None else "required"
            if pointer.endswith("/N"): shown = json.dumps(sub["default"]) if "default" in sub else ""
            if key == "name" and pointer == "": shown = "required"
            if len(shown) > 40: shown = shown[:37] + "..."
            kind = sub.get("type", "")
            if kind == "array":
                count = sub.get("minItems") if sub.get("minItems") == sub.get("maxItems") else None
                kind = f"array of {f'{count} ' if count else ''}{sub.get('items', {}).get('type', '')}s"
            rows.append(f"| `{here}` | {kind} | `{shown}` | {describe_range(sub)} | "
                        f"{sub.get('description', '')} |")


walk(schema, defaults, "")
text = f"""# Scenario files

A scenario is a JSON file validated against `scenarios/scenario.schema.json`
(JSON Schema draft 7; unknown keys are errors). Only `schema_version` and
`name` are required: every other key has the default below, and the run's
`manifest.json` records the resolved scenario with every default filled in.
Units are in key names (`_m` metres, `_per_month` currency per month,
`_cells` grid cells, `_share` and `_fraction` 0..1). Where shares must add
up (tenure, origin, household sizes) the loader checks that they sum to 1.
Sources of the defaults: docs/MODEL.md.

`hearth validate FILE` reports every problem with file, JSON pointer and
reason; `hearth run` refuses an invalid file the same way, before writing
anything (exit code 2). A value outside a list of allowed values is told
the list and the closest one ("must be one of: rent_cap, vouchers, ...
(did you mean 'rent_cap'?)"); a value that does not fit a pattern is told
its form in words; an unknown key, the closest known key.

Hazard types (`/hazards/N/type`): `flood`, `earthquake`, `arrival_wave`.
Policy types (`/policies/N/type`, docs/POLICIES.md): `rent_cap`,
`vouchers`, `social_housing`, `upgrading`, `building_code`,
`reconstruction_grants`, `eviction_moratorium`, `buyout`,
`shelter_capacity`, `record_restoration`, `mortgage_rules`. The table below
gives the allowed values of every other key that has a list, and the type
of the items of every array.

## Checks beyond the schema

The JSON text itself:

- **Nesting** deeper than 64 levels is refused ("FILE: line L: nested
  deeper than 64 levels"); a scenario needs five. The same holds for every
  JSON file hearth reads (sweep files, plans, manifests).
- **A key given twice** in one object is refused ("FILE: /city/households:
  duplicate key 'households'"): JSON parsers keep one of the two silently,
  which can hide an invalid value behind a valid one.

What the schema cannot say, refused by the loader (exit 2):

- shares that must sum to 1 (tenure, origins, household sizes), fragility
  medians that must not decrease, a grid too small for its neighbourhoods;
- **events that can never happen**: a scheduled hazard whose `tick`, or a
  programme whose `start_tick`, lies after the run's last tick ("a flood at
  tick 80 never happens in a 60-tick run"). This is an error in a scenario
  file. Where the run is shortened from outside the file, by `hearth run
  --ticks` or by a sweep parameter on `/ticks`, a shorter trial run can be
  meant: `hearth run` warns on stderr ("... (--ticks 24)") and runs, and a
  sweep plans the point;
- **neighbourhoods that do not exist**: every entry of `social_sites` and
  `upgrading_neighbourhoods` must be below the city's number of
  neighbourhoods (`neighbourhoods_per_side` squared, or one per tract of a
  city from tracts);
- **files**: a `depth_file` is read when the scenario is loaded, for every
  hazard type, with the same message for a missing or bad file; only floods
  read a depth raster, so a `depth_file` on an earthquake or arrival wave is
  refused too. A raster whose every cell is NODATA is refused (the flood
  would flood nothing). A tract table (`city.tracts.file`) is read and
  checked at load (docs/TRACTS.md).

`hearth validate` refuses a sweep file with a pointer to `hearth sweep plan`.

## Plausible sizes (warnings)

`hearth validate` and `hearth run` warn on stderr, and go on, when a city
is denser than any real one: more than 500 households per hectare over the
whole grid (`households` / (`width_cells` x `height_cells` x
`cell_size_m`^2 / 10,000)). This limit is an assumption, not a measured
maximum. For scale: Dharavi in Mumbai, among the densest settlements on
record, holds an estimated 0.7 to 1 million people on 2.1 to 2.4 km2
(Wikipedia, "Dharavi", 2016 estimate), about 3,000 to 4,800 persons per
hectare in one neighbourhood; a whole city grid averaging 500 households
(some 1,500 persons at 3 per household) is beyond any city's average. The schema's largest city,
20 million households on the default 120 x 120 hectares, is 1,389 per
hectare. A city from tracts takes its sizes from the table and is not
checked here.

`hearth run` without `--quiet` warns when households x ticks exceeds
10^9 household-ticks: at the 5 million household-ticks per second measured
on two cores with a million households (docs/PERFORMANCE.md) that is more
than three minutes, and larger cities run slower per household (a city
of 20 million households was reported at 18 s a tick, issue 21).

This page is generated by `scripts/scenarios_doc.py` from the schema and
the engine's defaults.

| key (JSON pointer) | type | default | allowed | meaning |
|---|---|---|---|---|
""" + "\n".join(rows) + "\n"
(root / "docs/SCENARIOS.md").write_text(text)
