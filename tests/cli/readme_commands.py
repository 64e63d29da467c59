#!/usr/bin/env python3
"""Runs every ```sh block of README.md in order, as a reader would type it.

Usage: readme_commands.py README.md WORKDIR VIEWER
  WORKDIR: where the commands run (test_readme.sh makes it: build/release and
           scenarios/ linked to the build and the source);
  VIEWER:  1 when `hearth view` can run (viewer built, an X display), else
           the reason its commands are skipped.

How the README's blocks are read:
  - A command is a line (with its `\\` continuations); `#` lines are comments.
  - In a block with `$ ` prompts, the `$ ` lines are commands and the lines
    after each are its sample output: every one must appear in what the
    command prints (stdout and stderr).
  - A comment naming Ctrl-C after a command means "interrupt it": the command
    is started, sent SIGINT once it has written a checkpoint (a
    DIR.partial/checkpoint.bin appears) and must exit 130.
  - `hearth view` without --screenshot opens a window: it is run with
    `--benchmark-frames 5`, which draws five frames and exits.
  - An HTML comment on the line before a block's fence gives a directive:
      <!-- readme-test: skip (REASON) -->    the block is not run;
      <!-- readme-test: exit N (REASON) -->  its last command must exit N.
Every other command must exit 0. Exits 1 if any command failed.
"""
import glob
import os
import re
import signal
import subprocess
import sys
import time

COMMAND_TIMEOUT_S = 300
DIRECTIVE = re.compile(r"^<!--\s*readme-test:\s*(skip|exit\s+(\d+))\b(.*?)-->\s*$")


class Command:
    def __init__(self, line, text):
        self.line = line  # line number in README.md
        self.text = text
        self.expected_output = []
        self.expected_exit = 0
        self.interrupt = False


class Block:
    def __init__(self, line):
        self.line = line
        self.commands = []
        self.skip = None  # the reason, when skipped


def logical_lines(lines):
    """(line number, text) pairs with backslash continuations joined."""
    out = []
    pending = None
    for number, text in lines:
        if pending is not None:
            pending = (pending[0], pending[1] + "\n" + text)
        else:
            pending = (number, text)
        if not text.rstrip().endswith("\\"):
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
    return out


def parse(readme):
    with open(readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```sh":
            i += 1
            continue
        block = Block(i + 1)
        # The directive, if any, is the last non-blank line before the fence.
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        directive = DIRECTIVE.match(lines[j].strip()) if j >= 0 else None
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append((i + 1, lines[i]))
            i += 1
        i += 1
        prompted = any(text.startswith("$ ") for _, text in body)
        for number, text in logical_lines(body):
            stripped = text.strip()
            if prompted:
                if text.startswith("$ "):
                    block.commands.append(Command(number, text[2:]))
                elif block.commands and stripped:
                    block.commands[-1].expected_output.append(text.rstrip())
                continue
            if not stripped:
                continue
            if stripped.startswith("#"):
                if "Ctrl-C" in stripped and block.commands:
                    block.commands[-1].interrupt = True
                continue
            block.commands.append(Command(number, text))
        if directive:
            if directive.group(1) == "skip":
                block.skip = directive.group(3).strip().strip("()") or "no reason given"
            elif block.commands:
                block.commands[-1].expected_exit = int(directive.group(2))
        blocks.append(block)
    return blocks


def without_comment(text):
    # A trailing `  # comment` (the README's are plain words, no quotes).
    return re.sub(r"\s+#\s.*$", "", text)


def checkpoints(workdir):
    # DIR.partial/checkpoint.bin for a run directory DIR in the working
    # directory or one level down (runs/NAME); not recursive, so that the
    # build directory linked in is never walked.
    found = set()
    for pattern in ("*.partial/checkpoint.bin", "*/*.partial/checkpoint.bin"):
        found.update(glob.glob(os.path.join(workdir, pattern)))
    return found


def checkpoint_written(workdir, before):
    return bool(checkpoints(workdir) - before)


def run(command, workdir):
    """Runs one command; returns (exit code, output, seconds, problem or None)."""
    text = command.text
    if re.search(r"hearth view\b", text) and "--screenshot" not in text:
        text = without_comment(text) + " --benchmark-frames 5"
    started = time.monotonic()
    before = checkpoints(workdir)
    process = subprocess.Popen(["bash", "-c", text], cwd=workdir, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    problem = None
    if command.interrupt:
        while process.poll() is None and not checkpoint_written(workdir, before):
            time.sleep(0.02)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
        else:
            problem = "it finished before a checkpoint could be interrupted"
    try:
        output, _ = process.communicate(timeout=COMMAND_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        problem = "no exit after %d s" % COMMAND_TIMEOUT_S
    return process.returncode, output.decode(errors="replace"), time.monotonic() - started, problem


def main():
    readme, workdir, viewer = sys.argv[1], sys.argv[2], sys.argv[3]
    blocks = parse(readme)
    ran = failed = 0
    skipped = []
    for block in blocks:
        if block.skip:
            skipped.append("README.md:%d (%s)" % (block.line, block.skip))
            continue
        for command in block.commands:
            where = "README.md:%d" % command.line
            if viewer != "1" and re.search(r"hearth view\b", command.text):
                skipped.append("%s (%s)" % (where, viewer))
                continue
            expected = 130 if command.interrupt else command.expected_exit
            code, output, seconds, problem = run(command, workdir)
            ran += 1
            missing = [l for l in command.expected_output if l not in output.splitlines()]
            if problem is None and code != expected:
                problem = "exit %d, expected %d" % (code, expected)
            if problem is None and missing:
                problem = "its sample output differs; not printed:\n    " + "\n    ".join(missing)
            if problem:
                failed += 1
                print("FAIL %s: %s\n  %s\n  output (last lines):" % (where, problem, command.text))
                for out_line in output.splitlines()[-25:]:
                    print("    | " + out_line)
            else:
                print("ok   %s (%.1f s): %s" % (where, seconds, command.text.split("\n")[0]))
            sys.stdout.flush()
    for reason in skipped:
        print("skip " + reason)
    print("readme: %d commands in %d blocks run, %d failed, %d skipped"
          % (ran, len(blocks), failed, len(skipped)))
    if ran == 0:
        print("FAIL: no command found in " + readme)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
