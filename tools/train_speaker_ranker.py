"""Train the speaker-mention ranker on PolNeAR train; write search/extract/attribution/ranker/speaker_ranker.json.

Usage: .venv/bin/python tools/train_speaker_ranker.py [../shared/data/polnear/train]
       [--cv] [--margins 0,0.5,1] [--write [--out FILE]] [--check]
`make models` runs --write; `make models-check` retrains and fails unless the shipped weights
come out again. Training is deterministic (fixed seed, sorted documents): the same code commit
and data give the same weights, so the file records both, with the options and scores.
Dev-time only, pure Python. Labels follow ../shared/tools/score_quotes.py: a candidate is
right when it overlaps the Source of the gold attribution that best overlaps the quote.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract  # noqa: E402
from search.extract.attribution.ranker.candidates import candidates  # noqa: E402
from search.extract.attribution.ranker.features import candidate_features, feature_space, quote_flags  # noqa: E402
from search.extract.attribution.ranker.model import WEIGHTS_FILE, Ranker, RulePick  # noqa: E402
from search.extract.attribution.rules import trusts  # noqa: E402
from search.ingest import load_file  # noqa: E402
from tools.ranker_model import Group, cross_validate, folds, train  # noqa: E402
from tools.trainer_cli import add_adagrad_options, trainer_parser  # noqa: E402

OUT = ROOT / "search" / "extract" / "attribution" / "ranker" / WEIGHTS_FILE

SCORER = ROOT.parent / "shared" / "tools" / "score_quotes.py"


class Recorder(RulePick):
    """Keep the rule pick, and note each quote's candidates and features on the way."""

    def __init__(self):
        self.seen = []
        self.ctx = None

    def choose(self, ctx, quote, rule, cache=None):
        """Record the quote's candidates and features; return the rule pick."""
        self.ctx = ctx
        cands = candidates(ctx, quote, rule, cache)
        feats = candidate_features(ctx, quote, cands, quote_flags(ctx, quote, rule), cache)
        self.seen.append((quote, cands, feats, trusts(ctx, quote, rule)))
        return rule


def load_scorer(path: Path = SCORER):
    """Import the shared scorer as a module (its parsing and scoring are the reference)."""
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def groups_of(doc_id: str, doc: dict, scorer) -> list[Group]:
    """Return the labelled quotes of one document that the scorer would judge for speakers."""
    article = load_file(Path(doc["path"]))[0][0]
    recorder = Recorder()
    extract(article, recorder)
    gold = doc["gold"]
    gold_sets = [scorer.chars(g["content"]) for g in gold]
    every = set().union(*gold_sets) if gold_sets else set()
    found = []
    for quote, cands, feats, trusted in recorder.seen:
        span = set(range(quote.start, quote.end))
        if not span or len(span & every) / len(span) < scorer.THRESHOLD:
            continue
        best = max(range(len(gold)), key=lambda i: len(span & gold_sets[i]))
        if "source" not in gold[best]:
            continue
        source = scorer.chars(gold[best]["source"])
        labels = [any(i in source for i in range(c.start, c.end)) for c in cands]
        rule = next((i for i, c in enumerate(cands) if c.is_rule), None)
        found.append(Group(doc_id, feats, labels, rule, trusted))
    return found


def load_groups(split: Path, scorer) -> list[Group]:
    """Return the labelled quotes of every document in a PolNeAR split."""
    docs = scorer.load_split(str(split))
    return [g for doc_id, doc in sorted(docs.items()) for g in groups_of(doc_id, doc, scorer)]


def score_split(split: Path, scorer, ranker) -> dict:
    """Return the scorer's figures for extraction with the given ranker over a split."""
    docs = scorer.load_split(str(split))
    preds = {}
    for doc in docs.values():
        article = load_file(Path(doc["path"]))[0][0]
        preds[str(Path(doc["path"]))] = [_as_dict(q) for q in extract(article, ranker).quotes]
    return scorer.score(docs, {scorer.os.path.normpath(p): q for p, q in preds.items()})


def _as_dict(quote) -> dict:
    return {"start": quote.start, "end": quote.end, "speaker_start": quote.speaker_start,
            "speaker_end": quote.speaker_end}


def out_of_fold(split: Path, scorer, groups, margin: float, **options) -> dict:
    """Return the scorer's figures when each document is ranked by a model not trained on it."""
    docs = scorer.load_split(str(split))
    preds = {}
    for train_part, held in folds(groups, 5):
        ranker = Ranker(train(train_part, **options), margin)
        for doc_id in sorted({g.doc for g in held}):
            article = load_file(Path(docs[doc_id]["path"]))[0][0]
            preds[scorer.os.path.normpath(docs[doc_id]["path"])] = [_as_dict(q) for q in extract(article, ranker).quotes]
    rest = {d: v for d, v in docs.items() if scorer.os.path.normpath(v["path"]) not in preds}
    for doc in rest.values():  # documents with no judged quote: no model needed, rules decide
        article = load_file(Path(doc["path"]))[0][0]
        preds[scorer.os.path.normpath(doc["path"])] = [_as_dict(q) for q in extract(article, RulePick()).quotes]
    return scorer.score(docs, preds)


def data_hash(split: Path) -> str:
    """Return the SHA-256 of a split's files (relative paths and bytes, in sorted order)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in split.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(split)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def space_hash() -> str:
    """Return the SHA-256 of the code's feature names (tests compare it with the shipped model's)."""
    return hashlib.sha256("\n".join(sorted(feature_space())).encode()).hexdigest()


def code_commit(ignore: tuple[str, ...] = (WEIGHTS_FILE,)) -> dict:
    """Return the commit the weights are trained at, and whether the extraction code differs from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    changed = [line for line in git("status", "--porcelain", "--", "search", "tools").splitlines()
               if not line.endswith(ignore)]
    return {"code_commit": git("rev-parse", "HEAD") or None, "code_dirty": bool(changed)}


def write_model(args, scorer, groups, options) -> dict:
    """Fit on the whole split; return the model file's data with its provenance and scores."""
    weights = train(groups, **options)
    full_fit = score_split(args.split, scorer, Ranker(weights, args.margin))
    return {"trained_on": "PolNeAR train", "command": "make models", "options": options,
            "margin": args.margin, "provenance": {
                **code_commit(), "data": str(args.split.name), "data_sha256": data_hash(args.split),
                "feature_space_sha256": space_hash(), "quotes": len(groups), "features": len(weights),
                "scores": {"full_fit": full_fit}}, "weights": weights}


def main() -> int:
    parser = trainer_parser(__doc__.splitlines()[0], OUT)
    parser.add_argument("--cv", action="store_true", help="print cross-validated accuracy per margin")
    parser.add_argument("--oof", action="store_true", help="score out-of-fold extraction with the scorer")
    parser.add_argument("--margins", default="0", help="comma-separated margins to compare")
    parser.add_argument("--margin", type=float, default=0.0, help="margin written with the weights")
    add_adagrad_options(parser, epochs=15)
    args = parser.parse_args()
    scorer = load_scorer()
    groups = load_groups(args.split, scorer)
    options = {"epochs": args.epochs, "l2": args.l2, "rate": args.rate}
    reach = sum(any(g.labels) for g in groups) / len(groups)
    print(json.dumps({"quotes": len(groups), "candidate_recall": round(reach, 4)}))
    if args.cv:
        margins = tuple(float(m) for m in args.margins.split(","))
        print(json.dumps(cross_validate(groups, 5, margins, **options)))
    if args.oof:
        print(json.dumps({"out_of_fold": out_of_fold(args.split, scorer, groups, args.margin, **options)}))
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        same = train(groups, **shipped["options"]) == shipped["weights"]
        print(json.dumps({"reproduced": same, "data_sha256_matches":
                          shipped["provenance"]["data_sha256"] == data_hash(args.split)}))
        return 0 if same else 1
    if args.write:
        data = write_model(args, scorer, groups, options)
        args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(json.dumps(data["provenance"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
