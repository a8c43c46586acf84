"""Markdown files with optional YAML front matter: read into Articles (formats.load_markdown imports this)."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import frontmatter
import markdown as markdown_lib
import yaml
from frontmatter.default_handlers import YAMLHandler

from ..errors import LoadError
from ..models import Article
from . import clean, metadata
from .formats import _author, _meta_str, _source, article_id, fingerprint

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FRONT_MATTER = 64 * 1024  # characters; real front matter is a few hundred
MAX_YAML_NODES = 2000
MAX_YAML_DEPTH = 20


def load_markdown(text: str, rel: str) -> Article:
    """Build an Article from Markdown with optional YAML front matter."""
    try:
        meta, content = frontmatter.parse(text, handler=_front_matter_handler(text))
    except (yaml.YAMLError, ValueError) as exc:
        raise LoadError(f"broken front matter: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise LoadError("broken front matter: nested too deeply") from None
    if not isinstance(meta, dict):
        raise LoadError("front matter is not a mapping")
    offset = text.find(content) if content else len(text)
    spans = clean.split_paragraphs(content, offset=max(offset, 0), markdown=True)
    kept = clean.keep_paragraphs(text, spans)
    title = _meta_str(meta, ("title", "headline"), metadata.MAX_TITLE) or _strip_md_heading(text, kept)
    url = _meta_str(meta, ("url", "link", "canonical_url"), metadata.MAX_URL)
    article = Article(
        id=article_id(rel), path=rel, text=text, title=title, url=url,
        source=_source(meta, url), author=_author(meta),
        date=metadata.parse_date(meta.get("date") or meta.get("published")),
        format="md", paragraphs=kept, fingerprint=fingerprint(text),
    )
    rendered = markdown_to_text(content)
    article.body = rendered.removeprefix(title).lstrip() if title else rendered
    return article


def _yaml_problem(exc: Exception) -> str:
    """Return what is wrong with front matter, with its line in the file and a hint for the usual slip."""
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}: " if mark is not None else ""  # 0-based, counted from the opening "---"
    hint = " (put a value that holds ': ' in quotes)" if "mapping values are not allowed" in problem else ""
    return f"{where}{problem}{hint}"


def _strip_md_heading(text, spans):
    title = metadata.infer_title(text, spans)
    return title.lstrip("#").strip() if title else None


class _BoundedYAML(YAMLHandler):
    """YAML front matter read without aliases: 400 bytes of nested aliases expand to gigabytes."""

    def load(self, fm, **kwargs):
        if len(fm) > MAX_FRONT_MATTER:
            raise LoadError(f"front matter too long ({len(fm)} characters > {MAX_FRONT_MATTER})")
        # The event stream is read in constant memory: aliases, depth and size are refused
        # before any object is built.
        depth = 0
        for count, event in enumerate(yaml.parse(fm, Loader=YAML_LOADER)):
            if isinstance(event, yaml.AliasEvent):
                raise LoadError("front matter uses YAML aliases (*name), which are not supported")
            depth += isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            depth -= isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
            if depth > MAX_YAML_DEPTH or count > MAX_YAML_NODES:
                raise LoadError("front matter too deeply nested or too large")
        return yaml.load(fm, Loader=YAML_LOADER)


def _front_matter_handler(text: str):
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    return _BoundedYAML() if isinstance(handler, YAMLHandler) else handler


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def markdown_to_text(content: str) -> str:
    """Render Markdown to HTML, then keep only the text (raw HTML in it stays text)."""
    collector = _TextCollector()
    collector.feed(markdown_lib.markdown(html.escape(content, quote=False)))
    paragraphs = "".join(collector.parts).split("\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
