"""A request's time budget: matching and ranking stop when it is spent or the client has gone, and the page says so."""
from __future__ import annotations

import time

SEARCH_SECONDS = 3.0  # for finding and ranking the matches of one search
# The deadline is asked at every document; asking whether the client has gone may be a system
# call, so it is asked once per this many questions.
CANCEL_EVERY = 1024


class Deadline:
    """Called, says whether the budget is spent or ``cancelled()`` said True; remembers it, for the page's note."""

    def __init__(self, seconds: float, cancelled=None):
        self.seconds = seconds
        self._at = time.monotonic() + seconds
        self._cancelled, self._asked = cancelled, 0
        self.hit = False
        self.cancelled = False

    def __call__(self) -> bool:
        """Return True once the budget is spent or the request was cancelled."""
        if not self.hit:
            self.hit = time.monotonic() >= self._at or self._cancel_asked()
        return self.hit

    def _cancel_asked(self) -> bool:
        if self._cancelled is None:
            return False
        self._asked += 1
        if (self._asked - 1) % CANCEL_EVERY == 0 and self._cancelled():  # the first question asks too
            self.cancelled = True
        return self.cancelled

    def note(self) -> str:
        """Return the line that tells the user the page is incomplete."""
        if self.cancelled:
            return "The request was cancelled (the client went away): the results and counts may be incomplete."
        return (f"The search took longer than {self.seconds:g} s and was stopped: "
                "the results and counts may be incomplete.")
