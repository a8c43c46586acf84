"""Refresh the README's screenshots: `make screenshots` (needs Chromium); every image the README shows is made here."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from search.index import indexer

from .corpus import write_corpus
from .server import CHROMIUM, ROOT, launch_chromium, serving

DOCS = ROOT / "docs"
DESKTOP, PHONE = (1100, 900), (390, 844)
# The seeds are undated; the browser-test corpus (our own dated texts) shows the date histogram.
CORPORA = {"seeds": lambda tmp: ROOT / "seeds", "dated": lambda tmp: write_corpus(tmp / "dated")}
SHOTS = {  # name: (corpus, path, viewport, whole page)
    "search.png": ("seeds", "/?q=Matsegora&kind=quote&kind=claim", DESKTOP, False),
    "article.png": ("seeds", "/articles/002_9edff2facc8fa178#q1", DESKTOP, True),
    "phone.png": ("seeds", "/?q=Matsegora&exclude_kind=article", PHONE, False),
    "compare-quote.png": ("seeds", "/quotes/000_1c0211945ba58556/q1", DESKTOP, False),
    "histogram.png": ("dated", "/?q=bridge&exclude_source=herald.example", DESKTOP, False),
}


def main() -> int:
    """Index each corpus into a temporary folder, serve it and save its screenshots."""
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for corpus, make in CORPORA.items():
            index = Path(tmp) / f"index-{corpus}"
            indexer.build(make(Path(tmp)), index)
            with serving(index) as base:
                for name, (wanted, path, (width, height), whole) in SHOTS.items():
                    if wanted == corpus:
                        shoot(browser, base + path, DOCS / name, width, height, whole)
        browser.close()
    return 0


def shoot(browser, url: str, target: Path, width: int, height: int, whole: bool) -> None:
    """Save one screenshot of ``url``."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_load_state("load")
    page.screenshot(path=str(target), full_page=whole)
    page.close()
    print(f"saved docs/{target.name}")


if __name__ == "__main__":
    sys.exit(main())
