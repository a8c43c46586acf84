"""The one ordered table of attribution rules: each rule's finder, when it runs, and whether the ranker trusts it."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from ..quotes.spans import Found
from .context import NOBODY, UNNAMED, Attribution, Context
from .fallbacks import (continued, dash_line, neighbour, passive_agent, possessive_source, previous_subject,
                        sentence_subject)
from .tags import before_tag, colon_intro, cue_adjoins, gap_tag, loose_after, tight_after

OWN = "own"  # the quote's own sentence and surroundings: finder(ctx, quote)
BORROWED = "borrowed"  # after every quote's own rules, so neighbours' picks exist: finder(ctx, found, picks, i)


@dataclass(frozen=True)
class Rule:
    """One way to find a quote's speaker; its name is also a ranker feature ('q:by-NAME')."""

    name: str
    find: Callable
    stage: str = OWN
    trusted: bool | Callable[[Context, Found, Attribution], bool] = False  # the ranker keeps this pick
    speech_only: bool = False  # never lends a speaker to a scare-quoted fragment


def _of_quote(find: Callable) -> Callable:
    """Return a BORROWED-stage finder that reads only the quote itself."""
    return lambda ctx, found, picks, i: find(ctx, found[i])


# Tried top to bottom; the first rule that finds a mention wins. The ranker leaves trusted picks
# alone: a tag right after the quote or inside it. Out of fold on PolNeAR train it overturned 4
# of some 2,500 such picks (3 right), not worth the time.
RULES = (
    Rule("gap", gap_tag, trusted=True),
    Rule("passive", passive_agent, trusted=True),  # 'was branded a "waste" by MPs': the agent said it
    Rule("after", tight_after, trusted=True),
    Rule("before", before_tag, trusted=cue_adjoins),  # trusted in 'X, who said: "..."'
    Rule("dash", dash_line, trusted=True),
    Rule("after-loose", loose_after),
    Rule("colon", colon_intro),
    Rule("possessive", _of_quote(possessive_source), BORROWED),
    Rule("subject", _of_quote(sentence_subject), BORROWED),
    Rule("continued", continued, BORROWED, speech_only=True),
    Rule("previous", _of_quote(previous_subject), BORROWED, speech_only=True),
    Rule("neighbour", neighbour, BORROWED, speech_only=True),
)
RULE_NAMES = tuple(rule.name for rule in RULES)
_BY_NAME = {rule.name: rule for rule in RULES}


def attribute(ctx: Context, quote: Found) -> Attribution | None:
    """Return the attribution of a quote by the first OWN rule that finds one, or None."""
    for rule in RULES:
        if rule.stage == OWN and (found := rule.find(ctx, quote)):
            if found is NOBODY or found is UNNAMED:
                return None if found is NOBODY else UNNAMED  # UNNAMED: nothing is borrowed for it either
            return replace(found, how=rule.name)
    return None


def inherit(ctx: Context, found: list[Found], picks: list, kinds: list[str]) -> list:
    """Give each unattributed quote a speaker by the BORROWED rules, in order (earlier picks first).

    A quote said by someone unnamed (UNNAMED) stays so, and lends no speaker to its neighbours.
    """
    result = [None if pick is UNNAMED else pick for pick in picks]
    for i in range(len(found)):
        if result[i] is not None or picks[i] is UNNAMED:
            continue
        for rule in RULES:
            if rule.stage == BORROWED and (kinds[i] == "quote" or not rule.speech_only):
                if (pick := rule.find(ctx, found, result, i)):
                    result[i] = replace(pick, how=rule.name)
                    break
    return [UNNAMED if pick is UNNAMED else mine for pick, mine in zip(picks, result)]


def trusts(ctx: Context, quote: Found, attr: Attribution | None) -> bool:
    """Return True when the rules' pick stands and the ranker need not look."""
    rule = _BY_NAME.get(attr.how) if attr is not None else None
    if rule is None:
        return False
    return rule.trusted(ctx, quote, attr) if callable(rule.trusted) else rule.trusted
