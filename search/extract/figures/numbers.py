"""Numbers as written ('4.1 million', '£7.1bn', 'twenty-five', 'a quarter of a million') to exact values."""
from __future__ import annotations

import re
from decimal import Decimal

from ..lexicon.words import NUMBER_WORDS, SCALES

_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_BIG = "million|billion|trillion"
# 'twenty-five', 'two hundred and fifty', 'four thousand', 'a million', 'half a million'.
SPELLED = (rf"(?:(?:a\s+quarter\s+of\s+an?|half\s+an?|three\s+quarters\s+of\s+an?|an?)\s+(?:{_BIG})"
           rf"|(?:{_WORDS})(?:-(?:{_WORDS}))?(?:\s+(?:hundred|thousand|{_BIG})(?:\s+(?:and\s+)?(?:{_WORDS})(?:-(?:{_WORDS}))?)?)*)")
WORD_GAPS = re.compile(r"[\s-]+")
SEPARATORS = str.maketrans("", "", ",\u00a0\u202f ")  # thousands separators, deleted
FRACTIONS = {"a quarter of": Decimal("0.25"), "half": Decimal("0.5"), "three quarters of": Decimal("0.75")}


def digits_value(raw: str) -> Decimal:
    """Return '12,000' or '4.1' as an exact Decimal."""
    return Decimal(raw.translate(SEPARATORS))


def scaled(value: Decimal, scale: str | None) -> Decimal:
    """Return value times its scale word or suffix ('million', 'bn', 'k')."""
    return value * SCALES[scale.strip().lower()] if scale else value


def spelled_value(words: str) -> Decimal | None:
    """Return the value of 'four thousand', 'twenty-five' or 'half a million'; None when it has none."""
    lowered = " ".join(words.lower().split())
    for prefix, fraction in FRACTIONS.items():
        if lowered.startswith(prefix + " a"):
            return fraction * SCALES[lowered.split()[-1]]
    if lowered.startswith(("a ", "an ")):
        return Decimal(SCALES[lowered.split()[-1]])
    total = current = 0
    for word in WORD_GAPS.split(lowered):
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
    return Decimal(total + current) or None


def exact(value: Decimal) -> int | float:
    """Return an int for whole values, else the float whose shortest form is the written decimal.

    Decimal arithmetic keeps '4.1 million' at 4100000 (floats give 4099999.9999999995); a
    fraction such as 5.2 becomes the float that JSON writes back as '5.2'.
    """
    return int(value) if value == value.to_integral_value() else float(value.normalize())
