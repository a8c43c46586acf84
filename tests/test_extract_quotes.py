"""Quote marks, interrupted and multi-paragraph quotes, fragments, duplicated paragraphs."""
from __future__ import annotations

import pytest

from search.ingest.documents import load_plain
from search.extract import extract


def quotes_of(text: str, kind: str | None = "quote"):
    article = load_plain(text, "t.txt")
    return [q for q in extract(article).quotes if kind is None or q.kind == kind]


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("“", "”"), ("„", "“"), ("«", "»")])
def test_each_quote_mark_style_gives_the_inner_text(opening, closing):
    text = f"Headline\n\n{opening}We will rebuild the bridge before winter comes,{closing} the mayor said."
    [quote] = quotes_of(text)
    assert quote.text == "We will rebuild the bridge before winter comes,"
    assert quote.speaker == "mayor"


def test_quote_interrupted_by_attribution_is_one_quote():
    text = 'Headline\n\n"The first part is here," Jane Doe said, "and the second part follows it."'
    [quote] = quotes_of(text)
    assert quote.text.startswith("The first part")
    assert quote.text.endswith("the second part follows it.")
    assert quote.speaker == "Jane Doe"
    assert text[quote.speaker_start:quote.speaker_end] == "Jane Doe"


def test_quote_running_over_paragraphs_is_one_quote():
    text = ("Headline\n\nJohn Smith said: “The first paragraph of my statement runs on.\n\n"
            "“And the second paragraph ends it here.”\n\nOther news follows.")
    [quote] = quotes_of(text)
    assert quote.text.startswith("The first paragraph")
    assert quote.text.endswith("ends it here.")
    assert quote.speaker == "John Smith"


def test_apostrophes_and_single_quotes_are_not_quote_marks():
    text = "Headline\n\nIt's the mayor's plan, and 'nobody' argued with the council's 'vision' today."
    assert quotes_of(text, kind=None) == []


def test_nested_single_quotes_stay_inside_the_quote():
    text = "Headline\n\n“He told me ‘no way’ and walked out of the room,” Anna Bell said."
    [quote] = quotes_of(text)
    assert "‘no way’" in quote.text
    assert quote.speaker == "Anna Bell"


def test_scare_quoted_word_in_a_reported_sentence_is_a_fragment():
    text = "Headline\n\nThe ambassador, Ivan Petrov, stated that Moscow had sent “hundreds” of soldiers."
    [fragment] = quotes_of(text, kind="fragment")
    assert fragment.text == "hundreds"
    assert fragment.speaker == "Ivan Petrov"
    assert quotes_of(text) == []


def test_short_quote_tagged_with_a_speaker_is_a_quote():
    [quote] = quotes_of('Headline\n\n"No," he said.')
    assert quote.kind == "quote"


def test_short_quoted_sentence_after_a_tag_is_a_quote_by_the_same_speaker():
    text = 'Headline\n\nTom Lee disagreed. "We are spending money," he said. "Taxpayers will pay."'
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We are spending money,", "Tom Lee"), ("Taxpayers will pay.", "Tom Lee")]


def test_title_in_the_writers_own_sentence_is_left_out():
    text = 'Headline\n\nShe appeared on "Good Morning America" last week before flying home.'
    assert quotes_of(text, kind=None) == []


def test_duplicated_paragraph_yields_its_quote_once():
    para = '"We have done nothing wrong at all here," the company said.'
    assert len(quotes_of(f"Headline\n\n{para}\n\nMore text here.\n\n{para}")) == 1
