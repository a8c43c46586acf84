"""A request's time budget: matching and ranking stop when it is spent, and the page says so."""
from __future__ import annotations

import time

SEARCH_SECONDS = 3.0  # for finding and ranking the matches of one search


class Deadline:
    """Called, says whether the budget is spent; remembers that it was, for the page's note."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._at = time.monotonic() + seconds
        self.hit = False

    def __call__(self) -> bool:
        """Return True once the budget is spent."""
        if not self.hit and time.monotonic() >= self._at:
            self.hit = True
        return self.hit

    def note(self) -> str:
        """Return the line that tells the user the page is incomplete."""
        return (f"The search took longer than {self.seconds:g} s and was stopped: "
                "the results and counts may be incomplete.")
