"""Train a binary logistic model over feature names in pure Python (AdaGrad, L2, fixed seed)."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass


@dataclass
class Example:
    """One reading: its document, feature names and whether it is right."""

    doc: str
    feats: list[str]
    label: bool


def train(examples: list[Example], epochs: int = 10, rate: float = 0.1, l2: float = 1e-3,
          seed: int = 0) -> dict[str, float]:
    """Return feature weights maximising the likelihood of the labels."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            _step(examples[i], weights, squares, rate, l2)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}


def probability(weights: dict[str, float], feats: list[str]) -> float:
    """Return the model's probability for one feature list."""
    score = sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _step(example: Example, weights, squares, rate, l2) -> None:
    g = probability(weights, example.feats) - example.label  # d(-log likelihood)/d(score)
    for f in example.feats:
        w = weights.get(f, 0.0)
        grad = g + l2 * w
        squares[f] = squares.get(f, 0.0) + grad * grad
        weights[f] = w - rate * grad / (math.sqrt(squares[f]) + 1e-8)


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
