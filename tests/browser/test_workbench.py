"""The journalist's workbench in a real browser: histogram bars, excluded values, the phone layout, who said what."""
from __future__ import annotations

import re
from urllib.parse import unquote

from .test_browser import total


def test_a_histogram_bar_filters_to_its_period(page, base_url):
    page.goto(base_url + "/?kind=article")
    bars = page.locator("figure.histogram svg a")
    assert bars.count() > 1
    counts = [int(bars.nth(i).get_attribute("data-count")) for i in range(bars.count())]
    assert sum(counts) == total(page)
    busiest = bars.nth(counts.index(max(counts)))
    start, end = busiest.get_attribute("data-start"), busiest.get_attribute("data-end")
    assert busiest.get_attribute("aria-label").endswith(f"{max(counts)} results")
    busiest.click()
    page.wait_for_url(re.compile(rf"from={start}&to={end}"))
    assert total(page) == max(counts)
    assert page.locator("#from").input_value() == start and page.locator("#to").input_value() == end
    assert not page.watch.errors


def test_the_histogram_reads_without_javascript(nojs, base_url):
    nojs.goto(base_url + "/?kind=article")
    nojs.locator(".histogram-counts summary").click()
    rows = nojs.locator(".histogram-counts tbody tr")
    assert rows.count() >= 1
    assert sum(int(rows.nth(i).locator("td").nth(2).inner_text()) for i in range(rows.count())) == total(nojs)


def test_excluding_a_value_then_removing_its_chip(page, base_url):
    page.goto(base_url + "/?q=harbour")
    before = total(page)
    item = page.locator('section.facet[data-facet="source"] li', has=page.locator('a[data-value="daily.example"]'))
    daily = int(item.locator(".count").inner_text())
    item.get_by_role("link", name="Exclude source daily.example").click()
    page.wait_for_url(re.compile(r"exclude_source=daily\.example"))
    assert total(page) == before - daily
    assert "daily.example" not in {s.inner_text() for s in page.locator("li.hit .source").all()}
    chip = page.locator(".chips .chip.excluded")
    assert chip.count() == 1 and "daily.example" in chip.inner_text() and "not" in chip.inner_text().lower()
    chip.locator("a").click()
    page.wait_for_load_state()
    assert "exclude_source" not in page.url and total(page) == before
    assert not page.watch.errors


def test_first_result_is_visible_on_a_390px_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    try:
        phone.goto(base_url + "/?q=harbour")
        first = phone.locator("li.hit").first.bounding_box()
        assert first["y"] + 60 < 844, first  # its first lines show without scrolling
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.locator(".to-filters a").click()  # the filters are one tap away
        assert phone.locator("#filters").bounding_box()["y"] < 844
    finally:
        context.close()


def test_article_shows_who_said_each_statement(phone, base_url):
    statements = phone.request.get(base_url + "/api/articles/daily1").json()["statements"]
    speaker_of = {s["id"].rsplit("#", 1)[1]: s.get("speaker") or "speaker unknown" for s in statements}
    phone.goto(base_url + "/articles/daily1")
    marks = phone.locator(".text mark.stmt")
    assert marks.count() >= 1
    for i in range(marks.count()):
        label = marks.nth(i).locator("xpath=following-sibling::*[1]")
        assert "by" in label.get_attribute("class").split() and label.is_visible()
        assert speaker_of[marks.nth(i).get_attribute("id")] in label.inner_text()
    name, sid = next((s["speaker"], s["speaker_id"]) for s in statements if s.get("speaker_id"))
    group = phone.locator(".by-speaker .speaker-group", has=phone.locator("h3 a", has_text=name))
    assert unquote(group.locator("h3 a").get_attribute("href")) == f"/speakers/{sid}"  # a person's page, by id
    group.locator("li > a").first.click()  # the list links to the statement in the text
    phone.wait_for_url(re.compile(r"#[qcf]\d+$"))
    assert phone.locator(":target").evaluate("el => el.tagName") == "MARK"


def test_results_page_links_its_atom_feed(page, base_url):
    page.goto(base_url + "/?q=harbour&kind=quote")
    href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert page.get_by_role("link", name="Atom feed of this search").get_attribute("href") == href
    response = page.request.get(base_url + href)
    assert response.ok and "<feed" in response.text() and response.text().count("<entry>") == total(page)
