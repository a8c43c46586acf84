"""When a figure's value holds: the period its words give it, forecasts, and whether two can be one time."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

# A wire dateline opening a story ('BRASILIA, Sept 3 (Reuters) - ') gives the day it was filed and an agency:
# neither the period of a figure nor a subject.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,[^()\n–—-]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")
YEARS = re.compile(r"\b(?:19|20)\d\d\b")
# Month names as written (capitalised): "market", "decline" and the verb "may" are no months.
MONTHS = re.compile(r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b")
QUARTER = re.compile(r"\b(first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]quarter\b|\bq([1-4])\b", re.IGNORECASE)
RATES = {"year": re.compile(r"\b(?:a|per|each|every) year\b|\bannual(?:ly)?\b|\byearly\b|\byear-on-year\b", re.I),
         "month": re.compile(r"\b(?:a|per|each|every) month\b|\bmonthly\b|\bmonth-on-month\b", re.I),
         "week": re.compile(r"\b(?:a|per|each|every) week\b|\bweekly\b", re.I),
         "day": re.compile(r"\b(?:a|per|each|every) day\b|\bdaily\b", re.I)}
# "the three months to September", "July to September": the quarter that ends that month.
_MONTH = MONTHS.pattern[2:-2].replace("(", "(?:", 1)
QUARTER_SPAN = re.compile(rf"\b(?:three months|quarter) (?:to|ending|between {_MONTH} and) ({_MONTH})\b|"
                          rf"\b{_MONTH}(?: to |-| and )({_MONTH})\b")
QUARTER_ENDS = {"mar": "first", "jun": "second", "sep": "third", "dec": "fourth"}
# 'the first two months of the year' are January and February, as another outlet may write them.
FIRST_MONTHS = re.compile(r"\bfirst (two|three|four|five|seven|eight|nine|ten|eleven|[2-9]|1[01]) months\b",
                          re.IGNORECASE)
MONTH_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven".split(), 2)}
MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split()
YEAR_END_QUARTER = re.compile(r"\b(?:last|final) (?:quarter|three months) of (?:19|20)\d\d\b", re.IGNORECASE)
PERIOD_BREAK = re.compile(r"[,;:()]|\s-\s|\b(?:but|while|whereas|although|after|compared|against|from)\b",
                          re.IGNORECASE)
QUARTER_NAMES = {"final": "fourth", "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth",
                 "1": "first", "2": "second", "3": "third", "4": "fourth"}
MAX_DAYS_APART = 31  # articles further apart report a changing quantity at different times
# A quarter's figure and a whole year's are two quantities, even when both name the same year:
# the period right after the number ("0.2% in the last three months of 2004") is the one it counts.
QUARTERLY = re.compile(r"\b(?:quarter(?:ly)?|three months)\b", re.IGNORECASE)
PERIOD_REACH = 60
# A forecast and an outcome are two quantities ("to reach $368bn" next year, "$422bn" now).
# A plan is a forecast too: 'plans to cut about 4,000 jobs' and 'will cut 4,500 jobs' are one future count.
FORECAST = re.compile(r"\b(?:forecast\w*|expect\w*|predict\w*|projected|will|would|to (?:reach|rise|fall|hit|grow)"
                      r"|(?:plan|plans|planned|planning|aims?|aiming|intends?|intending|set|going|is|are) to)\b",
                      re.IGNORECASE)
# A market price moves every day: two undated quotes of it are two moments, not a dispute.
MARKET_PRICE = re.compile(r"\b(?:a|per) (?:barrel|share|ounce|troy ounce)\b|\bclosed (?:at|up|down)\b", re.IGNORECASE)
# An earlier value with its own period: "from £180,444 in October", "from 5.4% in September".
FROM_CLAUSE = re.compile(r"\bfrom (?:an? |the )?[$£€¥]?\d[\d,.]*\s?(?:%|[a-z]+)?"
                         r"(?: (?:in|on|at|during) [^,;:()]*?)?(?= to\b|[,;:()]|\.?$)")
# A level said to hold "now" is a moment: two undated stories' "now" are two times ("now stands at £162,086").
MOMENT = re.compile(r"\b(?:now|currently|at present)\b", re.IGNORECASE)
PERIOD = re.compile(r"\b(?:(?:19|20)\d\d|(?:last|this|next) year|quarter|three months|first \w+ months)\b",
                    re.IGNORECASE)
# A forecast is told by the words of its own clause: "growth falling from 3.2% last year to 2.5%"
# reports last year's outcome even when the sentence also expects a slowdown in 2005.
CLAUSE_BREAK = re.compile(r"[,;:()]|\s-\s|\b(?:but|while|whereas|although|after|and)\b", re.IGNORECASE)
CLAUSE_REACH = 80
# A period owning the number: "the third quarter's 5.1%".
OWNER_PERIOD = re.compile(r"\b((?:first|second|third|fourth|final|last) quarter|(?:19|20)\d\d|last year|"
                          r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)"
                          r"['’]s\s+$")
RELATIVE = re.compile(r"\b(?:last|this|next) (?:year|month)\b", re.IGNORECASE)
# Any period a rate may be given for, named or relative.
ANY_PERIOD = re.compile(r"\b(?:(?:19|20)\d\d|(?:last|this|next|previous|same) (?:year|month|week|quarter)|"
                        r"quarter|three months|first \w+ months|annual(?:ly)?|monthly|on the (?:year|month)|"
                        r"a year (?:earlier|ago))\b|"
                        + MONTHS.pattern)
# A period ending in a month ("the year to March 2004") is not the calendar year.
YEAR_TO = re.compile(rf"\b(?:[Yy]ear|12 months) (?:to|ending) (?:\d+ )?{_MONTH}\b")


def number_at(fig) -> tuple[str, str, int]:
    """Return a figure's sentence, its number as written and where that stands in the sentence (-1: not found)."""
    return _number_in(fig.get("sentence") or "", fig.get("text") or "")


@lru_cache(maxsize=1 << 15)  # a figure's number is looked up three times for its measure and once per pair it is in
def _number_in(sentence: str, text: str) -> tuple[str, str, int]:
    sentence = DATELINE.sub("", sentence, count=1)
    return sentence, text, sentence.find(text) if text else -1


def forecast(fig) -> bool:
    """Return True when the figure's own clause predicts ("is expected to grow by 4%", "5% growth forecast")."""
    return _forecast(fig.get("sentence") or "", fig.get("text") or "")


@lru_cache(maxsize=1 << 15)  # asked once per pair a figure is in; it depends on the sentence and number only
def _forecast(sentence: str, text: str) -> bool:
    sentence, text, at = _number_in(sentence, text)
    if at < 0:
        return bool(FORECAST.search(sentence))
    before = sentence[max(0, at - CLAUSE_REACH):at]
    breaks = list(CLAUSE_BREAK.finditer(before))
    after = sentence[at + len(text):at + len(text) + CLAUSE_REACH]
    ending = CLAUSE_BREAK.search(after)
    return bool(FORECAST.search(before[breaks[-1].end() if breaks else 0:])
                or FORECAST.search(after[:ending.start() if ending else len(after)]))


@lru_cache(maxsize=1 << 15)  # each figure's period is read once per pair it is in: read it once
def periods(sentence: str) -> dict[str, frozenset]:
    """Return the years, months, quarters and rate periods a sentence names (callers never change it)."""
    quarters = {QUARTER_NAMES.get((a or b).lower(), (a or b).lower()) for a, b in QUARTER.findall(sentence)}
    quarters.update(QUARTER_ENDS.get((m.group(1) or m.group(2)).lower()[:3], "")
                    for m in QUARTER_SPAN.finditer(sentence))
    if YEAR_END_QUARTER.search(sentence):
        quarters.add("fourth")
    return {"years": frozenset(YEARS.findall(sentence)),
            "months": frozenset(m.lower()[:3] for m in MONTHS.findall(sentence)) | _first_months(sentence),
            "quarters": frozenset(quarters - {""}),
            "rates": frozenset(name for name, rx in RATES.items() if rx.search(sentence)),
            "relative": frozenset(m.lower() for m in RELATIVE.findall(sentence))}


def _first_months(sentence: str) -> frozenset[str]:
    """Return the months 'the first three months' of a year name: January to March."""
    found = FIRST_MONTHS.search(sentence)
    if not found:
        return frozenset()
    count = found.group(1).lower()
    return frozenset(MONTH_NAMES[:int(count) if count.isdigit() else MONTH_COUNTS[count]])


def period_words(fig) -> str:
    """Return the words that give a figure's period: its own clause after the number when that names a
    period ("1.6% last year after shrinking in 2003" counts last year), else the whole sentence."""
    return _period_words(fig.get("sentence") or "", fig.get("text") or "")


@lru_cache(maxsize=1 << 15)  # asked several times per pair a figure is in; it depends on the sentence and number only
def _period_words(sentence: str, text: str) -> str:
    sentence, text, at = _number_in(sentence, text)
    if at >= 0:
        owner_period = OWNER_PERIOD.search(sentence, max(0, at - PERIOD_REACH), at)
        if owner_period:
            return owner_period.group(1)  # "the third quarter's 5.1%"
        after = sentence[at + len(text):at + len(text) + PERIOD_REACH]
        end = PERIOD_BREAK.search(after)
        clause = after[:end.start() if end else len(after)]
        if PERIOD.search(clause) or MONTHS.search(clause):
            return clause
        # "fell to £180,226, from £180,444 in October": the period after an earlier value is that value's
        return FROM_CLAUSE.sub(lambda m: m.group() if m.start() <= at < m.end() else " ", sentence)
    return sentence


def one_side(pattern: re.Pattern, ta: str | None, tb: str | None) -> bool:
    """Return True when only one of two texts has the pattern (a forecast beside an outcome)."""
    return names(pattern, ta or "") != names(pattern, tb or "")


@lru_cache(maxsize=1 << 16)  # a figure's words are searched once per pair it is in: search them once
def names(pattern: re.Pattern, text: str) -> bool:
    """Return True when the pattern occurs in the text."""
    return bool(pattern.search(text))


def compatible_time(a, b) -> bool:
    """Return True when two figures can be about the same period (a yearly and a monthly rate cannot)."""
    wa, wb = period_words(a), period_words(b)
    pa, pb = periods(wa), periods(wb)
    if any(pa[k] and pb[k] and not pa[k] & pb[k] for k in pa):
        return False
    quarterly = [bool(names(QUARTERLY, w) or p["quarters"]) for w, p in ((wa, pa), (wb, pb))]
    if quarterly[0] != quarterly[1] or one_side(YEAR_TO, wa, wb) or forecast(a) != forecast(b):
        return False
    if a.get("unit") == "percent" and one_side(ANY_PERIOD, wa, wb):
        return False  # a rate changes every period: "12.3% for all of 2004" is not "0.6%" of some month
    if a.get("unit") == "percent" and _month_against_year(pa, pb):
        return False  # "fell 0.4% in October" is a month's change, "risen 0.9% this year" the year's so far
    named = shared_period(a, b)
    da, db = a.get("date"), b.get("date")
    moment = not named and (names(MOMENT, period_words(a)) or names(MOMENT, period_words(b)))
    if moment or names(MARKET_PRICE, a.get("sentence") or "") or names(MARKET_PRICE, b.get("sentence") or ""):
        return bool(da and db and da == db)
    if da and db and not named:
        return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= MAX_DAYS_APART
    return True


def _month_against_year(pa: dict, pb: dict) -> bool:
    """Return True when one names a month and the other only a year ("this year", "in 2004")."""
    def yearly(p: dict) -> bool:
        return not p["months"] and bool(p["years"] or {r for r in p["relative"] if r.endswith("year")})
    return (bool(pa["months"]) and yearly(pb)) or (bool(pb["months"]) and yearly(pa))


def shared_period(a, b) -> bool:
    """Return True when two figures name one same year, quarter or month for their own value."""
    pa, pb = periods(period_words(a)), periods(period_words(b))
    # "last year" names one year only in two undated stories (read as of one time) or two of one year
    relative = bool(pa["relative"] & pb["relative"]) and (a.get("date") or "")[:4] == (b.get("date") or "")[:4]
    return relative or any(pa[k] & pb[k] for k in ("years", "quarters", "months"))
