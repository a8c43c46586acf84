"""Mixed attributions: a reported clause holding a quotation is one claim, credited like its quote."""
from __future__ import annotations

import pytest

from search.extract import extract
from search.ingest.documents import load_plain


def extracted(body: str):
    text = f"Headline\n\n{body}"
    return text, extract(load_plain(text, "t.txt"))


@pytest.mark.parametrize("body, content, speaker", [
    # the tag before: the clause after the cue, quotation and all
    ('The mayor said the new bridge was "a triumph of patience" for the town.',
     'the new bridge was "a triumph of patience" for the town', "mayor"),
    ("Ms. Okafor said that the budget was ''the worst in a generation.''",
     "the budget was ''the worst in a generation.''", "Okafor"),
    # naming verbs: the object and the name it is given
    ("Councillor Reyes called the parking rules “a tax on shoppers.”",
     "the parking rules “a tax on shoppers.”", "Reyes"),
    ("Ms. Okafor called the minister an ''Iron Lady.''", "the minister an ''Iron Lady.''", "Okafor"),
    ('Mr. Dunne answered by calling him a "coward."', 'him a "coward."', "Dunne"),
    # words after the quotation belong to the clause too
    ('Mr. Dunne said "we have two weeks left" until the vote in March.',
     '"we have two weeks left" until the vote in March', "Dunne"),
    # the tag after: the clause from the sentence start to the end of the quotation
    ('The ferry service, though, would have to "cut its timetable," Mr. Dunne said.',
     'The ferry service, though, would have to "cut its timetable,"', "Dunne"),
])
def test_a_clause_holding_a_quotation_is_one_claim(body, content, speaker):
    text, found = extracted(body)
    [claim] = [c for c in found.claims if '"' in c.text or "“" in c.text or "''" in c.text]
    assert claim.text == content == text[claim.start:claim.end]
    [quote] = [q for q in found.quotes if claim.start <= q.start and q.end <= claim.end]
    # one attribution: the clause and the quotation inside it name the same source
    assert (claim.claimer_start, claim.claimer_end) == (quote.speaker_start, quote.speaker_end)
    assert speaker in claim.claimer


@pytest.mark.parametrize("body", [
    'The mayor said: "The bridge is a triumph of patience."',
    'The mayor said, "The bridge is a triumph of patience."',
    '"The bridge is a triumph of patience," the mayor said.',
    '"The bridge is a triumph," the mayor said, "of patience."',
    # a time or place after the quotation says when it was said, not what
    'The mayor said "the bridge is a triumph of patience" after the vote on Friday.',
    # the words between the quotation's comma and the name describe the speaker
    '"The bridge is a triumph of patience," chairman and chief executive Jo Park said.',
    '"The bridge is a triumph of patience," deputy planning director Jo Park said.',
    '"The bridge is a triumph of patience," the city\'s deputy mayor Jo Park told reporters.',
])
def test_a_bare_quotation_is_not_also_a_claim(body):
    _, found = extracted(body)
    assert found.quotes and found.claims == []


@pytest.mark.parametrize("body", [
    # a show's title in the writer's opening adjunct is nobody's reported clause
    'Speaking on ABC\'s "Morning Desk," the mayor said the bridge would open soon.',
    # the quotation sits in a relative clause about the subject, not in what the tag reports
    'Mr. Dunne, who calls the plan "a folly," said he would vote against it.',
])
def test_no_mixed_claim_around_a_title_or_an_aside(body):
    _, found = extracted(body)
    assert not any('"' in c.text for c in found.claims)


def test_words_between_the_quotation_and_a_later_tag_are_in_the_clause():
    _, found = extracted('"Two more ferries" would be enough for the summer, Mr. Dunne said.')
    [claim] = found.claims
    assert claim.text == '"Two more ferries" would be enough for the summer'
    assert "Dunne" in claim.claimer


def test_a_quotation_inside_a_claim_takes_the_outer_source():
    # the quotation's own pick would be the agent of 'by'; the clause is Ms. Okafor's report
    _, found = extracted('Ms. Okafor said the council had been "misled for years" by the water board.')
    [quote] = found.quotes
    [claim] = found.claims
    assert claim.start <= quote.start and quote.end <= claim.end
    assert (quote.speaker_start, quote.speaker) == (claim.claimer_start, claim.claimer) and "Okafor" in quote.speaker


def test_a_quotation_keeps_a_tag_that_follows_it_at_once():
    body = 'Maria Lopez pledged to "keep every branch open, whatever it costs," the Daily Courier reported.'
    _, found = extracted(body)
    [quote] = found.quotes
    assert quote.speaker == "Daily Courier"


def test_a_relative_pronoun_does_not_displace_the_quotations_named_speaker():
    body = ('Tomas Reyes, 52, says he was let down by the city housing office, which promised he would '
            'live like "any other tenant in the block".')
    _, found = extracted(body)
    [quote] = found.quotes
    assert quote.speaker == "Tomas Reyes"
