"""Helpers shared by the tests; each test module imports what it needs from here, never another test module."""
from __future__ import annotations

import threading
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Corpora and files (SETTINGS helper). Process helpers (psutil trees, CLI subprocesses) belong in
# their own section below.
# ---------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPEAKERS = ("Jane Harbour", "Omar Quayside", "Lena Tidewater", "Piet Marina")


def write(path: Path, content, mode: str = "w") -> Path:
    """Write text or bytes to path, creating parents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def synthetic_corpus(root: Path, count: int) -> Path:
    """Write `count` distinct small articles with quotes and figures, big enough to index slowly."""
    for n in range(count):
        who = SPEAKERS[n % len(SPEAKERS)]
        paragraphs = [f"Harbour plan vote {n} splits the council"]
        paragraphs += [f"{who} said \"the harbour plan number {n} part {k} will bring {n * 7 + k} jobs "
                       f"to the town of Portwick{n % 13}\" at a meeting on Monday, adding that the cost "
                       f"was about {k + 2} million pounds for stage {k} of {n}." for k in range(6)]
        write(root / f"batch{n % 10}" / f"{n:04d}.txt", "\n\n".join(paragraphs) + "\n")
    return root


# ---------------------------------------------------------------------------------------------
# Waiting on events instead of sleeping (SETTINGS helper).
# ---------------------------------------------------------------------------------------------

class Rounds:
    """Count finished rounds of work in other threads; let a test wait for more of them, never sleep."""

    def __init__(self):
        self._done, self._changed = 0, threading.Condition()

    def finished(self) -> None:
        """Record one more finished round."""
        with self._changed:
            self._done += 1
            self._changed.notify_all()

    def wait_for(self, more: int, timeout: float = 60) -> bool:
        """Wait until ``more`` rounds finish after now; False if ``timeout`` seconds pass first."""
        with self._changed:
            target = self._done + more
            return self._changed.wait_for(lambda: self._done >= target, timeout)


# ---------------------------------------------------------------------------------------------
# Processes (SERVE helper's section goes here).
# ---------------------------------------------------------------------------------------------
