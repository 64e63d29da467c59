#!/usr/bin/env python3
"""Fails when a Catch2 test name holds a ';'.

catch_discover_tests hands CTest the names as a CMake list, which splits at
';': such a test is registered as two names that match no test, so it never
runs and CTest still reports the suite green.
Usage: check_test_names.py SOURCE_DIR
"""
import pathlib
import re
import sys

NAME = re.compile(r'TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
root = pathlib.Path(sys.argv[1])
bad = []
for path in sorted((root / "tests").rglob("*.cpp")):
    text = path.read_text(encoding="utf-8")
    for match in NAME.finditer(text):
        name = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)))
        if ";" in name:
            line = text.count("\n", 0, match.start()) + 1
            bad.append(f"{path.relative_to(root)}:{line}: {name}")
if bad:
    print("FAIL: test names with ';' (CTest splits them and never runs the test):")
    print("\n".join(bad))
    sys.exit(1)
print("test_names: no Catch2 test name holds ';'")
