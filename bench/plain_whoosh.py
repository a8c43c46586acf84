"""Plain Whoosh baseline: one document per article (title and body), no extraction, one writer.

Usage: .venv/bin/python bench/plain_whoosh.py CORPUS INDEX_DIR
Reads every .txt under CORPUS (first line = title, rest = body), as claimsearch would read it.
"""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import read_article  # noqa: E402


def read(path: Path) -> tuple[str, str]:
    title, _, body = read_article(path).partition("\n")
    return title.strip(), body.strip()


def main(corpus: str, target: str) -> None:
    started = time.monotonic()
    shutil.rmtree(target, ignore_errors=True)
    Path(target).mkdir(parents=True)
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    body=TEXT(analyzer=StemmingAnalyzer(), stored=True))
    ix = index.create_in(target, schema)
    writer = ix.writer(limitmb=256)
    count = 0
    root = Path(corpus)
    for path in sorted(root.rglob("*.txt")):
        title, body = read(path)
        writer.add_document(id=path.relative_to(root).as_posix(), title=title, body=body)
        count += 1
    writer.commit()
    print(f"plain whoosh: {count} articles in {time.monotonic() - started:.2f}s")


if __name__ == "__main__":
    main(*sys.argv[1:3])
