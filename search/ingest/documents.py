"""Load news articles from .txt, .md (front matter), .jsonl and .html files into Articles."""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import LoadError
from ..models import Article
from . import listing
from .formats import Skipped, article_id, fingerprint, load_jsonl, load_markdown, load_plain
from .webpage import load_html

__all__ = ["Skipped", "article_id", "corpus_files", "file_digest", "fingerprint", "list_corpus", "load_file",
           "load_html", "load_jsonl", "load_markdown", "load_plain", "read_bytes", "read_file", "read_text",
           "relative_path", "scan_corpus"]

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".jsonl": "jsonl",
            ".html": "html", ".htm": "html"}
# Files that ship with a dataset or a repository and describe it: never news articles, whatever the suffix.
NOT_ARTICLES = {"readme", "license", "licence", "copying", "changelog", "notice", "authors", "contributors",
                "contributing", "code_of_conduct", "security", "manifest"}
MAX_BYTES = 20 * 1024 * 1024  # bigger files are not articles; skip rather than stall a build
FALLBACK_ENCODING = "cp1252"  # documented: non-UTF-8 files are read as Windows-1252


def corpus_files(root: Path) -> list[Path]:
    """Return the article files under root, sorted, hidden and non-article files excluded."""
    return scan_corpus(root).files


def list_corpus(root: Path) -> tuple[list[Path], list[Skipped]]:
    """Return the article files under root, sorted, and the other entries with why they are not read."""
    found = scan_corpus(root)
    return found.files, found.skipped


def scan_corpus(root: Path) -> listing.Listing:
    """List the article files under root with what was skipped (non-articles, pipes, links leaving it...)."""
    if Path(root).is_file():
        return listing.Listing(files=[Path(root)])
    return listing.scan(Path(root), not_article)


def not_article(path: Path) -> str | None:
    """Return why a corpus file is not read as an article (a dataset's README, an unknown suffix), or None."""
    if path.name.split(".", 1)[0].casefold() in NOT_ARTICLES:
        return "not an article (a dataset or repository file)"
    if path.suffix.lower() not in SUFFIXES:
        return f"not an article format ({path.suffix or 'no suffix'})"
    return None


@dataclass(frozen=True)
class FileData:
    """A file's bytes as read once, their SHA-1, and the file's size and mtime before the read."""

    data: bytes
    size: int
    mtime_ns: int
    sha1: str


def read_file(path: Path) -> FileData:
    """Read a regular file once; the digest is of these bytes, so the index and manifest agree."""
    # O_NONBLOCK: a named pipe that slipped in after listing must not hang the build.
    with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise LoadError("not a regular file")
        _check_size(info.st_size)
        data = handle.read(MAX_BYTES + 1)
    _check_size(len(data))  # it may have grown since the stat
    return FileData(data, info.st_size, info.st_mtime_ns, hashlib.sha1(data).hexdigest())


def _check_size(size: int) -> None:
    if size == 0:
        raise LoadError("empty file")
    if size > MAX_BYTES:
        raise LoadError(f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")


def _not_binary(data: bytes) -> bytes:
    if b"\x00" in data[:8192]:
        raise LoadError("binary file (contains NUL bytes)")
    return data


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, refusing empty, huge and binary files."""
    return _not_binary(read_file(path).data)


def read_text(path: Path) -> tuple[str, list[str]]:
    """Read a file as text; return it with warnings (e.g. the encoding fallback)."""
    return decode(read_file(path).data)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Return a file's bytes as text with warnings (e.g. the encoding fallback)."""
    _not_binary(data)
    try:
        return data.decode("utf-8"), []  # a BOM stays: offsets must match the file as read
    except UnicodeDecodeError as exc:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
        return text, [f"not UTF-8 (byte {exc.start}); read as {FALLBACK_ENCODING}"]


def load_file(path: Path, root: Path | None = None,
              data: bytes | None = None) -> tuple[list[Article], list[Skipped], list[str]]:
    """Load one file (or its bytes already read); return its articles, skipped JSONL lines and warnings."""
    rel = relative_path(path, root)
    data = read_file(path).data if data is None else data
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    if kind == "html":  # bytes in: the page declares its own charset
        return [load_html(_not_binary(data), rel)], [], []
    text, warnings = decode(data)
    if kind == "jsonl":
        articles, skipped = load_jsonl(text, rel)
        return articles, skipped, warnings
    loader = load_markdown if kind == "md" else load_plain
    article = loader(text, rel)
    if not article.paragraphs:
        raise LoadError("no article text after cleaning")
    return [article], [], warnings


def relative_path(path: Path, root: Path | None) -> str:
    """Return path relative to the corpus folder root, as the index names it ('sub/a.txt')."""
    if root is not None and root.is_dir():
        return path.relative_to(root).as_posix()
    return path.name


def file_digest(path: Path) -> str:
    """Return the SHA-1 of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()
