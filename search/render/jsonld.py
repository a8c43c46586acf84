"""Exports as schema.org JSON-LD: quotes as Quotation, claims and figures as Claim, articles as NewsArticle."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

CONTEXT = "https://schema.org"


def news_article(record: dict) -> dict:
    """Return the NewsArticle a record appeared in: headline, url, date and publisher."""
    article = {"@type": "NewsArticle", "identifier": record["article_id"], "headline": record["title"],
               "url": record["url"], "datePublished": record["date"],
               "publisher": {"@type": "Organization", "name": record["source"]} if record["source"] else None,
               "author": {"@type": "Person", "name": record["author"]} if record["author"] else None}
    return _present(article)


def person(record: dict) -> dict | None:
    """Return who said it as a Person, or None when unattributed."""
    if not record["speaker"]:
        return None
    return _present({"@type": "Person", "name": record["speaker"], "identifier": record["speaker_id"]})


def first_news_article(record: dict, first: dict | None) -> dict:
    """Return the NewsArticle where a statement first appeared: ``first`` (a comparison's brief), else its own."""
    if not first or first["article_id"] == record["article_id"]:
        return news_article(record)
    return news_article({"article_id": first["article_id"], "title": first["title"], "url": None,
                         "date": first["date"], "source": first["source"], "author": None})


def thing(record: dict, first: dict | None = None) -> dict:
    """Return one export record as a schema.org node; ``first`` is where it first appeared, if compared."""
    if record["kind"] == "article":
        return news_article(record)
    article = news_article(record)
    if record["kind"] == "quote":
        node = {"@type": "Quotation", "text": record["text"], "spokenByCharacter": person(record),
                "isPartOf": article}
    else:
        node = {"@type": "Claim", "text": record["text"], "author": person(record),
                "appearance": article, "firstAppearance": first_news_article(record, first)}
    return _present(dict(node, identifier=record["id"]))


def jsonld_chunks(head: dict, records: Iterable[dict], first=lambda statement_id: None) -> Iterator[str]:
    """Yield one JSON-LD document: ``head`` (totals, next cursor) and an @graph of the records, one per chunk."""
    # first(id): where a statement first appeared (search.compare.views.first_appearance), or None.
    opening = json.dumps(dict({"@context": CONTEXT}, **head), ensure_ascii=False)[:-1]
    yield opening + ', "@graph": ['
    for n, record in enumerate(records):
        yield ("," if n else "") + "\n" + json.dumps(thing(record, first(record["id"])), ensure_ascii=False)
    yield "\n]}\n"


def _present(node: dict) -> dict:
    return {k: v for k, v in node.items() if v is not None}
