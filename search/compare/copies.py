"""Copies of one story (wire copies, reprints, the same file twice) found by MinHash/LSH, never all pairs."""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sys
import types
import zlib
from functools import lru_cache, partial

# datasketch (and through it numpy and scipy) is imported where a build sketches texts: a server
# never sketches, and importing them cost ~75 MB of RSS in each of its processes.

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
def _datasketch():
    """Return datasketch's MinHash and MinHashLSH, imported without its other sketches or scipy.integrate."""
    # datasketch's __init__ imports every sketch it has (an asyncio LSH, HNSW, LSH forests...) and
    # reads its own version from the installed metadata: 0.26 of its 0.28 CPU s of import with numpy
    # loaded, paid by every build. The package is put in place without running it; its __init__
    # runs when a name only it defines is first asked for (`from datasketch import MinHash`).
    if "datasketch" not in sys.modules:
        package = importlib.util.module_from_spec(importlib.util.find_spec("datasketch"))
        package.__getattr__ = partial(_initialised_attribute, package)
        sys.modules["datasketch"] = package
    # datasketch.lsh binds scipy.integrate.quad at import (0.4 CPU s more), used only by its search
    # for LSH parameters, which LSH_PARAMS answers: it gets _quad, which imports the real one if ever
    # called. Any later import gets the real module.
    stand_in = None
    if "scipy.integrate" not in sys.modules:
        stand_in = sys.modules["scipy.integrate"] = types.ModuleType("scipy.integrate")
        stand_in.quad = _quad
    try:
        minhash, lsh = importlib.import_module("datasketch.minhash"), importlib.import_module("datasketch.lsh")
    finally:
        if stand_in is not None and sys.modules.get("scipy.integrate") is stand_in:
            del sys.modules["scipy.integrate"]
    return types.SimpleNamespace(MinHash=minhash.MinHash, MinHashLSH=lsh.MinHashLSH)


def _initialised_attribute(package, name: str):
    """A package put in place without its __init__ (see _datasketch): run it, then look the name up."""
    del package.__getattr__
    package.__spec__.loader.exec_module(package)
    return getattr(package, name)


def _quad(*args, **kwargs):
    """scipy.integrate.quad, imported when first called."""
    return importlib.import_module("scipy.integrate").quad(*args, **kwargs)


@lru_cache(maxsize=1)
def _template():
    MinHash = _datasketch().MinHash
    # crc32 is stable across processes (an update must hash as the build did) and ~3x faster than sha1
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)


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
    a, b = _template().permutations
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


def _sketch(values: bytes):
    import numpy as np
    template = _template()
    # The template's permutations: left out, datasketch draws them again for each sketch (a third of story_groups)
    return type(template)(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, scheme=template.scheme,
                          permutations=template.permutations,
                          hashvalues=np.frombuffer(values, dtype=template.hashvalues.dtype))


def story_groups(signatures: dict[str, bytes]) -> list[list[str]]:
    """Return the groups (two or more article ids, sorted) whose texts are near copies."""
    lsh = _datasketch().MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=LSH_PARAMS)
    sketches = {aid: _sketch(values) for aid, values in sorted(signatures.items())}
    parent = {aid: aid for aid in sketches}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for aid, sketch in sketches.items():
        # LSH proposes candidates in bands; the estimate confirms them (band collisions can be chance)
        for other in lsh.query(sketch):
            if sketch.jaccard(sketches[other]) >= THRESHOLD:
                parent[find(aid)] = find(other)
        lsh.insert(aid, sketch)
    groups: dict[str, list[str]] = {}
    for aid in sketches:
        groups.setdefault(find(aid), []).append(aid)
    return sorted(sorted(ids) for ids in groups.values() if len(ids) > 1)


def story_id(article_ids: list[str]) -> str:
    """Return a stable id for a story group, derived from its first article."""
    return "st-" + hashlib.sha1(min(article_ids).encode("utf-8")).hexdigest()[:10]
