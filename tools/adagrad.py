"""One AdaGrad fit over feature-name weights (L2, fixed seed), shared by the shipped models' trainers."""
from __future__ import annotations

import math
import random


def fit(items: list, gradients, epochs: int, rate: float, l2: float, seed: int) -> dict[str, float]:
    """Return rounded weights after `epochs` shuffled passes; `gradients(item, weights)` gives (feature, g) pairs."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(items)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            update(weights, squares, gradients(items[i], weights), rate, l2)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}


def update(weights: dict[str, float], squares: dict[str, float], pairs, rate: float, l2: float) -> None:
    """Apply one AdaGrad step per (feature, gradient) pair, in order (a repeated feature steps twice)."""
    for f, g in pairs:
        w = weights.get(f, 0.0)
        g += l2 * w
        squares[f] = squares.get(f, 0.0) + g * g
        weights[f] = w - rate * g / (math.sqrt(squares[f]) + 1e-8)
