"""Dump a build for identity checks: every segment file's bytes, every stored field, length, column,
term statistic and posting, every row of comparisons.sqlite, speakers.pickle and the manifest.

Usage: .venv/bin/python bench/dump_index.py INDEX_ROOT OUT.pickle     (run from outside the checkout
       with PYTHONPATH set to the tree whose classes the index names)
       .venv/bin/python bench/dump_index.py --compare A.pickle B.pickle
Stored fields are compared as values: their column holds one pickle per document, whose back-references
follow object identity, which differs between two builds of one tree (extraction workers take files in
another order), so `_stored.col` bytes are left out.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import sqlite3
import sys
from pathlib import Path

from whoosh import index


def dump(root: Path) -> dict:
    """Return the parts of the live build under an index root, each comparable with ==."""
    build = root / "builds" / (root / "CURRENT").read_text(encoding="utf-8").strip()
    out: dict = {}
    ix = index.open_dir(str(build), indexname="MAIN")
    segments, files = ix._segments(), sorted(p.name for p in build.iterdir())
    for k, segment in enumerate(segments):
        sid = segment.segment_id()
        for name in files:
            if sid in name and not name.endswith("_stored.col"):
                out[f"segment {k}: {name.replace(sid, 'SEG')}"] = (build / name).read_bytes()
        out[f"segment {k}: documents"] = segment.doc_count_all()
    names = sorted(ix.schema.names())
    with ix.reader() as reader:
        out["postings"] = _digest(pickle.dumps(p) for p in reader.iter_postings())
        out["terms"] = [(field, text, *_term_stats(reader.term_info(field, text)))
                        for field, text in reader.all_terms()]
        out["stored fields and lengths"] = _digest(
            repr((sorted(reader.stored_fields(n).items()), [reader.doc_field_length(n, f) for f in names])).encode()
            for n in range(reader.doc_count_all()))
        for name in names:
            out[f"column {name}"] = list(reader.column_reader(name)) if reader.has_column(name) else None
            out[f"field length {name}"] = reader.field_length(name)
    ix.close()
    db = sqlite3.connect(build / "comparisons.sqlite")
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        out[f"table {table}"] = sorted(map(repr, db.execute(f"SELECT * FROM {table}")))  # noqa: S608
    db.close()
    speakers = build / "speakers.pickle"
    out["speakers"] = repr(_ordered(pickle.loads(speakers.read_bytes()))) if speakers.exists() else None
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("corpus", None)  # the corpus's absolute path
    out["manifest"] = manifest
    out["other files"] = [name for name in files if not any(s.segment_id() in name for s in segments)]
    return out


def _term_stats(info) -> tuple:
    return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight())


def _digest(chunks) -> str:
    digest = hashlib.sha1()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def _ordered(value):
    """Return value with its sets sorted (their order follows string hashing)."""
    if isinstance(value, (set, frozenset)):
        return ("set", sorted(map(repr, value)))
    if isinstance(value, dict):
        return ("dict", [(repr(k), _ordered(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return [_ordered(v) for v in value]
    return value


def compare(a: dict, b: dict) -> list[str]:
    """Return the names of the parts that differ."""
    return [key for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]


def main(args: list[str]) -> None:
    if args[0] == "--compare":
        a, b = (pickle.loads(Path(p).read_bytes()) for p in args[1:3])
        differ = compare(a, b)
        print(f"identical ({len(a)} parts)" if not differ else f"differ: {', '.join(differ)}")
        sys.exit(1 if differ else 0)
    parts = dump(Path(args[0]))
    Path(args[1]).write_bytes(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(parts)} parts")


if __name__ == "__main__":
    main(sys.argv[1:])
