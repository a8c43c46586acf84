"""Load and extract files ahead of the index writer, in worker processes for big corpora."""
from __future__ import annotations

import heapq
import multiprocessing
import os
from collections import defaultdict, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimsearchError
from ..extract import extract
from ..ingest import documents
from ..processes import forked_for_build

PARALLEL_MIN_FILES = 200  # below this, starting a worker costs more than it saves
CHUNK_FILES = 16
IN_FLIGHT = 8  # chunks queued ahead of the writer: bounds the memory of finished work
MAX_WORKERS = 4
HELD_MAX = 512  # originals whose extractions wait for a later copy: bounds the writer's memory


@dataclass
class Prepared:
    """One file loaded and extracted, ready for the writer; ``entry`` is None when it was skipped."""

    rel: str
    articles: list = field(default_factory=list)  # [(Article, Extraction)]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entry: dict | None = None


@dataclass
class Loaded:
    """One file's bytes and manifest entry, read where the corpus is, to be prepared anywhere."""

    rel: str
    suffix: str
    data: bytes
    entry: dict


def read(path: Path, rel: str) -> Loaded | Prepared:
    """Read one file once; a Prepared skip when it cannot be read."""
    try:
        read_ = documents.read_file(path)
    except ClaimsearchError as exc:
        return _skip(rel, exc.message)
    except OSError as exc:  # vanished or unreadable since the corpus was listed
        return _skip(rel, f"cannot read: {exc.strerror or exc}")
    # The fingerprint is of the bytes indexed: a file rewritten during the build differs from it
    # and is indexed again by the next update.
    entry = {"size": read_.size, "mtime_ns": read_.mtime_ns, "sha1": read_.sha1}
    return Loaded(rel, path.suffix, read_.data, entry)


def prepare(path: Path, corpus: Path, rel: str, extracting: bool = True) -> Prepared:
    """Load one file and extract its articles (or pair them with None); record why a file was skipped."""
    loaded = read(path, rel)
    return loaded if isinstance(loaded, Prepared) else prepare_bytes(loaded, extracting)


def prepare_bytes(loaded: Loaded, extracting: bool = True) -> Prepared:
    """Load and extract one file from its bytes: needs no disk, so it runs on any machine."""
    try:
        articles, skipped, warnings = documents.load_bytes(loaded.data, loaded.suffix, loaded.rel)
    except ClaimsearchError as exc:
        return _skip(loaded.rel, exc.message)
    except RecursionError:
        return _skip(loaded.rel, "nested too deeply to read")
    return Prepared(loaded.rel, [(a, extract(a) if extracting else None) for a in articles],
                    [(s.path, s.reason) for s in skipped], warnings, loaded.entry)


def _skip(rel: str, reason: str) -> Prepared:
    return Prepared(rel, skipped=[(rel, reason)])


def workers_for(file_count: int) -> int:
    """Return how many extraction workers to start: none for small corpora or one core."""
    cores = os.cpu_count() or 1
    if file_count < PARALLEL_MIN_FILES or cores < 2:
        return 0
    # One per core, the writer's included: extracting an article costs about as much CPU as
    # writing its documents, so with one worker on two cores the writer waited a third of the
    # build; with two, the writer's core also extracts while the writer waits.
    return min(MAX_WORKERS, cores)


def prepared_here(items: list[tuple[Path, str]], corpus: Path):
    """Yield Prepared files in order, loaded and extracted in this process; a copy's extractions reused."""
    copies = Copies([path for path, _ in items])
    return (copies.fill(n, prepare(path, corpus, rel, copies.extracting(n))) for n, (path, rel) in enumerate(items))


def prepared_in_workers(items: list[tuple[Path, str]], corpus: Path, workers: int, when_idle=None):
    """Yield Prepared files in order while `workers` processes load and extract the next ones."""
    # when_idle() is called once, as soon as a worker has no file left to extract.
    copies = Copies([])  # found once the workers are at work (see _from_workers)
    ready = _from_workers(items, corpus, workers, copies, when_idle)
    return (copies.fill(n, prepared) for n, prepared in enumerate(ready))


def _from_workers(items: list[tuple[Path, str]], corpus: Path, workers: int, copies: Copies, when_idle=None):
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=forked_for_build, initargs=(os.getpid(),))
    pending: deque = deque()
    try:
        for start in range(0, len(items), CHUNK_FILES):
            if start == workers * CHUNK_FILES:
                # Finding copies reads every file whose size another shares (0.035 s on 1x BBC):
                # done once each worker has a chunk, not before any starts. A copy in those first
                # chunks is extracted again, as in a build without copies.
                copies.find([path for path, _ in items])
            chunk = [(path, rel, copies.extracting(n)) for n, (path, rel) in
                     enumerate(items[start:start + CHUNK_FILES], start)]
            pending.append(pool.submit(_prepare_chunk, chunk, corpus))
            if len(pending) > IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            if when_idle and _idle_worker(pending, workers):
                when_idle()
                when_idle = None
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _idle_worker(pending: deque, workers: int) -> bool:
    """Return True when a worker has no chunk left: its core is idle once this process waits or is done."""
    return sum(not chunk.done() for chunk in pending) < workers


def _prepare_chunk(items, corpus) -> list[Prepared]:
    return [prepare(path, corpus, rel, extracting) for path, rel, extracting in items]


class Copies:
    """Files with an earlier file's bytes: each is loaded from its own path, its extractions reused."""

    def __init__(self, paths: list[Path]):
        self.original: dict[int, int] = {}  # a copy's position -> its original's
        self.left: dict[int, int] = {}  # an original's position -> how many of its copies are still to come
        self.held: dict[int, list] = {}  # an original's position -> [(text, paragraphs, Extraction)]
        self.find(paths)

    def find(self, paths: list[Path]) -> None:
        """Find which files are copies of an earlier one; once, before the first fill."""
        ending: list[int] = []  # the last copy's position of each original held, a heap
        for first, *later in sorted(_same_bytes(paths)):
            while ending and ending[0] < first:
                heapq.heappop(ending)
            if len(ending) < HELD_MAX:  # past it, a copy is extracted again rather than held for
                heapq.heappush(ending, later[-1])
                self.original.update(dict.fromkeys(later, first))
                self.left[first] = len(later)

    def extracting(self, position: int) -> bool:
        """Return False for a copy whose original's extractions it will be given."""
        return position not in self.original

    def fill(self, position: int, ready: Prepared) -> Prepared:
        """Hold an original's extractions; give a copy the held ones of articles that read the same."""
        if position in self.left:
            self.held[position] = [(a.text, a.paragraphs, e) for a, e in ready.articles]
        original = self.original.get(position)
        if original is None:
            return ready
        held = self.held.get(original, [])
        if len(held) == len(ready.articles):
            ready.articles = [(article, _reused(article, extraction, *kept))
                              for (article, extraction), kept in zip(ready.articles, held)]
        self.left[original] -= 1
        if not self.left[original]:
            del self.left[original]
            self.held.pop(original, None)
        return ready


def _reused(article, extraction, text: str, paragraphs: list, held):
    """Return the held Extraction for an article not extracted that reads as its original did."""
    # The bytes were compared before loading: a file rewritten since keeps None here, and the
    # writer extracts it (extraction reads only the text and its paragraphs).
    if extraction is None and (text, paragraphs) == (article.text, article.paragraphs):
        return held
    return extraction


def _same_bytes(paths: list[Path]) -> list[list[int]]:
    """Return the positions of files with identical bytes and suffix, in groups of two or more."""
    by_size = defaultdict(list)
    for n, path in enumerate(paths):
        try:
            by_size[(os.stat(path).st_size, path.suffix.lower())].append(n)
        except OSError:
            continue  # the load reports it
    by_digest = defaultdict(list)
    for key, positions in by_size.items():
        for n in positions if len(positions) > 1 else ():  # a size met once has no copy: not read here
            try:
                by_digest[key, documents.read_file(paths[n]).sha1].append(n)
            except (OSError, ClaimsearchError):
                continue  # the load reports it
    return [positions for positions in by_digest.values() if len(positions) > 1]

