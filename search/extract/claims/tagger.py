"""A learned sequence tagger (a CRF, python-crfsuite) that proposes claims where the rules found none."""
from __future__ import annotations

import base64
import json
import re
from bisect import bisect_left
from itertools import accumulate, repeat
from operator import add, attrgetter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import pycrfsuite

from ..attribution.context import Context
from ..attribution.cues import anonymity
from ..lexicon.grammar import FIRST_PERSON, PLACE_PREPOSITIONS
from ..lexicon.sources import POSSESSIVES, TIME_WORDS
from ..lexicon.verbs import ADJUNCT_HEADS, AUXILIARIES, BE_FORMS, PAST_VERBS, THAT_NOUNS, classes_of
from ..lexicon.words import DETERMINERS, PRONOUNS, STOP_WORDS
from ..text.phrases import QUOTE_MARKS, relative_head
from ..text.sentences import Token, tokens
from ...models import ACT
from .finder import RawClaim, claim_form, names_no_stance, windows
from .scorer import default_scorer
from .sources import can_assert, evidence_subject, impersonal

TAGGER_FILE = "claim_tagger.json"
WORD = re.compile(r"[a-z]+")
CONTENT, SOURCE, CUE = "C", "S", "Q"  # BIO label kinds: B-C, I-C, ...
LABELS = ("O", "B-C", "I-C", "B-S", "I-S", "B-Q", "I-Q")
EDGE_PUNCT = frozenset(".,;:-—–")
NOT_NAMES = STOP_WORDS | DETERMINERS | TIME_WORDS  # words that end no source: 'Airbus this week', 'X and'
APPOSITIVE_OPENERS = frozenset([*",-–—(", "who", "which"])  # a source ends where its appositive starts
VAGUE_PRONOUNS = FIRST_PERSON | {"it", "they"}  # a speaker's own voice, or rarely resolved to a speaker
MIN_LEFT = 40  # characters a read sentence must leave outside the rules' claims to be tagged (BBC: 2 in 3 skipped)
SURE_LEFT = 80  # ... below which what it finds there is kept only for recall (EXTRA)
LEFT_REACH = 8  # claims looked at per window: a sentence holds a few
# The form of a reading kept only for recall (a guessed source, a weak content, a gate's leftover): an act unless
# it holds a quotation, which it would take from the statement or quote the rules make of it
EXTRA = "extra"
IRREGULAR_PARTICIPLES = frozenset("forecast set put cut hit quit bid".split())  # 'sales are forecast to rise'
TEXT = attrgetter("text")  # a token's text, got in C
WINDOWS_KEPT = 50_000  # windows' readings remembered before the memo starts over (BBC tags 23,000 windows)


# the prefixes of a token's features ('w=lee', 'w-1w=lee|said') and the pairs' joint, as str and as the CRF's bytes
NAMES = ("w=", "s=", "x=", "c=", "w-1=", "w+1=", "w-2=", "w+2=", "s-1=", "s+1=", "c-1=", "c+1=", "s-1s=", "w-1w=", "|")
ENCODED_NAMES = tuple(name.encode() for name in NAMES)


def _shape(text: str, lower: str) -> str:
    """Return a word's kind: pronoun, capitalised, lower, number, a quote mark or the punctuation itself."""
    if lower in PRONOUNS:
        return "PRON"
    if text in QUOTE_MARKS:
        return "QUOTE"
    first = text[:1]
    if not first.isalnum():
        return text
    return "NUM" if first.isdigit() else "CAP" if first.isupper() else "low"


def _distance(n: int | None) -> str:
    """Return a coarse distance to the nearest cue word: order matters, not the exact count."""
    if n is None:
        return "none"
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def _class_name(word: str) -> str:
    """Return a word's verb classes as one name ('belief+intent'), '-' for none."""
    return "+".join(sorted(classes_of(word))) or "-"


def _slots(word, shape, kind, suffix, cue: bool, names: tuple = NAMES) -> tuple:
    """Return what a token's features take from it: word, shape, whether it is a cue, then each feature naming it,
    and the heads of the two pair features it opens ('s-1s=CAP|', 'w-1w=lee|'), in the type of the names."""
    w, s, x, c, w_1, w1, w_2, w2, s_1, s1, c_1, c1, ss, ww, bar = names
    return (word, shape, cue, w + word, s + shape, x + suffix, c + kind, w_1 + word, w1 + word, w_2 + word, w2 + word,
            s_1 + shape, s1 + shape, c_1 + kind, c1 + kind, ss + shape + bar, ww + word + bar)


def _word_features(text: str, encoded: bool = False) -> tuple:
    """Return the slots of a token written as text (as UTF-8 bytes when encoded: the parts encoded, not each
    feature, which reads the same as UTF-8 keeps concatenation)."""
    word = text.lower()
    shape, kind, suffix = _shape(text, word), _class_name(word), word[-3:]
    if encoded:
        return _slots(word.encode(), shape.encode(), kind.encode(), suffix.encode(), kind != "-", ENCODED_NAMES)
    return _slots(word, shape, kind, suffix, kind != "-")


def _encoded(slots: tuple) -> tuple:
    """Return the slots as UTF-8 bytes, as the CRF reads them (it would encode each feature on every call)."""
    return tuple([slot.encode() if isinstance(slot, str) else slot for slot in slots])  # a list: no generator steps


class _WordFeatures(dict):
    """Token text -> its slots, built on first asking (a missing key's cost only: a hit is a plain dict lookup)."""

    def __init__(self, encoded: bool):
        super().__init__()
        self.encoded = encoded

    def __missing__(self, text: str) -> tuple:
        if len(self) >= WORD_FEATURES_KEPT:
            self.clear()
        found = self[text] = _word_features(text, self.encoded)
        return found


_PADDING = (_slots("^", "^", "^", "^", True), _slots("$", "$", "$", "$", True))  # before and after a window
# by token text, str slots and bytes slots: built once per word, not per token (asked per window)
_WORD_FEATURES: tuple[dict, dict] = (_WordFeatures(False), _WordFeatures(True))
WORD_FEATURES_KEPT = 200_000  # distinct token texts cached before a cache starts over (memory stays bounded)
# a distance feature by 1 + min(n, 13) (0 for no cue): 13 and beyond read the same
_DISTANCES = tuple(tuple(name + _distance(n) for n in (None, *range(14))) for name in ("cb=", "ca="))
PADDING, DISTANCES = ((table, tuple(map(_encoded, table))) for table in (_PADDING, _DISTANCES))  # by encoded


def _cue_distances(cues: list[int], n: int, names: tuple) -> tuple[list, list]:
    """Return each of n tokens' distance features to the nearest cue word (a verb of saying, belief ...) before it
    and after it, the cue itself not counted: runs of names sliced per stretch between cues, not a step per token."""
    if not cues:
        return [names[0][0]] * n, [names[1][0]] * n
    before, after = [names[0][0]] * (cues[0] + 1), _run(names[1], cues[0])[:0:-1]
    for a, b in zip(cues, cues[1:]):
        before += _run(names[0], b - a)[1:]
        after += _run(names[1], b - a)[:0:-1]
    before += _run(names[0], n - 1 - cues[-1])[1:]
    after += [names[1][0]] * (n - cues[-1])
    return before, after


def _run(names: tuple, k: int) -> list:
    """Return the distance names for 0..k tokens away (13 and beyond read the same)."""
    return list(names[1:k + 2]) if k < 14 else [*names[1:], *[names[-1]] * (k - 13)]


def sentence_features(toks: list[Token], encoded: bool = False) -> list[list]:
    """Return each token's feature names: its word, shape and verb class, its neighbours', and how far cues lie
    (as UTF-8 bytes when encoded, for the CRF: the same names)."""
    cache = _WORD_FEATURES[encoded]
    own = list(map(cache.__getitem__, map(TEXT, toks)))  # mapped in C: asked of each token of every window
    n = len(own)
    start, end = PADDING[encoded]
    before, after = _cue_distances([i for i, f in enumerate(own) if f[2]], n, DISTANCES[encoded])
    padded = [start, start, *own, end, end]
    # slots: 0 word, 1 shape, 3-6 own features, 7-10 as a neighbour's word, 11-14 its shape and class, 15-16 pair heads
    return [[f[3], f[4], f[5], f[6], prev[7], nxt[8], prev2[9], nxt2[10], prev[11], nxt[12], prev[15] + f[1],
             prev[13], nxt[14], b, a, prev[16] + f[0]]
            for prev2, prev, f, nxt, nxt2, b, a in zip(padded, padded[1:], own, padded[3:], padded[4:], before, after)]


def candidate_windows(ctx: Context, cues: frozenset[str]) -> list[list[Token]]:
    """Return the token windows of each sentence holding a word the tagger learned as part of a cue."""
    found = []
    for sentences in ctx.sentences:
        for lo, hi in sentences:
            if not cues.isdisjoint(ctx.sentence_words(lo, hi)):
                found.extend(windows(tokens(ctx.masked, lo, hi)))
    return found


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """Return the [lo, hi) runs of consecutive true flags."""
    runs, lo = [], None
    for i, flag in enumerate(flags + [False]):
        if flag and lo is None:
            lo = i
        elif not flag and lo is not None:
            runs.append((lo, i))
            lo = None
    return runs


def _probs(tagger: pycrfsuite.Tagger, kind: str, n: int) -> list[float]:
    """Return each of the n tokens' marginal probability of being inside a run of kind (B- or I-)."""
    marginal, begin, inside = tagger.marginal, "B-" + kind, "I-" + kind
    # mapped in C, not a comprehension's loop: asked of every token of each window holding content
    return list(map(add, map(marginal, repeat(begin, n), range(n)), map(marginal, repeat(inside, n), range(n))))


def _nearest(runs: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int] | None:
    """Return the run outside [lo, hi) nearest to it, None if there is none."""
    outside = [r for r in runs if r[1] <= lo or r[0] >= hi]
    return min(outside, key=lambda r: lo - r[1] if r[1] <= lo else r[0] - hi, default=None)


def _passive(words: list[str]) -> bool:
    """Return True for a passive cue ('is expected', 'was told'): its subject is not who asserts."""
    return any(a in BE_FORMS and (b.endswith(("ed", "en", "wn")) or b in PAST_VERBS or b in IRREGULAR_PARTICIPLES)
               for a, b in zip(words, words[1:]))


def _trim_source(toks: list[Token], lo: int, hi: int) -> tuple[int, int]:
    """Return the source run without edge words that name nobody ('Airbus this week', 'Ms Lee, joined')."""
    def loose(t: Token) -> bool:
        word = t.lower
        return not t.text[:1].isalnum() or (word in NOT_NAMES and word not in PRONOUNS) or word in BE_FORMS or (
            t.text.islower() and word.endswith(("ed", "ing")))  # 'fishermen were backing': the verb is no name
    hi = next((m for m in range(lo + 1, hi) if toks[m].lower in APPOSITIVE_OPENERS), hi)  # 'Ann Lee, who ...'
    while hi > lo and loose(toks[hi - 1]):
        hi -= 1
    while lo < hi and loose(toks[lo]):
        lo += 1
    return lo, hi


def _evidence_only(words: list[str]) -> bool:
    """Return True when a cue's only verb is one of evidence ('showed', 'found')."""
    classes = [classes_of(w) for w in words if classes_of(w)]
    return bool(classes) and all(c == {"evidence"} for c in classes)


def _noun_cue(toks: list[Token], source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return True for "Moscow's official claims that": a claim noun after a possessive phrase is no verb."""
    return cue[1] - cue[0] == 1 and toks[cue[0]].lower in THAT_NOUNS and \
        any(t.lower.endswith(("'s", "’s")) for t in toks[source[0]:cue[0]])


def _time_only(toks: list[Token], lo: int, hi: int) -> bool:
    """Return True for content that is only a time ('Fiat said this week'): a tag's adjunct, never what was said."""
    return all(t.lower in TIME_WORDS or t.lower in DETERMINERS or t.lower in ("last", "next", "on")
               for t in toks[lo:hi])


def _outside_relative(toks: list[Token], run: tuple[int, int]) -> tuple[int, int] | None:
    """Return the source run, or the phrase a relative clause holding it describes: 'The panel, which included
    [Ann Lee and Tom Hart], praised' is the panel's act."""
    comma = run[1] - 1 if toks[run[1] - 1].text == "," else run[1]  # the run may hold the clause's closing comma
    head = relative_head(toks, comma, 0)
    return (head[0], head[1] + 1) if head and head[1] < run[0] else run


def _relative(toks: list[Token], run: tuple[int, int]) -> tuple[int, int] | None:
    """Return the last relative 'who' of a source run ('Ann Lee, who'), None if it holds none."""
    return next(((m, m + 1) for m in range(run[1] - 1, run[0] - 1, -1) if toks[m].lower == "who"), None)


def _no_object(toks: list[Token], lo: int, hi: int, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return True for a weak content that is no object of its cue: one word, a relative clause ('which makes'),
    or the words just after an inverted tag's source ('said Ann Lee, the firm's chief')."""
    words = sum(t.text[:1].isalnum() for t in toks[lo:hi])
    return words < 2 or toks[lo].lower in ("which", "who") or (
        cue[1] <= source[0] and source[1] <= lo <= source[1] + 2)


def _fragment(toks: list[Token], lo: int, hi: int) -> bool:
    """Return True when a content ends in a word that ends no phrase ('the ferry on', 'the'; not 'him')."""
    last = toks[hi - 1].lower if hi > lo else ""
    return not last or (last in NOT_NAMES and last not in PRONOUNS)


def _person_like(toks: list[Token], source: tuple[int, int]) -> bool:
    """Return True when a source ends in a pronoun or a capitalised word past the sentence's first ('Ms Lee'), not
    in a measure ('Like-for-like sales', 'Sales')."""
    head = toks[source[1] - 1]
    return head.lower in PRONOUNS or (head.text[:1].isupper() and source[1] - 1 > 0)


def _guess_fits(toks: list[Token], content: tuple[int, int], source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Return True when a reading whose source or cue was guessed from the marginals has the plain shape of one: its
    cue is a run of words with no noun before a relative clause ('made a screensaver that ...'), and its source is no
    passive's agent ('fined by the SEC, but has agreed') nor holds a verb ('X's lawyer labelled the court')."""
    words = [t.lower for t in toks[cue[0]:cue[1]]]
    relative = toks[content[0]].lower in ("that", "which") and not DETERMINERS.isdisjoint(words)
    before = [t.lower for t in toks[max(source[0] - 2, 0):source[0]]]
    agent = "by" in before and all(w == "by" or w in DETERMINERS for w in before[before.index("by"):])
    verb = any(t.text.islower() and t.text.endswith("ed") for t in toks[source[0] + 1:source[1] - 1])
    return all(w.isalpha() for w in words) and not (relative or agent or verb)


def verb_cue(words: list[str]) -> bool:
    """Return True when a cue holds a verb of saying, belief, stance ... or a noun of claiming ('warning')."""
    return any(classes_of(w) or w in THAT_NOUNS for w in words)


class _Taken:
    """The rules' claim spans, asked whether any overlaps a window in O(log n) (a long article has many)."""

    def __init__(self, raw: list[RawClaim]):
        spans = sorted((c.start, c.end, c.claimer_start, c.claimer_end, i) for i, c in enumerate(raw))
        self.starts, self.ends, self.claimers, self.claimer_ends, self.index = ([span[k] for span in spans]
                                                                               for k in range(5))
        self.reach = list(accumulate(self.ends, max))  # the furthest end among the first k claims

    def overlaps(self, lo: int, hi: int) -> bool:
        """Return True when some claim starts before hi and ends after lo."""
        k = bisect_left(self.starts, hi)
        return k > 0 and self.reach[k - 1] > lo

    def _near(self, lo: int, hi: int) -> list[int]:
        """Return the sorted positions of the claims overlapping [lo, hi) (the last few before hi looked at)."""
        found, j = [], bisect_left(self.starts, hi) - 1
        for j in range(j, max(j - LEFT_REACH, -1), -1):
            if self.reach[j] <= lo:
                break
            if self.ends[j] > lo:
                found.append(j)
        return found

    def overlapping(self, lo: int, hi: int) -> list[int]:
        """Return the raw indexes of the claims overlapping [lo, hi)."""
        return [self.index[j] for j in self._near(lo, hi)]

    def inside(self, lo: int, hi: int, content: tuple[int, int], source: tuple[int, int]) -> bool:
        """Return True when every claim overlapping [lo, hi) lies inside the content [c_lo, c_hi) and has a claimer
        of its own, not the tagged source: an attribution nested in a tagged content ('hopes to use her claim
        that X'), not the rules' own reading of the tagged one."""
        (c_lo, c_hi), (s_lo, s_hi) = content, source
        return all(c_lo <= min(self.starts[j], self.claimers[j]) and self.ends[j] <= c_hi
                   and not (self.claimers[j] < s_hi and s_lo < self.claimer_ends[j]) for j in self._near(lo, hi))

    def left(self, lo: int, hi: int) -> int:
        """Return how many characters of [lo, hi) no claim covers."""
        return hi - lo - sum(min(self.ends[j], hi) - max(self.starts[j], lo) for j in self._near(lo, hi))


@dataclass
class ClaimTagger:
    """A CRF over BIO labels of content, source and cue; a claim needs content, a source and a cue."""

    model: bytes
    cues: frozenset[str]  # words seen in annotated cues: a sentence without one is not tagged
    threshold: float = 0.5  # marginal probability a token needs to be content
    min_words: int = 2
    strict: float = 0.7  # mean content probability a claim needs when its cue is no known verb ('backing')
    sure: float = 0.0  # mean content probability a claim with a known verb of saying, belief ... needs
    # mean content probability a tagged claim needs to be shown as a statement; below it, an act. Chosen on BBC
    # samples (bench/README, fourth session): it moves no PolNeAR score, which counts acts too
    statement_sure: float = 0.85
    # marginal probability a source or cue token needs when the best labelling holds content but names no source
    # or cue ('Cooper has spoken out in favor of gun control'): such a reading is less sure, so only an act
    guess: float = 0.08
    weak: float = 0.35  # content probability of a run no token of which reaches `threshold`: also only an act
    _tagger: pycrfsuite.Tagger | None = None
    _read: dict = field(default_factory=dict, repr=False)  # a window's text -> its readings (spans is pure)

    def __post_init__(self):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self.model)

    def spans(self, toks: list[Token]) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int], str]]:
        """Return (content, source, cue) token runs [lo, hi) the model finds in one window, with each one's form
        (EXTRA for a reading less sure than an act)."""
        tagger = self._tagger
        tagger.set(sentence_features(toks, encoded=True))
        labels = tagger.tag()
        if labels.count("O") == len(labels):
            return []  # nothing labelled (most windows): no reading, as below, without looking for runs
        sources = _runs([y[-1] == SOURCE for y in labels])
        cues = _runs([y[-1] == CUE for y in labels])
        guessed = not sources or not cues
        if guessed and not any(y[-1] == CONTENT for y in labels):
            return []  # nothing claimed: skip the marginals (most windows)
        if guessed:
            sources = sources or _runs([p >= self.guess for p in _probs(tagger, SOURCE, len(toks))])
            if sources:
                cues = cues or _runs([p >= self.guess for p in _probs(tagger, CUE, len(toks))])
            if not sources or not cues:
                return []  # no source or no cue even at a guess: no reading has both (the content's marginals spared)
        probs = _probs(tagger, CONTENT, len(toks))
        found = []
        runs = [(run, guessed, False) for run in _runs([p >= self.threshold for p in probs])]
        runs += [(run, True, True) for run in _runs([p >= self.weak for p in probs])
                 if max(probs[run[0]:run[1]]) < self.threshold]  # weak all through: an act at most
        for (lo, hi), unsure, weak in runs:
            while hi > lo and toks[hi - 1].text in EDGE_PUNCT:
                hi -= 1
            while lo < hi and toks[lo].text in EDGE_PUNCT:
                lo += 1
            run, cue = _nearest(sources, lo, hi), _nearest(cues, lo, hi)
            run = run and _outside_relative(toks, run)
            source = run and _trim_source(toks, *run)
            if source and source[0] == source[1] and _relative(toks, run):
                source, unsure = _relative(toks, run), True  # ', who backed': resolved to whom it follows
            before = toks[lo - 1].lower if lo else ""
            if before in PLACE_PREPOSITIONS or unsure and before in STOP_WORDS and _fragment(toks, lo, hi):
                continue  # 'said aboard the ferry', 'said at the meeting on Friday': where, not what
            form = source and cue and self._form(toks, probs, (lo, hi), source, cue)
            if form and guessed and not _guess_fits(toks, (lo, hi), source, cue):
                continue  # a guess in no plain shape: on BBC mostly a fragment or the wrong party
            if form and weak and not guessed and _no_object(toks, lo, hi, source, cue):
                continue  # a weak run beside the best labelling's own source and cue, read as no object of it
            if form:
                found.append(((lo, hi), source, cue, EXTRA if unsure else form))
        return found

    def read(self, text: str, toks: list[Token]) -> list:
        """Return spans(toks) of a window written as text (its tokens' texts follow from it), remembered: a window
        met before (a copy of an article, a wire story reprinted; 10% of BBC's windows) is not tagged again."""
        found = self._read.get(text)
        if found is None:
            if len(self._read) >= WINDOWS_KEPT:
                self._read.clear()
            found = self._read[text] = self.spans(toks)
        return found

    def forget(self) -> None:
        """Forget the remembered windows (a benchmark's repeat over the same articles then starts cold)."""
        self._read.clear()

    def _form(self, toks: list[Token], probs: list[float], content, source, cue) -> str | None:
        """Return None for a tagged claim that fails the gates (a cue or source of no sense), ACT for one
        read only as a stance or act, EXTRA for one kept only for recall, else the form its content has."""
        lo, hi = content
        words = sum(t.text[:1].isalnum() for t in toks[lo:hi])
        if source[0] == source[1] or _time_only(toks, lo, hi) or words < self.min_words and (
                _fragment(toks, lo, hi) or hi - lo > 1 or cue[0] > lo
                or any(t.text in QUOTE_MARKS for t in toks[max(lo - 1, 0):hi + 1])):
            return None  # one word beside a (masked) quotation is that quote's attribution, already a Quote
        cue_words = [t.lower for t in toks[cue[0]:cue[1]]]
        one = toks[source[0]].lower if source[1] - source[0] == 1 else ""
        if not any(w[:1].isalpha() for w in cue_words) or one in FIRST_PERSON or (
                one in VAGUE_PRONOUNS and not verb_cue(cue_words)):
            return None  # a bare ':' is a headline's; 'it appears', 'I think' are no one the writer reports
        shown = _evidence_only(cue_words) and not evidence_subject(toks, source[0], cue[0])
        if (cue[1] < len(toks) and toks[cue[1]].text == "by") or _noun_cue(toks, source, cue) or _passive(cue_words) \
                or (shown and not _person_like(toks, source)):
            return None  # 'suggested by X', 'is expected to': a passive's subject asserts; 'sales showed': a measure
        if words < self.min_words or cue[0] > lo or one in VAGUE_PRONOUNS or shown:
            return EXTRA  # 'endorsed Smith', a tag the rules did not read ('..., he said'), 'they want', 'Ms Lee
            # showed': an object, or a claimer less sure (a pronoun resolved), so never a statement
        need = self.sure if verb_cue(cue_words) else self.strict  # other cues ('backing') are surer as acts
        mean = sum(probs[lo:hi]) / (hi - lo)
        if "to" in cue_words[:-1] or one in POSSESSIVES or mean < need:
            return ACT  # 'had to show', 'backing the bid': something done, not something said
        if toks[cue[0]].text == "Asked" and source[0] >= hi:
            return ACT  # 'Asked whether he would resign, he said ...': the reporter's question, not his claim
        return claim_form(toks, lo, hi, cue[0], " ".join(cue_words)) if mean >= self.statement_sure else ACT

    def propose(self, ctx: Context, raw: list[RawClaim]) -> list[RawClaim]:
        """Return claims the model finds in cue sentences that no claim of the rules overlaps (and widen, in raw,
        a rule's act whose content the model reads further)."""
        taken = _Taken(raw)
        heads = default_scorer().heads  # the source heads learned for the loose readings ('campaign', 'poll')
        found = []
        for toks in candidate_windows(ctx, self.cues):
            read = taken.overlaps(toks[0].start, toks[-1].end)  # the rules read this sentence: mostly its acts are left
            left = taken.left(toks[0].start, toks[-1].end) if read else SURE_LEFT
            if left < MIN_LEFT:
                continue  # the rules' claims fill the sentence: no room for another (and tagging costs time)
            readings = self.read(ctx.masked[toks[0].start:toks[-1].end], toks)
            for (c_lo, c_hi), (s_lo, s_hi), (q_lo, q_hi), form in readings:
                form = EXTRA if left < SURE_LEFT else form
                lo, hi = min(c_lo, s_lo, q_lo), max(c_hi, s_hi, q_hi)
                if taken.overlaps(toks[lo].start, toks[hi - 1].end):
                    if not taken.inside(toks[lo].start, toks[hi - 1].end, (toks[c_lo].start, toks[c_hi - 1].end),
                                        (toks[s_lo].start, toks[s_hi - 1].end)):
                        _widen(raw, taken, toks, (c_lo, c_hi), (s_lo, s_hi))
                        continue  # the rules read this attribution: they know it better
                    form = EXTRA  # one around the rules' claim: 'hopes to capitalise on her claim that ...'
                if not can_assert(toks, (toks[s_lo].start, toks[s_hi - 1].end), ctx.common, heads):
                    continue  # 'the warnings', 'December sales': nobody who asserts
                cue = " ".join(t.lower for t in toks[q_lo:q_hi])
                if names_no_stance(ctx, toks, q_lo, q_hi - q_lo, cue) or anonymity(toks, q_hi - 1) \
                        or anonymity(toks, c_lo - 1) or toks[c_hi - 1].text in FRAGMENT_ENDS \
                        or _where_said(toks, q_hi, c_lo, cue):
                    continue  # the loose readings' guard holds here too: 'users wanting help have turned to'
                if form == EXTRA and any(t.text in QUOTE_MARKS for t in toks[c_lo:c_hi]):
                    continue  # as an act it would hold the quotation, taking it from its speaker's statement
                source_end = toks[s_hi - 1].end
                if impersonal(toks, (toks[s_lo].start, source_end), cue, ctx.common):
                    source_end = toks[s_lo].start  # 'It might appear that ...': said, by nobody the text names
                found.append(RawClaim(toks[c_lo].start, toks[c_hi - 1].end, toks[s_lo].start, source_end,
                                      cue, ACT if read or form == EXTRA else form))
        return found


# A content ending on one of these is cut mid-phrase ('said at the meeting on', 'the deliberations are'): no reading.
WHERE_SAID = ADJUNCT_HEADS - {"to", "from"}  # 'said at', 'said during': when or where, not what
FRAGMENT_ENDS = BE_FORMS | AUXILIARIES | frozenset("a an the of on at and or but than".split())


def _where_said(toks: list[Token], cue_end: int, c_lo: int, cue: str) -> bool:
    """Return True for a content right after a verb of saying and a preposition: 'said at [the meeting on
    Friday]' tells where it was said, not what."""
    return (cue_end < c_lo and toks[c_lo - 1].lower in WHERE_SAID
            and "say" in classes_of(cue.split()[-1]))


def _widen(raw: list[RawClaim], taken: _Taken, toks: list[Token], content, source) -> None:
    """Widen the one rules' act inside a longer tagged reading of the same source to the tagged content ('the
    plan' -> 'the plan, which would cost jobs'); statements keep their words, and no act grows over a quotation
    (it would take the quote from its speaker)."""
    start, end = toks[content[0]].start, toks[content[1] - 1].end
    hits = taken.overlapping(start, end)
    if len(hits) != 1 or any(t.text in QUOTE_MARKS for t in toks[content[0]:content[1]]):
        return
    claim = raw[hits[0]]
    if claim.form == ACT and toks[source[0]].start <= claim.claimer_start < toks[source[1] - 1].end and \
            start <= claim.start and claim.end <= end and end - start > claim.end - claim.start:
        raw[hits[0]] = replace(claim, start=start, end=end)


def load_tagger(data: dict) -> ClaimTagger:
    """Return a ClaimTagger from its JSON form (base64 CRF model, cue words, threshold)."""
    return ClaimTagger(base64.b64decode(data["model"]), frozenset(data["cues"]), float(data["threshold"]),
                       int(data["min_words"]), float(data["strict"]))


@lru_cache(maxsize=1)
def default_tagger() -> ClaimTagger:
    """Return the tagger trained on PolNeAR train, shipped beside this module."""
    text = resources.files(__package__).joinpath(TAGGER_FILE).read_text(encoding="utf-8")
    return load_tagger(json.loads(text))
