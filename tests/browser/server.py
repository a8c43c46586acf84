"""Run the real app (`python -m search.cli serve`, waitress) on a free port, and Chromium."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from tests.helpers import Served

CHROMIUM = Path(os.environ.get("CLAIMSEARCH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def serving(index: Path, startup_seconds: float = 30):
    """Serve ``index`` with waitress (one process) in a subprocess; yield the base URL."""
    with Served(index, "--workers", "1", startup=startup_seconds) as server:
        yield server.base


def launch_chromium(playwright):
    """Launch the system Chromium headless (Playwright's own browser download is unavailable)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
