"""Word-level differences between versions of one quote."""
from __future__ import annotations

import difflib
import re

from .text import stem_word

TOKEN = re.compile(r"\S+")
EDGE_PUNCT = re.compile(r"^\W+|\W+$")


def _key(word: str) -> str:
    """Compare words by stem, so 'example' and 'examples' are not a difference."""
    return stem_word(EDGE_PUNCT.sub("", word.lower().replace("’", "'")))


def word_diff(versions: list[str]) -> list[list[dict]]:
    """For each version, return its words, each marked when no other version has it in sequence."""
    tokens = [TOKEN.findall(v) for v in versions]
    keys = [[_key(t) for t in words] for words in tokens]
    out = []
    for i, words in enumerate(tokens):
        shared = [False] * len(words)
        for j, other in enumerate(keys):
            if i == j:
                continue
            matcher = difflib.SequenceMatcher(None, keys[i], other, autojunk=False)
            for block in matcher.get_matching_blocks():
                for k in range(block.a, block.a + block.size):
                    shared[k] = True
        out.append([{"word": w, "differs": not s and bool(_key(w))} for w, s in zip(words, shared)])
    return out
