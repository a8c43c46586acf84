"""Browse counts over the whole index: who is quoted most (by outlet), the outlets, one speaker or outlet."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from whoosh.analysis import STOP_WORDS

from ..index.records import export_record, is_act
from ..index.schema import STATEMENT_KINDS
from ..index.speakers import is_alias, role_in

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def speaker_counts(reader, column, sources=(), kinds=STATEMENT_KINDS) -> list[dict]:
    """Return each speaker's statements by kind and by outlet, most quoted first."""
    speaker, source, kind = column("speaker_facet"), column("source"), column("kind")
    ids, sid = {}, column("speaker_id")
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_source: dict[str, Counter] = defaultdict(Counter)
    for docnum in reader.all_doc_ids():
        name, outlet, what = speaker(docnum), source(docnum), kind(docnum)
        if not name or what not in kinds or (sources and outlet not in sources):
            continue
        by_kind[name][what] += 1
        ids.setdefault(name, sid(docnum))
        by_source[name][outlet or ""] += 1
    rows = [{"speaker": name, "speaker_id": ids[name], "total": sum(counts.values()),
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


TOPIC_WORDS = 10  # most frequent title words a profile lists
MIN_TOPIC_WORD = 4  # shorter words are mostly function words or initials


def speaker_profile(docs: list[dict]) -> dict:
    """Return one speaker's names, roles, statements by kind, month and outlet, and frequent topics."""
    records = _newest_first(docs)
    statements = [r for r in records if not is_act(r)]  # acts ('endorsed Clinton') are listed apart
    names = Counter(r["speaker"] for r in records if r["speaker"])
    canonical = names.most_common(1)[0][0] if names else None
    aliases = Counter(r["mention"] for r in records if is_alias(r["mention"], canonical)) + names
    # A role extraction gives, else the words a mention puts before the name ("Ambassador ...").
    roles = Counter((d.get("detail") or {}).get("role") for d in docs)
    roles.update(role_in(r["mention"], r["speaker"]) for r in records)
    roles.pop(None, None)
    return {
        "id": records[0]["speaker_id"] if records else None, "speaker": canonical,
        "aliases": [a for a, _ in _ranked(aliases) if a != canonical],
        "roles": [r for r, _ in _ranked(roles)],
        # counted as the speakers list counts them: an act is a claim document, listed apart
        "total": len(records), "kinds": _kinds(records),
        "months": _months(statements), "sources": _counted(statements, "source"),
        "topics": _topics(statements), "statements": statements, "acts": [r for r in records if is_act(r)],
    }


def source_profile(docs: list[dict]) -> dict:
    """Return one outlet's articles over time, statements by kind, most quoted speakers and authors."""
    records = _newest_first(docs)
    articles = [r for r in records if r["kind"] == "article"]
    said = [r for r in records if r["kind"] != "article" and r["speaker_id"]]  # people, not 'officials'
    speakers = Counter((r["speaker_id"], r["speaker"]) for r in said)
    return {
        "source": records[0]["source"] if records else None, "articles": len(articles),
        "kinds": _kinds(records), "months": _months(articles), "authors": _counted(articles, "author"),
        "speakers": [{"speaker": name, "speaker_id": sid, "count": n}
                     for (sid, name), n in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0][1]))],
        "topics": _topics(articles), "latest": articles,
    }


def _newest_first(docs) -> list[dict]:
    """Return the documents' records, newest first (undated last), ties by id."""
    records = sorted((export_record(d) for d in docs), key=lambda r: r["id"])
    return sorted(records, key=lambda r: r["date"] or "", reverse=True)


def _kinds(records) -> dict:
    counts = Counter(r["kind"] for r in records)
    return {k: counts.get(k, 0) for k in STATEMENT_KINDS}


def _months(records) -> list[dict]:
    """Return the records per month, oldest first: attention over time."""
    counts = Counter(r["date"][:7] for r in records if r["date"])
    return [{"month": m, "count": counts[m]} for m in sorted(counts)]


def _counted(records, key: str) -> list[dict]:
    counts = Counter(r[key] for r in records if r[key])
    return [{key: value, "count": n} for value, n in _ranked(counts)]


def _topics(records) -> list[dict]:
    """Return the most frequent content words of the articles' titles, once per article."""
    titles = {r["article_id"]: r["title"] or "" for r in records}
    words = Counter(w for title in titles.values() for w in {
        w for w in WORD.findall(title.lower()) if len(w) >= MIN_TOPIC_WORD and w not in STOP_WORDS})
    return [{"topic": w, "count": n} for w, n in _ranked(words)[:TOPIC_WORDS]]
