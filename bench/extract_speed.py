"""Measure extraction speed (articles/s) over the BBC News corpus in ../shared/data/bbc-news.

Usage: .venv/bin/python bench/extract_speed.py [CORPUS_DIR] [--repeat N] [--synthetic]
Loading is timed apart from extraction: only ``extract()`` is what indexing adds. Each timed run starts with the
claim tagger's window memo empty, so a repeat is not helped by the run before it.
--synthetic times quote-heavy made-up text of 20 KB, 200 KB and 1.5 MB instead (the text of
tests/test_extract_linear.py): seconds should grow linearly with size.
--cpu-vs-rules also times extraction without the claim tagger, in CPU seconds, alternating runs
(a ratio within one run holds on a busy machine where wall time does not).
--cli times the command a user runs, `claimsearch extract --json` over every file (loading, JSON and the
worker processes it starts on a machine with several cores included), wall seconds, best of --repeat.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract  # noqa: E402
from search.extract.claims.tagger import default_tagger  # noqa: E402
from search.ingest.documents import corpus_files, load_file  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "bbc-news"


def load(corpus: Path):
    """Return the loaded articles of the corpus (README-like files that fail are skipped)."""
    articles = []
    for path in corpus_files(corpus):
        try:
            articles.extend(load_file(path, corpus)[0])
        except Exception as exc:  # a bench skips what the loader rejects, with a note
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return articles


def synthetic() -> int:
    """Print extraction seconds for quote-heavy text of 20 KB, 200 KB and 1.5 MB."""
    from search.ingest.documents import load_plain
    from tests.test_extract_linear import quote_heavy

    for size in (20_000, 200_000, 1_500_000):
        article = load_plain(quote_heavy(size), "synthetic.txt")
        started = time.perf_counter()
        quotes = len(extract(article).quotes)
        took = time.perf_counter() - started
        print(f"{size / 1000:.0f} KB: {quotes} quotes in {took:.2f} s ({size / 1000 / took:.0f} KB/s)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="best of N timed runs")
    parser.add_argument("--synthetic", action="store_true", help="time quote-heavy text of growing size")
    parser.add_argument("--cpu-vs-rules", action="store_true", help="CPU time with and without the claim tagger")
    parser.add_argument("--cli", action="store_true", help="time `claimsearch extract --json` over every file")
    args = parser.parse_args()
    if args.synthetic:
        return synthetic()
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} not found (needs ../shared/data/bbc-news)")
        return 0
    if args.cli:
        return command_speed(args.corpus, args.repeat)
    articles = load(args.corpus)
    best = float("inf")
    for _ in range(args.repeat):
        default_tagger().forget()  # a repeat re-reads the same windows: timed cold, as a corpus is read once
        started = time.perf_counter()
        counts = [sum(map(len, extract(a))) for a in articles]
        best = min(best, time.perf_counter() - started)
    quotes = sum(len(extract(a).quotes) for a in articles)
    print(f"{len(articles)} articles, {sum(counts)} records ({quotes} quotes) "
          f"in {best:.2f} s: {len(articles) / best:.0f} articles/s (best of {args.repeat})")
    if args.cpu_vs_rules:
        tagger_cost(articles, args.repeat)
    return 0


def command_speed(corpus: Path, repeat: int) -> int:
    """Print the articles/s of `claimsearch extract --json` over every file of the corpus (best of repeat)."""
    import subprocess

    files = [str(path) for path in corpus_files(corpus)]
    command = [str(Path(sys.executable).with_name("claimsearch")), "extract", "--json", *files]
    best, lines = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        best = min(best, time.perf_counter() - started)
        lines = done.stdout.count("\n")
    print(f"claimsearch extract --json: {lines} articles from {len(files)} files in {best:.2f} s: "
          f"{lines / best:.0f} articles/s (best of {repeat})")
    return 0


def tagger_cost(articles, repeat: int) -> None:
    """Print the best CPU seconds of extraction with the claim tagger and without it (the rules alone)."""
    from tools.train_claim_tagger import Recorder

    best = {"rules": float("inf"), "tagger": float("inf")}
    for _ in range(repeat):
        for name, tagger in (("rules", Recorder()), ("tagger", None)):
            default_tagger().forget()
            started = time.process_time()
            for a in articles:
                extract(a, tagger=tagger)
            best[name] = min(best[name], time.process_time() - started)
    print(f"CPU: rules alone {best['rules']:.2f} s, with the tagger {best['tagger']:.2f} s "
          f"(+{100 * (best['tagger'] / best['rules'] - 1):.0f}%)")


if __name__ == "__main__":
    sys.exit(main())
