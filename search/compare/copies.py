"""Copies of one story (wire copies, reprints, the same file twice) found by MinHash/LSH, never all pairs."""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from functools import lru_cache

# numpy is imported where a build sketches texts: a server never sketches, and importing it cost
# RSS in each of its processes. The sketches are datasketch's MinHash values (scheme affine32,
# crc32 hashes) and the grouping its MinHashLSH's bands: worked out here on arrays and bytes, as
# datasketch's objects cost more than the arithmetic; tests check both against datasketch.

NUM_PERM = 64      # 64 hash values: 256 bytes per article kept in the build
SHINGLE = 5        # words per shingle: a shared 5-word run is rarely chance
THRESHOLD = 0.6    # Jaccard of the shingle sets above which two articles are one story
MIN_SHINGLES = 50  # shorter texts (briefs, stubs) share boilerplate too easily to call copies
SEED = 7
LSH_PARAMS = (10, 6)  # (bands, rows): datasketch's own choice for THRESHOLD and NUM_PERM (a test checks it)
WORD = re.compile(r"\w+", re.UNICODE)
ASCII_WORD = re.compile(rb"\w+")  # in UTF-8 bytes: ASCII letters, digits and '_', as WORD finds them
NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=1)
def _permutations():
    """Return the (a, b) that datasketch's MinHash(num_perm=NUM_PERM, seed=SEED) draws for scheme affine32."""
    import numpy as np
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    return a, gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)


def signature(text: str) -> bytes | None:
    """Return the MinHash values of a text's word shingles, or None for a text too short to compare."""
    import numpy as np
    words = _words(text.lower())
    # each run of SHINGLE words, joined, encoded and hashed without a Python step per shingle; one
    # met twice hashes twice, which leaves every minimum as it was
    hashes = np.fromiter(map(zlib.crc32, _shingles(words)), np.uint32)
    hashes.sort()  # the minima do not depend on the order; sorted, the distinct values are counted cheaply
    if np.count_nonzero(np.diff(hashes)) + 1 < MIN_SHINGLES and len(set(_shingles(words))) < MIN_SHINGLES:
        return None  # (distinct shingles hash at least as many values: the set is built only near the limit)
    a, b = _permutations()
    # MinHash.update_batch's arithmetic (scheme affine32) on one array, with no MinHash per text
    return (np.multiply.outer(_fmix32(hashes), a) + b).min(axis=0).tobytes()


def _words(lowered: str) -> list:
    """Return a lower-cased text's words (WORD's), as UTF-8 bytes when all its word characters are ASCII."""
    # Found in the bytes, the shingles need no encoding one by one (a tenth of the sketching); the
    # words are WORD's, as every byte of a non-ASCII character is then a separator for both.
    if lowered.isascii() or not NON_ASCII_WORD.search(lowered):
        return ASCII_WORD.findall(lowered.encode())
    return WORD.findall(lowered)


def _shingles(words: list):
    """Return an iterator over each run of SHINGLE words, joined and in UTF-8, without a Python step per shingle."""
    runs = zip(*(words[k:] for k in range(SHINGLE)))
    return map(str.encode, map(" ".join, runs)) if words and isinstance(words[0], str) else map(b" ".join, runs)


def _fmix32(hashes):
    """Return MurmurHash3's 32-bit finalizer of each value, as datasketch's affine32 scheme mixes hashes."""
    import numpy as np
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def story_groups(signatures: dict[str, bytes]) -> list[list[str]]:
    """Return the groups (two or more article ids, sorted) whose texts are near copies."""
    bands, rows = LSH_PARAMS
    width = rows * 4  # a band's bytes: its rows' uint32 values
    parent = {aid: aid for aid in signatures}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    buckets: dict[tuple, list[str]] = defaultdict(list)  # (band, its values) -> the articles met with them
    for aid, values in sorted(signatures.items()):
        keys = [(band, values[band * width:(band + 1) * width]) for band in range(bands)]
        # LSH proposes the articles sharing a band's values; the estimate confirms them (band collisions can be chance)
        for other in {other for key in keys for other in buckets.get(key, ())}:
            if find(aid) != find(other) and _similarity(values, signatures[other]) >= THRESHOLD:
                parent[find(aid)] = find(other)
        for key in keys:
            buckets[key].append(aid)
    groups: dict[str, list[str]] = {}
    for aid in sorted(signatures):
        groups.setdefault(find(aid), []).append(aid)
    return sorted(sorted(ids) for ids in groups.values() if len(ids) > 1)


def _similarity(a: bytes, b: bytes) -> float:
    """Return the Jaccard estimate of two signatures: the share of their values that are equal (MinHash.jaccard)."""
    import numpy as np
    return np.count_nonzero(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)) / NUM_PERM


def story_id(article_ids: list[str]) -> str:
    """Return a stable id for a story group, derived from its first article."""
    return "st-" + hashlib.sha1(min(article_ids).encode("utf-8")).hexdigest()[:10]
