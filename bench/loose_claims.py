"""List the loose claims (kept by the learned scorer) on a seeded random sample of BBC articles, for judging by hand.

Usage: .venv/bin/python bench/loose_claims.py SEED N OUT.jsonl [EXCLUDE.files]
Writes OUT.jsonl (one kept loose claim a line, with its id, context and the claimer users see) and
OUT.jsonl.files (the sample);
EXCLUDE.files (another sample's list) keeps a fresh sample apart from one developed on.
Write OUT under bench/work/ (git-ignored): the lines hold BBC text.
"""
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from search.extract import extract  # noqa: E402
from search.extract.claims.scorer import default_scorer  # noqa: E402
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


def sample(seed: int, n: int, exclude: set[str]) -> list[Path]:
    """Return n articles drawn with the seed from all five categories, outside exclude."""
    files = sorted(p for c in CATEGORIES for p in (BBC / c).glob("*.txt"))
    return random.Random(seed).sample([f for f in files if str(f.relative_to(BBC)) not in exclude], n)


def main() -> int:
    seed, n, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    exclude = set(Path(sys.argv[4]).read_text().split()) if len(sys.argv) > 4 else set()
    files = sample(seed, n, exclude)
    Path(out + ".files").write_text("".join(f"{f.relative_to(BBC)}\n" for f in files))
    with open(out, "w", encoding="utf-8") as fh:
        for f in files:
            article, keeper = load_file(f)[0][0], Keeper()
            shown = {(c.start, c.end): c.claimer for c in extract(article, judge=keeper).claims}
            text = article.text
            for n, claim in enumerate(keeper.kept):
                first = min(claim.start, claim.claimer_start)
                lo = max(text.rfind("\n", 0, first) + 1, first - CONTEXT)
                # the id names the claim in judgments (bench/judged/), which never hold BBC text
                row = {"id": f"{f.relative_to(BBC)}#{n}", "file": str(f.relative_to(BBC)),
                       "claimer": text[claim.claimer_start:claim.claimer_end],
                       "shown": shown.get((claim.start, claim.end)),  # the claimer users see (resolved)
                       "cue": claim.cue, "content": text[claim.start:claim.end], "context": text[lo:claim.end]}
                fh.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
