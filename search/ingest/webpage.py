"""Build an Article from a saved web page: trafilatura finds the article body and its metadata."""
from __future__ import annotations

import logging

from ..errors import LoadError
from ..models import Article
from . import clean, metadata
from .formats import article_id, body_text, fingerprint

# trafilatura logs every page it finds no article in; the loader reports that as a skip instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def load_html(data: bytes, rel: str) -> Article:
    """Build an Article from the bytes of a web page: body, title, author, date, outlet, canonical URL."""
    import trafilatura  # here: half a second of every command's start-up, needed for web pages only

    # Bytes in: trafilatura's decoder (charset_normalizer) honours the charset the page declares.
    tree = trafilatura.utils.load_html(data)
    if tree is None:
        raise LoadError("not an HTML page")
    canonical = _canonical_url(tree)  # read first: extraction prunes the tree
    page = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                       include_images=False, include_links=False)
    if page is None or not (page.text or "").strip():
        raise LoadError("no article text found in the page")
    # One paragraph per line in trafilatura's text; a blank line between them as in the other formats.
    text = "\n\n".join(line.strip() for line in page.text.splitlines() if line.strip())
    kept = clean.keep_paragraphs(text, clean.split_paragraphs(text))
    if not kept:
        raise LoadError("no article text found in the page")
    url = page.url or canonical
    article = Article(
        id=article_id(rel), path=rel, text=text, title=page.title or None, url=url,
        source=page.sitename or (metadata.domain_of(url) if url else None), author=page.author or None,
        date=metadata.parse_date(page.date), format="html", paragraphs=kept, fingerprint=fingerprint(text),
    )
    article.body = body_text(article, article.title)
    return article


def _canonical_url(tree) -> str | None:
    """Return the page's canonical link or og:url, wherever a malformed <head> let the parser put it."""
    for xpath in ('.//link[@rel="canonical"]/@href', './/meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            if value.strip().startswith(("http://", "https://")):
                return value.strip()
    return None
