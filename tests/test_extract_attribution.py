"""Attribution patterns beyond the basic forms: outer sources, openers, quotes across paragraphs."""
from __future__ import annotations

import pytest

from search.ingest.documents import load_plain
from search.extract import extract

SPEECH = "We will not give up on this city, whatever it costs us"


def quotes_in(text: str):
    """Return the quotes of kind 'quote' extracted from text."""
    return [q for q in extract(load_plain(text, "t.txt")).quotes if q.kind == "quote"]


def mention_of(text: str, start: str) -> str | None:
    """Return the speaker mention, as written, of the quote that starts with ``start``."""
    [quote] = [q for q in quotes_in(text) if q.text.startswith(start)]
    return text[quote.speaker_start:quote.speaker_end] if quote.speaker_start is not None else None


@pytest.mark.parametrize("body, mention", [
    # The outlet that reports the remark frames it, so it is the source.
    (f'"{SPEECH}," Maria Lopez said, according to the Daily Courier.', "the Daily Courier"),
    (f'According to the Daily Courier, Maria Lopez said: "{SPEECH}."', "the Daily Courier"),
    # A domain's dot does not end the tag.
    (f'"{SPEECH}," Maria Lopez, who runs lopezpolls.com, wrote on Monday.', "Maria Lopez"),
    # A determiner opens the subject; it is not an introductory phrase to skip.
    (f'The city mayor ended the meeting by saying, "{SPEECH}."', "The city mayor"),
    # The outermost verb of saying is the source; later cues sit inside what it reports.
    (f'Maria Lopez said on Monday that council members think the plan is "{SPEECH}."', "Maria Lopez"),
    # ...unless that verb sits in an opening subordinate clause.
    (f'When the council said the plan was dead, Maria Lopez replied: "{SPEECH}."', "Maria Lopez"),
    # A time between subject and verb is not the subject.
    (f'Maria Lopez on Tuesday rejected the plan, saying "{SPEECH}."', "Maria Lopez"),
    # A connective opener goes, the subject after it stays.
    (f'Then she turned to the crowd, calling the plan "{SPEECH}."', "she"),
    # A dateline is not the subject of its paragraph.
    (f'SPRINGFIELD, Ill. - Maria Lopez ended the meeting by saying, "{SPEECH}."', "Maria Lopez"),
    # An inverted tag after the quote's own clause: '"..." is true, said X'.
    (f'"{SPEECH}" was the motto, said Maria Lopez.', "Maria Lopez"),
    # A described source: 'the Daily Courier reported'.
    (f'Maria Lopez pledged to "{SPEECH}," the Daily Courier reported.', "Daily Courier"),
    # A period closes the sentence: what follows is a new one, not a tag.
    (f'Maria Lopez said: "{SPEECH}." Tom Reed wrote a letter to the council that week.', "Maria Lopez"),
    # 'with X saying': X speaks, not the sentence subject.
    (f'The council adjourned, with one member saying, "{SPEECH}."', "one member"),
    # 'a sign that read': the relative pronoun is the nearest mention.
    (f'Marchers carried a banner that read, "{SPEECH}."', "that"),
    # A possessive before a noun of saying owns the quote.
    (f'The vote followed her warning that "{SPEECH}."', "her"),
    # A tag after a later quote in the same sentence serves both.
    (f'The plan was "a good start" that needed "{SPEECH}," Maria Lopez said.', "Maria Lopez"),
    # Verbs of communication beyond 'say' (Levin's class 37).
    (f'"{SPEECH}," Maria Lopez bellowed at the crowd.', "Maria Lopez"),
    (f'Maria Lopez confided to friends that "{SPEECH}."', "Maria Lopez"),
])
def test_attribution_patterns(body, mention):
    assert mention_of(f"Headline\n\n{body}", "We will not") == mention


def test_quote_after_one_closing_a_multi_paragraph_quote():
    text = (f'Headline\n\n"We started this in a small room with nothing.\n\n'
            f'"Now the whole city is with us," Maria Lopez said. "{SPEECH}."')
    assert mention_of(text, "We will not") == "Maria Lopez"


def test_dash_introduces_a_name_not_a_phrase():
    text = f'Headline\n\nThe council called it the "{SPEECH}" - setting the terms of the debate for years.'
    assert mention_of(text, "We will not") != "setting the terms"
