"""The result caches: least recently used entries go first, and threads may share them."""
from __future__ import annotations

import threading

from search.query.reuse import LRU


def test_the_least_recently_used_entry_is_forgotten_first():
    cache = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # now "b" is the least recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_threads_share_a_cache_without_losing_its_bound():
    cache, start = LRU(50), threading.Barrier(4)

    def churn(offset):
        start.wait()  # all threads read and write at once
        for n in range(2000):
            cache.put((offset, n), n)
            cache.get((offset, n - 1))

    threads = [threading.Thread(target=churn, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 50
