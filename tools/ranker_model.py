"""Train a conditional-logit mention ranker in pure Python (AdaGrad, L2, marginal likelihood)."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass

from tools.adagrad import fit


@dataclass
class Group:
    """One quote: each candidate's feature names, which candidates are right, which is the rule's."""

    doc: str
    feats: list[list[str]]
    labels: list[bool]
    rule: int | None  # index of the rule pick among the candidates
    trusted: bool = False  # the ranker keeps this rule pick (see search/extract/attribution/ranker/model.py)


def train(groups: list[Group], epochs: int = 8, rate: float = 0.2, l2: float = 1e-4,
          seed: int = 0) -> dict[str, float]:
    """Return feature weights maximising the likelihood of some right candidate per quote."""
    usable = [g for g in groups if any(g.labels) and not all(g.labels) and not g.trusted]
    return fit(usable, _gradients, epochs, rate, l2, seed)


def _gradients(group: Group, weights: dict[str, float]) -> list[tuple[str, float]]:
    scores = [sum(weights.get(f, 0.0) for f in feats) for feats in group.feats]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    right = sum(e for e, y in zip(exp, group.labels) if y)
    grads: dict[str, float] = {}
    for feats, e, y in zip(group.feats, exp, group.labels):
        # d(-log P(right))/d(score): model share minus share within the right ones.
        g = e / total - (e / right if y else 0.0)
        if g:
            for f in feats:
                grads[f] = grads.get(f, 0.0) + g
    return list(grads.items())


def pick(group: Group, weights: dict[str, float], margin: float) -> int | None:
    """Return the chosen candidate index (the rule pick unless another beats it by margin)."""
    if group.trusted or not group.feats:
        return group.rule
    scores = [sum(weights.get(f, 0.0) for f in feats) for feats in group.feats]
    best = max(range(len(scores)), key=scores.__getitem__)
    if group.rule is not None and scores[best] - scores[group.rule] <= margin:
        return group.rule
    return best


def accuracy(groups: list[Group], weights: dict[str, float] | None, margin: float = 0.0) -> float:
    """Return the share of quotes whose chosen candidate is right (weights None: the rule pick)."""
    if not groups:
        return 0.0
    ok = 0
    for g in groups:
        i = g.rule if weights is None else pick(g, weights, margin)
        ok += i is not None and g.labels[i]
    return ok / len(groups)


def folds(groups: list[Group], k: int = 5, seed: int = 0) -> list[tuple[list[Group], list[Group]]]:
    """Return k (train, held-out) splits that keep each document's quotes together."""
    docs = sorted({g.doc for g in groups})
    random.Random(seed).shuffle(docs)
    fold_of = {d: i % k for i, d in enumerate(docs)}
    return [([g for g in groups if fold_of[g.doc] != i], [g for g in groups if fold_of[g.doc] == i])
            for i in range(k)]


def cross_validate(groups: list[Group], k: int = 5, margins=(0.0,), **options) -> dict:
    """Return out-of-fold accuracy per margin and the rule pick's, over the same quotes."""
    hits = {m: 0 for m in margins}
    for train_part, held in folds(groups, k):
        weights = train(train_part, **options)
        for m in margins:
            hits[m] += round(accuracy(held, weights, m) * len(held))
    return {"rule": accuracy(groups, None), "n": len(groups),
            **{f"margin={m}": hits[m] / len(groups) for m in margins}}
