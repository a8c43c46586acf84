"""Loading articles from each format, metadata inference and cleaning."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from search.errors import LoadError
from search.ingest import documents
from tests.helpers import write


def load_seed(seeds_dir, name):
    articles, skipped, warnings = documents.load_file(seeds_dir / name, seeds_dir)
    assert len(articles) == 1 and not skipped and not warnings
    return articles[0]


@pytest.mark.parametrize("name, title, author, source", [
    ("000_1c0211945ba58556.txt", "North Korea’s Military Support to Russia: A Complex Alliance", "Liam Avatar", None),
    ("001_2bbd235ae9a8e014.txt", "Russia Sends Soldiers to North Korea for Military Cooperation Disguised as "
     "Medical Treatment, ISW Reports", None, None),
    ("002_9edff2facc8fa178.txt", "Deepening North Korea-Russia Relations Amidst Ongoing Conflict", None, "newser.com"),
    ("003_904a09ff17ee81d7.txt", "Russia Sends Wounded Soldiers to North Korea: Implications of Military "
     "Collaboration", None, "businessinsider.com"),
    ("004_4c11fdb1b319dc2b.txt", "Hundreds of injured Russian soldiers treated in North Korea", None, None),
])
def test_seed_metadata(seeds_dir, name, title, author, source):
    article = load_seed(seeds_dir, name)
    assert (article.title, article.author, article.source) == (title, author, source)
    assert article.id == name[:-4]


@pytest.mark.parametrize("name", ["000_1c0211945ba58556.txt", "001_2bbd235ae9a8e014.txt",
                                  "004_4c11fdb1b319dc2b.txt"])
def test_no_paragraph_is_kept_twice(seeds_dir, name):
    article = load_seed(seeds_dir, name)
    texts = [" ".join(t.split()) for _, t in article.paragraph_texts()]
    assert len(texts) == len(set(texts))
    assert article.body.count(article.title) == 0  # the title is indexed once, in its own field


def test_teaser_lead_is_dropped_in_favour_of_the_full_paragraph(seeds_dir):
    article = load_seed(seeds_dir, "000_1c0211945ba58556.txt")
    assert article.body.count("dispatched approximately 12,000 soldiers") == 1
    assert "such as coal, food, and medicine" in article.body
    assert "such as…" not in article.body


@pytest.mark.parametrize("name, junk", [
    ("000_1c0211945ba58556.txt", "Liam Avatar"), ("001_2bbd235ae9a8e014.txt", "See all"),
    ("001_2bbd235ae9a8e014.txt", "2 min read"), ("001_2bbd235ae9a8e014.txt", "Latest news"),
    ("004_4c11fdb1b319dc2b.txt", "Kommentare (0)"), ("002_9edff2facc8fa178.txt", "Original Source"),
])
def test_boilerplate_is_not_indexed(seeds_dir, name, junk):
    article = load_seed(seeds_dir, name)
    assert junk not in article.body
    assert junk in article.text  # the text as read is untouched, so offsets stay valid


def test_paragraph_offsets_slice_the_file_as_read(seeds_dir):
    for path in documents.corpus_files(seeds_dir):
        article = documents.load_file(path, seeds_dir)[0][0]
        assert article.text == path.read_text(encoding="utf-8")
        for span, text in article.paragraph_texts():
            assert text == article.text[span.start:span.end] and text.strip() == text


def test_markdown_front_matter(tmp_path):
    path = write(tmp_path / "news" / "story.md", "---\ntitle: Hello <b>world</b>\nsource: https://www.example.org/x\n"
                 "author: [Ann Lee, Bo Chen]\ndate: 2025-02-11\nurl: https://example.org/story\n---\n\n"
                 "# Hello world\n\nThe *minister* said \"we will win\" on Monday.\n\nSecond paragraph.\n")
    [article], _, _ = documents.load_file(path, tmp_path)
    assert article.id == "news/story"
    assert (article.title, article.source, article.author) == ("Hello <b>world</b>", "example.org", "Ann Lee, Bo Chen")
    assert article.date == dt.date(2025, 2, 11) and article.url == "https://example.org/story"
    assert "The minister said" in article.body and "*" not in article.body
    first = article.paragraphs[1]
    assert article.text[first.start:first.end].startswith("The *minister*")


def test_markdown_broken_front_matter_is_a_load_error(tmp_path):
    path = write(tmp_path / "bad.md", "---\ntitle: [unclosed\n---\nBody text here.\n")
    with pytest.raises(LoadError, match="front matter"):
        documents.load_file(path, tmp_path)


def test_a_colon_in_an_unquoted_title_names_the_line_and_the_fix(tmp_path):
    path = write(tmp_path / "bad.md", "---\noutlet: Reuters\ntitle: Spain floods: 38 dead\n---\nBody text here.\n")
    with pytest.raises(LoadError, match=r"line 3: mapping values are not allowed.*in quotes"):
        documents.load_file(path, tmp_path)


def test_jsonl_records_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "First", "text": "Body one.\n\nSecond para.", "source": "www.bbc.co.uk",
                    "date": "11 February 2025", "author": "Jo"}),
        "{not json",
        json.dumps({"url": "https://example.com/b", "body": "Body two."}),
        json.dumps({"title": "no text"}),
        json.dumps(["a list"]),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, skipped, _ = documents.load_file(path, tmp_path)
    assert [a.id for a in articles][0] == "feed/a1"
    assert articles[0].source == "bbc.co.uk" and articles[0].date == dt.date(2025, 2, 11)
    assert articles[1].source == "example.com" and articles[1].id.startswith("feed/")
    assert [s.path for s in skipped] == ["feed.jsonl:2", "feed.jsonl:4", "feed.jsonl:5"]
    assert "malformed JSON" in skipped[0].reason and "no text" in skipped[1].reason


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"), (b"\x00\x01\x02binary\x00", "binary file"),
])
def test_unreadable_files_are_load_errors(tmp_path, content, reason):
    path = write(tmp_path / "x.txt", content)
    with pytest.raises(LoadError, match=reason):
        documents.load_file(path, tmp_path)


def test_non_utf8_falls_back_to_cp1252_with_a_warning(tmp_path):
    path = write(tmp_path / "x.txt", "Caf\u00e9 owners said \u201cwe are open\u201d.\n".encode("cp1252"))
    [article], _, warnings = documents.load_file(path, tmp_path)
    assert "Café" in article.text and "“we are open”" in article.text
    assert warnings and "cp1252" in warnings[0]


def test_plain_text_byline_and_dateline():
    article = documents.load_plain("Big news today\nBy Jane Doe\nPublished: 3 May 2024\n\nIt happened.\n", "a.txt")
    assert (article.title, article.author, article.date) == ("Big news today", "Jane Doe", dt.date(2024, 5, 3))
    assert "Jane Doe" not in article.body


@pytest.mark.parametrize("line, author, source", [
    ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
    ("By Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe", "Associated Press"),
    ("By Jane Doe | AP", "Jane Doe", "AP"),
    ("By Jane Doe, staff writer", "Jane Doe", None),  # a role, not an outlet
    ("By Jane Doe, Health Correspondent", "Jane Doe", None),
    ("By Jane Doe, Political Editor", "Jane Doe", None),
    ("By the way, this is text", None, None),
    ("By Edward White in Shanghai", "Edward White", None),  # where the reporter files from
    ("By Edward White in Hong Kong and Joe Leahy in Beijing", "Edward White and Joe Leahy", None),
])
def test_a_byline_credits_the_author_and_the_outlet_after_them(line, author, source):
    article = documents.load_plain(f"Big news today\n\n{line}\n\nIt happened.\n", "a.txt")
    assert (article.author, article.source) == (author, source)
    assert (line in article.body) is (author is None)


@pytest.mark.parametrize("lead, source", [
    ("WASHINGTON (AP) — Senate Democrats said Thursday that a deal was near.", "AP"),
    ("PORTSMOUTH, England (Reuters) - Ferry fares could rise next year.", "Reuters"),
    ("LONDON - Ferry fares could rise next year.", None),
])
def test_a_datelines_agency_is_the_source_when_nothing_else_names_one(lead, source):
    assert documents.load_plain(f"Big news today\n\n{lead}\n", "a.txt").source == source


@pytest.mark.parametrize("lead, date", [
    ("LONDON, 14 March 2025 - Waiting lists rose again.", dt.date(2025, 3, 14)),
    ("WASHINGTON, March 14, 2025 (Reuters) — Waiting lists rose again.", dt.date(2025, 3, 14)),
    ("LONDON, Ontario - Waiting lists rose again in 2025 - a record.", None),  # a place, not a date
    ("Waiting lists rose again in March 2025, officials said on a long day of announcements.", None),
])
def test_a_datelines_date_is_the_articles_date(lead, date):
    assert documents.load_plain(f"Big news today\n\n{lead}\n", "a.txt").date == date


def test_hard_wrapped_text_joins_lines_into_paragraphs():
    para = "word " * 14
    text = "Title line\n\n" + "\n".join([para.strip()] * 4) + " end.\n\n" + "\n".join([para.strip()] * 3) + ".\n"
    article = documents.load_plain(text, "w.txt")
    assert len(article.paragraphs) == 3


def test_corpus_files_skips_hidden_and_unknown(tmp_path):
    write(tmp_path / "a.txt", "x"), write(tmp_path / ".hidden" / "b.txt", "x"), write(tmp_path / "c.pdf", "x")
    write(tmp_path / "sub" / "d.md", "x")
    assert [p.relative_to(tmp_path).as_posix() for p in documents.corpus_files(tmp_path)] == ["a.txt", "sub/d.md"]


def test_a_list_item_or_heading_is_its_own_paragraph_without_its_marker(tmp_path):
    path = write(tmp_path / "live.md", "---\ntitle: Live\n---\n**Key points**\n\n"
                 "- At least 14 people have died, police say\n- More than 200,000 homes are without power\n"
                 "1. Flights are cancelled\n\n### 16:45 GMT – Death toll rises\n\n> Stay indoors, police said.\n")
    [article], _, _ = documents.load_file(path, tmp_path)
    texts = [text for _, text in article.paragraph_texts()]
    assert texts[1:] == ["At least 14 people have died, police say", "More than 200,000 homes are without power",
                         "Flights are cancelled", "16:45 GMT – Death toll rises", "Stay indoors, police said."]


def test_a_plain_text_bullet_loses_its_marker(tmp_path):
    path = write(tmp_path / "a.txt", "Storm update\n\n- Rail services are suspended\n• Schools are closed\n")
    [article], _, _ = documents.load_file(path, tmp_path)
    assert [text for _, text in article.paragraph_texts()][1:] == ["Rail services are suspended", "Schools are closed"]
