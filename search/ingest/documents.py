"""Load news articles from .txt, .md (front matter), .jsonl and .html files into Articles."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import LoadError
from ..models import Article
from .formats import Skipped, article_id, fingerprint, load_jsonl, load_markdown, load_plain
from .webpage import load_html

__all__ = ["Skipped", "article_id", "corpus_files", "file_digest", "fingerprint", "list_corpus", "load_bytes",
           "load_file", "load_html", "load_jsonl", "load_markdown", "load_plain", "read_text"]

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".jsonl": "jsonl",
            ".html": "html", ".htm": "html"}
# Files that ship with a dataset or a repository and describe it: never news articles, whatever the suffix.
NOT_ARTICLES = {"readme", "license", "licence", "copying", "changelog", "notice", "authors", "contributors",
                "contributing", "code_of_conduct", "security", "manifest"}
MAX_BYTES = 20 * 1024 * 1024  # bigger files are not articles; skip rather than stall a build
FALLBACK_ENCODING = "cp1252"  # documented: non-UTF-8 files are read as Windows-1252


def corpus_files(root: Path) -> list[Path]:
    """Return the article files under root, sorted, hidden and non-article files excluded."""
    return list_corpus(root)[0]


def list_corpus(root: Path) -> tuple[list[Path], list[Skipped]]:
    """Return the article files under root, sorted, and the other files with why they are not read."""
    if root.is_file():
        return [root], []
    files, ignored, hidden = [], [], set()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        parts = path.relative_to(root).parts
        first = next((i for i, part in enumerate(parts) if part.startswith(".")), None)
        if first is not None:  # a hidden folder (.git) is reported once, not file by file
            top = "/".join(parts[:first + 1])
            if top not in hidden:
                hidden.add(top)
                ignored.append(Skipped(top, "hidden file or folder"))
            continue
        reason = not_article(path)
        if reason:
            ignored.append(Skipped("/".join(parts), reason))
        else:
            files.append(path)
    return files, ignored


def not_article(path: Path) -> str | None:
    """Return why a corpus file is not read as an article (a dataset's README, an unknown suffix), or None."""
    if path.name.split(".", 1)[0].casefold() in NOT_ARTICLES:
        return "not an article (a dataset or repository file)"
    if path.suffix.lower() not in SUFFIXES:
        return f"not an article format ({path.suffix or 'no suffix'})"
    return None


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing empty, huge and binary files."""
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > MAX_BYTES:
        raise LoadError(f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes)")
    return data


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read a file as text; return it with warnings (e.g. the encoding fallback)."""
    return decode(read_bytes(path))


def decode(data: bytes) -> tuple[str, list[str]]:
    """Return a file's bytes as text with warnings (e.g. the encoding fallback)."""
    try:
        return data.decode("utf-8"), []  # a BOM stays: offsets must match the file as read
    except UnicodeDecodeError as exc:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        return text, [f"not UTF-8 (byte {exc.start}); read as {FALLBACK_ENCODING}"]


def load_file(path: Path, root: Path | None = None) -> tuple[list[Article], list[Skipped], list[str]]:
    """Load one file; return its articles, skipped JSONL lines and warnings."""
    return load_bytes(read_bytes(path), path.suffix, _relative(path, root))


def load_bytes(data: bytes, suffix: str, rel: str) -> tuple[list[Article], list[Skipped], list[str]]:
    """Load one file's bytes (read by read_bytes, maybe on another machine) as load_file does."""
    kind = SUFFIXES.get(suffix.lower(), "txt")
    if kind == "html":  # bytes in: the page declares its own charset
        return [load_html(data, rel)], [], []
    text, warnings = decode(data)
    if kind == "jsonl":
        articles, skipped = load_jsonl(text, rel)
        return articles, skipped, warnings
    loader = load_markdown if kind == "md" else load_plain
    article = loader(text, rel)
    if not article.paragraphs:
        raise LoadError("no article text after cleaning")
    return [article], [], warnings


def _relative(path: Path, root: Path | None) -> str:
    if root is not None and root.is_dir():
        return path.relative_to(root).as_posix()
    return path.name


def file_digest(path: Path) -> str:
    """Return the SHA-1 of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()
