"""Train the claim tagger (a CRF) on PolNeAR train; write search/extract/claims/claim_tagger.json.

Usage: .venv/bin/python tools/train_claim_tagger.py [../shared/data/polnear/train]
       [--cv] [--thresholds 0.3,0.4,0.5] [--write [--out FILE]] [--check]
`make models` runs --write; `make models-check` retrains and fails unless the shipped model comes
out again, byte for byte: crfsuite's L-BFGS is deterministic given the same sequences in the same
order (documents sorted, windows in text order). The file records the code commit, the data's hash,
the options, cross-validated and full-fit scores, and a probe: the features of a text written for
it, which a test recomputes to catch features that drift from the shipped model's.
Labels: BIO over content, source and cue of every annotated attribution; an inner attribution's
spans overwrite the outer content (a flat tagger cannot nest), sources and cues overwrite contents.
"""
from __future__ import annotations

import base64
import hashlib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract  # noqa: E402
from search.extract.claims.tagger import (CONTENT, CUE, SOURCE, TAGGER_FILE, WORD, ClaimTagger,  # noqa: E402
                                          candidate_windows, sentence_features)
from search.extract.lexicon.words import STOP_WORDS  # noqa: E402
from search.extract.text.sentences import tokens  # noqa: E402
from search.ingest import load_file  # noqa: E402
from search.ingest.formats import load_plain  # noqa: E402
from tools.train_speaker_ranker import code_commit, data_hash, load_scorer  # noqa: E402
from tools.trainer_cli import trainer_parser  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score_claims.py"
OUT = ROOT / "search" / "extract" / "claims" / TAGGER_FILE
FOLDS = 5
# Written for this model (not from any corpus): its candidate windows' features are the drift probe.
PROBE = ("Probe Headline\n\nThe senator, backing the plan to cut taxes, said families would gain. Polls show the "
         "mayor ahead in the race. The council declined to comment on the report. She hopes voters trust her, "
         "noting that the city will grow. Critics of the decision to close the library were angry.")


class Recorder:
    """A tagger that proposes nothing and keeps the article's context and the rules' claims."""

    def __init__(self):
        self.ctx, self.raw = None, []

    def propose(self, ctx, raw):
        """Record what the tagger would read; add no claim, so extraction matches the rules alone."""
        self.ctx, self.raw = ctx, list(raw)
        return []


def learn_cues(docs: dict, min_seen: int, min_share: float) -> list[str]:
    """Return lower-case words inside annotated cues at least min_seen times and min_share of their uses."""
    seen, cued = Counter(), Counter()
    for _, doc in sorted(docs.items()):
        inside = {i for g in doc["gold"] for s, e in g.get("cue", ()) for i in range(s, e)}
        for tok in tokens(doc["text"], 0, len(doc["text"])):
            word = tok.text.lower()
            seen[word] += 1
            cued[word] += tok.start in inside
    return sorted(w for w in seen if cued[w] >= min_seen and cued[w] >= min_share * seen[w]
                  and w not in STOP_WORDS and WORD.fullmatch(w))


def char_labels(doc: dict) -> dict[int, tuple[str, int]]:
    """Return each annotated character's (kind, attribution number); smaller spans overwrite larger ones."""
    marks: dict[int, tuple[str, int]] = {}
    gold = sorted(enumerate(doc["gold"]), key=lambda ig: -(ig[1]["end"] - ig[1]["start"]))
    for role, kind in (("content", CONTENT), ("cue", CUE), ("source", SOURCE)):
        for n, g in gold:
            for s, e in g.get(role, ()):
                marks.update((i, (kind, n)) for i in range(s, e))
    return marks


def window_labels(toks, marks: dict[int, tuple[str, int]]) -> list[str]:
    """Return the BIO label of each token: B where the kind or attribution changes."""
    labels, prev = [], None
    for tok in toks:
        mark = marks.get(tok.start)
        labels.append("O" if mark is None else ("I-" if mark == prev else "B-") + mark[0])
        prev = mark
    return labels


class Doc:
    """One PolNeAR document as extraction saw it: the rules' output, context, and labelled windows."""

    def __init__(self, doc_id: str, doc: dict, cues: frozenset[str]):
        recorder = Recorder()
        self.id, self.path = doc_id, doc["path"]
        self.extraction = extract(load_file(Path(doc["path"]))[0][0], tagger=recorder)
        self.ctx, self.raw = recorder.ctx, recorder.raw
        marks = char_labels(doc)
        self.windows = [(sentence_features(toks), window_labels(toks, marks))
                        for toks in candidate_windows(self.ctx, cues)]

    def items(self) -> list[dict]:
        """Return the rules' quotes and claims as the scorer's items."""
        ex = self.extraction
        return ([{"start": q.start, "end": q.end, "item": "quote", "who": (q.speaker_start, q.speaker_end)}
                 for q in ex.quotes] +
                [{"start": c.start, "end": c.end, "item": "claim", "who": (c.claimer_start, c.claimer_end)}
                 for c in ex.claims])


def fit(docs: list[Doc], options: dict) -> bytes:
    """Return the CRF model bytes trained on the documents' windows, in the given order."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for xseq, yseq in doc.windows:
            trainer.append(xseq, yseq)
    trainer.set_params({"c1": options["c1"], "c2": options["c2"], "max_iterations": options["iterations"],
                        "feature.minfreq": options["min_freq"], "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tagger.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def predictions(docs: list[Doc], tagger: ClaimTagger | None, scorer) -> dict:
    """Return the scorer's predictions: the rules' items plus what the tagger proposes."""
    preds = {}
    for doc in docs:
        added = tagger.propose(doc.ctx, doc.raw) if tagger else []
        preds[scorer.os.path.normpath(doc.path)] = doc.items() + [
            {"start": c.start, "end": c.end, "item": "claim", "who": (c.claimer_start, c.claimer_end)} for c in added]
    return preds


def summary(full: dict) -> dict:
    """Return the figures the bars name."""
    return {"f1": full["f1"], "precision": full["precision"], "recall": full["recall"],
            "source_accuracy": full["source_accuracy"], "indirect_recall": full["indirect"]["recall"],
            "indirect_precision": full["indirect"]["precision"], "direct_f1": full["direct"]["f1"]}


def fold_models(docs: list[Doc], options: dict) -> list[bytes]:
    """Return one model per fold, each trained on the documents outside it."""
    return [fit([d for n, d in enumerate(docs) if n % FOLDS != fold], options) for fold in range(FOLDS)]


def cross_validate(docs: list[Doc], gold: dict, scorer, models: list[bytes], cues, grid) -> dict:
    """Return the scorer's figures per (threshold, strict, min_words), each document tagged by a model not trained on it."""
    scores = {"rules": summary(scorer.score(gold, predictions(docs, None, scorer)))}
    for threshold, strict, min_words in grid:  # the grid --cv builds: 3 values a point
        preds = {}
        for fold, model in enumerate(models):
            held = [d for n, d in enumerate(docs) if n % FOLDS == fold]
            preds.update(predictions(held, ClaimTagger(model, cues, threshold, min_words, strict), scorer))
        scores[f"t={threshold} strict={strict} min_words={min_words}"] = summary(scorer.score(gold, preds))
    return scores


def probe_hash(cues: frozenset[str]) -> str:
    """Return the SHA-256 of the features of the probe text's candidate windows."""
    recorder = Recorder()
    extract(load_plain(PROBE, "probe.txt"), tagger=recorder)
    feats = [f for toks in candidate_windows(recorder.ctx, cues) for fs in sentence_features(toks) for f in fs]
    return hashlib.sha256("\n".join(feats).encode()).hexdigest()


def main() -> int:
    parser = trainer_parser(__doc__.splitlines()[0], OUT)
    parser.add_argument("--cv", action="store_true", help="print cross-validated scores per threshold")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7", help="comma-separated thresholds for --cv")
    parser.add_argument("--stricts", default="0.7", help="comma-separated strict thresholds for --cv")
    parser.add_argument("--min-words-cv", default="2", help="comma-separated minimum content words for --cv")
    parser.add_argument("--threshold", type=float, default=0.5, help="threshold written with the model")
    parser.add_argument("--strict", type=float, default=0.7, help="mean content probability a non-verb cue needs")
    parser.add_argument("--c1", type=float, default=1.0, help="L1 penalty (prunes features)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--min-freq", type=int, default=2, help="occurrences a feature needs to enter the model")
    parser.add_argument("--min-words", type=int, default=2, help="words a tagged content needs")
    parser.add_argument("--min-seen", type=int, default=5, help="annotated cues a cue word needs")
    parser.add_argument("--min-share", type=float, default=0.05, help="share of a cue word's uses inside cues")
    args = parser.parse_args()
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        for key, value in shipped["options"].items():
            setattr(args, key, value)
    options = {"c1": args.c1, "c2": args.c2, "iterations": args.iterations, "min_freq": args.min_freq, "min_words": args.min_words,
               "min_seen": args.min_seen, "min_share": args.min_share}
    scorer = load_scorer(SCORER)
    gold = scorer.load_split(str(args.split))
    cues = frozenset(learn_cues(gold, args.min_seen, args.min_share))
    docs = [Doc(doc_id, doc, cues) for doc_id, doc in sorted(gold.items())]
    print(json.dumps({"cues": len(cues), "windows": sum(len(d.windows) for d in docs)}))
    if args.cv:
        grid = [(float(t), float(s), int(w)) for t in args.thresholds.split(",") for s in args.stricts.split(",")
                for w in args.min_words_cv.split(",")]
        print(json.dumps(cross_validate(docs, gold, scorer, fold_models(docs, options), cues, grid), indent=1))
    if args.check:
        same = sorted(cues) == shipped["cues"] and base64.b64encode(fit(docs, options)).decode() == shipped["model"]
        print(json.dumps({"reproduced": same, "data_sha256_matches":
                          shipped["provenance"]["data_sha256"] == data_hash(args.split)}))
        return 0 if same else 1
    if args.write:
        model = fit(docs, options)
        tagger = ClaimTagger(model, cues, args.threshold, args.min_words, args.strict)
        data = {"trained_on": "PolNeAR train", "command": "make models", "options": options, "threshold": args.threshold,
                "strict": args.strict, "min_words": args.min_words, "cues": sorted(cues), "provenance": {
                    **code_commit(ignore=(TAGGER_FILE,)), "data": str(args.split.name),
                    "data_sha256": data_hash(args.split), "probe_sha256": probe_hash(cues),
                    "windows": sum(len(d.windows) for d in docs), "model_bytes": len(model),
                    "scores": {"full_fit": summary(scorer.score(gold, predictions(docs, tagger, scorer)))}},
                "model": base64.b64encode(model).decode()}
        args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(json.dumps(data["provenance"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
