"""Figures: a number with the thing counted, its qualifier, what it measures and a topic key."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import NamedTuple

from ..lexicon.verbs import UP_PARTICLE_VERBS
from ..lexicon.words import CURRENCIES, LOWER_CASE_PLACES, PHRASE_STOPS, PLACES, QUALIFIERS, QUALIFIER_WORDS, STOP_WORDS, UNIT_LEMMAS
from ..lexicon.units import (COUNTED_PARTICIPLES, CROWD_NOUNS, CURRENCY_WORDS, DISTANCE_UNITS, DURATIONS, ELIDED_HEADS,
                             FRACTION_WORDS, GLUED_UNITS, HARMED, HARMED_NOUNS, HARMS, NOT_NOUNS, NOT_UNITS, RACE_DISTANCES,
                             RACE_WORDS, SCORE_WORDS)
from .measure import (REACH, WORD_AFTER, counted_head, counted_measure, counted_subject, is_plural, measure_key,
                      measure_of)
from .numbers import SPELLED, digits_value, exact, scaled, spelled_value

# Patterns below read a lower-cased copy of the text (same offsets): IGNORECASE made them 10 times slower.
ATOM = re.compile(
    r"(?<![\w.,/:$£€¥'’])(?<![a-z]-)(?P<cur>(?:us|a|c|hk|nz)\$|rmb ?|[$£€¥])?"
    rf"(?:(?P<num>\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![:/]\d|\.\d|,\d)|(?P<spelled>\b{SPELLED}\b))"
    r"(?P<scale>\s+(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|m|k)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?(?P<glued>[a-z]+\b)?"
)
# Whether a sentence may hold a figure: a digit or one of these words (every sentence is asked). re skips to a digit
# in C; a word is looked for from the character before it (a class re also skips to), then by its first letter, not
# by a lookahead tried at every position (0.12 -> 0.10 s over BBC's sentences).
NUMBER_WORDS_SEEN = ("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
                     "sixty seventy eighty ninety hundred million billion").split()
_BY_FIRST_LETTER = "(?:" + "|".join(f"{c}(?:" + "|".join(w[1:] for w in NUMBER_WORDS_SEEN if w[0] == c) + ")"
                                    for c in dict.fromkeys(w[0] for w in NUMBER_WORDS_SEEN)) + ")"
DIGIT = re.compile(r"\d")
NUMBER_WORD = re.compile(_BY_FIRST_LETTER + r"\b")
NUMBER_WORD_AFTER = re.compile(r"\W" + _BY_FIRST_LETTER + r"\b")
QUALIFIER = re.compile(r"(?:^|\W)(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MONTH_BEFORE = re.compile(rf"\b{MONTH}\s*$")
MONTH_AFTER = re.compile(rf"\s*{MONTH}(?:\s|,|\.|$)")
AGE_BEFORE = re.compile(r"(?:\baged?|\bage of|\bat)\s+$")
APPOSED_BEFORE = re.compile(r"[A-Z][\w'’-]*, $")
AGE_AFTER = re.compile(r"(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)olds?\b|\s+age\s+(?:bracket|group|range|band)\b(?!s)")
# A number after these names or ranks a thing ('No 10', 'page 3', 'the top 12 films').
RANK_BEFORE = re.compile(
    r"\b(?:number|no\.?|nos\.?|top|bottom|ranked|rank|seeded|seed|page|chapter|section|article|clause|"
    r"paragraph|item|room|flight|platform|route|junction|level|grade|category|division|group|round|stage|"
    r"series|season|episode|part|volume|vol\.?|version|mark|type|class|channel|radio|figure|table|"
    r"pp?\.|model|formula|windows|xbox|playstation|the\s+(?:big|fantastic|famous))\s+$")
RECIPROCAL = re.compile(r"\b(?:between|(?:one|each|either|neither|both) of)\s+(?:the|these|those)\s+$")
MAX_DIGITS = 15
HEDGE = r"(?:(?:about|around|some|nearly|almost|more than|over|just over|just under|an estimated|as many as|at least)\s+)?"
# A body of people counted by a bare number after it: 'a crowd of 18,412', 'turnout was 1.2 million'.
COLLECTIVE_BEFORE = re.compile(
    r"\b(crowd|turnout|attendance|audience|workforce|population|membership|electorate|headcount|readership)"
    r"\s+(?:of|was|is|were|are|stood at|reached|rose to|fell to|hit|totalled|numbered)\s+" + HEDGE + "$",
    re.IGNORECASE)
# An estimate of a crowd: 'police put the crowd at 120,000', 'organisers put the number at half a million'.
_CROWD_ESTIMATE = (
    r"\b(?:put|puts|putting|placed|places|estimated|estimates|estimating|reckoned)\s+(?:the|its|their|this|that)\s+"
    r"(?:(?:official|overall)\s+)?(crowd|turnout|attendance|number|numbers|figure|total)(?:\s+of\s+([a-z]+))?\s+at")
ESTIMATE_AT = re.compile(_CROWD_ESTIMATE + r"\s+" + HEDGE + "$", re.IGNORECASE)
ESTIMATES_CROWD = re.compile(_CROWD_ESTIMATE + r"\b", re.IGNORECASE)  # read from the verb on
# A bare number joining an event counts people whose noun is left out: 'as many as 500,000 took part'.
ATTENDING_AFTER = re.compile(
    r"\s+(?:(?:have|had|were|was)\s+)?(?:took\s+part|taken\s+part|taking\s+part|attended|marched|turned\s+out|"
    r"protested|rallied|demonstrated|gathered|joined\s+(?:the|a|in\s+the)\s+(?:march|protest|rally|demonstration|"
    r"strike|procession|vigil))\b", re.IGNORECASE)
# What befell the people counted: '120 people were killed', 'killing at least 120 people', 'injuring more than 1,000'.
HARM_AFTER = re.compile(r"\s*(?:(?:have|had|has)\s+)?(?:(?:been|were|was|are|is)\s+)?(?:reported\s+|confirmed\s+)?"
                        r"(killed|dead|died|injured|wounded|hurt|missing)\b", re.IGNORECASE)
HARM_BEFORE = re.compile(r"\b(killing|killed|injuring|injured|wounding|wounded)\s+" + HEDGE + "$", re.IGNORECASE)
# 'The death toll from Tuesday's earthquake rose to 310': how many died, the noun left out.
TOLL_BEFORE = re.compile(r"\b(?:death\s+)?toll\b[^.;:!?\d]{0,60}?\b(?:to|at|of|was|is|reached|hit|passed|topped)\s+"
                         + HEDGE + "$", re.IGNORECASE)
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
RANGE_END = re.compile(r"\b(?:to|and|or|from|between|aged)\s+$", re.IGNORECASE)  # 'aged from 5 to 11 took part'
COLLECTIVE_REACH = 60
COORDINATION = re.compile(r"\s*(?:-|–|—|to|and|or|-to-)\s*$", re.IGNORECASE)
FOLLOW_ON = re.compile(r"(?:\s+(?:a|an|per|each)\s+(?:day|week|month|quarter|year))?"  # '1.1 million orders a week, against'
                       r"\s*,?\s*(?:(?:up|down)\s+)?(?:from|at|compared\s+with|against|versus|vs\.?)\s*$"
                       r"|(?:[^.;:!?\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,60},\s*(?:up|down)\s+from\s*$",  # 'in 2026, up from'
                       re.IGNORECASE)
MONEY_RANGE = re.compile(r"[$£€¥][\d.,]+\s*(?:-|–|to)\s*$")
LIST_GAP = re.compile(r"[^.;:!?\d]{0,40}?[\s(;,]\s*|\s*\(\s*|\s*;\s*", re.IGNORECASE)
# A name and its verb between two figures open the second one's own clause: 'Altria rising 5% and Reynolds showing
# gains of 4.5%' (not 'took $38.1m on its opening weekend and $184m in total').
GAP_VERB = re.compile(r"\b(?:and|while|but|with)\s+[A-Z][\w'’-]*\s+[a-z]+(?:ing|ed)\b")
BRACKET = re.compile(r"\s*[(;]\s*")
CHANGED_TO = re.compile(r"\s+to\s+")  # a change, then the level it reached
RESTATED = re.compile(r"\s*,\s*or\s+(?:by\s+)?")
PARTITIVE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those)\s+)?(?:\w+['’]s?\s+)?")
NUMBER_OF = re.compile(r"\b(?:number|total)\s+of\s", re.IGNORECASE)
# 'killed or injured' counts casualties; 'people were killed' keeps the noun as written (the figures' convention)
CASUALTY = re.compile(r"\s*(?:have|had|has)?\s*(?:been|were|was)\s+(?:killed|wounded|injured)"
                      r"\s+(?:or|and)\s+(?:killed|wounded|injured)", re.IGNORECASE)
# A place as written: 'UK', 'Russia', 'North Korea'; 'eurozone' is written in lower case as often as not.
_PLACE_KEYS = {(k.upper() if len(k) <= 4 else k.title()): v for k, v in PLACES.items()} | {
    k: PLACES[k] for k in LOWER_CASE_PLACES}


def _place_pattern(keys: list[str]) -> re.Pattern:
    """Return a pattern for the keys, longest first, that opens with a class of their first letters: re skips to
    the next such letter in C (a lookahead opening it is tried at every position), then a lookbehind asks which
    letter it took and only that letter's keys are tried (two keys with other first letters never match at one
    place, so the match is the one the whole alternation finds)."""
    firsts = sorted({k[0] for k in keys})
    longest = sorted(keys, key=len, reverse=True)
    branches = "|".join(f"(?<={re.escape(c)})(?:" + "|".join(k[1:] for k in longest if k[0] == c).replace(".", r"\.")
                        + ")" for c in firsts)
    return re.compile("[" + re.escape("".join(firsts)) + r"](?<!\w.)(?:" + branches + r")(?![\w])")


# Two patterns: capitals are few, but one lower-case first letter ('eurozone') would stop re at every 'e'.
PLACE = _place_pattern([k for k in _PLACE_KEYS if k[0].isupper()])
LOWER_PLACE = _place_pattern([k for k in _PLACE_KEYS if not k[0].isupper()])
SENTENCE_OPENING = re.compile(r"[\s\"“‘'(]*$")


@dataclass(frozen=True)
class RawFigure:
    """A figure before its claimer is attached."""

    value: int | float
    unit: str
    start: int
    end: int
    qualifier: str | None
    lemma: str
    measure: str | None = None
    counted: bool = True  # the unit is a noun the text counts (not a currency, percent or duration)
    elided: bool = False  # the noun is left out ('500,000 took part'): the sentence before may name it


@dataclass
class _Atom:
    """A number found in a sentence while its unit, qualifier and measure are settled."""

    match: re.Match
    base: Decimal
    scale: str | None
    unit: str | None = None
    unit_end: int = 0
    kind: str = "count"  # count | currency | percent | glued | duration
    qualifier: str | None = None
    measure: str | None = None
    dropped: bool = False
    elided: bool = False
    harm: str | None = None  # what befell the people counted: their count's lemma
    partner: "_Atom | None" = None  # the other number of a range or coordination: they share a measure
    # the match's offsets, read once: the rules ask them 110,000 times over BBC (a property called match's methods)
    start: int = 0
    end: int = 0


LAST_WORD = re.compile(r"([A-Za-z][\w'’.&-]*)\s$")  # the word right before a number
INDEX_AFTER = re.compile(r"\s+(?:index|share index|stock index)\b", re.IGNORECASE)


def find_figures(text: str, lo: int, hi: int) -> list[RawFigure]:
    """Return the figures in text[lo:hi] (one sentence or paragraph)."""
    low = lowered(text)
    if not maybe_number(low, lo, hi):
        return []
    atoms = [atom for match in ATOM.finditer(low, lo, hi) if (atom := _atom(text, low, match, lo, hi))]
    _coordinate(text, atoms, lo)
    kept = [atom for atom in atoms if atom.unit and not atom.dropped]
    _measure(text, lo, hi, kept)
    return [_raw(atom) for atom in kept]


def maybe_number(low: str, lo: int, hi: int) -> bool:
    """Return True when low[lo:hi] holds a digit or a whole word of NUMBER_WORDS_SEEN (a word at lo is whole when
    the character before lo is no word character)."""
    if DIGIT.search(low, lo, hi):
        return True
    if lo == 0:
        return NUMBER_WORD.match(low, 0, hi) is not None or NUMBER_WORD_AFTER.search(low, 0, hi) is not None
    return NUMBER_WORD_AFTER.search(low, lo - 1, hi) is not None


def _measure(text: str, lo: int, hi: int, atoms: list[_Atom]) -> None:
    """Set what each figure measures, sharing it along lists, conversions and ranges."""
    for atom in atoms:
        leader = atom.partner if atom.partner and atom.partner.start < atom.start else None
        if atom.measure is None and leader and leader.measure and leader.kind == atom.kind:
            atom.measure = leader.measure  # 'rose $1.64 to $47.10', 'up $2.80 at $51.15': one thing measured
        elif atom.measure is None:
            atom.measure = measure_of(text, lo, hi, atom.start, max(atom.end, atom.unit_end), atom.kind)
    for first, second in zip(atoms, atoms[1:]):
        if second.measure is None and first.kind == second.kind and LIST_GAP.fullmatch(text, first.end, second.start) \
                and not GAP_VERB.search(text, first.end, second.start):
            second.measure = first.measure  # '$54.9m (£29.5m)', '12.1% in Germany, 10.4% in Spain'
        elif second.measure is None and RESTATED.fullmatch(text, first.end, second.start):
            second.measure = first.measure  # 'shares rose 38p, or 9%': one change in two units
        elif (first.kind == "percent" != second.kind and first.measure and CHANGED_TO.fullmatch(text, first.end, second.start)
              and second.measure in (None, second.unit)):
            second.measure = first.measure  # 'profit fell 34% to 1.2 billion crowns': the level of what changed
    for atom in atoms:
        atom.measure = atom.measure or (atom.partner.measure if atom.partner else None)


def _raw(atom: _Atom) -> RawFigure:
    qualifier = atom.qualifier
    if atom.kind == "duration" and qualifier in ("over", "under"):
        qualifier = None  # 'over eight years' says when, not how many
    return RawFigure(exact(scaled(atom.base, atom.scale)), atom.unit, atom.start, max(atom.end, atom.unit_end),
                     qualifier, atom.harm or _lemma(atom.unit.split()[-1]), atom.measure, atom.kind == "count",
                     atom.elided)


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """Return text in lower case with the same offsets (cached: an article's sentences come in turn)."""
    low = text.lower()
    if len(low) != len(text):  # 'İ' lowers to two characters: keep such letters as they are
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low


def _atom(text: str, low: str, match: re.Match, lo: int, hi: int) -> _Atom | None:
    """Return the number at match with the unit written on or after it, or None for a non-figure."""
    base = _base(match)
    if base is None or _not_a_count(text, low, match, lo):
        return None
    scale = (match.group("scale") or "").strip().lower() or None
    start, end = match.span()
    atom = _Atom(match, base, scale, qualifier=_qualifier(text, start), start=start, end=end)
    if match.group("glued"):
        return _glued(text, atom, hi)
    if match.group("pct"):
        atom.unit, atom.kind = "percent", "percent"
    elif match.group("cur"):
        cur = match.group("cur").strip()
        atom.unit, atom.kind = CURRENCIES.get(cur) or CURRENCIES[cur[-1]], "currency"
    elif scale == "m" and not match.group("cur"):
        return _metres_or_millions(text, atom, hi)
    else:
        _read_unit(text, atom, hi)
    return atom


def _base(match: re.Match) -> Decimal | None:
    if match.group("spelled"):
        words = match.group("spelled")
        if words.lower() in ("one", "zero"):
            return None  # 'one' is mostly a pronoun or article ('one of the', 'one day')
        return spelled_value(words)
    value = digits_value(match.group("num"))
    return value if value.adjusted() < MAX_DIGITS else None  # a 20-digit run is an id or a code, not a count


def _not_a_count(text: str, low: str, match: re.Match, lo: int) -> bool:
    """Return True for years, dates, ages, ranks, names ('Channel 4') and reciprocal 'the two'."""
    num, cur, pct, scale, spelled = match.group("num", "cur", "pct", "scale", "spelled")  # one call, not seven
    raw, before = num or "", low[max(lo, match.start() - 30):match.start()]
    plain = not (cur or pct or scale)
    if plain and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100:
        return True
    if plain and (MONTH_BEFORE.search(before) or MONTH_AFTER.match(low, match.end())):
        return True
    if AGE_AFTER.match(low, match.end()) or (
            plain and AGE_BEFORE.search(before) and not _estimated_at(text, match, lo)):
        return True
    if _apposed_age(text, match):
        return True
    if RANK_BEFORE.search(before) or (spelled and RECIPROCAL.search(before)):
        return True
    return not cur and _after_name(text, match, lo)


def _estimated_at(text: str, match: re.Match, lo: int) -> bool:
    """Return True for 'put the crowd at 120,000' or 'attendance stood at 40,000': a crowd's size, not an age."""
    floor = max(lo, match.start() - COLLECTIVE_REACH)
    return bool(ESTIMATE_AT.search(text, floor, match.start()) or COLLECTIVE_BEFORE.search(text, floor, match.start()))


def _apposed_age(text: str, match: re.Match) -> bool:
    """Return True for 'John Smith, 45, said' and 'Emily, 16, and Pelham, 14.'."""
    return (match.group("num") is not None and APPOSED_BEFORE.search(text, max(0, match.start() - 30), match.start())
            is not None and text[match.end():match.end() + 1] in (",", ".", ";", ")")
            and Decimal(match.group("num").replace(",", "")) < 120)


def _after_name(text: str, match: re.Match, lo: int) -> bool:
    """Return True for a number that is part of a name: 'Channel 4', 'Boeing 747', 'Ocean's Twelve'."""
    floor = max(lo, match.start() - 30)
    word = LAST_WORD.search(text, floor, match.start())
    opening = SENTENCE_OPENING.fullmatch(text, lo, word.start() if word else match.start()) is not None
    if match.group("spelled") and text[match.start("spelled")].isupper() and not (opening and not word):
        return True
    if not word or not word.group(1)[0].isupper() or word.group(1).endswith(("'s", "’s", "s'", "s’")):
        return False
    if word.group(1).isupper() and INDEX_AFTER.match(text, match.end()):
        return True  # 'the FTSE 100 index', 'the S&P 500 index': an index's name
    lowered = word.group(1).lower()
    return not (opening or lowered in QUALIFIER_WORDS or lowered in STOP_WORDS or word.group(1).isupper())




def _glued(text: str, atom: _Atom, hi: int) -> _Atom | None:
    """Return the atom for '3km', '512kbps' or '10p'; None for '2nd', '1990s', '10am'."""
    suffix = atom.match.group("glued").lower()
    if suffix not in GLUED_UNITS or atom.match.group("spelled") or atom.match.group("pct"):
        return None
    atom.unit, atom.kind = GLUED_UNITS[suffix], "glued"
    if atom.unit in DISTANCE_UNITS and _next_word(text, atom.end, hi) in RACE_WORDS:
        return None
    return atom


def _metres_or_millions(text: str, atom: _Atom, hi: int) -> _Atom | None:
    """Return '60m people' as millions; None for race names ('the 100m', '400m runners')."""
    if MONEY_RANGE.search(text, max(0, atom.start - 20), atom.start):
        return atom  # '£3-4m': the range gives it the currency
    nxt = _next_word(text, atom.end, hi)
    if not nxt or nxt in RACE_WORDS:
        return None
    _read_unit(text, atom, hi)
    if atom.base in RACE_DISTANCES and not is_plural(atom.unit or ""):
        return None  # '200m legend', '5,000m world record': millions count plurals ('100m people')
    return atom if atom.unit else None


def _next_word(text: str, pos: int, hi: int) -> str | None:
    found = WORD_AFTER.match(text, pos, hi)
    return found.group(1).lower() if found else None


def _read_unit(text: str, atom: _Atom, hi: int) -> None:
    """Set the atom's counted noun: 'soldiers', 'long-range artillery pieces', 'year' in 'three-year'."""
    end = atom.end
    if MAGNITUDE_BEFORE.search(text, max(0, atom.start - 12), atom.start):
        atom.unit, atom.unit_end, atom.kind, atom.measure = "magnitude", end, "count", "magnitude"
        return  # 'a magnitude 6.8 earthquake': the scale is written before the number
    if text.startswith("-", end) and not atom.match.group("cur"):
        compound = re.match(r"-([a-z]+)\b", text[end:end + 20])
        if compound and compound.group(1) not in NOT_NOUNS and compound.group(1) not in ("strong", "odd", "plus"):
            word = compound.group(1)
            if word in FRACTION_WORDS or word in ("nil", "all"):
                atom.dropped = True
                return
            _set_unit(atom, word, end + compound.end())
            return
    unit, unit_end, measure = counted_measure(text, end, hi, PHRASE_STOPS)
    if not unit:
        partitive = PARTITIVE.match(text, end, hi)
        if partitive and not ATOM.match(lowered(text), partitive.end(), hi):
            unit, unit_end, measure = counted_measure(text, partitive.end() - 1, hi, PHRASE_STOPS)
    if unit and _clause_after(unit):
        unit = ""
    first_word = unit.split()[0].lower() if unit else ""
    if first_word in FRACTION_WORDS:
        atom.dropped = True  # 'two thirds of': a fraction, not a count
        return
    if unit and unit.split()[-1].lower() not in NOT_NOUNS and first_word not in NOT_UNITS:
        _set_unit(atom, unit, unit_end)
        if atom.kind == "count":
            atom.measure = measure
        if CASUALTY.match(text, unit_end, hi) and _lemma(unit.split()[-1]) in ("troop", "person", "civilian"):
            atom.unit = "casualties"
        elif unit.split()[-1].lower() in HARMED_NOUNS:
            atom.harm = _harm(text, atom, unit_end, hi)
            atom.measure = harmed_measure(atom.measure or unit, atom.harm)


def harmed_measure(measure: str | None, harm: str | None) -> str | None:
    """Return what a count of harmed people measures: 'people killed', 'civilians injured'."""
    return f"{measure} {HARMED[harm]}" if harm and measure else measure


def _harm(text: str, atom: _Atom, unit_end: int, hi: int) -> str | None:
    """Return what befell the people counted at atom ('death', 'injury', 'missing'), or None when the text says not."""
    found = HARM_AFTER.match(text, unit_end, hi) or HARM_BEFORE.search(text, max(0, atom.start - 40), atom.start)
    return HARMS[found.group(1).lower()] if found else None


def _clause_after(unit: str) -> bool:
    """Return True when the words after a number open a clause ('recorded a year earlier'), not a counted noun."""
    words = unit.lower().split()
    if not words[0].endswith("ed") or words[0] in COUNTED_PARTICIPLES:
        return False
    if len(words) == 1:
        return True
    return not is_plural(words[-1]) or bool(re.fullmatch(SPELLED, words[1])) or words[1] in ("thousands", "millions")


def _set_unit(atom: _Atom, unit: str, end: int) -> None:
    atom.unit, atom.unit_end = unit, end
    head = unit.split()[-1].lower()
    atom.kind = "duration" if head in DURATIONS else "currency" if head in CURRENCY_WORDS else "count"


def _coordinate(text: str, atoms: list[_Atom], lo: int) -> None:
    """Share units across ranges and coordinations ('between 10 and 15%', 'fell to 79,000 from 82,000')."""
    for first, second in zip(atoms, atoms[1:]):
        gap = text[(first.unit_end or first.end) if first.unit else first.end:second.start]
        if COORDINATION.fullmatch(gap):
            _range(first, second, gap.strip())
        elif FOLLOW_ON.fullmatch(gap):
            _share(first, second)
        elif BRACKET.fullmatch(gap) and second.qualifier is None:
            second.qualifier = first.qualifier  # a bracketed conversion: 'about £10m ($19m)'
        elif PARTITIVE.fullmatch(gap) and not first.unit:
            first.unit, first.kind = second.unit, second.kind  # 'just 13 of Britain's 659 MPs'
    bare = [atom for atom in atoms if not atom.unit and not atom.dropped]
    for atom in bare:
        _number_of(text, atom, lo)
    for first, second in zip(atoms, atoms[1:]):
        gap = text[first.end:second.start]
        if second in bare and first.unit and not second.unit and (COORDINATION.fullmatch(gap) or FOLLOW_ON.fullmatch(gap)):
            _share(first, second)  # 'users grew by 1.4 million to 44.9 million'


def _range(first: _Atom, second: _Atom, joint: str) -> None:
    """Give both ends of a range or coordination the unit written once: '10-15%', '£3-4m', 'four or five'."""
    hyphen = joint in ("-", "–", "—")
    first.partner, second.partner = second, first
    if first.scale and second.kind == "percent" and not first.unit:
        return  # '4.1 million and 5.2%': two figures, not a range
    if hyphen and second.kind in ("count", "duration") and not first.match.group("cur") and (
            first.base >= second.base or _head(second.unit) in SCORE_WORDS):
        first.dropped = second.dropped = True  # a score: 'a 3-1 win', 'drew 1-1'
    elif not first.unit:
        first.unit, first.unit_end, first.kind, first.measure = second.unit, first.end, second.kind, second.measure
        if not first.scale and second.scale and first.base < second.base:
            first.scale = second.scale  # 'between 2 and 3 million'
    elif hyphen and first.kind == "currency" and not second.match.group("cur"):
        second.unit, second.kind, second.unit_end = first.unit, first.kind, second.end
        if not first.scale and second.scale and first.base < second.base:
            first.scale = second.scale  # '£3-4m'
    elif not second.unit:
        _share(first, second)


def _share(first: _Atom, second: _Atom) -> None:
    """Give the second number of 'fell to 79,000 from 82,000' the first's unit and measure."""
    second.partner = first
    if not second.unit:
        second.unit, second.kind, second.unit_end = first.unit, first.kind, second.end
    second.measure = second.measure or first.measure


def _head(unit: str | None) -> str:
    return unit.split()[-1].lower() if unit else ""


def _number_of(text: str, atom: _Atom, lo: int) -> None:
    """Take the unit of a bare number from 'the number of jobless people fell to 79,000' or 'users grew by 1.4m'."""
    found = None
    for found in NUMBER_OF.finditer(text, max(lo, atom.start - REACH), atom.start):
        pass
    subject = None
    if found:
        unit, _, subject = counted_measure(text, found.end() - 1, atom.start, PHRASE_STOPS)
    subject = subject or counted_subject(text, lo, atom.start)
    if subject:
        atom.unit, atom.unit_end, atom.kind, atom.measure = counted_head(subject), atom.end, "count", subject
    elif (group := COLLECTIVE_BEFORE.search(text, max(lo, atom.start - COLLECTIVE_REACH), atom.start)):
        head = group.group(1).lower()  # 'a crowd of 18,412', 'the workforce is 12,000': how many people
        atom.unit, atom.unit_end, atom.kind, atom.measure = head, atom.end, "count", head
    else:
        _crowd(text, atom, lo)


def _crowd(text: str, atom: _Atom, lo: int) -> None:
    """Give a crowd estimate its noun: 'put the crowd at 120,000'; 'put the number at' and '500,000 took part'
    leave it out (elided: the sentence before may name it)."""
    estimate = ESTIMATE_AT.search(text, max(lo, atom.start - COLLECTIVE_REACH), atom.start)
    if estimate and estimate.group(2):
        head, elided = estimate.group(2).lower(), False  # 'put the number of protesters at 120,000'
        if head not in CROWD_NOUNS:
            return
    elif estimate:
        head = estimate.group(1).lower()
        elided = head in ELIDED_HEADS
    elif ATTENDING_AFTER.match(text, atom.end) and not RANGE_END.search(text, max(lo, atom.start - 12), atom.start):
        head, elided = "people", True
    elif (harm := HARM_BEFORE.search(text, max(lo, atom.start - 40), atom.start)):
        head, elided, atom.harm = "people", True, HARMS[harm.group(1).lower()]  # 'injuring more than 1,000'
    elif TOLL_BEFORE.search(text, max(lo, atom.start - 90), atom.start):
        head, elided, atom.harm = "death toll", False, "death"
    else:
        return
    measure = head if head in ("death toll", "crowd", "turnout", "attendance") else harmed_measure(head, atom.harm)
    atom.unit, atom.unit_end, atom.kind, atom.measure, atom.elided = head, atom.end, "count", measure, elided


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """Return a unit's lemma (cached: a few hundred units make 11,000 figures over BBC)."""
    word = word.lower()
    if word in UNIT_LEMMAS:
        return UNIT_LEMMAS[word]
    singular = re.sub(r"(?<=[^aeiou])ies$", "y", word)
    singular = singular[:-1] if singular == word and word.endswith("s") and not word.endswith("ss") else singular
    return UNIT_LEMMAS.get(singular, singular)


def _qualifier(text: str, start: int) -> str | None:
    match = QUALIFIER.search(text[max(0, start - 20):start].lower())
    if match and match.group(1) == "up to" and _moved_up(text, max(0, start - 20) + match.start(1)):
        return None  # 'went up to 5.5%' says where it moved, not a ceiling
    return match.group(1) if match else None


def _moved_up(text: str, pos: int) -> bool:
    """Return True when the 'up' at pos is a past verb's particle: 'went up to', 'pushed rates up to'."""
    words = text[max(0, pos - 40):pos].lower().split()[-2:]
    if words and words[-1] in UP_PARTICLE_VERBS:
        return True
    return len(words) == 2 and words[0] in UP_PARTICLE_VERBS and words[1].isalpha() and words[1] not in STOP_WORDS


class Places(NamedTuple):
    """The countries and capitals a sentence names: offsets, keys in order, and how often each."""

    starts: list[int]
    keys: list[str]
    counts: Counter


def places_in(text: str, lo: int, hi: int) -> Places:
    """Return the places named in text[lo:hi]."""
    found = [(m.start(), _PLACE_KEYS[m.group()]) for m in PLACE.finditer(text, lo, hi)]
    lower = [(m.start(), _PLACE_KEYS[m.group()]) for m in LOWER_PLACE.finditer(text, lo, hi)]
    if lower:  # in text order: a key in capitals and one in lower case never overlap
        found = sorted(found + lower)
    keys = [key for _, key in found]
    return Places([pos for pos, _ in found], keys, Counter(keys))


def topic_key(raw: RawFigure, places: Places, skip: tuple[int, int] | None) -> str | None:
    """Return 'troop:north-korea+russia' or 'percent/house-price:uk': what is counted and where.

    A count names its own topic (soldiers); a currency, percent or duration says nothing by
    itself, so it needs its measure ('oil price'), or it has no topic at all. The places are
    those of the figure's sentence, except the claimer's ('according to South Korea').
    """
    head = raw.lemma
    if not raw.counted:
        if not raw.measure:
            return None
        head = f"{raw.lemma}/{measure_key(raw.measure)}"
    if not places.keys:
        return head  # most sentences name no place: no counting
    left = Counter()
    if skip:
        left = Counter(places.keys[bisect.bisect_left(places.starts, skip[0]):bisect.bisect_left(places.starts, skip[1])])
    keys = sorted(key for key, n in places.counts.items() if n > left[key])
    return ":".join([head, "+".join(keys)]) if keys else head
