"""Load news articles from .txt, .md (front matter) and .jsonl files into Articles."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import LoadError
from ..models import Article
from .formats import Skipped, article_id, fingerprint, load_jsonl, load_markdown, load_plain

__all__ = ["Skipped", "article_id", "corpus_files", "file_digest", "fingerprint", "load_file",
           "load_jsonl", "load_markdown", "load_plain", "read_text"]

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".jsonl": "jsonl"}
MAX_BYTES = 20 * 1024 * 1024  # bigger files are not articles; skip rather than stall a build
FALLBACK_ENCODING = "cp1252"  # documented: non-UTF-8 files are read as Windows-1252


def corpus_files(root: Path) -> list[Path]:
    """Return the article files under root, sorted, hidden files excluded."""
    if root.is_file():
        return [root]
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read a file as text; return it with warnings (e.g. the encoding fallback)."""
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > MAX_BYTES:
        raise LoadError(f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), []  # a BOM stays: offsets must match the file as read
    except UnicodeDecodeError as exc:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        return text, [f"not UTF-8 (byte {exc.start}); read as {FALLBACK_ENCODING}"]


def load_file(path: Path, root: Path | None = None) -> tuple[list[Article], list[Skipped], list[str]]:
    """Load one file; return its articles, skipped JSONL lines and warnings."""
    rel = _relative(path, root)
    text, warnings = read_text(path)
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
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
