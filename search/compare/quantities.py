"""Figures that report one quantity: same measure, same places, compatible time, different stories."""
from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date

from ..extract.figures.finder import places_in
from ..extract.lexicon import PLACES, TITLES
from ..extract.lexicon.sources import EVIDENCE_NOUNS
from ..extract.speakers.identities import person_shaped
from .periods import DATELINE, MONTHS, compatible_time, number_at, one_side, period_words, shared_period
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
# One named body's own statistic, reported by two stories in other words ("Labor Department figures show
# 157,000 new jobs" and "the Labor Department revised the job gains to 133,000"): its name is the shared name.
SAME_CLAIMER = 0.15
# One crowd counted by several sources: the place and the day say which event; sentences pointing back at it
# ('Police said around 120,000 people took part') share few words, and naming two venues or teams still parts them.
SAME_EVENT = (0.0, 0)
CROWD = "crowd"
# How many days apart two reports of one event's count may be: a crowd is counted once it has gone home, a
# disaster's dead are counted again every day (Tuesday's 120 and Thursday's 310 are two tolls, no dispute).
EVENT_DAYS = {CROWD: 2, "death": 0, "injury": 0, "missing": 0}
EVENT_LABELS = {CROWD: "crowd size", "death": "people killed", "injury": "people injured", "missing": "people missing"}
MAX_RATIO = 10  # one quantity's values, however disputed, are within an order of magnitude
CROWDS = frozenset("""person protester demonstrator marcher participant crowd turnout attendance supporter striker
                      mourner pilgrim activist""".split())
EVENT_WORDS = re.compile(r"\b(?:march\w*|protest\w*|demonstrat\w*|rall(?:y|ies|ied)|took part|taken part|take part|"
                         r"turnout|turned out|crowd|attend\w*|gathered|vigil|strike|procession)\b", re.IGNORECASE)
NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’-]+")  # a capitalised word that does not open the sentence
POSSESSIVE_END = re.compile(r"['’]s?$")
OPENING_NAME = re.compile(r"^[\"“‘']?([A-Z]{2,}[\w'’-]*)\b")  # an acronym opening it is one: "ACC is ..."
OPENING_WORD = re.compile(r"^[\"“‘']?([A-Z][\w'’-]*)(?= [A-Z])")  # 'Manchester United have': a name's first word
# Places are already in the figure's key: a shared "UK" says nothing about who or what is counted.
PLACE_WORDS = frozenset(word for place in PLACES for word in place.split()) - {"the", "new", "republic"} \
    | {"british", "american", "european"}  # not the words 'the Hague', 'New Delhi' or 'Czech Republic' share with names
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# How far a qualified value may lie from the true one: "about 12,000" covers 11,800.
# "An estimated 3.1%" states an estimate to the precision written: its rounding is its range.
ABOUT = frozenset({"approximately", "around", "about", "roughly", "some", "close to"})
ABOVE = frozenset({"over", "more than", "at least", "just over", "upwards of", "as many as"})
BELOW = frozenset({"less than", "fewer than", "at most", "up to", "under", "just under", "nearly",
                   "almost", "as few as"})
ABOUT_SHARE = 0.05
ROUND_SHARE = 0.1  # at most this share of a round number is its rounding
# A measure naming only a unit or a part ("points", "shares", "a 20% stake") leaves out whose it is.
# 'those questioned' in one poll are not those in another: whose share it is, not what is measured.
BARE_MEASURES = frozenset(content_stems(" ".join(NOT_QUANTITIES) + " share shares stake stakes total totals"
                                        " those polled questioned surveyed asked interviewed aged"))
TOTAL = re.compile(r"\b(?:between them|combined|in total|all told)\b", re.IGNORECASE)
# One measure written several ways: "GDP", "the economy", "economic growth", "expansion" and "growth
# rate" all give an economy's growth; whose economy it is comes from the places, not the words.
MEASURE_SYNONYMS = {"economi": "growth", "econom": "growth", "gdp": "growth", "expans": "growth",
                    "jobless": "unemploy", "properti": "hous",  # "the jobless rate", "property prices"
                    "penalti": "fine"}  # "fined £2.5m" and "a £2.4m penalty"
# A rate or level of these is the measure itself: "unemployment rate", "unemployment levels", "inflation rate".
RATE_MEASURES = frozenset({"growth", "unemploy", "inflat"})
RATE_WORDS = frozenset({"rate", "level"})
GDP = re.compile(r"\bgross domestic product\b", re.IGNORECASE)
# Words that praise, hedge or point at a measure without changing what it measures.
MEASURE_FILLERS = frozenset(content_stems("headline overall respectable healthy strong solid modest sluggish "
                                          "latest new seen biggest second third world"))
PLACE_STEMS = frozenset(content_stems(" ".join(PLACE_WORDS)))
# An earlier value compared with ("up from just 1.6%"), and the second number of "one in six".
FROM_BEFORE = re.compile(r"\b(?:up|down|rising|falling|rose|fell)? ?from (?:just |only |a |an )?$", re.IGNORECASE)
RATIO = re.compile(r"\b(?:one|\d+) in $", re.IGNORECASE)
# A share of something ("3% of GDP") measures the part, not the whole: never the whole's growth.
PARTITIVE = re.compile(r"\s*of\b", re.IGNORECASE)
# A change down: "fell 0.7%", "contracted by 0.2%", "a 0.3% decline" (not "fell to 4.7%", a level).
FALL_BEFORE = re.compile(r"\b(?:fell|fall|falls|falling|dropped|drop|drops|declined|declines|shrank|shrunk|shrink|"
                         r"shrinks|contracted|contract|contracts|slipped|slid|dipped|dips|eased|decreased|slumped|"
                         r"plunged|tumbled|down)\s+(?:by\s+)?(?:a|an|just|only|some|about|around|nearly|almost|"
                         r"roughly|an estimated)?\s*$", re.IGNORECASE)
FALL_AFTER = re.compile(r"\s*(?:decline|fall|drop|contraction|decrease|dip|slump)\b", re.IGNORECASE)
# A block this small (one measure of one place) compares every pair: sharing rare words is
# asymmetric (a story's rarest words are those its copies share), so blocking misses pairs.
SMALL_BLOCK = 24
OWNER = re.compile(r"\b([A-Z][\w-]*)['’]s\s+(?:own\s+|latest\s+|first\s+)?$")
# A superlative picks one of many ("the area with the highest average house price"): not the whole's value.
SUPERLATIVE = re.compile(r"\b(?:highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|"
                         r"most|least)\b", re.IGNORECASE)
# A figure that leaves a part out ("sales excluding cars", "core inflation") is another quantity.
EXCLUDING = re.compile(r"\b(?:exclud\w*|except|apart from|core|underlying|like-for-like)\b", re.IGNORECASE)
# The words between a value and an earlier one it is compared with: ", down from the third quarter's".
REFERENCE = re.compile(r"[^.;:!?\d]{0,60}\b(?:up|down)\s+from\s+(?:the\s+|a\s+)?[^.;:!?\d]{0,30}?['’]s\s+"
                       r"|[^.;:!?\d]{0,60}\b(?:up|down) from (?:the |a )?(?:previous |earlier )?", re.IGNORECASE)


def measure_key(fig) -> tuple | None:
    """Return what a figure quantifies: (measure, unit lemma, places), or None when it counts nothing."""
    lemma, _, places = (fig.get("topic") or "").partition(":")
    if _ratio(fig) or _undated_reference(fig):
        return None  # "one in six cars" says how common; "up from 1.6%" is from some earlier time
    event = event_of(fig)
    if event:
        # police, organisers and each outlet count one crowd (or one disaster's dead) with their own nouns
        # ('people', 'the turnout', 'the death toll'); where it happened is in the sentence or, when it points
        # back ('took part'), in the headline
        return ("", event, places or "+".join(sorted(set(title_places(fig)))))
    if lemma and lemma.split("/")[0] not in NOT_QUANTITIES:
        # A count: the counted noun's lemma (soldiers = troops) says what is counted, and the
        # extracted measure's wording ("soldiers to Russia", "troops") would only split it.
        return ("", lemma, places)
    stems = normal_measure(fig)
    if not set(stems) - BARE_MEASURES:
        return None
    # Whose measure: the sentence's places, else the headline's ("The economy grew 3.1%" under "UK economy ...").
    # The head and its nearest word, in either order: "price of oil" is "oil prices".
    return (" ".join(sorted(stems[-2:])), lemma.split("/")[0], places or "+".join(sorted(set(title_places(fig)))))


def event_of(fig) -> str | None:
    """Return what one event's count counts: its crowd ('police said 120,000 people marched', 'a crowd of 40,000'),
    its dead, injured or missing ('killing at least 120 people'); None for any other figure."""
    lemma = (fig.get("topic") or "").partition(":")[0]
    if lemma in EVENT_DAYS:
        return lemma
    return CROWD if lemma in CROWDS and EVENT_WORDS.search(fig.get("sentence") or "") else None


def same_event_day(a, b, event: str) -> bool:
    """Return True when two reports of an event are dated close enough for one count; a crowd's may be undated,
    a toll's not (undated reports of the tsunami's dead, 140,000 and 150,000, may be weeks apart)."""
    da, db = a.get("date"), b.get("date")
    if not (da and db):
        return event == CROWD
    return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= EVENT_DAYS[event]


def normal_measure(fig) -> tuple[str, ...]:
    """Return a measure's content stems written one way: places and fillers out, synonyms as one word."""
    measure = fig.get("measure") or ""
    if _partitive(fig):
        return ("share",) + content_stems(measure)  # "3% of GDP" is a share of it, not its growth
    words = GDP.sub("gdp", measure).replace("'s", "").replace("’s", "")
    stems = [MEASURE_SYNONYMS.get(s, s) for s in content_stems(words)]
    stems = [s for s in stems if s.rstrip("'") not in PLACE_STEMS and s not in MEASURE_FILLERS]
    if RATE_MEASURES.intersection(stems):
        stems = [s for s in stems if s not in RATE_WORDS]  # "growth rate" is growth, "jobless rate" unemployment
    return tuple(dict.fromkeys(stems))


def _undated_reference(fig) -> bool:
    """Return True for an earlier value compared with ("up from just 1.6%") whose own words name no period:
    the sentence's period is the newer value's."""
    sentence, _, at = number_at(fig)
    return at > 0 and bool(FROM_BEFORE.search(sentence, max(0, at - 20), at)) and period_words(fig) == sentence


def _ratio(fig) -> bool:
    """Return True for the second number of "one in six": a proportion, not an amount."""
    sentence, _, at = number_at(fig)
    return at > 0 and bool(RATIO.search(sentence, max(0, at - 12), at))


def _partitive(fig) -> bool:
    """Return True for "3% of GDP": the number is a share of what follows."""
    sentence, text, at = number_at(fig)
    return at >= 0 and bool(PARTITIVE.match(sentence, at + len(text)))


def title_places(fig) -> list[str]:
    """Return the places an article's headline names."""
    title = fig.get("title") or ""
    return places_in(title, 0, len(title)).keys


def signed(fig) -> float:
    """Return a figure's value, negative for a change down ("fell 0.7%", "a 0.2% decline")."""
    value = float(fig["value"])
    sentence, text, at = number_at(fig)
    if at < 0:
        return value
    before, after = sentence[max(0, at - 40):at], sentence[at + len(text):at + len(text) + 20]
    return -abs(value) if FALL_BEFORE.search(before) or FALL_AFTER.match(after) else value


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
    if slack >= 5:  # a round '10%' or '2,000' is no wider than a tenth of it: '10%' and '12%' are two values
        slack = min(slack, abs(value) * ROUND_SHARE)
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
    def within(value: float, other) -> bool:
        low, high = interval(abs(signed(other)), other.get("qualifier"))
        if signed(other) < 0:
            low, high = -high, -low  # "fell more than 2%": the range runs down from -2
        return low <= value <= high
    return within(signed(a), b) or within(signed(b), a)


def names(sentence: str) -> frozenset[str]:
    """Return the names a sentence mentions (capitalised words inside it, not months or days)."""
    sentence = DATELINE.sub("", sentence, count=1)
    found = (_bare(w) for w in NAME.findall(sentence) + OPENING_NAME.findall(sentence))
    return frozenset(w for w in found if w not in STOP and w not in DAYS and w not in PLACE_WORDS
                     and w not in TITLES and not MONTHS.fullmatch(w.capitalize()))  # 'President' names nobody


def _bare(word: str) -> str:
    """Return a word in lower case without its possessive ending ("Brazil's" -> 'brazil')."""
    return POSSESSIVE_END.sub("", word.lower())


def pair_names(a, b) -> tuple[frozenset[str], frozenset[str]]:
    """Return the names of two figures' sentences, each with its opening word when the other sentence or claimer
    names it: 'Manchester United have made a bid' and 'Ajax rejected a bid from Manchester United' both name both."""
    na, nb = names(a.get("sentence") or ""), names(b.get("sentence") or "")
    oa, ob = _opening(a), _opening(b)
    return na | ({oa} & (nb | claimer_names(b))), nb | ({ob} & (na | claimer_names(a)))


def _opening(fig) -> str:
    """Return the first word of a name opening a sentence, bare ('Wales make' may name the side or a place)."""
    found = OPENING_WORD.match(DATELINE.sub("", fig.get("sentence") or "", count=1))
    return _bare(found.group(1)) if found else ""


def claimer_names(fig) -> frozenset[str]:
    """Return the words of a figure's claimer and their initials ("Office for National Statistics": "ons")."""
    # without places or evidence: 'Greenpeace Brazil' is Greenpeace, 'Labor Department figures' the department
    claimer = fig.get("claimer") or fig.get("claimed_by") or ""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", claimer)
             if _bare(w) not in PLACE_WORDS and not (w.islower() and w in EVIDENCE_NOUNS)]
    initials = "".join(w[0] for w in words).lower()
    return (name_tokens(" ".join(words)) | {initials}) - {""}  # no claimer: no name, not the empty word


def owner(fig) -> str | None:
    """Return whose the number is when a possessive stands right before it ("UKIP's two members")."""
    sentence, _, at = number_at(fig)
    found = OWNER.search(sentence[max(0, at - 30):at]) if at > 0 else None
    word = found.group(1).lower() if found else None
    return None if word in PLACE_WORDS else word


def _measured(a, b) -> bool:
    """Return True for figures keyed by their measure; a count's sentences name their sources, which differ."""
    return bool(a.get("measure") and b.get("measure") and (measure_key(a) or ("",))[0])


def _other_party(a, b, na: frozenset, nb: frozenset, names_a: frozenset, names_b: frozenset) -> bool:
    """Return True when a measured value's subject is missing from the other sentence, which names a
    party of its own, even as its claimer ("Qwest said MCI rejected $8bn" vs "MCI agreed to Verizon's $6.75bn")."""
    if not _measured(a, b):
        return False
    fa, fb = names_a | claimer_names(a), names_b | claimer_names(b)
    return bool((na - fb and fb - fa) or (nb - fa and fa - fb))


def _similar(a, b, sa: tuple, sb: tuple, need: tuple[float, int]) -> bool:
    """Return True when two figures' sentences share enough words and names to be about one thing."""
    least, shared_names = need
    union = set(sa) | set(sb)
    if not union or len(set(sa) & set(sb)) / len(union) < least:
        return False
    if one_side(TOTAL, a.get("sentence"), b.get("sentence")):
        return False  # a sum over several subjects and one subject's value are two quantities
    if one_side(EXCLUDING, a.get("sentence"), b.get("sentence")):
        return False  # a part left out ("sales excluding cars") and the whole are two quantities
    if one_side(SUPERLATIVE, a.get("measure"), b.get("measure")):
        return False  # the highest of the regions and the country's average are two quantities
    # who claims one value is no other subject when the other sentence names them ('Lula pledged' and 'Lula said')
    names_a, names_b = pair_names(a, b)
    both = claimer_names(a) | claimer_names(b)
    na, nb = names_a - both, names_b - both
    if na - nb and nb - na:  # each names someone the other does not: two firms, two films, two teams
        return False
    if least and _other_party(a, b, na, nb, names_a, names_b):
        return False
    whose_a, whose_b = na - name_tokens(a.get("measure")), nb - name_tokens(b.get("measure"))  # not "GDP"
    if least and bool(whose_a) != bool(whose_b) and _measured(a, b) and not close(a, b):
        # one names whose value it is, the other nobody: "ACC has a 13% share" and "Kingfisher has 29%";
        # equal values ask less: "Yukos' $27bn tax bill" and "the firm's $27bn tax bill" are one
        return False
    if owner(a) != owner(b):
        return False  # "UKIP's two members" and the assembly's 25 members count two groups
    return len(na & nb) >= shared_names


def quantity_groups(figures: list, story) -> list[list[str]]:
    """Return groups (figure ids, two stories or more) of figures reporting one quantity."""
    blocks: dict[tuple, list] = defaultdict(list)
    for fig in with_earlier_measures(figures):
        key = measure_key(fig)
        if key is not None:  # a measure's places are checked pair by pair: one body's figures may name others
            blocks[key[:2] if key[0] else key].append(dict(fig, _places=key[2]))
    groups = []
    for key, block in blocks.items():
        if len({story(f["article_id"]) for f in block}) > 1:
            need = SAME_MEASURE if key[0] else SAME_EVENT if key[1] in EVENT_DAYS and key[2] else \
                SAME_RELATION if "+" in key[2] else SAME_PLACES if key[2] else SAME_SENTENCE
            groups.extend(_group_block(block, story, need, measured=bool(key[0]),  # an event's day holds placeless too
                                       event=key[1] if not key[0] and key[1] in EVENT_DAYS else None))
    return sorted(groups)


def _same_places(a, b) -> bool:
    """Return True when two measured figures are of one place, or of one named body with nested places."""
    # 'Nordwind said its net profit rose 18%, as US orders surged' and 'Nordwind reported a 17% rise in net profit'
    pa, pb = a["_places"], b["_places"]
    if pa == pb:
        return True
    sa, sb = set(filter(None, pa.split("+"))), set(filter(None, pb.split("+")))
    return (sa <= sb or sb <= sa) and same_named_claimer(a, b)


def with_earlier_measures(figures: list) -> list:
    """Return the figures, each earlier value of a measure given that measure: in "spending grew 4.2% in the
    final quarter, down from the third quarter's 5.1%", 5.1% is consumer spending too (a revision's old side)."""
    out, previous = [], None
    for fig in sorted(figures, key=_position):
        if (not fig.get("measure") and previous is not None and previous.get("measure")
                and previous["article_id"] == fig["article_id"] and previous.get("sentence") == fig.get("sentence")
                and previous.get("unit") == fig.get("unit") and _reference(previous, fig)):
            fig = dict(fig, measure=previous["measure"], topic=previous.get("topic"))
        out.append(fig)
        previous = fig
    return out


def _position(fig) -> tuple:
    """Sort key: article, sentence, then where the number stands in it."""
    sentence = fig.get("sentence") or ""
    return (fig["article_id"], sentence, sentence.find(fig.get("text") or "\0"), fig["id"])


def _reference(first, second) -> bool:
    """Return True when the words between two numbers make the second a value to compare with ("down from")."""
    sentence = first.get("sentence") or ""
    start = sentence.find(first.get("text") or "\0")
    end = sentence.find(second.get("text") or "\0", start + 1)
    return start >= 0 and end > start and bool(REFERENCE.fullmatch(sentence, start + len(first["text"]), end))


def _group_block(block: list, story, need: tuple[float, int], measured: bool = False,
                 event: str | None = None) -> list[list[str]]:
    """Join the figures of one block whose sentences, times and stories say they are one quantity."""
    # 'was fined £2.5m' and 'must pay a £2.4m penalty' share the measure's word too
    stems = [tuple(MEASURE_SYNONYMS.get(s, s) for s in content_stems(f.get("sentence") or f.get("text") or ""))
             for f in block]
    parent = list(range(len(block)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_place_pairs(block, stems) if measured else _pairs(stems) | _claimer_pairs(block)):
        a, b = block[i], block[j]
        if story(a["article_id"]) == story(b["article_id"]) or find(i) == find(j):
            continue
        if measured and not _same_places(a, b):
            continue
        placed = measured and bool(a["_places"]) and a["_places"] == b["_places"]
        if (event and not same_event_day(a, b, event)) or _magnitudes_apart(a, b):
            continue
        # the shared words first: they turn away more pairs than the periods, at a fraction of the cost
        if _similar(a, b, stems[i], stems[j], _need(a, b, need, placed)) and compatible_time(a, b):
            parent[find(i)] = find(j)
    members: dict[int, list[str]] = defaultdict(list)
    for i, fig in enumerate(block):
        members[find(i)].append(fig["id"])
    return [sorted(ids) for ids in members.values() if len(ids) > 1 and not _two_in_one_sentence(ids, block)]


def _magnitudes_apart(a, b) -> bool:
    """Return True for values more than MAX_RATIO times apart: a year's trade gap and a month's, a film's takings
    and its recut version's, are two quantities (a police and an organisers' count of a crowd are a few times apart)."""
    low, high = sorted((abs(float(a["value"])), abs(float(b["value"]))))
    return high > MAX_RATIO * low


def _need(a, b, need: tuple[float, int], placed: bool) -> tuple[float, int]:
    """Return the words and names two sentences must share: none when measure, place and a named period agree."""
    if placed and shared_period(a, b):
        return (0.0, 0)  # "grew 3.7% in July-September" and "3.9% in the three months to September"
    if same_named_claimer(a, b):
        return (min(need[0], SAME_CLAIMER), 0)
    if placed:
        return (need[0], 0)
    if same_claimer(a, b):  # one person's count told to two outlets: the person is the name both share,
        return (max(need[0], SAME_SENTENCE[0]), 0)  # in much the same words (a minister gives many figures)
    return need


def same_claimer(a, b) -> bool:
    """Return True when both figures have one named claimer, a person or a body ("Carlos Ibáñez", "Carlos Ibanez")."""
    claimer = a.get("claimer") or a.get("claimed_by") or ""
    return claimer[:1].isupper() and claimer_names(a) == claimer_names(b)


def same_named_claimer(a, b) -> bool:
    """Return True when one named body (not "analysts", not a person, who gives many figures) claims both."""
    claimer = a.get("claimer") or a.get("claimed_by") or ""
    return same_claimer(a, b) and not person_shaped(claimer) and bool(claimer_names(a))


def _pairs(stems: list[tuple[str, ...]]) -> set[tuple[int, int]]:
    """Return the pairs of a block to compare: all of a small block, else those sharing rare stems."""
    if len(stems) <= SMALL_BLOCK:  # bounded, so the work stays linear in the corpus
        return {(i, j) for i in range(len(stems)) for j in range(i + 1, len(stems))}
    return candidate_pairs(stems)


def _place_pairs(block: list, stems: list) -> set[tuple[int, int]]:
    """Return the pairs of a measure's block to compare: each place's as a block of its own, and one body's."""
    by_places: dict[str, list[int]] = defaultdict(list)
    for i, fig in enumerate(block):
        by_places[fig["_places"]].append(i)
    pairs = {(ids[a], ids[b]) for ids in by_places.values() for a, b in _pairs([stems[i] for i in ids])}
    return pairs | _claimer_pairs(block)


def _claimer_pairs(block: list) -> set[tuple[int, int]]:
    """Return the pairs of a block's figures that one named body claims (at most SMALL_BLOCK each: linear)."""
    by_claimer: dict[frozenset, list[int]] = defaultdict(list)
    for i, fig in enumerate(block):
        if same_named_claimer(fig, fig):
            by_claimer[claimer_names(fig)].append(i)
    return {(i, j) for ids in by_claimer.values() if len(ids) <= SMALL_BLOCK
            for n, i in enumerate(ids) for j in ids[n + 1:]}


def _two_in_one_sentence(ids: list[str], block: list) -> bool:
    """Return True when one sentence gives two values of the group from one source: its measure names two
    subjects ('police put it at 120,000, organisers at half a million' are two claims of one crowd)."""
    figs = {f["id"]: f for f in block}
    values = defaultdict(set)
    for fid in ids:
        fig = figs[fid]
        values[(fig["article_id"], fig.get("sentence"), fig.get("claimer") or fig.get("claimed_by"))].add(
            float(fig["value"]))
    return any(len(v) > 1 for v in values.values())
