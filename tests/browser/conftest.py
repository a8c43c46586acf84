"""Fixtures for the browser tests: a small corpus served by waitress, driven by Chromium."""
from __future__ import annotations

import pytest

from search.index import indexer

from .corpus import write_corpus
from .server import CHROMIUM, launch_chromium, serving

@pytest.fixture(scope="session")
def base_url(browser, tmp_path_factory):
    """The URL of the real app serving the browser-test corpus."""
    root = tmp_path_factory.mktemp("browser")
    indexer.build(write_corpus(root / "corpus"), root / "index")
    with serving(root / "index") as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """System Chromium driven by Playwright; every browser test is skipped when either is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium "
                    "(.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    with sync_api.sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it should not: dialogs opened, script errors thrown."""

    def __init__(self, page):
        self.dialogs, self.errors = [], []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def _page(browser, **options):
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.watch = Watch(page)
    return context, page


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page; ``page.watch`` records dialogs and script errors."""
    context, page = _page(browser, viewport={"width": 1200, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A phone-width page."""
    context, page = _page(browser, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def nojs(browser):
    """A page with JavaScript disabled."""
    context, page = _page(browser, viewport={"width": 1200, "height": 900}, java_script_enabled=False)
    yield page
    context.close()
