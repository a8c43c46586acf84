"""The README's command-line examples run as written (its curl examples: tests/test_web_api.py)."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from search.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COMMAND = re.compile(r"^\.venv/bin/claimsearch (.+?)(?:\s+#.*)?$", re.MULTILINE)
# A server does not end by itself: tests/test_server.py starts it; here its options are only parsed.
LONG_RUNNING = ("serve",)


def readme_commands() -> list[list[str]]:
    """Return the arguments of every `.venv/bin/claimsearch ...` line of the README's shell blocks, in order."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    return [shlex.split(match) for block in blocks for match in COMMAND.findall(block)]


def test_readme_shows_each_command():
    shown = {args[0] for args in readme_commands()}
    assert {"index", "update", "search", "extract", "compare", "serve"} <= shown


def test_readme_commands_run_as_written(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name seeds/ relative to a clone
    env = {"CLAIMSEARCH_INDEX": str(tmp_path / "index")}  # never the clone's own index/
    failures = []
    for args in readme_commands():
        if args[0] in LONG_RUNNING:
            result = runner.invoke(cli, [*args, "--help"], env=env)
        else:
            result = runner.invoke(cli, args, env=env)
        if result.exit_code != 0:
            failures.append(f"{shlex.join(args)}: exit {result.exit_code}\n{result.stderr}{result.exception or ''}")
        elif "--json" in args:
            json.loads(result.stdout)  # JSON as promised
        elif args[0] in ("search", "compare") and not result.stdout.strip():
            failures.append(f"{shlex.join(args)}: printed nothing")
    assert not failures, "\n".join(failures)



def test_every_make_target_the_readme_names_exists():
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", README.read_text(encoding="utf-8")))
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))
    assert named and named <= targets, named - targets
