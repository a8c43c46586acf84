"""Draw the comparisons to judge by hand on the BBC corpus: disagreements, quote clusters, story copies.

Usage: .venv/bin/python bench/judge_sample.py [--reuse] [--no-timing | --scales=1,4]
Builds an index of BENCH_CORPUS (default ../shared/data/bbc-news) into bench/work/judge-index
(--reuse keeps an existing one) and writes bench/judged/sample.json: the top 30 disagreements,
30 random quote clusters whose texts differ, 20 random story groups with more than one file and,
for 20 random articles, the most alike article of the same folder that is NOT grouped with it.
Excerpts are at most 25 words and go only to bench/work/judge-sample.json (git-ignored): the BBC
corpus is for research and is never copied into the repository, so the committed sample holds ids,
values, outlets and speakers only. Judgments live in bench/judged/judgments.json
({"<item id>": ["real"|"noise", "why"]}); this script reports the share judged real.
Also times copy detection and comparison at 1x, 4x and 10x (replicated articles with new ids; --no-timing
skips it), and lists every candidate disagreement the measure keys allow (draw_candidates).
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search.compare import Comparisons  # noqa: E402
from search.compare.copies import _sketch  # noqa: E402
from search.compare.periods import compatible_time  # noqa: E402
from search.compare.quantities import close, measure_key  # noqa: E402
from search.compare.text import content_stems  # noqa: E402
from search.compare.views import disagreements, quote_versions  # noqa: E402
from search.index import indexer  # noqa: E402
from search.query.searcher import WhooshSearcher  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("BENCH_CORPUS", HERE.parent.parent / "shared" / "data" / "bbc-news"))
INDEX = HERE / "work" / "judge-index"
OUT = HERE / "judged"
SEED = 14
WORDS = 25
CORPUS_TEXT = frozenset({"excerpt", "titles"})  # keys holding the corpus's own words


def excerpt(text: str | None, words: int = WORDS) -> str:
    """Return at most ``words`` words of a text."""
    parts = (text or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def draw_disagreements(comps) -> list[dict]:
    """Return the top 30 disagreements, each value with outlet, article, qualifier and a short excerpt."""
    return [{"id": d["id"], "measure": d["measure"], "stories": d["stories"],
             "values": [{"value": v["value"], "qualifier": v["qualifier"], "article": v["article_id"],
                         "source": v["source"], "claimer": v["speaker"], "excerpt": excerpt(v["sentence"])}
                        for v in d["values"]]}
            for d in disagreements(comps, per_page=30)["disagreements"]]


def draw_candidates(comps) -> list[dict]:
    """Return every pair of figures from two stories with one measure key (measure, unit, place), compatible
    periods and values that do not agree, by key: all the disagreements the corpus could hold under these
    keys, grouped or not, so a short list can be shown to be the corpus's and not the code's. Keys with a
    place (a known subject) list their pairs; keys without one give only their count."""
    blocks = defaultdict(list)
    for fig in comps.figures.values():
        key = measure_key(fig)
        if key and key[0]:
            blocks[key].append(fig)
    found = []
    for key, figs in sorted(blocks.items()):
        figs.sort(key=lambda f: f["id"])
        pairs = [(a, b) for n, a in enumerate(figs) for b in figs[n + 1:]
                 if comps.story(a["article_id"]) != comps.story(b["article_id"]) and not close(a, b)
                 and compatible_time(a, b)]
        if pairs:
            found.append({"key": " | ".join(key), "pairs_total": len(pairs), "pairs": [
                {"figures": [a["id"], b["id"]], "values": [a["value"], b["value"]],
                 "grouped": comps.quantity_of.get(a["id"], "") == comps.quantity_of.get(b["id"], "-"),
                 "excerpt": [excerpt(a["sentence"]), excerpt(b["sentence"])]} for a, b in pairs] if key[2] else []})
    return found


def draw_quote_clusters(comps) -> list[dict]:
    """Return 30 random clusters whose versions' texts differ, across two stories or more (not copies only)."""
    differing = sorted(cid for cid, ids in comps.clusters.items()
                       if len({comps.quotes[i]["text"] for i in ids}) > 1
                       and len({comps.story(comps.quotes[i]["article_id"]) for i in ids}) > 1)
    chosen = random.Random(SEED).sample(differing, min(30, len(differing)))
    out = []
    for cid in chosen:
        view = quote_versions(comps, comps.clusters[cid][0])
        out.append({"id": cid, "label": view["label"],
                    "versions": [{"quote": v["id"], "speaker": v["mention"] or v["speaker"],
                                  "excerpt": excerpt(v["text"]),
                                  "copies": [c["article_id"] for c in v["copies"]]} for v in view["versions"]]})
    return out


def draw_copies(comps) -> tuple[list[dict], list[dict]]:
    """Return 20 random story groups, and 20 random articles each with the same-folder article sharing
    the most content words that is NOT grouped with it (same topic, the hardest pairs not to group)."""
    rng = random.Random(SEED)
    groups = [{"id": sid, "articles": ids, "titles": [comps.articles[a]["title"] for a in ids]}
              for sid, ids in sorted(comps.stories.items())]
    words = {a: set(content_stems(_text(a))) for a in sorted(comps.articles) if (CORPUS / (a + ".txt")).is_file()}
    sketches = {a: _sketch(s) for a, s in comps.signatures.items() if s}
    negatives = []
    for aid in rng.sample(sorted(words), 20):
        folder = aid.split("/")[0]
        others = [o for o in words if o.split("/")[0] == folder and comps.story(o) != comps.story(aid)]
        best = max(others, key=lambda o: len(words[aid] & words[o]) / len(words[aid] | words[o] or {1}))
        negatives.append({"pair": [aid, best], "titles": [comps.articles[aid]["title"], comps.articles[best]["title"]],
                          "word_jaccard": round(len(words[aid] & words[best]) / len(words[aid] | words[best]), 3),
                          "minhash_jaccard": round(sketches[aid].jaccard(sketches[best]), 3)
                          if aid in sketches and best in sketches else None})
    return rng.sample(groups, min(20, len(groups))), negatives


def _text(article_id: str) -> str:
    return (CORPUS / (article_id + ".txt")).read_text(encoding="utf-8", errors="replace")


def recomputed(comps):
    """Return the comparisons computed again by this code from the build's records (--reuse after a change)."""
    fresh = Comparisons()
    fresh.quotes, fresh.figures, fresh.articles, fresh.signatures = \
        comps.quotes, comps.figures, comps.articles, comps.signatures
    return fresh.compute()


def timed_compute(comps, scale: int) -> dict:
    """Time story detection plus quote and figure comparison over ``scale`` replicas of the corpus."""
    fresh = Comparisons()
    for k in range(scale):
        tag = f"r{k}/" if k else ""
        fresh.add([dict(q, id=tag + q["id"], article_id=tag + q["article_id"]) for q in comps.quotes.values()],
                  [dict(f, id=tag + f["id"], article_id=tag + f["article_id"]) for f in comps.figures.values()])
        for aid, record in comps.articles.items():
            fresh.articles[tag + aid] = record
        fresh.signatures.update((tag + a, s) for a, s in comps.signatures.items())
    started, cpu = time.perf_counter(), time.process_time()
    fresh.compute()
    return {"scale": scale, "articles": len(fresh.articles), "seconds": round(time.perf_counter() - started, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2), "story_groups": len(fresh.stories)}


def scales() -> list[int]:
    """Return the corpus sizes to time: --scales=1,4 (default 1, 4 and 10)."""
    given = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--scales=")), "1,4,10")
    return [int(n) for n in given.split(",")]


def sketch_seconds() -> float:
    """Time the MinHash sketches of every article's text (done once per article at index time)."""
    from search.compare.copies import signature
    from search.ingest import documents
    texts = [a.text for p in documents.corpus_files(CORPUS) for a in documents.load_file(p, CORPUS)[0]]
    started = time.perf_counter()
    for text in texts:
        signature(text)
    return round(time.perf_counter() - started, 2)


def judged_share(sample: dict) -> dict:
    """Return the share judged real per list, from bench/judged/judgments.json when it exists."""
    path = OUT / "judgments.json"
    if not path.exists():
        return {}
    verdicts = json.loads(path.read_text(encoding="utf-8"))
    shares = {}
    keys = {"disagreements": lambda item: item["id"], "quote_clusters": lambda item: item["id"],
            "story_groups": lambda item: item["id"], "not_grouped": lambda item: " ".join(item["pair"])}
    for name, key in keys.items():
        marks = [verdicts[key(item)][0] for item in sample[name] if key(item) in verdicts]
        shares[name] = {"judged": len(marks), "real": marks.count("real"),
                        "percent_real": round(100 * marks.count("real") / len(marks), 1) if marks else None}
    return shares


def without_text(value):
    """Return the sample without the corpus's words (excerpts, titles): what may be committed."""
    if isinstance(value, dict):
        return {k: without_text(v) for k, v in value.items() if k not in CORPUS_TEXT}
    if isinstance(value, list):
        return [without_text(v) for v in value]
    return value


def main() -> None:
    if "--reuse" not in sys.argv or not (INDEX / "CURRENT").exists():
        indexer.build(CORPUS, INDEX)
    # whole(): the server's store leaves out the MinHash signatures that story detection needs again
    comps = recomputed(WhooshSearcher(INDEX).comparisons().whole())
    groups, negatives = draw_copies(comps)
    sample = {"corpus": str(CORPUS), "seed": SEED, "disagreements": draw_disagreements(comps),
              "close_total": disagreements(comps)["close_total"], "candidates": draw_candidates(comps),
              "quote_clusters": draw_quote_clusters(comps),
              "story_groups_total": len(comps.stories), "story_groups": groups, "not_grouped": negatives,
              "timing": {} if "--no-timing" in sys.argv else
              {"sketch_seconds_1x": sketch_seconds(), "compute": [timed_compute(comps, s) for s in scales()]}}
    sample["judged"] = judged_share(sample)
    OUT.mkdir(exist_ok=True)
    (HERE / "work" / "judge-sample.json").write_text(json.dumps(sample, indent=1, ensure_ascii=False), encoding="utf-8")
    (OUT / "sample.json").write_text(json.dumps(without_text(sample), indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: sample[k] for k in ("story_groups_total", "close_total", "timing", "judged")}, indent=1))
    placed = [p for block in sample["candidates"] for p in block["pairs"]]
    print(f"{sum(b['pairs_total'] for b in sample['candidates'])} candidate pairs in {len(sample['candidates'])} "
          f"measure keys; {len(placed)} under keys with a place, {sum(p['grouped'] for p in placed)} of them grouped")
    print(f"{len(sample['disagreements'])} disagreements, {len(sample['quote_clusters'])} quote clusters "
          f"written to {OUT / 'sample.json'}")


if __name__ == "__main__":
    main()
