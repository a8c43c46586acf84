"""Group quotes that render one utterance across articles, without comparing every pair."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .text import compatible_speakers, content_stems

RARE_PER_QUOTE = 4      # a quote is a candidate for those sharing one of its 4 rarest shared stems
MAX_POSTING = 64        # a stem in more quotes than this is not rare: it proposes no pairs
MAX_PARTNERS = 24       # compare each quote with at most this many candidates, most shared first
MIN_STEMS = 3           # shorter quotes are too thin to match on content
SAME_SPEAKER = (65, 4)  # (token-set score, shared stems) needed when speakers agree
SAME_SPEAKER_SHORT = (90, 2)  # ... or a near-identical short quote
NO_SPEAKER = (75, 5)    # ... and when either speaker is unknown
NO_SPEAKER_SHORT = (95, 3)


def candidate_pairs(stems: list[tuple[str, ...]]) -> set[tuple[int, int]]:
    """Return index pairs that share rare stems; each item gets a bounded number of partners."""
    df = Counter(s for item in stems for s in set(item))
    postings: dict[str, list[int]] = defaultdict(list)
    rare: list[list[str]] = []
    for i, item in enumerate(stems):
        # the rarest stems that some other quote also has: a stem no one shares pairs nothing
        shared = sorted((s for s in set(item) if df[s] > 1), key=lambda s: (df[s], s))
        rare.append(shared[:RARE_PER_QUOTE] if len(set(item)) >= MIN_STEMS else [])
        for s in rare[-1]:
            postings[s].append(i)
    pairs = set()
    for i, keys in enumerate(rare):
        partners = Counter(j for s in keys if len(postings[s]) <= MAX_POSTING for j in postings[s] if j != i)
        for j, _ in partners.most_common(MAX_PARTNERS):
            pairs.add((min(i, j), max(i, j)))
    return pairs


def same_utterance(a: dict, b: dict, sa: tuple, sb: tuple) -> bool:
    """Return True when two quotes are one utterance: compatible speakers and shared content."""
    speakers = compatible_speakers(a.get("speaker"), b.get("speaker"))
    if speakers is False:
        return False
    shared = len(set(sa) & set(sb))
    score = fuzz.token_set_ratio(" ".join(sa), " ".join(sb))
    loose, close = (SAME_SPEAKER, SAME_SPEAKER_SHORT) if speakers else (NO_SPEAKER, NO_SPEAKER_SHORT)
    # Long quotes may differ in wording (translations); short ones must be nearly identical
    # ("neighborhoods" / "neighbourhoods"), since a few shared words prove little.
    return any(score >= need_score and shared >= need_shared for need_score, need_shared in (loose, close))


def cluster_quotes(quotes: list[dict]) -> list[list[str]]:
    """Return clusters (lists of quote ids, two or more) of quotes rendering one utterance."""
    stems = [content_stems(q["text"]) for q in quotes]
    # Exact copies (wire stories, syndication) join at once and are compared only once.
    copies: dict[tuple, list[int]] = defaultdict(list)
    for i, item in enumerate(stems):
        copies[(item, (quotes[i].get("speaker") or "").lower())].append(i)
    unique = [members[0] for members in copies.values()]
    parent = list(range(len(quotes)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in copies.values():
        if len(stems[members[0]]) >= MIN_STEMS:
            for other in members[1:]:
                parent[find(other)] = find(members[0])
    for a, b in sorted(candidate_pairs([stems[i] for i in unique])):
        qa, qb = unique[a], unique[b]
        if find(qa) != find(qb) and same_utterance(quotes[qa], quotes[qb], stems[qa], stems[qb]):
            parent[find(qa)] = find(qb)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, quote in enumerate(quotes):
        groups[find(i)].append(quote["id"])
    return [sorted(ids) for ids in groups.values() if len(ids) > 1]


def cluster_id(member_ids: list[str]) -> str:
    """Return a stable id for a cluster, derived from its first member."""
    return "qc-" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:10]
