"""Figures that report one quantity: same measure, same places, compatible time, different stories."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date

from ..extract.lexicon import PLACES
from .quotes import candidate_pairs
from .text import STOP, content_stems, name_tokens

# Units that say what a number is in, not what it counts: "£5" alone is no quantity.
NOT_QUANTITIES = frozenset("""
    pound dollar euro yen yuan rupee franc cent pence penny percent per-cent % point points
    year month week day hour minute second time page mile kilometre metre km kg tonne
""".split())
# Without an extracted measure, two sentences must say much the same around the number.
# (Jaccard of the sentences' content stems, shared names) two figures' sentences need to be about
# one thing: more when only the unit word agrees, less when the extraction named the measure.
SAME_SENTENCE = (0.4, 1)
SAME_PLACES = (0.15, 1)
SAME_RELATION = (0.1, 0)  # ... when two places or more are named (troops of one country in another)
SAME_MEASURE = (0.2, 1)  # a shared name or place: "profits" of two firms are two quantities
NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’-]+")  # a capitalised word that does not open the sentence
# Places are already in the figure's key: a shared "UK" says nothing about who or what is counted.
PLACE_WORDS = frozenset(word for place in PLACES for word in place.split()) | {"british", "american", "european"}
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
YEARS = re.compile(r"\b(?:19|20)\d\d\b")
MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b|\bq([1-4])\b", re.IGNORECASE)
RATES = {"year": re.compile(r"\b(?:a|per|each|every) year\b|\bannual(?:ly)?\b|\byearly\b|\byear-on-year\b", re.I),
         "month": re.compile(r"\b(?:a|per|each|every) month\b|\bmonthly\b|\bmonth-on-month\b", re.I),
         "week": re.compile(r"\b(?:a|per|each|every) week\b|\bweekly\b", re.I),
         "day": re.compile(r"\b(?:a|per|each|every) day\b|\bdaily\b", re.I)}
QUARTER_NAMES = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth",
                 "1": "first", "2": "second", "3": "third", "4": "fourth"}
# How far a qualified value may lie from the true one: "about 12,000" covers 11,800.
ABOUT = frozenset({"approximately", "around", "about", "roughly", "some", "an estimated", "estimated",
                   "close to"})
ABOVE = frozenset({"over", "more than", "at least", "just over", "upwards of", "as many as"})
BELOW = frozenset({"less than", "fewer than", "at most", "up to", "under", "just under", "nearly",
                   "almost", "as few as"})
ABOUT_SHARE = 0.05
MAX_DAYS_APART = 31  # articles further apart report a changing quantity at different times
# A measure naming only a unit or a part ("points", "shares", "a 20% stake") leaves out whose it is.
BARE_MEASURES = frozenset(content_stems(" ".join(NOT_QUANTITIES) + " share shares stake stakes"))
# A quarter's figure and a whole year's are two quantities, even when both name the same year:
# the period right after the number ("0.2% in the last three months of 2004") is the one it counts.
QUARTERLY = re.compile(r"\b(?:quarter(?:ly)?|three months)\b", re.IGNORECASE)
PERIOD_REACH = 40
# A forecast and an outcome are two quantities ("to reach $368bn" next year, "$422bn" now).
FORECAST = re.compile(r"\b(?:forecast\w*|expect\w*|predict\w*|projected|will|would|to (?:reach|rise|fall|hit|grow))\b",
                      re.IGNORECASE)
# A market price moves every day: two undated quotes of it are two moments, not a dispute.
MARKET_PRICE = re.compile(r"\b(?:a|per) (?:barrel|share|ounce|troy ounce)\b|\bclosed (?:at|up|down)\b", re.IGNORECASE)
TOTAL = re.compile(r"\b(?:between them|combined|in total|all told)\b", re.IGNORECASE)
PERIOD = re.compile(r"\b(?:(?:19|20)\d\d|(?:last|this|next) year|quarter|three months)\b", re.IGNORECASE)


def measure_key(fig) -> tuple | None:
    """Return what a figure quantifies: (measure, unit lemma, places), or None when it counts nothing."""
    lemma, _, places = (fig.get("topic") or "").partition(":")
    if lemma and lemma.split("/")[0] not in NOT_QUANTITIES:
        # A count: the counted noun's lemma (soldiers = troops) says what is counted, and the
        # extracted measure's wording ("soldiers to Russia", "troops") would only split it.
        return ("", lemma, places)
    stems = content_stems(fig.get("measure") or "")
    return (" ".join(stems[-2:]), lemma.split("/")[0], places) if set(stems) - BARE_MEASURES else None


def periods(sentence: str) -> dict[str, frozenset]:
    """Return the years, months, quarters and rate periods a sentence names."""
    return {"years": frozenset(YEARS.findall(sentence)),
            "months": frozenset(m.lower()[:3] for m in MONTHS.findall(sentence)),
            "quarters": frozenset(QUARTER_NAMES.get((a or b).lower(), (a or b).lower())
                                  for a, b in QUARTER.findall(sentence)),
            "rates": frozenset(name for name, rx in RATES.items() if rx.search(sentence))}


def period_words(fig) -> str:
    """Return the words that give a figure's period: the first period named right after the number
    ("1.6% last year after shrinking in 2003" counts last year), else the whole sentence."""
    sentence, text = fig.get("sentence") or "", fig.get("text") or ""
    at = sentence.find(text) if text else -1
    if at >= 0:
        after = sentence[at + len(text):at + len(text) + PERIOD_REACH]
        first = PERIOD.search(after)
        if first:
            return after[:first.end()]
    return sentence


def _one_side(pattern: re.Pattern, ta: str | None, tb: str | None) -> bool:
    """Return True when only one of two texts has the pattern (a forecast beside an outcome)."""
    return bool(pattern.search(ta or "")) != bool(pattern.search(tb or ""))


def compatible_time(a, b) -> bool:
    """Return True when two figures can be about the same period (a yearly and a monthly rate cannot)."""
    wa, wb = period_words(a), period_words(b)
    pa, pb = periods(wa), periods(wb)
    if any(pa[k] and pb[k] and not pa[k] & pb[k] for k in pa):
        return False
    if _one_side(QUARTERLY, wa, wb) or _one_side(FORECAST, a.get("sentence"), b.get("sentence")):
        return False
    named = any(pa[k] & pb[k] for k in ("years", "quarters", "months"))
    da, db = a.get("date"), b.get("date")
    if MARKET_PRICE.search(a.get("sentence") or "") or MARKET_PRICE.search(b.get("sentence") or ""):
        return bool(da and db and da == db)
    if da and db and not named:
        return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= MAX_DAYS_APART
    return True


def _precision(value: float) -> float:
    """Return half the unit of the last written digit: 12,000 may be any of 11,500..12,500."""
    value = abs(float(f"{value:.9g}"))
    if value == 0:
        return 0.0
    step = 10 ** math.floor(math.log10(value))
    while step > 1e-6 and abs(value / step - round(value / step)) > 1e-6:
        step /= 10
    return step / 2


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """Return the range a value as written (with its qualifier and rounding) allows."""
    value, q = float(value), (qualifier or "").lower()
    slack = _precision(value)
    if q in ABOUT:
        slack = max(slack, abs(value) * ABOUT_SHARE)
    low, high = value - slack, value + slack
    if q in ABOVE:
        high = math.inf
    if q in BELOW:
        low = min(low, value * (1 - ABOUT_SHARE)) if q in ("nearly", "almost") else -math.inf
    return low, high


def close(a, b) -> bool:
    """Return True when either value lies in the range the other's qualifier and rounding allow."""
    def within(value, other) -> bool:
        low, high = interval(other["value"], other.get("qualifier"))
        return low <= float(value) <= high
    return within(a["value"], b) or within(b["value"], a)


def names(sentence: str) -> frozenset[str]:
    """Return the names a sentence mentions (capitalised words inside it, not months or days)."""
    found = (w.lower() for w in NAME.findall(sentence))
    return frozenset(w for w in found if w not in STOP and w not in DAYS and w not in PLACE_WORDS
                     and not MONTHS.fullmatch(w))


def subject_names(fig) -> frozenset[str]:
    """Return the names a figure's sentence mentions besides its claimer's (who said it is no subject)."""
    return names(fig.get("sentence") or "") - name_tokens(fig.get("claimer") or fig.get("claimed_by"))


def _similar(a, b, sa: tuple, sb: tuple, need: tuple[float, int]) -> bool:
    """Return True when two figures' sentences share enough words and names to be about one thing."""
    least, shared_names = need
    union = set(sa) | set(sb)
    if not union or len(set(sa) & set(sb)) / len(union) < least:
        return False
    if _one_side(TOTAL, a.get("sentence"), b.get("sentence")):
        return False  # a sum over several subjects and one subject's value are two quantities
    na, nb = subject_names(a), subject_names(b)
    if na - nb and nb - na:  # each names someone the other does not: two firms, two films, two teams
        return False
    return len(na & nb) >= shared_names


def quantity_groups(figures: list, story) -> list[list[str]]:
    """Return groups (figure ids, two stories or more) of figures reporting one quantity."""
    blocks: dict[tuple, list] = defaultdict(list)
    for fig in figures:
        key = measure_key(fig)
        if key is not None:
            blocks[key].append(fig)
    groups = []
    for key, block in blocks.items():
        if len({story(f["article_id"]) for f in block}) > 1:
            need = SAME_MEASURE if key[0] else SAME_RELATION if "+" in key[2] else \
                SAME_PLACES if key[2] else SAME_SENTENCE
            groups.extend(_group_block(block, story, need, placed=bool(key[0] and key[2])))
    return sorted(groups)


def _group_block(block: list, story, need: tuple[float, int], placed: bool = False) -> list[list[str]]:
    """Join the figures of one block whose sentences, times and stories say they are one quantity."""
    stems = [content_stems(f.get("sentence") or f.get("text") or "") for f in block]
    parent = list(range(len(block)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(candidate_pairs(stems)):
        a, b = block[i], block[j]
        if story(a["article_id"]) == story(b["article_id"]) or find(i) == find(j):
            continue
        if compatible_time(a, b) and _similar(a, b, stems[i], stems[j], (need[0], 0) if placed else need):
            parent[find(i)] = find(j)
    members: dict[int, list[str]] = defaultdict(list)
    for i, fig in enumerate(block):
        members[find(i)].append(fig["id"])
    return [sorted(ids) for ids in members.values() if len(ids) > 1 and not _two_in_one_sentence(ids, block)]


def _two_in_one_sentence(ids: list[str], block: list) -> bool:
    """Return True when one sentence gives two values of the group: its measure names two subjects."""
    figs = {f["id"]: f for f in block}
    values = defaultdict(set)
    for fid in ids:
        values[(figs[fid]["article_id"], figs[fid].get("sentence"))].add(float(figs[fid]["value"]))
    return any(len(v) > 1 for v in values.values())
