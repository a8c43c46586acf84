"""Mixed attributions: a reported clause that holds a quotation ('Trump said the deal was "a disaster"')."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...models import Claim, Quote
from ..attribution.context import Context, paragraph_of
from ..lexicon.grammar import TITLE_JOINS
from ..lexicon.sources import TIME_WORDS
from ..lexicon.verbs import ADJUNCT_HEADS
from ..lexicon.words import NAMING_CUES, PRONOUNS
from ..speakers.names import is_descriptor
from ..text.sentences import sentence_at
from .spans import MARK

ARTICLES = ("the", "a", "an")
RELATIVES = ("who", "which", "that")
MIXED_WORDS = 3  # reported words outside the marks that make a clause, not a bare quote
LEAD_WORDS = 2  # ... when a determiner or pronoun opens them: 'the bill "does nothing"', 'it was "a disaster"'
LEAD_OPENERS = frozenset("the a an this that these those his her its their our my he she it they we i".split())
TAG_REACH = 150  # characters from a quote to the tag after it ('" would be wise in the end, the senator said')
WORD = re.compile(r"[^\W_][\w’'-]*")
THAT = re.compile(r"[\s,]*(?:that\b)?\s*")
# Where a reported clause stops after its quotation: the writer's aside or a new clause.
CLAUSE_STOP = re.compile(r"\s*(?:[;:(]|\s[—–-]{1,2}\s|,\s+(?:which|who|according|adding|saying|and|while)\b"
                         r"|,?\s+(?:but|whereas)\s)")
BEFORE_STOP = re.compile(r"[;:(]|\s[—–-]{1,2}\s")
RELATIVE = re.compile(r",\s+(?:who|which)\b")


def one_attribution(ctx: Context, quotes: list[Quote], claims: list[Claim]) -> tuple[list[Quote], list[Claim]]:
    """Return quotes and claims where a clause and the quotation inside it are one attribution."""
    # A quotation its speaker reports inside a longer clause gets that clause as a claim (claims it
    # contains, the words before the marks, give way to it); a quotation inside a claim is credited
    # to the claim's source.
    held = holders(claims, quotes)
    found: list[Claim] = []
    for quote, holder in zip(quotes, held):
        if holder is not None or (found and quote.end <= found[-1].end):
            continue  # inside a claim already, or inside the clause of the quote before it
        span = reported_clause(ctx, quote)
        if span is not None:
            found.append(Claim(text=ctx.text[span[0]:span[1]], start=span[0], end=span[1], claimer=quote.speaker,
                               claimer_mention=quote.speaker_mention, claimer_start=quote.speaker_start,
                               claimer_end=quote.speaker_end, cue=quote.cue, named=bool(quote.named)))
    if found:
        kept = [c for c, holder in zip(claims, holders(found, claims)) if holder is None]
        claims = sorted(kept + found, key=lambda c: c.start)
        held = holders(claims, quotes)
    return [_credited(ctx, quote, claim) for quote, claim in zip(quotes, held)], claims


def holders(outer: list, inner: list) -> list:
    """Return, for each inner span, the outer span reaching furthest that contains it (or None)."""
    # Sorted starts and a running furthest end keep this O((m + n) log m), not m * n.
    spans = sorted(outer, key=lambda s: s.start)
    starts = [s.start for s in spans]
    furthest, best = [], None
    for span in spans:
        if best is None or span.end > best.end:
            best = span
        furthest.append(best)
    found = []
    for item in inner:
        k = bisect.bisect_right(starts, item.start)
        reach = furthest[k - 1] if k else None
        found.append(reach if reach is not None and item.end <= reach.end else None)
    return found


def _credited(ctx: Context, quote: Quote, claim: Claim | None) -> Quote:
    """Return the quote with the source of the claim holding it (the outermost source), if one does."""
    if claim is None or claim.claimer_start is None or claim.claimer_start == quote.speaker_start:
        return quote
    mention = (claim.claimer_mention or "").lower()
    if quote.named and (mention in RELATIVES or (not claim.named and mention not in PRONOUNS)):
        return quote  # 'who promised' or 'the data seller' does not displace the name the quote found
    if _tagged_after(ctx, quote):
        return quote  # '"...," the Courier reported': the quote's own tag frames it, whatever the clause says
    return replace(quote, speaker=claim.claimer, speaker_mention=claim.claimer_mention,
                   speaker_start=claim.claimer_start, speaker_end=claim.claimer_end, named=claim.named)


def _tagged_after(ctx: Context, quote: Quote) -> bool:
    """Return True when the speaker's tag follows the quotation at once ('," the Times reported')."""
    outer_end = _outer(ctx.text, quote)[1]
    if quote.speaker_start is None or quote.speaker_start < outer_end:
        return False
    words = WORD.findall(ctx.masked, outer_end, quote.speaker_start)
    return len(words) <= 2 and all(w.lower() in ARTICLES or w.lower() == (quote.cue or "").lower() for w in words)


def reported_clause(ctx: Context, quote: Quote) -> tuple[int, int] | None:
    """Return the clause a tag in the quote's sentence reports, when it holds more than the quotation."""
    if quote.speaker_start is None or quote.cue is None:
        return None
    para = paragraph_of(ctx, quote.start)
    lo, hi = sentence_at(ctx.sentences[para], quote.start)
    outer_start, outer_end = _outer(ctx.text, quote)
    hi = max(hi, outer_end)  # a sentence ending inside the marks ('... "a disaster."') ends after them
    if lo <= quote.speaker_start and quote.speaker_end <= outer_start:
        return _after_cue(ctx, quote, outer_start, outer_end, hi)
    if outer_end <= quote.speaker_start < hi and quote.speaker_start - outer_end <= TAG_REACH:
        return _before_tag(ctx, quote, lo, outer_start, outer_end)
    return None


def _after_cue(ctx: Context, quote: Quote, outer_start: int, outer_end: int, hi: int) -> tuple[int, int] | None:
    """'X said (that) the deal was "a disaster" for them': from after the cue to the clause's end."""
    masked = ctx.masked
    cue = _find(masked, quote.cue, quote.speaker_end, outer_start)
    if cue < 0:
        return None  # the cue is not between speaker and quote: no clause of theirs to read
    begin = THAT.match(masked, cue + len(quote.cue)).end()
    naming = [w for w in WORD.finditer(masked, begin, outer_start) if w.group().lower() in NAMING_CUES]
    if naming:  # 'X responded by calling him a "loser"': what the naming verb names is the content
        begin = THAT.match(masked, naming[-1].end()).end()
    named = naming or quote.cue.lower() in NAMING_CUES
    lead = masked[begin:outer_start]
    if ":" in lead or (lead.strip() == "," or lead.rstrip().endswith(",")):
        return None  # 'X said: "..."' or 'X said, "..."': the quotation is all that is reported
    stop = CLAUSE_STOP.search(masked, outer_end, hi)
    end = _trim(masked, outer_end, stop.start() if stop else hi)
    after = WORD.match(masked, outer_end + len(masked[outer_end:end]) - len(masked[outer_end:end].lstrip()))
    if not lead.strip() and after is not None and (after.group().lower() in ADJUNCT_HEADS or after.group() in TIME_WORDS):
        return None  # 'X said "the quay stays shut" after the vote': when it was said, not what
    if not named and _subject_lead(lead):
        return _if_mixed(masked, begin, end, LEAD_WORDS)  # 'X said the bill "does nothing for families"'
    return _if_mixed(masked, begin, end, 1 if named else MIXED_WORDS)  # 'called him a "loser"': him is half of it


def _subject_lead(lead: str) -> bool:
    """Return True when the words before the marks open a clause the quotation ends: 'the bill', 'it was'."""
    words = WORD.findall(lead)
    return bool(words) and words[0].lower() in LEAD_OPENERS


def _before_tag(ctx: Context, quote: Quote, lo: int, outer_start: int, outer_end: int) -> tuple[int, int] | None:
    """'The plan "will fail" in the end, she said': from the clause's start to the tag."""
    masked = ctx.masked
    stops = list(BEFORE_STOP.finditer(masked, lo, outer_start))
    begin = stops[-1].end() if stops else lo
    begin += len(masked[begin:outer_start]) - len(masked[begin:outer_start].lstrip())
    if RELATIVE.search(masked, begin, outer_start) or is_title(ctx.text[quote.start:quote.end]):
        return None  # 'X, who called it "a farce," said', 'In an interview with "Meet the Press," X said'
    cue = _find(masked, quote.cue, outer_end, quote.speaker_start, last=True)  # '..., said Maria Lopez'
    tag = cue if cue >= 0 else quote.speaker_start
    if BEFORE_STOP.search(masked, outer_end, tag) or RELATIVE.search(masked, outer_end, tag):
        return None  # the quote and its tag are not one clause
    between = masked[outer_end:quote.speaker_start]
    if _job_before(between) or _description_between(ctx.text[quote.start:quote.end], between):
        tag = outer_end  # '"...," the club's chairman, John Smith, said': the speaker's job, nothing reported
    return _if_mixed(masked, begin, max(outer_end, _trim(masked, outer_end, tag)))


def _job_before(between: str) -> bool:
    """Return True for ', the club's chairman, ' or ', Ajax's director of football, ' before a speaker's name."""
    words = [w.lower() for w in WORD.findall(between)]
    if not between.rstrip().endswith(",") or not words:
        return False
    return is_descriptor(words[-1]) or (len(words) >= 3 and words[-2] == "of" and is_descriptor(words[-3]))


def _description_between(quoted: str, between: str) -> bool:
    """Return True for 'chairman and chief executive' in '"...," chairman and chief executive Jo Park said'."""
    # The comma closing the quotation ends what is reported; words then running into the name
    # without a comma of their own describe the speaker (a comma would set off an adjunct instead:
    # '"...", in the end, she said').
    opened = between.lstrip()
    if not (quoted.rstrip().endswith(",") or opened.startswith(",")):
        return False
    return "," not in opened.lstrip(",") and bool(WORD.search(opened))


def _find(text: str, word: str, lo: int, hi: int, last: bool = False) -> int:
    """Return where word occurs in text[lo:hi], ignoring case (the last one if asked), or -1."""
    part = text[lo:hi].lower()
    at = part.rfind(word.lower()) if last else part.find(word.lower())
    return lo + at if at >= 0 else -1


def _if_mixed(masked: str, begin: int, end: int, least: int = MIXED_WORDS) -> tuple[int, int] | None:
    """Return (begin, end) when the clause holds enough words outside quotation marks."""
    return (begin, end) if len(WORD.findall(masked, begin, end)) >= least else None


def _outer(text: str, quote: Quote) -> tuple[int, int]:
    """Return the quotation's offsets with its marks."""
    before = MARK.match(text, quote.start - 2) if text[quote.start - 2:quote.start] == "''" else None
    start = quote.start - (2 if before else 1 if MARK.match(text, quote.start - 1) else 0)
    after = MARK.match(text, quote.end)
    return start, after.end() if after else quote.end


def _trim(masked: str, lo: int, hi: int) -> int:
    """Return hi moved back over spaces and a final stop or comma."""
    while hi > lo and masked[hi - 1] in " \n,.;":
        hi -= 1
    return hi


def is_title(phrase: str) -> bool:
    """Return True for 'Good Morning America': a name or title, nobody's words."""
    words = [w for w in phrase.strip(" ,.!?").split() if w.lower() not in TITLE_JOINS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words)
