"""Measure a Typesense node's RAM per 10,000 articles, holding the same documents as the Whoosh build.

Usage: .venv/bin/python bench/typesense_memory.py [ARTICLES]   (default 10000; needs `make typesense`)
Writes bench/results/typesense_memory.json. The articles are the first ARTICLES files of the 10x BBC
replica; each becomes the documents `claimsearch index` writes (the article and one per quote,
claim and figure) as `index --backend typesense` imports them (same schema, same stored fields),
into a 1-node cluster on loopback. RSS is read from /proc
once the import has returned (Typesense indexes synchronously) and after a settle search.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import machine_state, replicate, write_result  # noqa: E402
from search.extract import extract  # noqa: E402
from search.index.records import documents_for  # noqa: E402
from search.ingest import documents  # noqa: E402
from search.typesense import store  # noqa: E402
from search.typesense.cluster import LocalCluster  # noqa: E402
from search.typesense.connection import Connection  # noqa: E402


def build_docs(paths: list[Path], root: Path) -> list[dict]:
    """Return the documents a build writes for these files (before the import maps them)."""
    return [doc for path in paths for article in documents.load_file(path, root)[0]
            for doc in documents_for(article, extract(article))]


def rss_mb(pid: int) -> float:
    """Return a process's resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    """Import ARTICLES articles' documents into one node and report its RSS before and after."""
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    root = replicate(10)
    paths = sorted(root.rglob("*.txt"))[:wanted]
    started = time.monotonic()
    docs = build_docs(paths, root)
    prepared = time.monotonic() - started
    with tempfile.TemporaryDirectory() as tmp, LocalCluster(Path(tmp), 1) as cluster:
        conn, pid = Connection(cluster.urls[0], cluster.key), cluster.nodes[0].pid
        empty = rss_mb(pid)
        conn.write(lambda c: c.collections.create(store.collection_schema("bench")))
        started = time.monotonic()
        store.import_documents(conn, "bench", (dict(store.typesense_document(doc), **{store.ORDER_FIELD: n})
                                                for n, doc in enumerate(docs)))
        imported = time.monotonic() - started
        conn.read(lambda c: c.collections["bench"].documents.search(
            {"q": "minister", "query_by": "body", "facet_by": "source"}))
        full = rss_mb(pid)
        data_mb = round(sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 2**20, 1)
    result = {"articles": len(paths), "documents": len(docs), "prepare_seconds": round(prepared, 1),
              "import_seconds": round(imported, 1), "rss_empty_mb": empty, "rss_loaded_mb": full,
              "rss_per_10k_articles_mb": round((full - empty) * 10_000 / len(paths), 1),
              "data_dir_mb": data_mb, "machine": machine_state()}
    print(result)
    write_result("typesense_memory", result)


if __name__ == "__main__":
    main()
