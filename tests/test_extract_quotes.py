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


def test_interrupted_quote_is_two_pieces_of_one_utterance():
    text = 'Headline\n\n"The first part is here," Jane Doe said, "and the second part follows it."'
    first, second = quotes_of(text)
    assert (first.text, second.text) == ("The first part is here,", "and the second part follows it.")
    assert first.utterance == second.utterance
    assert first.speaker == second.speaker == "Jane Doe"
    assert text[first.speaker_start:first.speaker_end] == "Jane Doe"


@pytest.mark.parametrize("joint", ["\n\n", " "])
def test_quote_running_over_paragraphs_is_one_utterance_in_pieces(joint):
    # BBC style: each paragraph of a long quote opens with a mark, only the last one closes;
    # the paragraphs may be flattened onto one line.
    text = (f'Headline\n\nJohn Smith said: "The first paragraph of my statement runs on.{joint}'
            '"And the second paragraph ends it here." The hall fell silent. "Next," he said.')
    first, second, third = quotes_of(text)
    assert first.text == "The first paragraph of my statement runs on."
    assert second.text == "And the second paragraph ends it here."
    assert first.utterance == second.utterance != third.utterance
    assert first.speaker == second.speaker == "John Smith"
    assert third.text == "Next,"


def test_reporter_text_between_two_quotes_is_never_a_quote():
    text = ('Headline\n\nAnn Lee said: "We lost the first one. "We will win the next one." '
            'This view was rejected by Bob Ray, who said: "They will lose again."')
    quotes = quotes_of(text, kind=None)
    assert [q.text for q in quotes] == [
        "We lost the first one.", "We will win the next one.", "They will lose again."]
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee", "Bob Ray"]


def test_missing_closing_mark_before_a_new_intro_keeps_the_intro_out():
    text = ('Headline\n\nAnn Lee said: "We lost three years of our lives. She added: "We will not stop '
            'until the bridge is built."')
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We lost three years of our lives.", "We will not stop until the bridge is built."]
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee"]


@pytest.mark.parametrize("narration", ["He said that the council must act.", "It had failed, he said."])
def test_reporter_sentence_inside_an_unclosed_quote_is_left_out(narration):
    text = f'Headline\n\nAnn Lee said: "The bridge was badly built. {narration} "We will fix it."'
    assert [q.text for q in quotes_of(text)] == ["The bridge was badly built.", "We will fix it."]


def test_two_apostrophes_quote_like_a_double_mark():
    text = ("Headline\n\n''It has the virtue of being fiscally sound,'' said Ada Moss, an economist. "
            "She called the plan ''a modest step.''")
    quotes = quotes_of(text, kind=None)
    assert [q.text for q in quotes] == ["It has the virtue of being fiscally sound,", "a modest step."]
    assert quotes[0].speaker == "Ada Moss"


def test_single_marks_in_a_headline_are_not_quotes():
    text = "Minister's 'lies' row grows\n\nThe row over the 'lies' grew on Monday, officials said."
    assert quotes_of(text, kind=None) == []


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


@pytest.mark.parametrize("body, kind", [
    ("Ministers have been accused of \u201csleepwalking\u201d into a housing crisis.", "fragment"),
    ("He was told: \u201cYou are fired and you must leave the building today.\u201d", "quote"),
])
def test_words_said_to_or_about_a_passive_subject_are_not_the_subjects(body, kind):
    [quote] = quotes_of(f"Headline\n\n{body}", kind=None)
    assert (quote.kind, quote.speaker) == (kind, None)


def test_a_passive_with_its_agent_credits_the_agent():
    [quote] = quotes_of("Headline\n\nThe minister was accused of \u201clying\u201d by MPs.", kind=None)
    assert quote.speaker == "MPs"


def test_a_transcript_quoted_turn_by_turn_is_its_speakers_lines():
    """'"WALLACE: ...' paragraphs (each turn opened with a quote mark, BBC style): the label is the speaker, and
    what a turn says is speech, not claims of the names inside it."""
    from search.ingest.documents import load_plain
    from search.extract import extract
    text = ("Headline\n\nOn Sunday Gov. Mike Pence spoke to Chris Wallace of Fox News.\n\n"
            '"WALLACE: The Clinton camp said it was inviting a critic to the front row. Will you be there?\n\n'
            '"PENCE: Well, look, Hillary Clinton thinks this is an episode of "Shark Tank." It is not.\n\n'
            '"WALLACE: Do you really see those two as equivalent?\n')
    found = extract(load_plain(text, "t.txt"))
    speakers = [q.speaker for q in found.quotes if q.kind == "quote" and q.text.startswith(("The Clinton", "Well", "Do"))]
    assert speakers == ["Chris Wallace", "Mike Pence", "Chris Wallace"]
    assert not [c for c in found.claims if c.claimer in ("Clinton camp", "Hillary Clinton")]
