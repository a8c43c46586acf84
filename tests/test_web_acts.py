"""Acts ('endorsed the plan') are labelled as such and never listed as claims on speaker pages."""
from __future__ import annotations

import pytest

from search.index import indexer
from web import create_app

ARTICLE = """Harbour plan wins backing

Mayor Maria Okafor said the harbour bridge would reopen in June after repairs.

Ms Okafor endorsed the harbour plan at a council meeting on Tuesday.
"""
ACT_TEXT = "the harbour plan at a council meeting on Tuesday"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("acts-corpus")
    (corpus / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    root = tmp_path_factory.mktemp("acts-index")
    indexer.build(corpus, root)
    return create_app({"TESTING": True, "INDEX": str(root)}).test_client()


def okafor(client) -> dict:
    hits = client.get("/api/search?q=harbour&kind=claim").get_json()["hits"]
    return next(h for h in hits if h.get("speaker") == "Maria Okafor" and h["text"] == ACT_TEXT)


def test_an_act_is_searchable_and_labelled_on_hits(client):
    hit = okafor(client)
    assert hit["form"] == "act"
    html = client.get("/?q=council+meeting&kind=claim").get_data(as_text=True)
    assert '<span class="kind">act</span>' in html


def test_a_speaker_page_lists_acts_apart_from_claims(client):
    sid = okafor(client)["speaker_id"]
    data = client.get(f"/api/speakers/{sid}").get_json()
    assert ACT_TEXT not in [s["text"] for s in data["statements"]]
    assert [a["text"] for a in data["acts"]] == [ACT_TEXT] and data["acts_total"] == 1
    html = client.get(f"/speakers/{sid}").get_data(as_text=True)
    statements, acts = html.split('<h2 id="acts">')
    assert ACT_TEXT not in statements and ACT_TEXT in acts


def test_an_article_page_labels_an_act(client):
    html = client.get("/articles/harbour").get_data(as_text=True)
    assert '<span class="by-kind">act</span> Maria Okafor' in html
