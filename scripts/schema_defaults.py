#!/usr/bin/env python3
"""Defaults in one place: the engine's C++ defaults are the truth, and the
"default" of every key in scenarios/scenario.schema.json is generated from
them (`hearth defaults` prints them as JSON).

  scripts/schema_defaults.py --check HEARTH   exit 1 and list every key whose
                                              schema default differs or is missing
  scripts/schema_defaults.py --write HEARTH   rewrite the schema's defaults
                                              (then rebuild: the schema is compiled in)

A key gets a default in the schema when it is optional (not in its object's
"required") and the engine's value is a number, a string, a boolean or a
list of those. Only the standard library is used.
"""
import json
import os
import subprocess
import sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios",
                      "scenario.schema.json")


def scalar_or_list(value):
    if isinstance(value, (bool, int, float, str)):
        return True
    return isinstance(value, list) and all(isinstance(v, (bool, int, float, str)) for v in value)


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def walk(node, engine, path, problems, write):
    """node: a schema object node; engine: the engine's object at the same place."""
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        if key not in engine:
            continue  # the engine has no such field (a key only read, or a $ key)
        value = engine[key]
        where = path + "/" + key
        if isinstance(value, dict) and child.get("type") == "object":
            walk(child, value, where, problems, write)
            continue
        if key in required or not scalar_or_list(value) or child.get("type") != (
                "array" if isinstance(value, list) else child.get("type")):
            continue  # required, an object or a list of objects (hazards, policies)
        if "default" not in child:
            problems.append(f"{where}: no default in the schema (engine: {json.dumps(value)})")
        elif not same(child["default"], value):
            problems.append(f"{where}: schema default {json.dumps(child['default'])}, "
                            f"engine {json.dumps(value)}")
        else:
            continue
        if write:
            # Keep an integer an integer in the file when the engine's value is whole.
            child["default"] = int(value) if isinstance(value, float) and value.is_integer() \
                and child.get("type") == "integer" else value


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("--check", "--write"):
        print(__doc__, file=sys.stderr)
        return 2
    write = sys.argv[1] == "--write"
    engine = json.loads(subprocess.run([sys.argv[2], "defaults"], check=True,
                                       capture_output=True, text=True).stdout)
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    problems = []
    walk(schema, engine["scenario"], "", problems, write)
    props = schema["properties"]
    walk(props["hazards"]["items"], engine["hazard"], "/hazards/[]", problems, write)
    walk(props["policies"]["items"], engine["policy"], "/policies/[]", problems, write)
    if write:
        with open(SCHEMA, "w", encoding="utf-8") as f:
            f.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
        print(f"schema_defaults: {len(problems)} defaults written into {SCHEMA}")
        return 0
    for p in problems:
        print("FAIL:", p)
    print(f"schema_defaults: {len(problems)} keys whose schema default is not the engine's")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
