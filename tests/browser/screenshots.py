"""Refresh the README's screenshots: `python -m tests.browser.screenshots` (needs Chromium)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from search.index import indexer

from .server import CHROMIUM, ROOT, launch_chromium, serving

DOCS = ROOT / "docs"
SHOTS = {
    "search.png": "/?q=Matsegora&kind=quote&kind=claim",
    "article.png": "/articles/002_9edff2facc8fa178#q1",
}


def main() -> int:
    """Index the seeds into a temporary folder, serve them and save the screenshots."""
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        indexer.build(ROOT / "seeds", Path(tmp) / "index")
        browser = launch_chromium(playwright)
        with serving(Path(tmp) / "index") as base:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            for name, path in SHOTS.items():
                page.goto(base + path)
                page.wait_for_load_state("load")
                page.screenshot(path=str(DOCS / name), full_page=name == "article.png")
                print(f"saved docs/{name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
