"""List the claims the learned tagger adds on a seeded random sample of BBC articles, for judging by hand.

Usage: .venv/bin/python bench/tagger_claims.py SEED N OUT.jsonl [EXCLUDE.json|EXCLUDE.files ...]
Writes OUT.jsonl (one added claim a line, with its context) and OUT.jsonl.files (the sample). Each
EXCLUDE is a gold file ({"articles": [{"file": ...}]}, such as ../shared/gold/bbc-quotes-dev.json)
or another sample's list, kept apart so the sample is fresh.
Write OUT under bench/work/ (git-ignored): the lines hold BBC text.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.loose_claims import BBC, CONTEXT, Noter, drawn  # noqa: E402
from search.extract import extract  # noqa: E402
from search.ingest import load_file  # noqa: E402


def main() -> int:
    files, out = drawn(sys.argv[1:])
    with open(out, "w", encoding="utf-8") as fh:
        for f in files:
            article, noter = load_file(f)[0][0], Noter()
            claims = {(c.start, c.end): c for c in extract(article, tagger=noter).claims}
            text = article.text
            for raw in noter.added:
                first = min(raw.start, raw.claimer_start)
                lo = max(text.rfind("\n", 0, first) + 1, first - CONTEXT)
                claim = claims.get((raw.start, raw.end))
                if claim is None:
                    continue  # dropped after resolution: its source names nobody
                row = {"file": str(f.relative_to(BBC)), "claimer": claim.claimer,
                       "mention": text[raw.claimer_start:raw.claimer_end], "cue": raw.cue,
                       "content": text[raw.start:raw.end], "context": text[lo:max(raw.end, raw.claimer_end)]}
                fh.write(json.dumps(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
