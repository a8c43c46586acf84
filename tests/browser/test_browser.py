"""The search service in a real browser: the waitress server, system Chromium, Playwright."""
from __future__ import annotations

import re

from .corpus import EVIL_ID

MARK_BACKGROUND = "rgb(255, 229, 138)"  # --mark in style.css, which :target uses


def total(page) -> int:
    return int(re.match(r"\d+", page.locator("p.total").inner_text()).group())


def facet_counts(page, name: str) -> dict[str, int]:
    items = page.locator(f'section.facet[data-facet="{name}"] li')
    return {items.nth(i).locator("a").first.inner_text(): int(items.nth(i).locator(".count").inner_text())
            for i in range(items.count())}


def search(page, base_url, q: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Search quotes, claims, figures and articles").fill(q)
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()


def test_search_then_a_facet_changes_the_counts(page, base_url):
    search(page, base_url, "harbour")
    before_total, before_sources = total(page), facet_counts(page, "source")
    before_kinds = facet_counts(page, "kind")
    assert before_total > before_sources["herald.example"] > 0
    page.locator('section.facet[data-facet="source"] a', has_text="herald.example").click()
    page.wait_for_url(re.compile(r"source=herald\.example"))
    assert total(page) == before_sources["herald.example"]
    assert facet_counts(page, "kind") != before_kinds
    assert sum(facet_counts(page, "kind").values()) == total(page)
    link = page.locator('section.facet[data-facet="source"] a', has_text="herald.example")
    assert link.get_attribute("aria-current") == "true"
    assert {page.locator("li.hit .source").nth(i).inner_text() for i in range(page.locator("li.hit").count())} \
        == {"herald.example"}
    link.click()  # toggles the filter off again
    page.wait_for_load_state()
    assert total(page) == before_total and "source=" not in page.url
    assert not page.watch.errors


def test_result_leads_to_the_marked_passage(page, base_url):
    search(page, base_url, "money")
    link = page.locator("li.hit.kind-quote a.title").first
    anchor = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(rf"/articles/.+#{anchor}$"))
    target = page.locator(":target")
    assert target.count() == 1 and target.get_attribute("id") == anchor
    assert target.evaluate("el => el.tagName") == "MARK" and "money" in target.inner_text()
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == MARK_BACKGROUND
    assert page.evaluate("document.activeElement.id") == anchor  # app.js moves focus there
    assert page.locator(".by-speaker li").count() >= 1
    assert not page.watch.errors


def test_paging_through_every_result(page, base_url):
    page.goto(base_url + "/?q=harbour&per_page=3")
    expected, seen, pages = total(page), [], 0
    while True:
        pages += 1
        seen += [a.get_attribute("href") + "|" + a.inner_text() + "|" + s.inner_text()
                 for a, s in zip(page.locator("li.hit a.title").all(), page.locator("li.hit .snippet").all())]
        assert page.locator('.pager [aria-current="page"]').inner_text() == str(pages)
        following = page.locator('.pager a[rel="next"]')
        if not following.count():
            break
        following.click()
        page.wait_for_url(re.compile(rf"page={pages + 1}"))
    assert pages == -(-expected // 3) > 2 and len(seen) == len(set(seen)) == expected
    page.locator(".pager a", has_text="1").first.click()
    page.wait_for_url(re.compile(r"page=1\b"))
    assert page.locator('.pager [aria-current="page"]').inner_text() == "1"


def test_hostile_article_is_inert_everywhere(page, base_url):
    injected = "document.querySelectorAll('img, b, iframe, script:not([src]), [onerror], [onmouseover]').length"
    for path in ["/?q=harbour", "/?q=minister&kind=quote", f"/articles/{EVIL_ID}", "/speakers", "/sources"]:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.mouse.move(300, 300)
        assert page.evaluate(injected) == 0, path
        assert page.evaluate("[...document.links].filter(a => a.protocol === 'javascript:').length") == 0, path
    page.goto(f"{base_url}/articles/{EVIL_ID}")
    assert page.locator("h1").inner_text() == "<script>alert(1)</script> harbour exposé"
    assert "javascript:alert(3)" in page.locator(".article-meta").inner_text()
    page.goto(base_url + "/?q=harbour")
    assert page.locator('section.facet[data-facet="source"] a', has_text="<img src=x onerror=alert(2)>").count() == 1
    assert page.watch.dialogs == [] and not page.watch.errors


def test_broken_query_syntax_falls_back_with_a_note(page, base_url):
    search(page, base_url, '"harbour bridge')
    note = page.get_by_role("status").filter(has_text="Could not read the query syntax")
    assert "harbour bridge" in note.inner_text() and total(page) > 0
    assert page.get_by_label("Search quotes, claims, figures and articles").input_value() == '"harbour bridge'


def test_did_you_mean(page, base_url):
    search(page, base_url, "brigde")
    assert total(page) == 0
    page.locator(".suggestion a").click()
    page.wait_for_url(re.compile(r"q=bridge"))
    assert total(page) > 0


def test_keyboard_only(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("harbour")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=harbour"))
    page.focus("#sort")
    page.keyboard.press("ArrowDown")  # app.js submits the sort menu on change
    page.wait_for_url(re.compile(r"sort=newest"))
    for _ in range(60):  # tab along until a facet link has focus, then follow it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('section.facet') !== null"):
            break
    before = total(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"(source|speaker|kind|author|month)="))
    assert total(page) <= before


def test_works_without_javascript(nojs, base_url):
    search(nojs, base_url, "harbour")
    assert total(nojs) > 0
    nojs.locator('section.facet[data-facet="kind"] a', has_text="quote").click()
    nojs.wait_for_url(re.compile(r"kind=quote"))
    assert {nojs.locator("li.hit .kind").nth(i).inner_text().lower()
            for i in range(nojs.locator("li.hit").count())} == {"quote"}
    nojs.select_option("#sort", "oldest")
    nojs.get_by_role("button", name="Search", exact=True).click()
    nojs.wait_for_url(re.compile(r"sort=oldest"))
    assert "kind=quote" in nojs.url


def test_readable_at_phone_width(phone, base_url):
    for path in ["/?q=harbour", "/articles/daily1", "/speakers", "/sources"]:
        phone.goto(base_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
    phone.goto(base_url + "/?q=harbour")
    box = phone.locator("#q").bounding_box()
    assert box["width"] > 200
