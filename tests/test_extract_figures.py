"""Figures: number forms, unit, qualifier, claimer and topic; and what is not a figure."""
from __future__ import annotations

import pytest

from search.documents import load_plain
from search.extract import extract


def figures_of(body: str):
    return extract(load_plain(f"Headline\n\n{body}", "t.txt")).figures


@pytest.mark.parametrize("body, value, unit, qualifier", [
    ("The army sent 12,000 soldiers to the front.", 12000, "soldiers", None),
    ("The army sent approximately 12 000 soldiers to the front.", 12000, "soldiers", "approximately"),
    ("The army sent around 11,000 troops to the front.", 11000, "troops", "around"),
    ("The city has 1.5 million residents now.", 1_500_000, "residents", None),
    ("The army sent four thousand soldiers to the front.", 4000, "soldiers", None),
    ("They supplied 200 long-range artillery pieces last year.", 200, "long-range artillery pieces", None),
    ("More than 300 people attended the rally.", 300, "people", "more than"),
    ("The firm lost $1.5bn last year.", 1_500_000_000, "dollars", None),
])
def test_figure_forms(body, value, unit, qualifier):
    [figure] = figures_of(body)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)
    assert f"Headline\n\n{body}"[figure.start:figure.end] == figure.text


@pytest.mark.parametrize("body", [
    "Hundreds of soldiers were treated and thousands of containers were sent.",  # vague
    "Dozens of people attended the rally.",  # vague
    "The pact was signed in 2024 after long talks.",  # a year
    "The talks ended on February 11 without a deal.",  # a date
    "The talks ended on 11 February without a deal.",  # a date
    "The meeting starts at 10:30 am in the hall.",  # a time
    "She finished 2nd in the race on Sunday.",  # an ordinal
    "John Smith, 45, said nothing at all.",  # an age
    "Call 555-123-4567 for tickets today.",  # a phone number
    "Ties between the two nations deepened.",  # a small spelled-out number
])
def test_non_figures(body):
    assert figures_of(body) == []


def test_killed_or_injured_troops_are_casualties():
    [figure] = figures_of("Since November, around 4,000 North Korean troops have been killed or injured.")
    assert (figure.value, figure.unit, figure.qualifier) == (4000, "casualties", "around")


def test_figure_carries_the_claimer_of_its_sentence():
    [figure] = figures_of("North Korea sent 12,000 soldiers to Russia, as per Ukrainian officials.")
    assert figure.claimed_by == "Ukrainian officials"
    [figure] = figures_of("Since November, 4,000 soldiers have fought in Kursk.")
    assert figure.claimed_by is None


def test_topic_lines_up_synonyms_and_places_but_not_the_claimer():
    [a] = figures_of("North Korea sent 12,000 soldiers to Russia, according to South Korea.")
    [b] = figures_of("According to Ukraine, North Korea has deployed 11,000 troops to Russia.")
    [c] = figures_of("North Korea has lost 4,000 troops in Ukraine and Russia.")
    assert a.topic == b.topic == "troop:north-korea+russia"
    assert c.topic != a.topic
