"""Profile a full build with pyinstrument; print the call tree (bench tool, not a benchmark).

Usage: .venv/bin/python bench/profile_index.py CORPUS [OUT.html]
pyinstrument comes from bench/work/venv (appended to sys.path so the app's pins win).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.extend(str(p) for p in (REPO / "bench/work/venv/lib").glob("python3*/site-packages"))

from pyinstrument import Profiler  # noqa: E402

from search.index import indexer  # noqa: E402


def main(corpus: str, out: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profiler = Profiler(interval=0.002)
        profiler.start()
        indexer.build(Path(corpus), Path(tmp) / "ix")
        profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))
    if out:
        Path(out).write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
