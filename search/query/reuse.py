"""Reuse across requests: one open Whoosh searcher per thread, and small LRU caches of results."""
from __future__ import annotations

import threading

from cachetools import LRUCache


class SearcherPool:
    """Give each thread its own searcher on the live build, reopened when another build is swapped in."""

    def __init__(self):
        self._local = threading.local()

    def get(self, name: str, ix):
        """Return (searcher, per-searcher scratch dict) for build ``name``."""
        local = self._local
        current = getattr(local, "searcher", None)
        # A build never changes once live (`index` and `update` both swap in a new one), so its name
        # is the whole test: Whoosh's refresh() kept stale readers and deletions, and leaked files.
        if current is None or local.name != name:
            # Opening a searcher reads the segment's term index; doing it once per thread and build
            # instead of once per request is most of the saving.
            if current is not None:
                current.close()
            local.searcher, local.name, local.scratch = ix.searcher(), name, {}
        return local.searcher, local.scratch

    def reset(self) -> None:
        """Drop this thread's searcher (other threads reopen when the build changes)."""
        current = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
        self._local.searcher = None


class LRU:
    """A thread-safe least-recently-used map with a fixed number of entries."""

    def __init__(self, size: int):
        # cachetools' caches are not thread-safe: reads reorder entries, so they take the lock too.
        self.size, self._data, self._lock = size, LRUCache(maxsize=size), threading.Lock()

    def get(self, key):
        """Return the cached value or None."""
        with self._lock:
            return self._data.get(key)

    def put(self, key, value) -> None:
        """Remember value under key, forgetting the least recently used entry when full."""
        with self._lock:
            self._data[key] = value

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)
