"""Group quotes that render one utterance across articles, without comparing every pair."""
from __future__ import annotations

import hashlib
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import chain, repeat

from rapidfuzz import fuzz

from .text import compatible_speakers, content_stems, narrated, numbers

RARE_PER_QUOTE = 4      # a quote is a candidate for those sharing one of its 4 rarest shared stems
MAX_POSTING = 64        # a stem in more quotes than this is not rare: it proposes no pairs
MAX_PARTNERS = 24       # compare each quote with at most this many candidates, most shared first
MIN_STEMS = 2           # shorter quotes are too thin to match; two-stem ones join only as near copies of one speaker
SAME_SPEAKER = (65, 6)  # (token-set score, shared stems) needed when speakers agree
NO_SPEAKER = (75, 5)    # ... and when either speaker is unknown
SHORT_SHARE, SHORT_SHARED = 0.75, 3  # one speaker's short quotes: most of the shorter's stems, three at least
UNKNOWN_ORDERED = 0.6   # share of the shorter quote's stems two unknown speakers' quotes must give in one order
NEAR_IDENTICAL = 90     # character score of the stems (whole, or the shorter inside the longer)


def candidate_pairs(stems: list[tuple[str, ...]], apart: list | None = None) -> set[tuple[int, int]]:
    """Return index pairs that share rare stems; each item gets a bounded number of partners.

    ``apart``, when given, holds a key per item (a speaker id) or None: two items with different
    keys are chosen as partners, but never returned as a pair."""
    df = Counter(chain.from_iterable(map(set, stems)))
    # The stems some other item also has, ranked rarest first (ties by the stem): a stem no one shares
    # pairs nothing. Ranked once for all items, each item's rarest are then its smallest ranks.
    rank = {s: r for r, (_, s) in enumerate(sorted((n, s) for s, n in df.items() if n > 1))}
    postings: dict[int, list[int]] = defaultdict(list)
    rare: list[list[int]] = []
    for i, item in enumerate(stems):
        distinct = set(item)
        rare.append(sorted(map(rank.__getitem__, distinct & rank.keys()))[:RARE_PER_QUOTE]
                    if len(distinct) >= MIN_STEMS else [])
        for r in rare[-1]:
            postings[r].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, keys in enumerate(rare):
        partners = Counter(chain.from_iterable(postings[r] for r in keys if len(postings[r]) <= MAX_POSTING))
        partners.pop(i, None)  # every item is in its own stems' postings
        # most shared first, ties in the order met (as Counter.most_common), then as pairs (lower, higher)
        chosen = sorted(sorted(partners, key=partners.__getitem__, reverse=True)[:MAX_PARTNERS]
                        if len(partners) > MAX_PARTNERS else partners)
        if apart is not None and apart[i]:  # most pairs of two named people (4 in 5 on BBC) end here
            chosen = [j for j in chosen if not apart[j] or apart[j] == apart[i]]
        below = bisect_left(chosen, i)
        pairs.update(zip(chosen[:below], repeat(i)))
        pairs.update(zip(repeat(i), chosen[below:]))
    return pairs


def speakers_agree(a, b) -> bool | None:
    """Return True for one speaker, False for two, None when unknown (an unnamed source, no name)."""
    if a.get("named") is False or b.get("named") is False:
        return None  # "a spokesman" in two articles need not be one person
    if a.get("speaker_id") and b.get("speaker_id"):
        return a["speaker_id"] == b["speaker_id"]
    return compatible_speakers(a.get("speaker"), b.get("speaker"))


def same_utterance(a, b, sa: tuple, sb: tuple) -> bool:
    """Return True when two quotes are one utterance: compatible speakers and shared content."""
    # The counts and comparisons decide before the text scores where they can: the scores are most
    # of the clustering's time, and a score cut off at its threshold answers sooner.
    speakers = speakers_agree(a, b)
    if speakers is False:
        return False
    shared = len(set(sa) & set(sb))
    near, (need_score, need_shared) = (2, SAME_SPEAKER) if speakers else (3, NO_SPEAKER)
    if shared < min(near, need_shared, SHORT_SHARED if speakers else need_shared):
        return False  # fewer shared stems than any test below asks for: most candidate pairs
    ta, tb = " ".join(sa), " ".join(sb)
    # The same transcript twice, or cut short: what one outlet does when it quotes its own story again.
    if shared >= near and (fuzz.ratio(ta, tb, score_cutoff=NEAR_IDENTICAL)
                           or fuzz.partial_ratio(ta, tb, score_cutoff=NEAR_IDENTICAL)):
        return True
    if same_outlet(a, b) or numbers(a["text"]) != numbers(b["text"]):
        # One outlet words one utterance one way, and translations keep the numbers and dates:
        # new wording in one outlet, or a date one version adds, is another occasion.
        return False
    # Long quotes may differ in wording (translations); short ones join only as near-identical text
    # (above) or, one person's, sharing most of their words in the same order: a few words found among
    # another's, in any order, prove little.
    if not (shared >= need_shared or bool(speakers) and _short_version(sa, sb)):
        return False
    if speakers is None and not _mostly_in_order(sa, sb):
        return False  # nobody known says both: sharing 'lower taxes and controlled immigration' is a party line
    return bool(fuzz.token_set_ratio(ta, tb, score_cutoff=need_score))


def _mostly_in_order(sa: tuple, sb: tuple) -> bool:
    """Return True when most of the shorter quote's stems recur in the longer, in its order."""
    short, long_ = sorted((list(sa), list(sb)), key=lambda stems: len(set(stems)))
    return _in_order([w for w in short if w in long_], long_) >= UNKNOWN_ORDERED * len(set(short))


def _short_version(sa: tuple, sb: tuple) -> bool:
    """Return True when most of the shorter quote's stems are the longer's, all in its order."""
    # 'not for sale ... burn ... on my watch / under my government'; shared words in another order: another sentence
    short, long_ = sorted((list(sa), list(sb)), key=lambda stems: len(set(stems)))
    shared = len(set(short) & set(long_))
    if len(set(short)) >= SAME_SPEAKER[1] / SHORT_SHARE or shared < max(SHORT_SHARED, SHORT_SHARE * len(set(short))):
        return False  # a longer quote needs the shared words above; too few shared: no need to align
    return _in_order([w for w in short if w in long_], long_) >= shared


def _in_order(a: list[str], b: list[str]) -> int:
    """Return how many stems of a appear in b in the same order (longest common subsequence)."""
    row = [0] * (len(b) + 1)
    for word in a:
        diagonal = 0
        for j, other in enumerate(b, 1):
            diagonal, row[j] = row[j], diagonal + 1 if word == other else max(row[j], row[j - 1])
    return row[-1]


def same_outlet(a, b) -> bool:
    """Return True when two quotes come from one named outlet."""
    return bool(a.get("source") and b.get("source") and a["source"].lower() == b["source"].lower())


def utterances(quotes: list) -> list[tuple[dict, list[str]]]:
    """Return one item per utterance (its pieces' texts joined) with the ids of its pieces."""
    items: dict[tuple, tuple[dict, list[str]]] = {}
    for quote in quotes:
        key = (quote.get("article_id"), quote["utterance"]) if quote.get("utterance") else (quote["id"],)
        if key in items:
            first, ids = items[key]
            items[key] = (dict(first, text=first["text"] + " " + quote["text"]), ids + [quote["id"]])
        else:
            items[key] = (quote if type(quote) is dict else dict(quote), [quote["id"]])  # read, never changed
    return list(items.values())


class _Groups:
    """Union-find over quotes where no group ever holds two utterances of one article."""

    def __init__(self, items: list[dict]):
        self.parent = list(range(len(items)))
        self.articles = [{item.get("article_id") or item["id"]} for item in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or self.articles[ri] & self.articles[rj]:
            return  # two quotes of one article are two things said, never versions of one
        if len(self.articles[ri]) < len(self.articles[rj]):
            ri, rj = rj, ri
        self.parent[rj] = ri
        self.articles[ri] |= self.articles[rj]


def cluster_quotes(quotes: list) -> list[list[str]]:
    """Return clusters (lists of quote ids, two or more) of quotes rendering one utterance."""
    # A quote nobody is credited with is most often the reporter's own words set in quote marks.
    items = [(item, ids) for item, ids in utterances(quotes) if item.get("speaker") and not narrated(item["text"])]
    stems = [content_stems(item["text"]) for item, _ in items]
    groups = _Groups([item for item, _ in items])
    # Exact copies (wire stories, syndication) join at once and are compared only once.
    copies: dict[tuple, list[int]] = defaultdict(list)
    for i, (item, _) in enumerate(items):
        copies[(stems[i], (item.get("speaker") or "").lower())].append(i)
    unique = [members[0] for members in copies.values()]
    for members in copies.values():
        if len(stems[members[0]]) >= MIN_STEMS:
            for other in members[1:]:
                groups.join(members[0], other)
    # Two named people's ids turn most pairs away (speakers_agree): before the pairs are made.
    ids = [item.get("speaker_id") if item.get("named") is not False else None for item, _ in items]
    for a, b in sorted(candidate_pairs([stems[i] for i in unique], [ids[i] for i in unique])):
        qa, qb = unique[a], unique[b]
        if groups.find(qa) != groups.find(qb) and same_utterance(items[qa][0], items[qb][0], stems[qa], stems[qb]):
            groups.join(qa, qb)
    clusters: dict[int, list[str]] = defaultdict(list)
    for i, (_, ids) in enumerate(items):
        clusters[groups.find(i)].extend(ids)
    return sorted(sorted(ids) for root, ids in clusters.items() if len(groups.articles[root]) > 1)


def cluster_id(member_ids: list[str]) -> str:
    """Return a stable id for a cluster, derived from its first member."""
    return "qc-" + hashlib.sha1(min(member_ids).encode("utf-8")).hexdigest()[:10]
