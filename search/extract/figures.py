"""Figures: a number with the thing counted, its qualifier, who claims it and a topic key."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CURRENCIES, NUMBER_WORDS, PLACES, QUALIFIERS, SCALES, STOP_WORDS, UNIT_LEMMAS

_SMALL = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SPELLED = (rf"(?:(?:{_SMALL})(?:[- ](?:{_SMALL}))?\s+|an?\s+)?(?:hundred|thousand|million|billion)"
            rf"(?:\s+(?:and\s+)?(?:{_SMALL}|hundred|thousand|million))*")
NUMBER = re.compile(
    rf"(?<![\w.,/:-])(?P<cur>[$£€¥])?(?:(?P<num>\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?P<scale>\s*(?:million|billion|trillion|thousand)\b|(?:bn|m|k)\b)?|(?P<spelled>\b{_SPELLED}\b))"
    rf"(?![\w%]|[.,:/-]\d|\s*(?:per\s?cent|percent|am\b|pm\b|a\.m\.|p\.m\.|GMT))",
    re.IGNORECASE,
)
MAYBE_NUMBER = re.compile(r"\d|hundred|thousand|million|billion", re.IGNORECASE)
QUALIFIER = re.compile(r"(?:^|\W)(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$")
MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
UNIT_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")
# Counts of time, age or rank say when or how old, not how many.
NOT_UNITS = frozenset("""
year years month months week weeks day days hour hours minute minutes second seconds decade
decades century centuries times time percent per cent pc am pm gmt bst year-old years-old
year-olds mph km kg
""".split())
# Words that end the counted noun phrase: 'residents now', 'pieces last year'.
UNIT_STOPS = STOP_WORDS | frozenset("""
now last next each every ago yesterday today tonight a an the so too also already still just
more less than only even again
""".split())
CASUALTY = re.compile(r"\s*(?:have|had|has)?\s*(?:been|were|was)\s+(?:killed|wounded|injured)"
                      r"(?:\s+(?:or|and)\s+(?:killed|wounded|injured))?", re.IGNORECASE)
PLACE = re.compile(r"\b(" + "|".join(sorted(
    (k.upper() if len(k) <= 4 else k.title() for k in PLACES), key=len, reverse=True)).replace(".", r"\.") + r")(?![\w])")
_PLACE_KEYS = {(k.upper() if len(k) <= 4 else k.title()): v for k, v in PLACES.items()}


@dataclass(frozen=True)
class RawFigure:
    """A figure before its claimer is attached."""

    value: float
    unit: str
    start: int
    end: int
    qualifier: str | None
    lemma: str


def find_figures(text: str, lo: int, hi: int) -> list[RawFigure]:
    """Return the figures in text[lo:hi] (one sentence or paragraph)."""
    figures = []
    if not MAYBE_NUMBER.search(text, lo, hi):
        return figures
    for match in NUMBER.finditer(text, lo, hi):
        figure = _figure(text, match, hi)
        if figure:
            figures.append(figure)
    return figures


def _figure(text: str, match: re.Match, hi: int) -> RawFigure | None:
    value = _value(match)
    if value is None or _is_date_or_year(text, match):
        return None
    unit, unit_end, lemma = _unit(text, match.end(), hi)
    if match.group("cur"):  # '$1.5bn' counts dollars, whatever noun follows
        unit, unit_end = CURRENCIES[match.group("cur")], match.end()
        lemma = unit.rstrip("s")
    if not unit or unit.split()[0].lower() in NOT_UNITS or _is_age(text, match):
        return None
    return RawFigure(value, unit, match.start(), max(match.end(), unit_end),
                     _qualifier(text, match.start()), lemma)


def _value(match: re.Match) -> float | None:
    if match.group("spelled"):
        return _spelled_value(match.group("spelled"))
    digits = re.sub(r"[,\u00a0\u202f ]", "", match.group("num"))
    value = float(digits)
    scale = (match.group("scale") or "").strip().lower()
    return value * SCALES.get(scale, 1)


def _spelled_value(words: str) -> float | None:
    """Return the value of 'four thousand' or 'two hundred and fifty'; None for 'a hundred'."""
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in ("hundred",):
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
    value = total + current
    return float(value) if value and not words.lower().startswith(("a ", "an ")) else None


def _is_date_or_year(text: str, match: re.Match) -> bool:
    raw = match.group("num") or ""
    if raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100 and not match.group("cur"):
        return True
    return bool(raw) and bool(MONTHS.search(text[max(0, match.start() - 12):match.start()])
                              or MONTHS.search(text[match.end():match.end() + 12]))


def _is_age(text: str, match: re.Match) -> bool:
    """Return True for 'Smith, 45, said' and '45-year-old'."""
    before, after = text[max(0, match.start() - 3):match.start()], text[match.end():match.end() + 2]
    return before.endswith(", ") and after.startswith(",") and text[match.start() - 3:match.start() - 2].isalpha()


def _unit(text: str, pos: int, hi: int) -> tuple[str, int, str]:
    """Return the counted noun phrase after a number, its end and its lemma."""
    words, end, places = [], pos, 0
    pos += 3 if text.startswith(" of", pos) and words == [] and _scale_before(text, pos) else 0
    for match in UNIT_WORD.finditer(text, pos, hi):
        if match.start() != pos:
            break
        word = match.group(1)
        if word.lower() in UNIT_STOPS or len(words) >= 4:
            break
        if word[0].isupper():
            places += 1
        elif words and word.endswith("ed") and not word.endswith("-based"):
            break
        if not word[0].isupper():
            words.append(word)
            end = match.end()
        pos = match.end()
    if not words:
        return "", end, ""
    if CASUALTY.match(text, end, hi) and _lemma(words[-1]) in ("troop", "person", "civilian"):
        return "casualties", end, "casualty"
    return " ".join(words), end, _lemma(words[-1])


def _scale_before(text: str, pos: int) -> bool:
    return text[max(0, pos - 9):pos].lower().endswith(("million", "billion", "thousand"))


def _lemma(word: str) -> str:
    word = word.lower()
    if word in UNIT_LEMMAS:
        return UNIT_LEMMAS[word]
    singular = re.sub(r"(?<=[^aeiou])ies$", "y", word)
    singular = singular[:-1] if singular == word and word.endswith("s") and not word.endswith("ss") else singular
    return UNIT_LEMMAS.get(singular, singular)


def _qualifier(text: str, start: int) -> str | None:
    match = QUALIFIER.search(text[max(0, start - 20):start].lower())
    return match.group(1) if match else None


def topic_key(lemma: str, text: str, lo: int, hi: int, skip: tuple[int, int] | None) -> str:
    """Return 'troop:north-korea+russia': the unit lemma and the places named around it."""
    places = set()
    for match in PLACE.finditer(text, lo, hi):
        if skip and skip[0] <= match.start() < skip[1]:
            continue  # the claimer ("according to South Korea") is not what is counted
        places.add(_PLACE_KEYS[match.group(1)])
    return ":".join([lemma, "+".join(sorted(places))]) if places else lemma
