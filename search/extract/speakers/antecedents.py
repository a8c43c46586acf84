"""Who a pronoun or 'the firm' may stand for: the speakers, subjects and bodies seen so far."""
from __future__ import annotations

import bisect
import re

from ..lexicon.words import PERSON_PRONOUNS, PLACES
from .names import is_named, is_person
from ..text.work import step
from ..lexicon.people import DESCRIPTORS

SENTENCE_STOP = re.compile(r"[.!?][\"”’]?\s")
COORDINATED = re.compile(r"\b(?:but|and|yet)\s+$", re.IGNORECASE)
SAME_SENTENCE = 400  # characters: a subject further back than this is in an earlier sentence
PRONOUN_REACH = 30  # speakers and subjects looked back over for a 'he': a pronoun reaches only so far


class Antecedents:
    """People and bodies an article has mentioned, by position, for pronouns and 'the firm'."""

    def __init__(self, text: str, gender: dict[str, str], common=lambda name: False):
        self.text = text
        self.gender = gender  # surname -> the pronoun its honorific implies (filled by the Resolver)
        self.common = common  # whether a one-word name is a common word opening a sentence (Resolver.common_word)
        # Runs of (position, canonical, is a subject), each in text order: subjects, cue
        # subjects and quote speakers are noted in separate passes, so no insort is needed.
        self.runs: list[list[tuple[int, str, bool]]] = []
        self.bodies: list[tuple[int, str]] = []  # (position, name) of firms and bodies opening a sentence

    def note(self, pos: int, name: str, subject: bool = False) -> None:
        """Record that ``name`` spoke (or, ``subject``, opened a sentence) at ``pos``."""
        if not self.runs or self.runs[-1][-1][0] > pos:
            self.runs.append([])
        self.runs[-1].append((pos, name, subject))

    def add_body(self, pos: int, name: str) -> None:
        """Record a firm or body opening a sentence at pos."""
        bisect.insort(self.bodies, (pos, name))  # two passes note them: 'Nordwind said', 'Danish maker Nordwind'

    def body_before(self, pos: int) -> str | None:
        """Return the last firm or body opening a sentence before pos ('the firm')."""
        last = self.last_body(pos)
        return last[1] if last else None

    def last_body(self, pos: int) -> tuple[int, str] | None:
        """Return (position, name) of the last firm or body opening a sentence before pos."""
        k = bisect.bisect_left(self.bodies, (pos, ""))
        return self.bodies[k - 1] if k else None

    def before(self, pos: int) -> list[tuple[int, str, bool]]:
        """Return the nearest events before pos, nearest first."""
        found = []
        for run in self.runs:
            k = bisect.bisect_left(run, (pos, ""))
            found += run[max(0, k - PRONOUN_REACH):k]
        return sorted(found, reverse=True)[:PRONOUN_REACH]

    def pronoun(self, pronoun: str, pos: int) -> str | None:
        """Return who a pronoun at pos stands for: the nearest fitting speaker or subject before it."""
        want_person = pronoun in PERSON_PRONOUNS
        wanted = "she" if pronoun in ("she", "her") else "he"
        for at, name, subject in self.before(pos):
            step("antecedents")
            # 'Mr Blair has failed, he claimed': the subject of the reported words is not the 'he'.
            if subject and pos - at < SAME_SENTENCE and not SENTENCE_STOP.search(self.text, at, pos) \
                    and not COORDINATED.search(self.text, max(0, pos - 5), pos):
                continue  # ('X declined to say, but she insisted': a coordinated clause keeps its subject)
            # A lone capitalised word is a person only when the article calls it Mr or Ms ('Ofcom').
            known = name.split()[-1] in self.gender
            person = is_person(name) and (known or " " in name)
            if not want_person:
                if person or name.lower() in PLACES or (pronoun in ("it", "its") and self.common(name)) \
                        or (pronoun in PLURAL_PRONOUNS and _described_head(name)):
                    continue  # 'it said', 'they warned': a firm, a body or a group, not who was quoted last, a
                return name  # country the report named, or for 'it' a word opening a sentence ('Gadget lovers')
            if person and self.gender.get(name.split()[-1], wanted) == wanted:
                return name
            if _described_person(name, wanted):  # 'a spokesman said ... "...," he said'
                return name
        return None


PLURAL_PRONOUNS = frozenset("they them their".split())  # never one person described ('the minister's deputy')


def _described_head(name: str) -> str | None:
    """Return the head noun of a description of one person ('spokeswoman' of 'a spokeswoman'), None for a name."""
    head = name.lower().split()[-1] if name.split() else ""
    return head if head in DESCRIPTORS and not is_named(name) else None


def _described_person(name: str, pronoun: str) -> bool:
    """Return True for a description of one person a pronoun may stand for ('spokeswoman' for 'she')."""
    head = _described_head(name)
    if head is None:
        return False
    sex = "she" if head.endswith("woman") else "he" if head.endswith("man") else pronoun
    return sex == pronoun
