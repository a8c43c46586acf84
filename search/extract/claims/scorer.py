"""A learned check on loose claim readings: a logistic model over the reading's features, pure Python."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from ..lexicon.verbs import ADJUNCT_HEADS, classes_of, is_participle
from ..lexicon.words import PRONOUNS
from ..text.phrases import QUOTE_MARKS
from ..text.sentences import Token

WEIGHTS_FILE = "claim_scorer.json"


def _bucket(n: int) -> str:
    """Return a coarse size label: lengths matter by order, not exactly."""
    for top, label in ((1, "1"), (3, "2-3"), (6, "4-6"), (12, "7-12"), (25, "13-25")):
        if n <= top:
            return label
    return "26+"


def _shape(tok: Token | None) -> str:
    """Return a word's kind: a pronoun, a capitalised word, a lower word, punctuation or the edge."""
    if tok is None:
        return "EDGE"
    word = tok.text
    if word.lower() in PRONOUNS:
        return "PRON"
    if word in QUOTE_MARKS:
        return "QUOTE"
    if not word[:1].isalnum():
        return word
    return "CAP" if word[:1].isupper() else "NUM" if word[:1].isdigit() else "low"


def reading_features(toks: list[Token], k: int, size: int, cue: str, lo: int, hi: int,
                     source: tuple[int, int], subject: bool) -> list[str]:
    """Return the feature names of one loose reading: cue k..k+size asserts toks[lo:hi], by source."""
    before = toks[k - 1] if k else None
    after = toks[k + size] if k + size < len(toks) else None
    first = toks[lo]
    words = sum(t.text[:1].isalnum() for t in toks[lo:hi])
    source_words = [t for t in toks if source[0] <= t.start and t.end <= source[1]]
    feats = [
        "bias", f"cue={cue}", f"before={before.lower if before else 'EDGE'}", f"before_shape={_shape(before)}",
        f"after={after.lower if after else 'EDGE'}", f"after_shape={_shape(after)}",
        f"first={first.lower}", f"first_shape={_shape(first)}", f"gap={_bucket(lo - k - size)}",
        f"words={_bucket(words)}", f"subject={subject}", f"source_words={_bucket(len(source_words))}",
        f"source_shape={_shape(source_words[0] if source_words else None)}",
        f"cue_after={cue}|{after.lower if after else 'EDGE'}",
        f"ends={toks[hi].text if hi < len(toks) else 'EDGE'}", f"position={_bucket(k)}",
        f"participle={is_participle(cue)}", f"source_after={source[0] > toks[k].start}",
        f"quoted={any(t.text in QUOTE_MARKS for t in toks[lo:hi])}",
        f"source_first={source_words[0].lower if source_words else 'NONE'}",
        f"source_last={source_words[-1].lower if source_words else 'NONE'}",
        f"adjunct={first.lower in ADJUNCT_HEADS}",
        f"first_pair={first.lower}|{_shape(toks[lo + 1] if lo + 1 < len(toks) else None)}",
    ]
    feats += [f"class={c}" for c in sorted(classes_of(cue))] or ["class=none"]
    return feats


def learned_cue_at(toks: list[Token], k: int, cues: frozenset[str]) -> int:
    """Return how many tokens form a learned cue at k ('attacks on', 'endorsement'), 0 if none."""
    word = toks[k].text
    if not word[:1].islower():
        return 0  # a capitalised word starts a name or sentence: 'Backing Trump ...' is read by the rules
    lower = word.lower()
    if k + 1 < len(toks) and f"{lower} {toks[k + 1].lower}" in cues:
        return 2
    return 1 if lower in cues else 0


@dataclass(frozen=True)
class ClaimScorer:
    """Feature weights, the probability a reading must reach to be kept, and cue and source words learned from data."""

    weights: dict[str, float]
    threshold: float = 0.5
    cues: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()  # lower-case words that end a source in the training data

    def probability(self, feats: list[str]) -> float:
        """Return the model's probability that the reading is an annotated claim with its source."""
        score = sum(map(self.weights.get, feats, repeat(0.0)))  # in feature order, as a generator summed them
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def keeps(self, feats: list[str], claim=None) -> bool:
        """Return True when the reading is likely enough to be a claim (a recorder also reads the claim)."""
        return self.probability(feats) >= self.threshold


def load_scorer(data: dict) -> ClaimScorer:
    """Return a ClaimScorer from its JSON form ({"weights": {...}, "threshold": t})."""
    return ClaimScorer({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("threshold", 0.5)),
                       frozenset(data.get("cues", {})), frozenset(data.get("source_heads", ())))


@lru_cache(maxsize=1)
def default_scorer() -> ClaimScorer:
    """Return the scorer trained on PolNeAR train, shipped beside this module."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return load_scorer(json.loads(text))
