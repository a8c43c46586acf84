"""Saved web pages (.html/.htm): article body and metadata from the page, non-article files skipped."""
from __future__ import annotations

import json

import pytest

from search.cli import cli
from search.errors import LoadError
from search.ingest import documents
from tests.helpers import write

BODY = [
    "The harbour board voted on Tuesday to close the old ferry pier after engineers found cracks in its "
    "pilings, ending a crossing that has run since the town was founded.",
    "\u201cWe cannot ask people to walk over a structure we know is failing,\u201d said Marta Keller, "
    "the board\u2019s chair, after the vote. She added that a temporary landing would open within months.",
    "Residents who rely on the ferry to reach the mainland market said the decision came without warning. "
    "Fishermen moor their boats beside the pier and will have to find other berths before winter.",
    "The council estimates that a replacement pier would cost about 4 million euros and take two years "
    "to build, money it says it does not yet have in its budget for the coming year.",
]


def page(charset: str = "utf-8", body=BODY, canonical: str = "https://news.example.org/harbour/pier-closes") -> str:
    """Return a news page with navigation, related links and comments around the article."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Harbour board closes the ferry pier | Coastline Courier</title>
<meta property="og:title" content="Harbour board closes the ferry pier">
<meta property="og:site_name" content="Coastline Courier">
<meta name="author" content="Jonas Brandt">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="{canonical}">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport weekly roundup</a></li>
<li><a href="/weather">Weather forecast for the whole coast</a></li></ul></nav></header>
<main><article>
<h1>Harbour board closes the ferry pier</h1>
<p class="byline">By Jonas Brandt</p>
{paragraphs}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Lighthouse keeper retires after forty years of service on the island</a></li>
<li><a href="/b">Storm damages the promenade railings and three beach huts overnight</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader42: This pier was a disgrace for years, about time somebody acted on it.</p></div>
</section></main>
<footer><p>Copyright Coastline Courier. All rights reserved. Contact the newsroom.</p></footer>
</body></html>"""


def load(tmp_path, content, name="pier.html"):
    path = write(tmp_path / name, content)
    articles, skipped, warnings = documents.load_file(path, tmp_path)
    assert len(articles) == 1 and not skipped and not warnings
    return articles[0]


def test_body_without_navigation_related_links_or_comments(tmp_path):
    article = load(tmp_path, page())
    assert article.format == "html"
    for paragraph in BODY[::3]:
        assert paragraph in article.text
    for furniture in ("Weather forecast", "Lighthouse keeper", "Reader42", "All rights reserved"):
        assert furniture not in article.text


def test_metadata_from_the_page(tmp_path):
    article = load(tmp_path, page())
    assert article.title == "Harbour board closes the ferry pier"
    assert article.author == "Jonas Brandt" and article.source == "Coastline Courier"
    assert article.date.isoformat() == "2024-03-05"
    assert article.url == "https://news.example.org/harbour/pier-closes"


def test_canonical_link_found_when_a_broken_head_pushes_it_into_the_body(tmp_path):
    broken = page().replace('<meta name="author"', '<div>stray</div><meta name="author"')
    assert load(tmp_path, broken).url == "https://news.example.org/harbour/pier-closes"


def test_declared_non_utf8_charset_is_used(tmp_path):
    body = [BODY[0].replace("harbour board", "Hafenbehörde"), *BODY[1:]]
    data = page("windows-1252", body).encode("cp1252")
    article = load(tmp_path, data, "pier.htm")
    assert "Hafenbehörde" in article.text and "\u201cWe cannot" in article.text


def test_declared_cyrillic_charset_is_used(tmp_path):
    body = [BODY[0] + " Мэр города сказал об этом.", *BODY[1:]]
    data = page("koi8-r", [p.replace("“", '"').replace("”", '"').replace("’", "'") for p in body])
    article = load(tmp_path, data.encode("koi8-r"))
    assert "Мэр города" in article.text


def test_quote_offsets_refer_to_the_extracted_text(runner, tmp_path):
    path = write(tmp_path / "pier.html", page())
    result = runner.invoke(cli, ["extract", "--json", str(path)])
    record = json.loads(result.stdout)
    assert record["quotes"] and record["text"].startswith("Harbour board closes the ferry pier\n\nThe harbour")
    for quote in record["quotes"]:
        assert record["text"][quote["start"]:quote["end"]] == quote["text"]


def test_every_format_reports_its_text(runner, seeds_dir):
    path = seeds_dir / "002_9edff2facc8fa178.txt"
    record = json.loads(runner.invoke(cli, ["extract", "--json", str(path)]).stdout.splitlines()[0])
    assert record["text"] == path.read_text(encoding="utf-8")


def test_page_without_an_article_is_a_clear_error(tmp_path):
    path = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(LoadError, match="no article text"):
        documents.load_file(path, tmp_path)


def test_index_skips_non_article_files_with_a_reason(runner, tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "pier.html", page())
    write(corpus / "README.TXT", "This dataset holds news articles in five folders.\n")
    write(corpus / "LICENSE", "Permission is granted.\n")
    write(corpus / "notes.pdf", "x"), write(corpus / ".DS_Store", "x"), write(corpus / ".git" / "HEAD", "x")
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--silent"])
    assert result.exit_code == 0 and "1 articles" in result.stderr
    for skipped in ("README.TXT: not an article", "LICENSE: not an article", "notes.pdf: not an article format",
                    ".DS_Store: hidden", ".git: hidden"):
        assert f"skipped: {skipped}" in result.stderr
    assert "HEAD" not in result.stderr
