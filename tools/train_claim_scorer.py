"""Train the loose-claim scorer on PolNeAR train; write search/extract/claims/claim_scorer.json.

Usage: .venv/bin/python tools/train_claim_scorer.py [../shared/data/polnear/train]
       [--cv] [--thresholds 0.4,0.5,0.6] [--write [--out FILE]] [--check]
`make models` runs --write; `make models-check` retrains and fails unless the shipped weights
come out again. Training is deterministic (sorted documents, fixed seed), and the file records the
code commit, the data's hash, the options, the scores and a probe: the features of readings in a
text written for it, which tests recompute to catch features that drift from the shipped model's.
Labels follow ../shared/tools/score_claims.py: a reading is right when >= 50% of its characters lie
in annotated content and its claimer overlaps the source of the attribution it overlaps most.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.extract import extract  # noqa: E402
from search.extract.claims.finder import SENTENCE_WORDS  # noqa: E402
from search.extract.claims.scorer import WEIGHTS_FILE, ClaimScorer  # noqa: E402
from search.extract.lexicon.words import STOP_WORDS  # noqa: E402
from search.extract.text.sentences import tokens  # noqa: E402
from search.ingest import load_file  # noqa: E402
from search.ingest.formats import load_plain  # noqa: E402
from tools.logistic import Example, cross_validate, train  # noqa: E402
from tools.train_speaker_ranker import code_commit, data_hash, load_scorer  # noqa: E402
from tools.trainer_cli import add_adagrad_options, trainer_parser  # noqa: E402

PREPOSITIONS = frozenset("on for to about of against with at in as from by into over".split())
SCORER = ROOT.parent / "shared" / "tools" / "score_claims.py"
OUT = ROOT / "search" / "extract" / "claims" / WEIGHTS_FILE
# Written for this model (not from any corpus): readings whose features the drift test recomputes.
PROBE = ("Probe Headline\n\nThe senator voted for the bill that cut taxes for families. Residents were critical of "
         "the new parking rules downtown. The union publicly thanked the mayor for her support during the strike. "
         "The mayor said at the meeting the plan would cost too much. She hopes voters trust her plan, saying the "
         "city will grow. Critics attacked the council for ignoring the report on flooding.")


def learn_cues(docs: dict, min_seen: int, min_share: float) -> dict[str, dict[str, int]]:
    """Return cue forms the rules lack ('wary', 'attacks on') seen >= min_seen times, >= min_share of them as a cue."""
    # A form is a lower-case word, or a word and the preposition after it, inside the Cue of an
    # attribution whose content follows it; words the rules already read are left to them.
    seen, cued = Counter(), Counter()
    for _, doc in sorted(docs.items()):
        text = doc["text"]
        inside = set()
        for g in doc["gold"]:
            if "cue" in g and g["start"] >= min(s for s, _ in g["cue"]):
                inside |= {i for s, e in g["cue"] for i in range(s, e)}
        toks = tokens(text, 0, len(text))
        for k, tok in enumerate(toks):
            word = tok.text.lower()
            if not tok.text[:1].islower() or word in SENTENCE_WORDS or word in STOP_WORDS:
                continue
            forms = [tok.text.lower()]
            if k + 1 < len(toks) and toks[k + 1].text.lower() in PREPOSITIONS:
                forms.append(f"{forms[0]} {toks[k + 1].text.lower()}")
            for form in forms:
                seen[form] += 1
                cued[form] += tok.start in inside and (" " not in form or toks[k + 1].start in inside)
    return {f: {"seen": seen[f], "cue": cued[f]} for f in sorted(seen)
            if seen[f] >= min_seen and cued[f] >= min_share * seen[f]}


def learn_heads(docs: dict, min_seen: int) -> list[str]:
    """Return the lower-case words that end an annotated Source at least min_seen times ('campaign', 'poll')."""
    heads = Counter()
    for _, doc in sorted(docs.items()):
        for g in doc["gold"]:
            if "source" in g:
                last = tokens(doc["text"], *g["source"][-1])
                word = last[-1].text if last else ""
                heads[word] += word.isalpha() and word.islower()
    return sorted(w for w, n in heads.items() if n >= min_seen)


class Recorder:
    """A judge that keeps nothing and notes each loose reading's features and claim."""

    def __init__(self, lexicon: ClaimScorer):
        self.seen = []
        self.cues, self.heads = lexicon.cues, lexicon.heads  # what the loose readings are drawn from

    def keeps(self, feats, claim=None) -> bool:
        """Record the reading; keep none, so extraction matches the rules alone."""
        self.seen.append((feats, claim))
        return False


def readings(article, lexicon: ClaimScorer) -> list[tuple[list[str], object]]:
    """Return (features, claim) of every loose reading in one article."""
    recorder = Recorder(lexicon)
    extract(article, judge=recorder)
    return recorder.seen


def examples_of(doc_id: str, doc: dict, scorer, lexicon: ClaimScorer) -> list[Example]:
    """Return the labelled loose readings of one document."""
    gold = doc["gold"]
    gold_sets = [scorer.chars(g["content"]) for g in gold]
    every = set().union(*gold_sets) if gold_sets else set()
    found = []
    for feats, claim in readings(load_file(Path(doc["path"]))[0][0], lexicon):
        span = set(range(claim.start, claim.end))
        right = bool(span) and len(span & every) / len(span) >= scorer.THRESHOLD
        if right:
            best = gold[max(range(len(gold)), key=lambda i: len(span & gold_sets[i]))]
            who = set(range(claim.claimer_start, claim.claimer_end))
            right = "source" not in best or bool(who & scorer.chars(best["source"]))
        found.append(Example(doc_id, feats, right))
    return found


def load_examples(docs: dict, scorer, lexicon: ClaimScorer) -> list[Example]:
    """Return the labelled loose readings of every document in a PolNeAR split."""
    return [e for doc_id, doc in sorted(docs.items()) for e in examples_of(doc_id, doc, scorer, lexicon)]


def score_split(split: Path, scorer, model: ClaimScorer) -> dict:
    """Return the claims scorer's main figures for extraction with the given model over a split."""
    docs = scorer.load_split(str(split))
    preds = {}
    for doc in docs.values():
        quotes, claims, _ = extract(load_file(Path(doc["path"]))[0][0], judge=model)
        items = [{"start": q.start, "end": q.end, "item": "quote", "who": (q.speaker_start, q.speaker_end)}
                 for q in quotes]
        items += [{"start": c.start, "end": c.end, "item": "claim", "who": (c.claimer_start, c.claimer_end)}
                  for c in claims]
        preds[scorer.os.path.normpath(doc["path"])] = items
    full = scorer.score(docs, preds)
    return {"f1": full["f1"], "precision": full["precision"], "recall": full["recall"],
            "source_accuracy": full["source_accuracy"], "indirect_recall": full["indirect"]["recall"],
            "direct_f1": full["direct"]["f1"]}


def probe_hash(lexicon: ClaimScorer) -> str:
    """Return the SHA-256 of the features of the probe text's readings (tests compare it with the shipped one)."""
    feats = [f for fs, _ in readings(load_plain(PROBE, "probe.txt"), lexicon) for f in fs]
    return hashlib.sha256("\n".join(feats).encode()).hexdigest()


def write_model(args, scorer, examples, options, cues: dict, heads: list[str]) -> dict:
    """Fit on the whole split; return the model file's data with its provenance and scores."""
    weights = train(examples, epochs=args.epochs, l2=args.l2, rate=args.rate)
    full_fit = score_split(args.split, scorer, ClaimScorer(weights, args.threshold, frozenset(cues), frozenset(heads)))
    commit = code_commit(ignore=(WEIGHTS_FILE,))
    return {"trained_on": "PolNeAR train", "command": "make models", "options": options,
            "threshold": args.threshold, "cues": cues, "source_heads": heads, "provenance": {
                **commit, "data": str(args.split.name), "data_sha256": data_hash(args.split),
                "probe_sha256": probe_hash(ClaimScorer({}, 0.5, frozenset(cues), frozenset(heads))),
                "readings": len(examples), "features": len(weights),
                "scores": {"full_fit": full_fit}}, "weights": weights}


def main() -> int:
    parser = trainer_parser(__doc__.splitlines()[0], OUT)
    parser.add_argument("--cv", action="store_true", help="print cross-validated precision and recall per threshold")
    parser.add_argument("--thresholds", default="0.4,0.5,0.6,0.7", help="comma-separated thresholds for --cv")
    parser.add_argument("--threshold", type=float, default=0.4, help="threshold written with the weights")
    add_adagrad_options(parser, epochs=10)
    parser.add_argument("--min-seen", type=int, default=5, help="occurrences a learned cue form needs")
    parser.add_argument("--min-heads", type=int, default=3, help="annotated sources a learned source head needs")
    parser.add_argument("--min-share", type=float, default=0.3, help="share of them annotated as a cue")
    args = parser.parse_args()
    scorer = load_scorer(SCORER)
    docs = scorer.load_split(str(args.split))
    options = {"epochs": args.epochs, "l2": args.l2, "rate": args.rate, "min_seen": args.min_seen,
               "min_share": args.min_share, "min_heads": args.min_heads}
    cues, heads = learn_cues(docs, args.min_seen, args.min_share), learn_heads(docs, args.min_heads)
    examples = load_examples(docs, scorer, ClaimScorer({}, 0.5, frozenset(cues), frozenset(heads)))
    print(json.dumps({"cues": len(cues), "readings": len(examples), "right": sum(e.label for e in examples)}))
    if args.cv:
        thresholds = tuple(float(t) for t in args.thresholds.split(","))
        print(json.dumps(cross_validate(examples, 5, thresholds, epochs=args.epochs, l2=args.l2, rate=args.rate)))
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        fit = {k: shipped["options"][k] for k in ("epochs", "l2", "rate")}
        lexicon = (cues, heads) == (shipped["cues"], shipped["source_heads"])
        same = lexicon and train(examples, **fit) == shipped["weights"]
        print(json.dumps({"reproduced": same, "data_sha256_matches":
                          shipped["provenance"]["data_sha256"] == data_hash(args.split)}))
        return 0 if same else 1
    if args.write:
        data = write_model(args, scorer, examples, options, cues, heads)
        args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(json.dumps(data["provenance"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
