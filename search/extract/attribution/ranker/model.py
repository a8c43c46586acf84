"""A learned speaker-mention ranker: a linear model over candidate features, pure Python."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from importlib import resources

from .candidates import candidates
from ..context import Attribution, Context
from ..rules import trusts
from .features import candidate_features, quote_flags
from ...quotes.spans import Found

WEIGHTS_FILE = "speaker_ranker.json"
SCORES_KEPT = 50_000  # distinct feature sets whose score is remembered (memory stays bounded)


@dataclass(frozen=True)
class Ranker:
    """Feature weights and the margin a candidate must beat the rule pick by to replace it."""

    weights: dict[str, float]
    margin: float = 0.0
    _scores: dict = field(default_factory=dict, compare=False, repr=False)  # by feature tuple: candidates repeat

    def score(self, feats: tuple[str, ...]) -> float:
        """Return the linear score of one candidate's features."""
        found = self._scores.get(feats)
        if found is None:
            found = sum(map(self.weights.get, feats, repeat(0.0)))  # in feature order, as the trainer sums
            if len(self._scores) >= SCORES_KEPT:
                self._scores.clear()
            self._scores[feats] = found
        return found

    def choose(self, ctx: Context, quote: Found, rule: Attribution | None,
               cache: dict | None = None) -> Attribution | None:
        """Return the best-scoring mention for the quote, or the rule pick when unsure."""
        if trusts(ctx, quote, rule):
            return rule
        cands = candidates(ctx, quote, rule, cache)
        if not cands:
            return rule
        feats = candidate_features(ctx, quote, cands, quote_flags(ctx, quote, rule), cache)
        scores = [self.score(f) for f in feats]
        best = max(range(len(cands)), key=scores.__getitem__)
        pick = cands[best]
        if pick.is_rule:
            return rule
        ruled = [s for c, s in zip(cands, scores) if c.is_rule]
        if ruled and scores[best] - ruled[0] <= self.margin:
            return rule
        # The cue is the quote's verb of saying, which stays when the ranker moves the mention.
        return Attribution(pick.start, pick.end, rule.cue if rule else None)


class RulePick:
    """The ranker's stand-in that keeps the rules' pick (for measuring and training)."""

    def choose(self, ctx, quote, rule, cache=None):
        """Return the rule pick unchanged."""
        return rule


def load_ranker(data: dict) -> Ranker:
    """Return a Ranker from its JSON form ({"weights": {...}, "margin": m})."""
    return Ranker({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("margin", 0.0)))


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """Return the ranker trained on PolNeAR train, shipped beside this module."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return load_ranker(json.loads(text))
