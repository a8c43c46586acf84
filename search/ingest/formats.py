"""Build Articles from the text of each format: plain text, Markdown with front matter, JSON Lines."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from ..errors import LoadError
from ..models import Article
from . import clean, metadata

TEXT_KEYS = ("text", "body", "content")
SOURCE_KEYS = ("source", "outlet", "publisher", "site")


@dataclass(frozen=True)
class Skipped:
    """A file (or JSONL line) that was not loaded, with the reason."""

    path: str
    reason: str


def article_id(rel: str) -> str:
    """Return a stable id from a relative path: 'politics/001.txt' -> 'politics/001'."""
    stem = rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel
    # No empty, "." or ".." segments: a browser resolves those in the article's URL to another page.
    segments = [s for s in re.sub(r"[^\w./-]+", "-", stem).split("/") if s.strip(".")]
    return "/".join(segments).strip("-/") or "article"


def fingerprint(text: str) -> str:
    """Return a content hash used to notice changed articles."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def load_plain(text: str, rel: str) -> Article:
    """Build an Article from plain text, inferring what metadata the text gives."""
    spans = clean.split_paragraphs(text)
    author, outlet, byline = metadata.byline(text, spans)
    source_lines = {s for s in spans if metadata.SOURCE_LINE.match(text[s.start:s.end])}
    widgets = {s for s in spans if author and clean.normalise(text[s.start:s.end]) == author.casefold()}
    kept = clean.keep_paragraphs(text, spans, drop=byline | source_lines | widgets)
    title = metadata.infer_title(text, kept)
    article = Article(
        id=article_id(rel), path=rel, text=text, title=title, author=author,
        source=metadata.infer_source(text) or outlet or metadata.dateline_agency(text, kept), date=metadata.infer_date(text, spans),
        format="txt", paragraphs=kept, fingerprint=fingerprint(text),
    )
    article.body = body_text(article, title)
    return article


def body_text(article: Article, title: str | None) -> str:
    """Return the kept paragraphs as the indexed body, without a first paragraph that repeats the title."""
    texts = [" ".join(t.split()) for _, t in article.paragraph_texts()]
    if texts and title and texts[0] == title:
        texts = texts[1:]
    return "\n\n".join(texts)


def load_markdown(text: str, rel: str) -> Article:
    """Build an Article from Markdown with optional YAML front matter."""
    # The Markdown and YAML libraries are imported by the first Markdown file: every build and
    # command paid 0.05 CPU s for them, most with no Markdown to read.
    from .markdown_files import load_markdown as load
    return load(text, rel)


def _meta_str(meta: dict, keys, limit: int = metadata.MAX_META) -> str | None:
    for key in keys:
        value = meta.get(key)
        if value not in (None, ""):
            return metadata.clip(str(value).strip(), limit)
    return None


def _author(meta: dict) -> str | None:
    value = meta.get("author") or meta.get("authors") or meta.get("byline")
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return metadata.clip(str(value).strip(), metadata.MAX_META) if value else None


def _source(meta: dict, url: str | None) -> str | None:
    value = _meta_str(meta, SOURCE_KEYS)
    if value:
        return metadata.domain_of(value) or value
    return metadata.domain_of(url) if url else None


def load_jsonl(text: str, rel: str) -> tuple[list[Article], list[Skipped]]:
    """Build one Article per JSON Lines record; bad lines are skipped with a reason."""
    articles, skipped = [], []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{rel}:{lineno}"
        try:
            articles.append(_jsonl_article(json.loads(line), rel, lineno))
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(where, f"malformed JSON: {exc.msg} at column {exc.colno}"))
        except RecursionError:
            skipped.append(Skipped(where, "JSON nested too deeply"))
        except LoadError as exc:
            skipped.append(Skipped(where, exc.message))
    return articles, skipped


def _jsonl_article(record, rel: str, lineno: int) -> Article:
    if not isinstance(record, dict):
        raise LoadError("record is not a JSON object")
    body = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
    if not body or not body.strip():
        raise LoadError("record has no text/body field")
    url = _meta_str(record, ("url", "link"), metadata.MAX_URL)
    own_id = _meta_str(record, ("id",))
    key = own_id or (hashlib.sha1(url.encode()).hexdigest()[:12] if url else str(lineno))
    stem = article_id(rel)
    spans = clean.split_paragraphs(body)
    kept = clean.keep_paragraphs(body, spans)
    title = _meta_str(record, ("title", "headline"), metadata.MAX_TITLE) or metadata.infer_title(body, kept)
    article = Article(
        id=f"{stem}/{article_id(key)}", path=f"{rel}:{lineno}", text=body, title=title, url=url,
        source=_source(record, url), author=_author(record),
        date=metadata.parse_date(record.get("date") or record.get("published")),
        format="jsonl", paragraphs=kept, fingerprint=fingerprint(json.dumps(record, sort_keys=True)),
    )
    article.body = body_text(article, title)
    return article
