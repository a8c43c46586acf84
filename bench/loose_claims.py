"""List the loose claims (kept by the learned scorer) and the tagger's claims on a seeded random sample of BBC
articles, with the form users see them in (statement or act), for judging by hand.

Usage: .venv/bin/python bench/loose_claims.py SEED N OUT.jsonl [EXCLUDE.json|EXCLUDE.files ...]
Writes OUT.jsonl (one claim a line: its id, origin 'loose' or 'tagger', form, context and the claimer users
see) and OUT.jsonl.files (the sample). Each EXCLUDE is a gold file ({"articles": [{"file": ...}]}, such as
../shared/gold/bbc-quotes-dev.json), a judgments file (bench/judged/loose_claims.json: the files of its ids)
or another sample's list, kept apart so the sample is fresh.
Write OUT under bench/work/ (git-ignored): the lines hold BBC text.
"""
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search.extract import extract  # noqa: E402
from search.extract.claims.scorer import default_scorer  # noqa: E402
from search.extract.claims.tagger import default_tagger  # noqa: E402
from search.ingest import load_file  # noqa: E402

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
CONTEXT = 120  # characters shown before the claim


class Keeper:
    """The shipped scorer, noting each loose claim it keeps."""

    def __init__(self):
        self.base = default_scorer()
        self.cues, self.heads, self.kept = self.base.cues, self.base.heads, []

    def keeps(self, feats, claim=None) -> bool:
        """Decide as the shipped scorer does; note the claim when kept."""
        kept = self.base.keeps(feats, claim)
        if kept:
            self.kept.append(claim)
        return kept


class Noter:
    """The shipped tagger, noting each claim it adds."""

    def __init__(self):
        self.base, self.added = default_tagger(), []

    def propose(self, ctx, raw):
        """Propose as the shipped tagger does; note what it adds."""
        found = self.base.propose(ctx, raw)
        self.added.extend(found)
        return found


def sample(seed: int, n: int, exclude: set[str]) -> list[Path]:
    """Return n articles drawn with the seed from all five categories, outside exclude."""
    files = sorted(p for c in CATEGORIES for p in (BBC / c).glob("*.txt"))
    return random.Random(seed).sample([f for f in files if str(f.relative_to(BBC)) not in exclude], n)


def excluded(paths: list[str]) -> set[str]:
    """Return the files named by gold sets, judgment files (their ids' files) or sample lists (one a line)."""
    names = set()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        if not path.endswith(".json"):
            names |= set(text.split())
            continue
        data = json.loads(text)
        articles = data.get("articles", [])
        names |= {a["file"] for a in articles} if isinstance(articles, list) else set()  # a count in acts_claims
        judged = [s.get("judgments", {}) for s in data.get("samples", {}).values()] + [data.get("judgments", {})]
        names |= {i.split("#")[0] for j in judged for i in j}
    return names


def rows(f: Path):
    """Yield the loose and tagged claims of one article as users see them (claimer resolved, form)."""
    article, keeper, noter = load_file(f)[0][0], Keeper(), Noter()
    shown = {(c.start, c.end): c for c in extract(article, judge=keeper, tagger=noter).claims}
    text, name = article.text, str(f.relative_to(BBC))
    for origin, raws in (("loose", keeper.kept), ("tagger", noter.added)):
        for n, raw in enumerate(raws):
            claim = shown.get((raw.start, raw.end))
            if claim is None:
                continue  # dropped after resolution (nobody) or merged with a quote
            first = min(raw.start, raw.claimer_start)
            lo = max(text.rfind("\n", 0, first) + 1, first - CONTEXT)
            # the id names the claim in judgments (bench/judged/), which never hold BBC text
            yield {"id": f"{name}#{origin[0]}{n}", "file": name, "origin": origin, "form": claim.form,
                   "claimer": text[raw.claimer_start:raw.claimer_end], "shown": claim.claimer, "cue": raw.cue,
                   "content": text[raw.start:raw.end], "context": text[lo:max(raw.end, raw.claimer_end)]}


def drawn(argv: list[str]) -> tuple[list[Path], str]:
    """Draw the sample the command line asks for (SEED N OUT [EXCLUDED...]); list its files beside OUT."""
    seed, n, out = int(argv[0]), int(argv[1]), argv[2]
    files = sample(seed, n, excluded(argv[3:]))
    Path(out + ".files").write_text("".join(f"{f.relative_to(BBC)}\n" for f in files))
    return files, out


def main() -> int:
    files, out = drawn(sys.argv[1:])
    with open(out, "w", encoding="utf-8") as fh:
        for f in files:
            fh.writelines(json.dumps(row) + "\n" for row in rows(f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
