"""What a figure measures: 'house prices' in 'House prices rose 4%', 'oil prices' for '$50 a barrel'."""
from __future__ import annotations

import re

from ..lexicon.words import DETERMINERS, NOUN_CUES, NUMBER_WORDS, PHRASE_STOPS, PRONOUNS, QUALIFIERS, STOP_WORDS
from ..lexicon.grammar import FIGURE_LINKS, FIGURE_SKIP_BACK, NAME_PARTICLES, SUBORDINATORS
from ..lexicon.people import DEMONYMS, PARTIES
from ..lexicon.units import (CHANGE_NOUNS, COUNT_VERBS, COUNTED_PARTICIPLES, IRREGULAR_PLURALS, NOT_COUNTS, NOT_NOUNS,
                             TIME_UNITS, UNIT_NOUNS)
from ..lexicon.sources import MONTHS, TIME_WORDS
from ..lexicon.verbs import AIM_VERBS, AUXILIARIES, CHANGE_VERBS, PARTICIPLES_ONLY, FIGURE_VERBS_BEFORE, PAST_VERBS, REVISION_VERBS, classes_of

OBJECT_AFTER = re.compile(r" (?:\d|(?:a|an|the|its|their|his|her|more|about|some)\b)")
COORDINATED_HEAD = re.compile(r" ([a-z-]+)(?: ([a-z-]+))?\b")  # ' movie stars' after '70 music and'
WORD_AFTER = re.compile(r"[ \u00a0]([A-Za-z][\w'’-]*)")
# An index with its number ('S&P 500', 'FTSE 100') is one word; '&' stays inside names ('AT&T', 'M&S').
WORD_BEFORE = re.compile(r"[A-Z][A-Z&]*[A-Z] \d{2,4}\b(?![.,]\d)|[A-Za-z][\w'’.&-]*|[^\w\s]")
PERIOD_PREPOSITIONS = frozenset("for in during over".split())
PERIOD_NOUNS = frozenset("quarter quarters half year month months week period season".split())
# Verbs that move a measure with 'up' or 'down': 'costs go up by 10%', 'prices went down'.
PHRASAL_MOVES = frozenset("go goes went gone going come comes came coming move moves moved moving shot".split())
OBJECT_OPENERS = frozenset("it them the a an this that these those his her their its".split())
RELATIVE_REACH = 15  # tokens of a relative clause between a measure and its verb
REACH = 100  # characters read before a number for its measure: a bounded window keeps this linear
MAX_WORDS = 4
FORECAST_NOUNS = frozenset("forecast forecasts estimate estimates outlook projection projections".split())
RATIO_BASES = frozenset(["gdp", "gnp", "gni", "gross domestic product", "national income", "economic output"])
FLOWS = frozenset("exports imports shipments sales aid investment investments flights remittances arrivals".split())
# A level's marker after a figure, no measure: 'near the £6.00 mark', 'the $50 level', 'the 10,000 barrier'.
MARKERS = frozenset("mark level levels barrier threshold region range".split())
# Asked of every figure (compiled once, not looked up in re's cache at each call)
PLACE_AFTER = re.compile(r" (in|to|at|from) ((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})\b")
OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|this|that|these|those|[A-Z][\w]*['’]s)\s+)?")
TWO_WORDS_AFTER = re.compile(r"\s+(\w+)\s+(\w+)")
LETTERS = re.compile(r"[a-z]+")
TUNE_OF = re.compile(r"\bto the tune of\s+$")
TUNE_REACH = 20  # characters of 'to the tune of ' read before a figure
INCREMENTS = frozenset({"more"})  # right after a number: a count added ('3,000 more soldiers'), not a comparison's end
# Verbs whose object is an amount of money name what it is: 'eBay earned $778m' measures earnings.
MONEY_VERBS = {
    "earned": "earnings", "earns": "earnings", "earn": "earnings", "grossed": "takings", "took": "takings",
    "paid": "payment", "pays": "payment", "pay": "payment", "spent": "spending", "spend": "spending",
    "spends": "spending", "raised": "funds raised", "raise": "funds raised", "borrowed": "borrowing",
    "invested": "investment", "invest": "investment", "invests": "investment", "saved": "savings",
    "save": "savings", "owed": "debt", "owes": "debt", "fined": "fine", "donated": "donation",
    "bid": "bid", "offered": "offer", "lost": "loss", "lose": "loss",
    "charged": "charge", "charges": "charge", "sold": "sale price", "bought": "purchase price",
    "cut": "cut", "cuts": "cut", "awarded": "award", "allocated": "funding", "received": "receipts",
}
QUALIFIER_TAILS = tuple(sorted(QUALIFIERS, key=len, reverse=True))
MONEY_IN = re.compile(r"\s+in\s(?=[a-z])")  # 'in weekend ticket sales', not 'in New York'
PER = re.compile(r"\s+(?:a|an|per)\s+([a-z]+)\b")
# Words between a revised thing and 'from': 'the job gains in March, from', 'new jobs for May from'.
ADJUNCT_OPENERS = frozenset("in for during on at".split())
DIRECTIONS = frozenset("up down upwards downwards".split())
MODALS = frozenset("will would could can may might must shall should".split())
REVISION_REACH = 10  # tokens from 'from' back to the revising verb
# A word right before a verb's form that makes it a noun or an adjective: 'of the lifts', 'to be lower'.
NOT_BEFORE_VERBS = frozenset("of in on at for with by from be is was are were been being".split())
# Words that say a measure held a level: 'stayed at 5.4%', 'was unchanged at 9.9%', 'remains high at 10%'.
LEVEL_WORDS = frozenset("stayed stay stays unchanged steady stuck flat high low stable".split())
# 'a record low of', 'a new 10-year high of', 'an all-time peak of': a level named by its rank, not a measure
EXTREMES = frozenset("low high peak".split())
EXTREME_MODIFIERS = frozenset("record new fresh all-time historic - year month week decade day".split())
EXTREME_SPAN = re.compile(r"[\w]+-(?:year|month|week|decade|day)")  # 'three-year' (a '10-year' leaves '-', 'year')
# Verbs that move their object to a level: 'push down the jobless rate to 5.2%', 'raised interest rates to 4.75%'.
MOVING_VERBS = REVISION_VERBS | frozenset("""
push pushed pushes pushing take takes took taking lift lifts lifted raise raises raised lower lowers lowered
drive drives drove driven bring brings brought
""".split())

# Verbs that change their object by an amount: 'boosted its profits by 40%', 'cut costs by 10%'.
SCALING_VERBS = frozenset("""
raise raises raised raising lift lifts lifted lifting lower lowers lowered lowering boost boosts boosted boosting increase increases increased increasing cut cuts cutting reduce reduces reduced
reducing slash slashes slashed slashing trim trims trimmed trimming hike hikes hiked hiking grow grows grew expand
expands expanded
""".split())


def counted_measure(text: str, pos: int, hi: int, stops: frozenset[str]) -> tuple[str, int, str]:
    """Return the counted noun after a number, its end, and the phrase it measures.

    'sent 12,000 North Korean troops to Russia' gives ('troops', end, 'North Korean troops to Russia');
    capitalised modifiers stay out of the unit but in the measure.
    """
    words, all_words, end, cap_end = [], [], pos, pos
    for match in _words_after(text, pos, hi):
        word = match.group(1)
        lower = word.lower()
        plural_acronym = word[:-1].isupper() and len(word) > 2 and word.endswith("s")
        capitalised = word[0].isupper() and not plural_acronym and not word.isupper()
        # '60 new Express stores': a name after adjectives only is a modifier, whatever word it is
        named = capitalised and words and all(w.lower() in NOT_NOUNS for w in words)
        stop = lower in stops and not word.isupper() and not (lower in NOUN_CUES and lower.endswith("s")) \
            and not (lower in INCREMENTS and not all_words)  # '3,000 more than' still ends with no noun
        if lower in ("and", "or") and words and not is_plural(words[-1]) and (
                head := _coordinated_head(text, match.end(), hi)):
            more = [word, *text[match.end():head].split()]  # '70 music and movie stars': one head, two modifiers
            words, all_words, end = words + more, all_words + more, head
            break
        if (stop and not named) or len(words) >= MAX_WORDS:  # 'US' is a name, 'us' a pronoun
            break
        if lower in NAME_PARTICLES and all_words and not words:
            all_words.append(word)  # 'the 3,000 Luiz Inacio Lula da Silva promised': inside a name
            continue
        if capitalised and not words and _people_counted(word):
            words.append(word)  # '3,000 Americans', '40 Tories': a people counted, written with a capital
            all_words.append(word)
            end = match.end()
            continue
        if capitalised:
            if words and not named:
                break
            words = []  # the adjective goes with the name, out of the unit
            all_words.append(word)
            cap_end = match.end()
            continue
        if len(words) == 1 and _people_counted(words[0]) and (
                lower in COUNTED_PARTICIPLES or lower.endswith(("ing", "ed"))):
            words = []  # 'Britons dead or missing', 'Americans filing jobless claims': the name describes them
        if not words and all_words and lower in COUNT_VERBS and is_plural(all_words[-1]):
            words, end = [all_words[-1]], cap_end  # '3,000 Caribs live on the island': a people counted
            break
        if words and (lower.endswith("ed") or lower.endswith("ing")) and not lower.endswith("-based"):
            break
        if words and is_plural(words[-1]) and not is_plural(word):
            break  # a count's head noun is its last plural: 'two countries appear', '100 hours community service'
        if word.endswith(("'", "’")):
            words.append(word[:-1])
            all_words.append(word[:-1])
            end = match.end() - 1
            break  # 'two years' time'
        words.append(word)
        all_words.append(word)
        end = match.end()
    if not words:
        return "", end, ""
    return " ".join(words), end, " ".join(all_words) + _place_after(text, end, hi)


def _coordinated_head(text: str, pos: int, hi: int) -> int | None:
    """Return where a plural head ends one or two lower-case words after 'and' at pos ('and movie stars'), None
    when none does: the words coordinated before it modify that one counted thing."""
    found = COORDINATED_HEAD.match(text, pos, hi)
    if found is None or found.group(1) in STOP_WORDS or found.group(1) in NOT_NOUNS or found.group(1) in NUMBER_WORDS:
        return None  # 'three men and two women': two counts
    if found.group(2) and is_plural(found.group(2)) and found.group(2) not in STOP_WORDS:
        end = found.end()
    elif is_plural(found.group(1)):
        end = found.end(1)
    else:
        return None
    return None if OBJECT_AFTER.match(text, end, hi) else end  # '20 shops and employs 300 people': a verb


def _people_counted(word: str) -> bool:
    """Return True for 'Americans', 'Scots', 'Tories': a capitalised plural naming people of a country or party."""
    lower = word.lower()
    return (lower.endswith("s") and lower[:-1] in DEMONYMS) or (lower in PARTIES and is_plural(lower))


def is_plural(word: str) -> bool:
    """Return True for "countries", "people": a word that reads as a plural noun."""
    lower = word.lower()
    return lower in IRREGULAR_PLURALS or (len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


def _words_after(text: str, pos: int, hi: int):
    """Yield the words that follow pos, each after a single space, until punctuation."""
    while (match := WORD_AFTER.match(text, pos, hi)) is not None:
        yield match
        pos = match.end()


def _place_after(text: str, pos: int, hi: int) -> str:
    """Return ' in Russia' when a capitalised place follows the counted noun."""
    found = PLACE_AFTER.match(text[pos:min(hi, pos + 40)])
    return f" {found.group(1)} {found.group(2)}" if found else ""


def measure_of(text: str, lo: int, hi: int, start: int, end: int, kind: str) -> str | None:
    """Return what a currency, percent or duration figure measures, or None when the sentence does not say."""
    after = _after(text, end, hi)
    if after and after.lower() not in MARKERS:
        return after
    money_in = MONEY_IN.match(text, end, hi) if kind == "currency" else None
    if money_in:
        found = _phrase(text, money_in.end() - 1, hi)
        if found:
            return found  # '$40.8m in weekend ticket sales'
    if kind == "duration" or TUNE_OF.search(text, max(lo, start - TUNE_REACH), start):
        return None  # 'fund Yahoo to the tune of $2m': an idiom, nothing measured
    before = _before(text, lo, start, kind)
    if before:
        return before
    per = PER.match(text, end, hi)
    if per and kind == "currency" and per.group(1) not in TIME_UNITS:
        return f"price per {per.group(1)}"  # '$50 a barrel' with no subject that names the price
    return None


def _after(text: str, end: int, hi: int) -> str | None:
    """'97% of the budget' -> 'budget'; 'a 52% rise in profits' -> 'profits'; 'a £65,000 settlement'."""
    partitive = OF_AFTER.match(text[end:min(hi, end + 40)])
    if partitive:
        group = _group(text, end + partitive.end() - 1, hi) if partitive.group().split()[-1].lower() == "those" \
            else None
        if group:
            return group  # '1.2% of those taking the drug', '68% of those questioned'
        base = _phrase(text, end + partitive.end() - 1, hi)
        if partitive.group().split()[-1].lower() == "those" and base and not is_plural(base.split()[0]):
            return None  # 'Eighty per cent of those remain': those named before; not 'of those companies'
        if base and base.lower() in RATIO_BASES:
            return None  # '4.8% of GDP': what is that share of output is read before the figure
        return base
    phrase = _phrase(text, end, hi)
    if phrase and _verb_with_object(text, end, phrase):
        return None  # '27% oppose it', '40% back the plan': what they think, not what is counted
    if phrase and phrase.split()[-1].lower() in CHANGE_NOUNS:
        linked = re.match(r"\s+(?:in|of)\s+(?:(?:the|its|their|his|her|our)\s+)?", text[end + len(phrase) + 1:][:30])
        if linked:
            return _phrase(text, end + len(phrase) + 1 + linked.end() - 1, hi)
    return phrase


def _group(text: str, pos: int, hi: int) -> str | None:
    """Return 'those taking the drug', 'those questioned' or 'those who voted': people by what they did."""
    words = []
    for match in _words_after(text, pos, hi):
        lower = match.group(1).lower()
        if not words and not (lower.endswith(("ed", "ing")) or lower == "who"):
            return None  # 'those companies': a noun, read as any partitive
        if len(words) >= MAX_WORDS - 1 or (words and lower in PHRASE_STOPS and lower not in DETERMINERS) \
                or (words and words[-1].lower() != "who" and lower.endswith(("ed", "ing"))):
            break  # the first word is what they did, a cue's form too ('those questioned')
        words.append(match.group(1))
        if len(words) == 2 and words[0].lower() == "who":
            break  # 'those who voted (backed him)'
    return " ".join(["those", *words]) if words and words[-1].lower() != "who" else None


def _verb_with_object(text: str, end: int, phrase: str) -> bool:
    """Return True when the word after a share is a verb of stance with its object ('oppose it')."""
    after = TWO_WORDS_AFTER.match(text[end:end + 40])
    return bool(after and after.group(1) == phrase and classes_of(phrase.lower())
                and after.group(2).lower() in OBJECT_OPENERS)


def _phrase(text: str, pos: int, hi: int) -> str | None:
    words = []
    for match in _words_after(text, pos, hi):
        lower = match.group(1).lower()
        if lower in PHRASE_STOPS or lower in DETERMINERS or len(words) >= MAX_WORDS:
            break
        if (words and lower.endswith("ing")) or lower.endswith(("ed", "ly", "'", "’")) or lower in PARTICIPLES_ONLY:
            break  # 'the 60% allowed', '42% backed', 'the peak of 43% seen': a participle, not what is measured
        words.append(match.group(1))
    return " ".join(words) or None


def _before(text: str, lo: int, start: int, kind: str) -> str | None:
    """'a bonus of £44,914' -> 'bonus'; 'House prices rose 4%' -> 'House prices'; 'GDP up 2.3%' -> 'GDP'."""
    toks = WORD_BEFORE.findall(_unhedged(text[max(lo, start - REACH):start]))
    k = _before_modifiers(toks, len(toks) - 1)
    while k >= 0 and toks[k].lower() in ("the", "a", "an", "between"):
        k -= 1  # 'above the $47 a barrel mark', 'revenue of between $3.2bn and $3.4bn'
    if k < 0:
        return None
    k = _past_extreme(toks, k)  # 'fell to a record low of 6.2%': what fell, not 'record low'
    if toks[k].lower() == "of":
        return _subject(toks, k - 1)  # 'inflation of 2.5%'
    held = _past_time(toks, k - 1) if toks[k].lower() == "at" else -1
    if held >= 0 and _nominal(toks[held]) and toks[held].lower() not in UNIT_NOUNS:
        return _subject(toks, held)  # 'with unemployment at 5%', 'with unemployment on Monday at 5%'
    if toks[k].lower() in ("from", "to", "by") and (moved := _moved_object(toks, k - 1, toks[k].lower())):
        return moved  # 'revised down the job gains in March, from 212,000 to 187,000', 'raised rates to 5%', 'cut costs by 10%'
    if toks[k].lower() in FIGURE_LINKS:
        changed = _changed_thing(toks, k - 1)
        if changed:
            return changed  # 'an increase in the minimum wage to £5.60'
        k = _past_time(toks, k - 1)  # 'kept its rate unchanged (on) Wednesday at 4.3%'
    while k >= 0 and (toks[k].lower() in FIGURE_SKIP_BACK or (toks[k].islower() and toks[k].endswith("ly"))):
        k -= 1
    if k >= 0 and _moved(toks[k]):
        k -= 1
        while k >= 0 and (_skippable(toks, k) or (_moved(toks[k]) and not _before_modal(toks, k))
                          or toks[k].endswith("ly") or toks[k].lower() in PHRASAL_MOVES):
            k -= 1
        return _subject(toks, _past_relative(toks, k))
    if k >= 0 and kind == "currency" and toks[k].lower() in MONEY_VERBS:
        return MONEY_VERBS[toks[k].lower()]
    return None


def _past_relative(toks: list[str], k: int) -> int:
    """Return where the subject ends before ', which are influenced by the Fed,' ending at toks[k], else k."""
    if k < 0 or toks[k] != ",":
        return k
    for j in range(k - 1, max(0, k - RELATIVE_REACH) - 1, -1):
        if toks[j] == "," and j + 1 < k and toks[j + 1].lower() in ("which", "who", "whose", "that"):
            return j - 1
    return k


def _past_time(toks: list[str], k: int) -> int:
    """Return where the words before '(on) Wednesday', 'last week' ending at toks[k] end."""
    while k >= 0 and (toks[k] in TIME_WORDS or toks[k].lower() in ("on", "last")):
        k -= 1
    return k


def _past_extreme(toks: list[str], k: int) -> int:
    """Return where to read on from before 'a record low of' (ending at toks[k]), or k when no such phrase ends there."""
    if toks[k].lower() != "of" or k < 2 or toks[k - 1].lower() not in EXTREMES:
        return k
    j = k - 2
    while j >= 0 and (toks[j].lower() in EXTREME_MODIFIERS or EXTREME_SPAN.fullmatch(toks[j].lower())):
        j -= 1
    return j - 1 if j >= 1 and toks[j].lower() in ("a", "an", "the", "its", "their") else k


def _moved(word: str) -> bool:
    """Return True for a verb saying a measure moved, stood or was restated ('rose', 'was', 'revised', 'stayed')."""
    lower = word.lower()
    return lower in CHANGE_VERBS or lower in REVISION_VERBS or lower in LEVEL_WORDS


def _moved_object(toks: list[str], k: int, link: str) -> str | None:
    """Return the thing a verb restated or moved, ending at toks[k] before 'from' or 'to': 'revised down the job
    gains in March, from' -> 'job gains', 'push down the jobless rate to' -> 'jobless rate'; else None."""
    verbs = REVISION_VERBS if link == "from" else SCALING_VERBS if link == "by" else MOVING_VERBS
    verb = next((j for j in range(k, max(-1, k - REVISION_REACH), -1) if toks[j].lower() in verbs), None)
    before = toks[verb - 1].lower() if verb else ""
    if verb is None or before in NOT_BEFORE_VERBS or before in DETERMINERS:
        return None  # 'the lifts translates', 'to be lower in': a noun or an adjective, not the verb
    first = verb + 1
    while first <= k and (toks[first].lower() in DIRECTIONS or toks[first].lower() in DETERMINERS):
        first += 1
    last = first
    while last <= k and toks[last] != "," and not _adjunct(toks, last) and not _time_opens(toks, last):
        last += 1
    words = toks[first:last]
    if len(words) > 2 and words[0].lower() in FORECAST_NOUNS and words[1].lower() in ("for", "of"):
        words = words[2:]  # 'lowered its forecast for economic growth to 1.4%': growth is what is measured
    if len(words) > 2 and words[-1].lower() in ("times", "once", "twice"):
        words = words[:-2] if words[-1].lower() == "times" else words[:-1]  # 'lifted borrowing costs five times'
    while words and words[-1].lower() in DIRECTIONS:
        words.pop()  # 'revised the rate of growth down from'
    if words and words[0].lower() in STOP_WORDS:
        return None
    # The object is read forward, so a head that is also a verb of change ('job gains') stays in.
    if not words or len(words) > MAX_WORDS + 1 or not all(w[:1].isalpha() for w in words):
        return None
    return " ".join(words)


def _time_opens(toks: list[str], k: int) -> bool:
    """Return True where 'this year', 'next month' or 'last quarter' opens."""
    return (toks[k].lower() in ("this", "next", "last") and k + 1 < len(toks)
            and _singular(toks[k + 1].lower()) in PERIOD_NOUNS)


def _before_modal(toks: list[str], k: int) -> bool:
    """Return True when a modal, 'to' or 'go' follows toks[k]: 'costs will reach', 'costs go up' make 'costs' a noun."""
    return k + 1 < len(toks) and (toks[k + 1].lower() in MODALS or toks[k + 1].lower() == "to"
                                  or toks[k + 1].lower() in PHRASAL_MOVES)


def _adjunct(toks: list[str], k: int) -> bool:
    """Return True where a time or place adjunct opens: 'in March', 'for 2004', 'in the US'."""
    if toks[k].lower() not in ADJUNCT_OPENERS or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return nxt[:1].isupper() or nxt[:1].isdigit() or nxt.lower() in ("the", "last", "this", "each", "a")


def _before_modifiers(toks: list[str], k: int) -> int:
    """Step back over what qualifies a number after its verb: 'rose by just 0.1%', 'by a strong 0.7%'."""
    while k >= 1:
        lower, prior = toks[k].lower(), toks[k - 1].lower()
        if lower in FIGURE_SKIP_BACK and lower not in FIGURE_LINKS and (prior in FIGURE_LINKS or prior in CHANGE_VERBS):
            k -= 1  # 'by just', 'grew only'
        elif k >= 2 and prior in ("a", "an") and lower.isalpha() and lower.islower() and lower not in STOP_WORDS \
                and (toks[k - 2].lower() in FIGURE_LINKS or toks[k - 2].lower() in CHANGE_VERBS):
            k -= 2  # 'expanded by a breakneck 9.5%', 'grew a lacklustre 2.9%'
        else:
            return k
    return k


def counted_subject(text: str, lo: int, start: int) -> str | None:
    """Return the plural count a bare number measures: 'mobile users grew by 1.4 million' -> 'mobile users'."""
    subject = _before(text, lo, start, "count")
    head = subject.split()[-1] if subject else ""
    if head == subject and _opening(text, lo, start, subject):
        subject = head = head.lower()  # 'Payrolls were revised from 88,000 to 64,000': capitalised as its first word
    if head.islower() and is_plural(head) and head.lower() not in NOT_COUNTS:
        return subject
    return None


def _opening(text: str, lo: int, start: int, word: str) -> bool:
    """Return True when word opens the sentence text[lo:start] (after quote marks or a bracket)."""
    return text[lo:start].lstrip(" \"“‘'(").startswith(word + " ")


def counted_head(subject: str) -> str:
    """Return the noun a count's subject counts: 'jobless claims' -> 'claims', 'job gains' -> 'job'."""
    words = subject.split()
    if len(words) > 1 and words[-1].lower() in CHANGE_NOUNS and words[-2].isalpha() and words[-2].islower():
        return words[-2]  # a change of a count counts the thing changed
    return words[-1]


def _changed_thing(toks: list[str], k: int) -> str | None:
    """Return X in 'a rise in X' / 'a cut of X' ending at toks[k], else None."""
    subject = _subject(toks, k)
    if not subject:
        return None
    j = k - len(WORD_BEFORE.findall(subject))
    while j >= 0 and toks[j].lower() in DETERMINERS:
        j -= 1
    if j >= 1 and toks[j].lower() in ("in", "of") and toks[j - 1].lower() in CHANGE_NOUNS:
        return subject
    return None


def _skippable(toks: list[str], k: int) -> bool:
    """Return True for auxiliaries and adverbs between a subject and its verb, and 'hopes' in 'hopes to'."""
    lower = toks[k].lower()
    return lower in FIGURE_SKIP_BACK or (lower in AIM_VERBS and k + 1 < len(toks) and toks[k + 1].lower() == "to")


def _unhedged(window: str) -> str:
    """Return the words before a number without its hedge ('rose by about' -> 'rose by')."""
    lowered = window.rstrip().lower()
    if not lowered.endswith(QUALIFIER_TAILS):
        return window  # each test below asks that it end with the tail: most windows end with none (asked in C)
    for tail in QUALIFIER_TAILS:
        if lowered.endswith(" " + tail) or lowered == tail:
            return window.rstrip()[:-len(tail)]
    return window


def _nominal(word: str) -> bool:
    """Return True for a word that may end a noun phrase ('unemployment', 'GDP'), not a verb or function word."""
    lower = word.lower()
    return (word[:1].isalpha() and lower not in STOP_WORDS and lower not in CHANGE_VERBS and lower not in LEVEL_WORDS
            and lower not in PHRASE_STOPS and not lower.endswith("ed"))


def _subject(toks: list[str], k: int) -> str | None:
    """Return the noun phrase ending at toks[k], read backwards ('the price of oil' -> 'price of oil')."""
    words: list[str] = []
    if k >= 2 and toks[k] == ")" and toks[k - 2] == "(":
        k -= 3  # 'Gross domestic product (GDP) rose': the name before its abbreviation
    if k >= 1 and toks[k].isdigit() and len(toks[k]) == 4 and toks[k - 1].lower() in PERIOD_PREPOSITIONS:
        k -= 2  # 'Profits in 2004 fell
    cap = MAX_WORDS + 1
    while k >= 0 and len(words) < cap:
        word, lower = toks[k], toks[k].lower()
        if words and _period_after(toks, k, words):
            k, words = k - 1 - (lower not in PERIOD_PREPOSITIONS), []  # 'Net profit (for the July-September
            continue  # quarter) rose': the period is when, not what
        if words and k > 0 and _places_joined(toks, k, words):
            cap += len(words) + 1  # 'in the South East and London': the second place comes on top
            words.insert(0, word)
        elif words and k > 0 and _joins(toks, k):
            words.insert(0, word)  # 'price of oil', 'shares in Umbro', 'sales in the UK'
        elif not word[:1].isalpha() or lower in STOP_WORDS or lower in DETERMINERS or lower in SUBORDINATORS or (
                lower in CHANGE_VERBS and (words or _singular(lower) in CHANGE_NOUNS)):
            break  # a head may be a verb of change used as a noun ('operating costs will reach'), never a change itself
        elif words and (lower.endswith(("ing", "ly")) or lower in PHRASE_STOPS or lower in FIGURE_VERBS_BEFORE
                        or lower in PAST_VERBS or _past_verb(toks, k)):  # 'sent shares in GW Pharma up 8.5p', 'Ms Wang
            # estimated growth of 4.3%': the phrase starts after the verb
            break  # 'Nestle forecasts organic growth of 5%': the noun phrase starts after the verb
        else:
            words.insert(0, word)
        k -= 1
    while words and (words[0].lower() in ("of", "in") or words[0].lower() in DETERMINERS):
        words = words[1:]
    if not words or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return None
    return " ".join(words)


def _period_after(toks: list[str], k: int, words: list[str]) -> bool:
    """Return True when 'for (the)' at toks[k] opens a period ('for the July-September quarter', 'in 2004')."""
    lower = toks[k].lower()
    if lower in ("the", "its") and k > 0:
        lower = toks[k - 1].lower()
    return lower in PERIOD_PREPOSITIONS and any(
        w.lower() in PERIOD_NOUNS or w.isdigit() and len(w) == 4 or w.split("-")[0] in MONTHS for w in words)


def _places_joined(toks: list[str], k: int, words: list[str]) -> bool:
    """Return True for the 'and' of 'prices in the South East and London': two names share what is measured."""
    return toks[k].lower() == "and" and words[0][:1].isupper() and toks[k - 1][:1].isupper()


def _joins(toks: list[str], k: int) -> bool:
    """Return True when toks[k] links two nouns of one phrase: 'of'/'in', or 'the' right after them."""
    lower = toks[k].lower()
    if lower in ("of", "in", "excluding"):  # 'price of oil', 'sales excluding fuel'
        return _nominal(toks[k - 1])
    if lower in ("to", "from"):  # 'exports to the US', 'imports from China': a flow and where it goes
        return toks[k - 1].lower() in FLOWS
    return lower in ("the", "its", "their") and k > 1 and _joins(toks, k - 1)


def _past_verb(toks: list[str], k: int) -> bool:
    """Return True for a verb's past form after its subject ('Ms Wang estimated growth'), not a participle after a
    determiner or preposition ('its estimated debt', 'trade in pirated wares'), a short noun or a name ('United')."""
    word = toks[k]
    before = toks[k - 1].lower() if k > 0 else ""
    return (word.islower() and word.endswith("ed") and len(word) > 5 and k > 0
            and (before in AUXILIARIES or before not in STOP_WORDS and before not in DETERMINERS))


def measure_key(measure: str) -> str:
    """Return 'oil-price' for 'oil prices' and 'price of oil': content words, singular, sorted."""
    words = {_singular(w) for w in LETTERS.findall(measure.lower()) if w not in STOP_WORDS and w not in DETERMINERS}
    return "-".join(sorted(words))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word
