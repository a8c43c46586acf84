"""Compare two index builds' speakers: facet values, one person's statements, a sample of merged ids to check by hand.

Usage: .venv/bin/python bench/speaker_ids.py BEFORE_INDEX AFTER_INDEX [--person "Tony Blair"] [--sample 20]
BEFORE_INDEX: built without corpus-wide ids (per-article names); AFTER_INDEX: with them, same corpus.
       .venv/bin/python bench/speaker_ids.py --cost CORPUS: CPU seconds of the identity pass alone
(register, apply, save) against the writer's own documents_for, over the corpus extracted in memory.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from search.index.schema import STATEMENT_KINDS
from search.index.store import IndexStore
from search.query.facets import column_values
from search.extract import extract
from search.index.indexer import open_index
from search.index.records import documents_for
from search.index.speakers import CorpusSpeakers, Waiting
from search.ingest import documents


def statements(root) -> dict[str, tuple]:
    """Return {doc_id: (speaker facet value, speaker_id, mention, stored text)} of the statements of a build."""
    ix = open_index(IndexStore(root).current_dir())
    with ix.searcher() as searcher:
        reader = searcher.reader()
        facet, kind = column_values(reader, "speaker_facet"), column_values(reader, "kind")
        out = {}
        for docnum, fields in reader.iter_docs():
            if kind[docnum] in STATEMENT_KINDS:
                out[fields["doc_id"]] = (facet[docnum], fields.get("speaker_id"),
                                         (fields.get("detail") or {}).get("mention"), fields.get("body", "")[:70])
    ix.close()
    return out


def pass_cost(corpus: Path) -> None:
    """Print the CPU seconds of the identity pass and of documents_for over an extracted corpus."""
    extracted = [(a, extract(a)) for path in documents.corpus_files(corpus)
                 for a in _articles(path)]
    started = time.process_time()
    for article, extraction in extracted:
        documents_for(article, extraction)
    writing = time.process_time() - started
    speakers, waiting, started = CorpusSpeakers(), Waiting(), time.process_time()
    for article, extraction in extracted:
        if speakers.register(article, extraction):
            waiting.append(article, extraction)
        else:
            speakers.apply(article, extraction)
    held, spooled = len(waiting), time.process_time()
    drained = list(waiting.drain())
    spooled = time.process_time() - spooled
    for article, extraction in drained:
        speakers.apply(article, extraction)
    with tempfile.TemporaryDirectory() as folder:
        speakers.save(Path(folder))
        size = (Path(folder) / "speakers.pickle").stat().st_size
    cost = time.process_time() - started
    print(f"{len(extracted)} articles, {held} wait for the corpus (spooled to disk: reading back "
          f"{spooled:.2f} s CPU); identity pass {cost:.2f} s CPU in all, "
          f"documents_for {writing:.2f} s CPU (pass / documents_for = {cost / writing:.2f}); table {size} bytes")


def _articles(path: Path) -> list:
    try:
        return documents.load_file(path)[0]
    except Exception:  # a skipped file (README.TXT) costs nothing in a build either
        return []


def main() -> None:
    """Print the comparison (or the pass's cost) the arguments ask for."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", nargs="?")
    parser.add_argument("after", nargs="?")
    parser.add_argument("--cost", type=Path, help="measure the pass's CPU time over this corpus instead")
    parser.add_argument("--person", default="Tony Blair")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.cost:
        return pass_cost(args.cost)
    before, after = statements(args.before), statements(args.after)
    for label, docs in (("before", before), ("after", after)):
        values = Counter(v[0] for v in docs.values() if v[0])
        print(f"{label}: {len(docs)} statements, {len(values)} distinct speaker facet values, "
              f"{values[args.person]} statements by {args.person!r}, "
              f"{sum(1 for v in docs.values() if v[0])} with a facet value")
    names = defaultdict(Counter)  # id after -> per-article names before (with counts)
    for doc_id, (value, sid, _, _) in after.items():
        if sid and doc_id in before and before[doc_id][0]:
            names[sid][before[doc_id][0]] += 1
    merged = sorted(sid for sid, seen in names.items() if len(seen) > 1)
    kept = {name for seen in names.values() for name in seen}
    moved = sum(1 for d, v in after.items() if v[0] and d in before and before[d][0] != v[0])
    print(f"per-article names kept as people: {len(kept)} -> {len(names)} ids; "
          f"{moved} statements now under another name than their article's")
    print(f"ids joining two or more per-article names: {len(merged)}")
    for sid in random.Random(args.seed).sample(merged, min(args.sample, len(merged))):
        print(f"\n{sid}: {dict(names[sid])}")
        lone = [d for d, v in after.items() if v[1] == sid and " " not in (before.get(d, ("x y",))[0] or "x y")]
        for doc_id in lone[:2]:
            print(f"   {doc_id} mention={after[doc_id][2]!r}: {after[doc_id][3]!r}")


if __name__ == "__main__":
    main()
