"""Steps extraction takes, counted by kind inside `counting()`, so a test can check work grows linearly."""
from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

# Scoped like decimal's context: nothing is counted, and nothing kept, outside `counting()`.
_STEPS: ContextVar[Counter | None] = ContextVar("extract_steps", default=None)


@contextmanager
def counting() -> Iterator[Counter]:
    """Count the steps of the extraction run inside the block, by kind."""
    steps: Counter = Counter()
    token = _STEPS.set(steps)
    try:
        yield steps
    finally:
        _STEPS.reset(token)


def step(kind: str, count: int = 1) -> None:
    """Count ``count`` steps of one kind (marks paired, tokens read, candidates scored...)."""
    steps = _STEPS.get()
    if steps is not None:
        steps[kind] += count
