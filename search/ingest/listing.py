"""List a corpus folder without leaving it: what cannot be read as a file is reported, never followed."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimsearchError
from .formats import Skipped

KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
         stat.S_IFBLK: "a device"}


@dataclass
class Listing:
    """The usable files under a corpus folder, what was skipped, and the folders that could not be read."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unread_folders: list[str] = field(default_factory=list)

    def unread(self, rel: str) -> bool:
        """Return True when rel lies in a folder that could not be listed (its files are unknown, not gone)."""
        return any(rel.startswith(folder + "/") for folder in self.unread_folders)


def scan(root: Path, not_article) -> Listing:
    """List the files under root; not_article(path) says why a file is none (or None); hidden entries are not entered."""
    listing, real_root, folders = Listing(), os.path.realpath(root), [Path(root)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda e: e.name)
        except OSError as exc:
            if folder == Path(root):
                raise ClaimsearchError(f"Cannot read the corpus folder {root}: {exc.strerror or exc}") from None
            rel = folder.relative_to(root).as_posix()
            listing.unread_folders.append(rel)
            listing.skipped.append(Skipped(rel + "/", f"folder not readable ({exc.strerror or exc})"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):  # a hidden folder (.git) is reported once, not file by file
                listing.skipped.append(Skipped(path.relative_to(root).as_posix(), "hidden file or folder"))
            else:
                _visit(path, root, real_root, not_article, listing, folders)
    listing.files.sort()
    return listing


def _visit(path: Path, root: Path, real_root: str, not_article, listing: Listing, folders: list[Path]) -> None:
    """Sort one directory entry into a folder to visit, a file to load, or a skip with its reason."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            # A link may point anywhere (/etc/passwd): follow it only while it stays in the corpus, and
            # never into a folder, where it would repeat files or loop.
            if not _inside(os.path.realpath(path), real_root):
                return _skip(path, root, not_article, listing,
                             "symbolic link leading outside the corpus (not followed)", folder=path.is_dir())
            info = path.stat()
            if stat.S_ISDIR(info.st_mode):
                return None
    except OSError as exc:
        return _skip(path, root, not_article, listing, f"vanished or unreadable while listing ({exc.strerror or exc})")
    if stat.S_ISDIR(info.st_mode):
        folders.append(path)
    elif stat.S_ISREG(info.st_mode):
        _skip(path, root, not_article, listing, None)
    else:
        _skip(path, root, not_article, listing,
              f"not a regular file ({KINDS.get(stat.S_IFMT(info.st_mode), 'special')})")
    return None


def _skip(path: Path, root: Path, not_article, listing: Listing, reason: str | None, folder: bool = False) -> None:
    """Keep a usable article file; report anything else, a non-article name first (notes.fifo is not news)."""
    reason = reason if folder else not_article(path) or reason
    if reason is None:
        listing.files.append(path)
    else:
        listing.skipped.append(Skipped(path.relative_to(root).as_posix(), reason))


def _inside(real_path: str, real_root: str) -> bool:
    return real_path == real_root or real_path.startswith(real_root.rstrip(os.sep) + os.sep)
