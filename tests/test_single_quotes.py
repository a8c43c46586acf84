"""British single quotes: speech quoted 'like this' is found as double-quoted speech is."""
from __future__ import annotations

import pytest

from search.extract import extract
from search.extract.quotes.single import as_double_quoted
from search.ingest.documents import load_plain


def marked(body: str) -> str:
    article = load_plain(f"Tax news\n\n{body}\n", "t.txt")
    return as_double_quoted(article.text, article.paragraphs)[len("Tax news\n\n"):-1]


@pytest.mark.parametrize("body, expected", [
    ("‘We will not raise taxes,’ the chancellor said.", "“We will not raise taxes,” the chancellor said."),
    ("‘The Lib Dems’ plan is a disaster,’ he said.", "“The Lib Dems’ plan is a disaster,” he said."),  # a plural's apostrophe
    ("He said: ‘We will win’ and left.", "He said: “We will win” and left."),
    ("It is the council's ‘vision’ today.", "It is the council's ‘vision’ today."),  # a scare quote stays
    ("Blair’s aides don’t agree.", "Blair’s aides don’t agree."),
    ("He loves rock ‘n’ roll.", "He loves rock ‘n’ roll."),
    ("'We will win,' she said.", "“We will win,” she said."),
    ("\"We will\" he said; ‘odd’ here.", "\"We will\" he said; ‘odd’ here."),  # double marks: singles are not speech
])
def test_single_marks_that_quote_speech_become_double_marks(body, expected):
    assert marked(body) == expected


def test_a_long_quote_goes_on_over_open_only_paragraphs():
    body = "He said: ‘This is three-party politics.\n\n‘In the south it is not,’ he added."
    assert marked(body) == "He said: “This is three-party politics.\n\n“In the south it is not,” he added."
    assert marked("It is ‘odd.\n\nThe council's ‘vision’ is.") == "It is ‘odd.\n\nThe council's ‘vision’ is."


def test_a_headlines_single_marks_stay_labels():
    article = load_plain("Blair's Tory 'lies'\n\n'We will fight on,' the minister said.\n", "t.txt")
    converted = as_double_quoted(article.text, article.paragraphs)
    assert converted.startswith("Blair's Tory 'lies'") and "“We will fight on,”" in converted


def test_single_quoted_speech_is_extracted_with_the_articles_own_marks():
    result = extract(load_plain("Tax news\n\n‘We will not raise taxes,’ the chancellor said. He said the "
                                "plan was ‘a disaster’ for families.\n", "t.txt"))
    assert [(q.text, q.speaker) for q in result.quotes] == [("We will not raise taxes,", "chancellor")]
    assert any("‘a disaster’" in c.text for c in result.claims)


def test_a_markdown_storys_first_paragraph_is_no_headline():
    from search.extract import extract
    from search.ingest.documents import load_bytes
    data = ("---\ntitle: Tax news\nsource: Daily Courier\n---\n"
            "'We will fight on to the very end,' the minister said.\n").encode()
    [article], _, _ = load_bytes(data, ".md", "a.md")
    assert [q.text for q in extract(article).quotes] == ["We will fight on to the very end,"]
