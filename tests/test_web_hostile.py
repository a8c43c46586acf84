"""Hostile input and clients on the web pages: junk parameters, odd ids and names, bidi text, OPTIONS, Host."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest
from werkzeug.datastructures import MultiDict

from search.index import indexer
from search.render.export import neutralise
from tests.helpers import write
from web import create_app
from web.urls import with_args

RLO = "\u202e"
STORY = ("Harbour story\n\nThe harbour master said \u201cthe pier stays open for every boat in the fleet "
         "until the storms end {rlo}fdp.exe\u201d on Monday.\n\n"
         "Fishermen welcomed the harbour decision and the boats stayed.\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    # A file name that is not UTF-8 (Latin-1 "café"), read by the OS as bytes.
    with open(os.fsencode(corpus) + b"/caf\xe9 harbour.txt", "w", encoding="utf-8") as handle:
        handle.write(STORY.format(rlo=RLO))
    write(corpus / "feed.jsonl", json.dumps({"id": "../../evil", "title": "Dotted harbour", "source": "a.example",
                                             "text": "The harbour pilot said \u201cwe sail at dawn\u201d."}) + "\n")
    write(corpus / "sheet.md", "---\ntitle: \uff1dHYPERLINK(\"http://x.example\") harbour\nauthor: \uff20boss\n---\n\n"
                               "Harbour notes for the crew, written on Tuesday.\n")
    indexer.build(corpus, root / "index")
    return create_app({"TESTING": True, "INDEX": str(root / "index")}).test_client()


def test_unknown_parameters_are_refused_and_never_echoed(client):
    junk = "x" * 5000
    refused = client.get(f"/api/search?q=harbour&junk={junk}&source=a.example")
    assert refused.status_code == 400 and "'junk'" in refused.get_json()["error"]["message"]
    assert len(refused.get_data()) < 2000  # the message names the parameter, never echoes its value
    page = client.get(f"/?q=harbour&junk={junk}")
    assert page.status_code == 400 and "&#39;junk&#39;" in page.get_data(as_text=True)
    assert junk not in page.get_data(as_text=True)


def test_links_carry_only_parameters_some_page_reads():
    assert with_args("/", MultiDict([("q", "harbour"), ("junk", "x" * 5000)]), page=2) == "/?q=harbour&page=2"


def test_article_page_with_a_non_utf8_file_name(client):
    hit = next(h for h in client.get("/api/search?kind=article&q=fishermen").get_json()["hits"])
    response = client.get(f"/articles/{hit['id']}")
    assert response.status_code == 200 and "caf\ufffd harbour.txt" in response.get_data(as_text=True)
    assert client.get(f"/api/articles/{hit['id']}").status_code == 200


def test_jsonl_ids_have_no_dot_segments(client):
    hit = client.get("/api/search?kind=article&q=pilot").get_json()["hits"][0]
    assert ".." not in hit["id"].split("/") and hit["id"] == "feed/evil"
    assert client.get(f"/articles/{hit['id']}").status_code == 200


def test_bidi_controls_are_neutralised_in_pages_and_kept_in_json(client):
    hit = next(h for h in client.get("/api/search?kind=article&q=fishermen").get_json()["hits"])
    data = client.get(f"/api/articles/{hit['id']}").get_json()
    quote = next(s for s in data["statements"] if RLO in (s["text"] or ""))
    for url in (f"/articles/{hit['id']}", "/?q=storms"):
        html = client.get(url).get_data(as_text=True)
        assert RLO not in html and "end \ufffdfdp.exe" in html, url
    # the quote is still marked at its offsets: same length as the stored text
    html = client.get(f"/articles/{hit['id']}").get_data(as_text=True)
    assert f">{quote['text'].replace(RLO, chr(0xFFFD))}</mark>" in html


def test_csv_neutralises_full_width_formula_starts(client):
    text = client.get("/api/export.csv?kind=article&q=crew").get_data(as_text=True)
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title"].startswith("'\uff1dHYPERLINK") and row["author"] == "'\uff20boss"


@pytest.mark.parametrize("value", ["\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20A1", "\ufe661", "=1", "\t=1"])
def test_formula_look_alikes_get_an_apostrophe(value):
    assert neutralise(value) == "'" + value


def test_plain_and_full_width_letters_are_left_alone():
    assert neutralise("\uff41bc") == "\uff41bc" and neutralise("harbour") == "harbour" and neutralise(None) == ""


@pytest.mark.parametrize("path", ["/", "/api/search", "/articles/feed/evil", "/api/quotes/x/q1"])
def test_options_is_405_with_allow(client, path):
    response = client.open(path, method="OPTIONS")
    assert response.status_code == 405 and response.headers["Allow"] == "GET, HEAD"


def test_post_405_names_the_allowed_methods(client):
    response = client.post("/api/search")
    assert response.status_code == 405 and response.headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("path, target", [("/api//search?q=x", "/api/search?q=x"),
                                          ("/articles//feed/evil", "/articles/feed/evil")])
def test_redirects_are_relative_whatever_the_host_header(client, path, target):
    response = client.get(path, headers={"Host": "attacker.example"})
    assert response.status_code in (301, 308) and response.headers["Location"] == target
