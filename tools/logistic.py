"""Train a binary logistic model over feature names in pure Python (AdaGrad, L2, fixed seed)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from tools.adagrad import fit


@dataclass
class Example:
    """One reading: its document, feature names and whether it is right."""

    doc: str
    feats: list[str]
    label: bool


def train(examples: list[Example], epochs: int = 10, rate: float = 0.1, l2: float = 1e-3,
          seed: int = 0) -> dict[str, float]:
    """Return feature weights maximising the likelihood of the labels."""
    return fit(examples, _gradients, epochs, rate, l2, seed)


def probability(weights: dict[str, float], feats: list[str]) -> float:
    """Return the model's probability for one feature list."""
    score = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _gradients(example: Example, weights: dict[str, float]) -> list[tuple[str, float]]:
    g = probability(weights, example.feats) - example.label  # d(-log likelihood)/d(score)
    return [(f, g) for f in example.feats]


def folds(examples: list[Example], k: int) -> list[tuple[list[Example], list[Example]]]:
    """Split by document into k folds: (train, held out) pairs."""
    docs = sorted({e.doc for e in examples})
    part = {d: i % k for i, d in enumerate(docs)}
    return [([e for e in examples if part[e.doc] != f], [e for e in examples if part[e.doc] == f]) for f in range(k)]


def cross_validate(examples: list[Example], k: int, thresholds, **options) -> dict:
    """Return held-out precision, kept and right counts per threshold."""
    held = []
    for train_part, test_part in folds(examples, k):
        weights = train(train_part, **options)
        held += [(probability(weights, e.feats), e.label) for e in test_part]
    right = sum(label for _, label in held)
    out = {}
    for t in thresholds:
        kept = [label for p, label in held if p >= t]
        out[str(t)] = {"kept": len(kept), "right": sum(kept), "precision": round(sum(kept) / max(1, len(kept)), 3),
                       "share_of_right": round(sum(kept) / max(1, right), 3)}
    return out
