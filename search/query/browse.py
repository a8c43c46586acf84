"""Browse counts over the whole index: who is quoted most (by outlet), and the outlets."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..index.schema import STATEMENT_KINDS


def speaker_counts(reader, column, sources=(), kinds=STATEMENT_KINDS) -> list[dict]:
    """Return each speaker's statements by kind and by outlet, most quoted first."""
    speaker, source, kind = column("speaker_facet"), column("source"), column("kind")
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_source: dict[str, Counter] = defaultdict(Counter)
    for docnum in reader.all_doc_ids():
        name, outlet, what = speaker(docnum), source(docnum), kind(docnum)
        if not name or what not in kinds or (sources and outlet not in sources):
            continue
        by_kind[name][what] += 1
        by_source[name][outlet or ""] += 1
    rows = [{"speaker": name, "total": sum(counts.values()),
             "kinds": {k: counts.get(k, 0) for k in STATEMENT_KINDS},
             "sources": [{"source": s or None, "count": c} for s, c in _ranked(by_source[name])]}
            for name, counts in by_kind.items()]
    return sorted(rows, key=lambda row: (-row["total"], row["speaker"].lower()))


def source_counts(reader, column) -> list[dict]:
    """Return each outlet's articles, statements by kind, speakers and months covered."""
    source, kind = column("source"), column("kind")
    speaker, month = column("speaker_facet"), column("month")
    kinds: dict[str, Counter] = defaultdict(Counter)
    speakers: dict[str, set] = defaultdict(set)
    months: dict[str, set] = defaultdict(set)
    for docnum in reader.all_doc_ids():
        outlet = source(docnum) or ""
        kinds[outlet][kind(docnum)] += 1
        if speaker(docnum):
            speakers[outlet].add(speaker(docnum))
        if month(docnum):
            months[outlet].add(month(docnum))
    rows = [{"source": outlet or None, "articles": counts.get("article", 0),
             **{k: counts.get(k, 0) for k in STATEMENT_KINDS},
             "speakers": len(speakers[outlet]),
             "first_month": min(months[outlet], default=None),
             "last_month": max(months[outlet], default=None)}
            for outlet, counts in kinds.items()]
    return sorted(rows, key=lambda row: (-row["articles"], row["source"] or "\uffff"))


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
