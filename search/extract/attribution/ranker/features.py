"""Features of a (quote, candidate mention) pair for the speaker ranker; names, not words."""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .candidates import Candidate, sentence_facts
from ..context import Context
from ..rules import RULE_NAMES
from ...lexicon.words import ADVERBS, ORG_WORDS, PLACES, TITLES
from ...lexicon.grammar import CONNECTIVES, PREPOSITIONS
from ...quotes.spans import Found
from ...text.sentences import Token
from ...text.work import step

DISTANCES = (3, 15, 40, 100, 250)  # characters: tag-adjacent, same clause, sentence, paragraph
OFTEN = 4  # times an article names someone it names often
SHORT_QUOTE = 6  # words; shorter quotes are often fragments inside someone's sentence
# Every value each feature part can take: feature_space() spells out the names a model may know.
KINDS = ("pronoun-person", "pronoun-group", "pronoun-i", "pronoun-it", "relative", "outside", "described",
         "described-org", "described-title", "described-place", "name-org", "name-title", "name-place",
         "name-multi", "name-single")
REGIONS = ("quote", "prev", "prev2", "next", "prevpara", "outside")
SIDES = ("before", "after", "inside")
LOCAL = ("cue-right", "cue-right-aside", "cue-left", "according", "by", "prep", "possessive", "initial",
         "no-cue", "cue-subject", "cue-object", "outside")
SHAPES = ("once", "few", "often", "common-word", "verb-like")
FLAGS = ("q:short", "q:long", "q:opens", "q:colon", "q:inline", "q:comma", "q:stop", "q:gaps", "q:none") + tuple(
    f"q:by-{how}" for how in RULE_NAMES)


def quote_flags(ctx: Context, quote: Found, rule) -> list[str]:
    """Return the quote-level facts that change which candidate tends to be right."""
    inner = ctx.text[quote.start:quote.end]
    para = ctx.paragraphs[quote.para]
    before = ctx.masked[para.start:quote.outer_start].rstrip()
    flags = ["q:short" if len(inner.split()) < SHORT_QUOTE else "q:long"]
    flags.append("q:opens" if not before else "q:colon" if before.endswith(":") else "q:inline")
    flags.append("q:comma" if inner.rstrip().endswith(",") else "q:stop")
    if quote.gaps:
        flags.append("q:gaps")
    flags.append(f"q:by-{rule.how}" if rule is not None else "q:none")
    return flags


def candidate_features(ctx: Context, quote: Found, cands: list[Candidate], flags: list[str],
                       cache: dict | None = None) -> list[tuple[str, ...]]:
    """Return the feature names of each candidate (binary features, conjoined with the quote)."""
    step("candidates", len(cands) ** 2)  # _ranks compares every pair: the window keeps it small
    ranks = _ranks(quote, cands)
    flags = tuple(flags)
    return [_features(ctx, quote, c, rank, flags, cache) for c, rank in zip(cands, ranks)]


def _features(ctx, quote, cand: Candidate, rank: str, flags: tuple[str, ...], cache) -> tuple[str, ...]:
    side, dist = _side(quote, cand)
    local = _local(ctx, cand, cache) if cand.region != "outside" else ["outside"]
    kind = _kind(ctx.text[cand.start:cand.end], cand.kind)
    return _named(kind, f"{cand.region}:{side}", f"{side}{dist}", rank, tuple(local), tuple(_shape(ctx, cand)), flags,
                  cand.is_rule)


@lru_cache(maxsize=16384)
def _named(kind: str, where: str, distance: str, rank: str, local: tuple[str, ...], shapes: tuple[str, ...],
           flags: tuple[str, ...], is_rule: bool) -> tuple[str, ...]:
    """Return the feature names of one candidate's facts (cached: candidates repeat the same few facts)."""
    feats = ["bias", f"k:{kind}", f"w:{where}", f"w:{where}|k:{kind}", f"d:{distance}",
             f"r:{rank}", f"r:{rank}|k:{kind}"]
    feats += [f"l:{name}" for name in local]
    feats += [f"l:{name}|w:{where}" for name in local]
    feats += [f"l:{name}|k:{kind}" for name in local]
    feats += [f"s:{shape}" for shape in shapes]
    feats += [f"{flag}|w:{where}" for flag in flags]
    feats += [f"{flag}|r:{rank}" for flag in flags]
    if is_rule:
        feats += ["rule"] + [f"rule|{flag}" for flag in flags] + [f"rule|k:{kind}", f"rule|w:{where}"]
    return tuple(feats)


def _side(quote: Found, cand: Candidate) -> tuple[str, int]:
    """Return which side of the quote the candidate is on and a distance bucket."""
    if cand.end <= quote.outer_start:
        side, gap = "before", quote.outer_start - cand.end
    elif cand.start >= quote.outer_end:
        side, gap = "after", cand.start - quote.outer_end
    else:
        return "inside", 0
    return side, bisect_left(DISTANCES, gap)  # how many distances the gap exceeds (they are sorted)


def _ranks(quote: Found, cands: list[Candidate]) -> list[str]:
    """Return each candidate's order of nearness on its side of the quote ('before1', 'after2')."""
    keyed = [(_side(quote, c)[0], abs(c.start - quote.outer_start) if c.end <= quote.outer_start
              else abs(c.start - quote.outer_end)) for c in cands]
    gaps: dict[str, list[int]] = {}
    for side, gap in keyed:
        gaps.setdefault(side, []).append(gap)
    for sorted_gaps in gaps.values():
        sorted_gaps.sort()
    # how many on the same side are strictly nearer: a bisection, not a count over every pair
    return [f"{side}{min(bisect_left(gaps[side], gap) + 1, 3)}" for side, gap in keyed]


def _kind(mention: str, kind: str) -> str:
    """Refine 'name' and 'described' by what the words say: person, title, organisation, place."""
    if kind not in ("name", "described"):
        return kind
    words = mention.lower().split()
    if not ORG_WORDS.isdisjoint(words):
        return kind + "-org"
    if words[-1] in TITLES or (kind == "name" and words[0].rstrip(".") in TITLES):
        return kind + "-title"
    if mention.lower() in PLACES:
        return kind + "-place"
    if kind == "name":
        return "name-multi" if len(words) > 1 else "name-single"
    return kind


def _shape(ctx: Context, cand: Candidate) -> list[str]:
    """Return how the mention looks: how often the article repeats it, a common word capitalised."""
    if not cand.kind.startswith(("name", "outside")):
        return []
    last = ctx.text[cand.start:cand.end].split()[-1].strip(".,;:'’")
    lower = last.lower().removesuffix("'s").removesuffix("’s")
    seen = ctx.written(last, OFTEN)
    shape = ["once" if seen < 2 else "few" if seen < OFTEN else "often"]
    if lower in ctx.common:
        shape.append("common-word")
    if lower.endswith(("ed", "ing", "ly")):
        shape.append("verb-like")
    return shape


def _local(ctx: Context, cand: Candidate, cache) -> list[str]:
    """Return the facts of the candidate's own sentence: cues beside it, its role."""
    toks, found_here, cues = sentence_facts(ctx, cand.sentence, cache)
    first, last = cand.first, cand.last
    found = []
    right = _skip_adverbs(toks, last + 1)
    if right in cues:
        found.append("cue-right")
    elif right < len(toks) and toks[right].text in ",(" and _cue_after_aside(toks, right, cues):
        found.append("cue-right-aside")
    if first - 1 in cues:
        found.append("cue-left")
    elif cues.get(first - 2) == 2:
        found.append("according" if toks[first - 2].lower in ("according", "as") else "cue-left")
    prev = toks[first - 1].lower if first > 0 else ""
    if prev == "by":
        found.append("by")
    elif prev in PREPOSITIONS:
        found.append("prep")
    if toks[last].text.endswith(("'s", "’s")) or (last + 1 < len(toks) and toks[last + 1].text in ("'s", "’s")):
        found.append("possessive")
    if first == 0 or (first == 1 and toks[0].text in CONNECTIVES):
        found.append("initial")
    if not cues:
        found.append("no-cue")
    starts = [m[0] for m in found_here]
    following = next((m for m in starts if m > last), len(toks))
    if any(first < k < following for k in cues):
        found.append("cue-subject")  # a cue follows before any other mention: 'Trump on Monday told'
    if any(k < first and next((m for m in starts if m >= k), len(toks)) == first for k in cues):
        found.append("cue-object")  # the first mention after a cue: 'said the senator'
    return found


def _skip_adverbs(toks: list[Token], k: int) -> int:
    while k < len(toks) and (toks[k].text in ADVERBS or (toks[k].text.islower() and toks[k].text.endswith("ly"))):
        k += 1
    return k


def _cue_after_aside(toks: list[Token], k: int, cues: dict[int, int]) -> bool:
    """Return True for 'Trump, the nominee, said' / 'Cruz (R-Tex.) said': a cue after an aside."""
    close = "," if toks[k].text == "," else ")"
    for j in range(k + 1, min(len(toks), k + 15)):
        if toks[j].text == close:
            after = _skip_adverbs(toks, j + 1)
            return after in cues
    return False


def feature_space() -> frozenset[str]:
    """Return every feature name the code can produce (a shipped model must know these, no others)."""
    wheres = [f"{region}:{side}" for region in REGIONS for side in SIDES]
    ranks = [f"{side}{n}" for side in SIDES for n in (1, 2, 3)]
    names = {"bias", "rule"}
    names |= {f"d:{side}{n}" for side in SIDES for n in range(len(DISTANCES) + 1)}
    names |= {f"s:{shape}" for shape in SHAPES}
    for kind in KINDS:
        names |= {f"k:{kind}", f"rule|k:{kind}"} | {f"w:{w}|k:{kind}" for w in wheres}
        names |= {f"r:{r}|k:{kind}" for r in ranks} | {f"l:{name}|k:{kind}" for name in LOCAL}
    for where in wheres:
        names |= {f"w:{where}", f"rule|w:{where}"} | {f"l:{name}|w:{where}" for name in LOCAL}
        names |= {f"{flag}|w:{where}" for flag in FLAGS}
    names |= {f"r:{r}" for r in ranks} | {f"l:{name}" for name in LOCAL}
    names |= {f"{flag}|r:{r}" for flag in FLAGS for r in ranks} | {f"rule|{flag}" for flag in FLAGS}
    return frozenset(names)
