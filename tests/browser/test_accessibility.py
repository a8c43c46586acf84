"""axe-core (pinned in package.json, installed by `make test`) finds no serious or critical problem on the main pages."""
from __future__ import annotations

import pytest

from .server import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")


@pytest.fixture
def axe_page(browser):
    """A page that lets axe's script in (the app's CSP refuses inline scripts, rightly)."""
    if not AXE.exists():
        pytest.skip(f"axe-core missing at {AXE}: `make test` installs it with npm (npm not found or not run)")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, bypass_csp=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def severe_violations(page, url: str) -> list[str]:
    """Open ``url``, run axe over the whole page and return its serious and critical findings."""
    page.goto(url)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in SEVERE]


def statement_pages(page, base_url) -> list[str]:
    """Return the quote page and speaker page the app links to, found as a user would find them."""
    page.goto(base_url + "/articles/daily1")
    speaker = page.locator(".by-speaker h3 a").first.get_attribute("href")
    versions = page.locator(".by-speaker a.versions-link").first.get_attribute("href")
    return [versions, speaker]


def test_main_pages_have_no_serious_accessibility_problems(axe_page, base_url):
    paths = ["/?q=harbour", "/?q=harbour&exclude_source=daily.example&kind=quote", "/articles/daily1",
             "/speakers", "/sources", "/disagreements", *statement_pages(axe_page, base_url)]
    found = {path: severe_violations(axe_page, base_url + path) for path in paths}
    assert {path: problems for path, problems in found.items() if problems} == {}
