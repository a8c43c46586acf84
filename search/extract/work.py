"""Steps extraction takes, counted by kind, so a test can check the work grows linearly with text."""
from __future__ import annotations

from collections import Counter

STEPS: Counter = Counter()


def step(kind: str, count: int = 1) -> None:
    """Count ``count`` steps of one kind (marks paired, tokens read, candidates scored...)."""
    STEPS[kind] += count
