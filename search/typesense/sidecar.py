"""A build's side collection: its manifest and comparisons, created with it and dropped with it.

The searcher reads the side collection of the collection the alias names, so one alias swap moves
documents, comparisons and manifest together. Stored as compressed JSON, never as a pickle: the
bytes come over the network from a server anyone with the key may write to.
"""
from __future__ import annotations

import base64
import json
import zlib

from .. import compare
from ..errors import IndexMissing

SUFFIX = "_side"
PART_CHARS = 4_000_000  # one document's share of a blob: well under Typesense's request limits
SCHEMA_FIELDS = [{"name": "part", "type": "int32"}]  # the data itself is stored, not indexed


def side_name(collection: str) -> str:
    """Return the side collection of a build's collection."""
    return collection + SUFFIX


def create(conn, collection: str, manifest: dict, comparisons: compare.Comparisons) -> None:
    """Create the side collection of ``collection`` holding its manifest and comparisons."""
    name = side_name(collection)
    conn.write(lambda c: c.collections.create({"name": name, "fields": SCHEMA_FIELDS}))
    docs = _parts("manifest", manifest) + _parts("comparisons", comparisons_json(comparisons))
    for doc in docs:  # one at a time: each part is megabytes
        conn.write(lambda c, doc=doc: c.collections[name].documents.create(doc))


def read(conn, collection: str, key: str):
    """Return the blob ``key`` (manifest or comparisons) of a build; IndexMissing if it is missing."""
    name, parts, texts = side_name(collection), None, []
    try:
        while parts is None or len(texts) < parts:
            doc = conn.read(lambda c: c.collections[name].documents[f"{key}-{len(texts)}"].retrieve())
            parts = doc["parts"]
            texts.append(doc["data"])
    except conn.errors.ObjectNotFound:
        # Made by an older claimsearch (or its side collection was dropped): a server answers 503.
        raise IndexMissing(f"The Typesense build {collection} has no {key}; rebuild it with "
                           "`claimsearch index --backend typesense`") from None
    return json.loads(zlib.decompress(base64.b64decode("".join(texts))))


def load_comparisons(conn, collection: str) -> compare.Comparisons:
    """Return a build's comparisons (none when its side collection lacks them)."""
    return comparisons_from_json(read(conn, collection, "comparisons"))


def _parts(key: str, data) -> list[dict]:
    text = base64.b64encode(zlib.compress(json.dumps(data).encode("utf-8"), 6)).decode("ascii")
    chunks = [text[n:n + PART_CHARS] for n in range(0, len(text), PART_CHARS)] or [""]
    return [{"id": f"{key}-{n}", "part": n, "parts": len(chunks), "data": chunk} for n, chunk in enumerate(chunks)]


def comparisons_json(comparisons: compare.Comparisons) -> dict:
    """Return the comparisons as JSON data (MinHash signatures as base64)."""
    data = comparisons.to_json()
    data["signatures"] = {aid: None if sig is None else base64.b64encode(sig).decode("ascii")
                          for aid, sig in data["signatures"].items()}
    return data


def comparisons_from_json(data: dict) -> compare.Comparisons:
    """Return comparisons from ``comparisons_json`` output."""
    data = dict(data, signatures={aid: None if sig is None else base64.b64decode(sig)
                                  for aid, sig in data.get("signatures", {}).items()})
    return compare.Comparisons.from_json(data)
