"""Where index builds live: builds/<name>/ directories and a CURRENT pointer swapped atomically."""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import secrets
import shutil
from pathlib import Path

from ..errors import ClaimsearchError, IndexBusy, IndexMissing

POINTER = "CURRENT"
BUILDS = "builds"
LOCK = ".lock"
IN_PROGRESS = ".building-"  # prefix of a build not yet swapped in; swept by the next run
LOCK_SUFFIX = "LOCK"  # Whoosh's MAIN_WRITELOCK


class IndexStore:
    """An index root: it holds builds and names the live one in CURRENT."""

    def __init__(self, root):
        self.root = Path(root)

    @property
    def builds(self) -> Path:
        return self.root / BUILDS

    def current_name(self) -> str | None:
        """Return the live build's name, or None when nothing was built yet."""
        try:
            name = (self.root / POINTER).read_text(encoding="utf-8").strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return name if name and (self.builds / name).is_dir() else None

    def current_dir(self) -> Path:
        """Return the live build directory or raise IndexMissing."""
        name = self.current_name()
        if name is None:
            raise IndexMissing(f"No index at {self.root}; build one with `claimsearch index DIR`")
        return self.builds / name

    def exists(self) -> bool:
        """Return True when a build is live."""
        return self.current_name() is not None

    def check_writable(self) -> None:
        """Fail early, before any build starts, when the root cannot be written."""
        try:
            self.builds.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ClaimsearchError(f"Cannot write index at {self.root}: {exc.strerror}") from None
        if not os.access(self.builds, os.W_OK | os.X_OK) or not os.access(self.root, os.W_OK):
            raise ClaimsearchError(f"Cannot write index at {self.root}: permission denied")

    @contextlib.contextmanager
    def lock(self):
        """Hold the root's build lock; a second indexer fails at once with IndexBusy."""
        self.check_writable()
        with open(self.root / LOCK, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IndexBusy(f"Another claimsearch index/update is running on {self.root}") from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def new_build_dir(self, base: Path | None = None) -> Path:
        """Create a directory for a build in progress: empty, or holding the files of build ``base``."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        path = self.builds / f"{IN_PROGRESS}{stamp}-{secrets.token_hex(4)}"
        path.mkdir(parents=True)
        if base is not None:
            _link_files(base, path)
        return path

    def publish(self, write, base: Path | None = None) -> str:
        """Fill a new build with ``write(build_dir)`` and make it live; on any failure the live one stays."""
        previous = self.current_name()
        self.sweep(keep_previous=previous)
        build_dir = self.new_build_dir(base)
        try:
            write(build_dir)
            name = self.swap_in(build_dir)
        except BaseException as exc:
            # Ctrl-C, a crash or a full disk: the half-written build goes, the live one stays.
            self.sweep(keep_previous=previous)
            if isinstance(exc, OSError):
                raise ClaimsearchError(f"Cannot write the index at {self.root}: {exc.strerror or exc}; "
                                       "the live index is unchanged") from None
            raise
        self.sweep(keep_previous=previous)
        return name

    def swap_in(self, build_dir: Path) -> str:
        """Name the finished build live with one atomic rename; return its name."""
        name = build_dir.name.removeprefix(IN_PROGRESS)
        final = build_dir.with_name(name)
        build_dir.rename(final)
        tmp = self.root / f"{POINTER}.{secrets.token_hex(4)}.tmp"
        tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(tmp, self.root / POINTER)
        return name

    def sweep(self, keep_previous: str | None = None) -> list[str]:
        """Delete failed and superseded builds; keep the live one and ``keep_previous``."""
        live = self.current_name()
        removed = []
        if not self.builds.is_dir():
            return removed
        for path in self.builds.iterdir():
            if path.name in (live, keep_previous):
                continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
        for stale in self.root.glob(f"{POINTER}.*.tmp"):
            stale.unlink(missing_ok=True)
        return removed


def _link_files(source: Path, target: Path) -> None:
    """Give target the files of build source: hard links, or copies on a filesystem without them."""
    # Safe because nothing rewrites a file of a build in place: Whoosh writes each segment and
    # each generation's TOC under a new name (deletions live in the TOC) and only unlinks old
    # ones, and the manifest and comparisons are replaced by rename. Lock and temporary files
    # are the exceptions, so they are not shared.
    for path in source.iterdir():
        if path.name.endswith((LOCK_SUFFIX, ".tmp")) or not path.is_file():
            continue
        try:
            os.link(path, target / path.name)
        except OSError:
            shutil.copy2(path, target / path.name)
