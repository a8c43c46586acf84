"""Readings the claim tagger keeps as acts for recall: guessed sources and cues, weak contents, objects, relatives."""
from __future__ import annotations

import pytest

from search.extract import extract
from search.extract.claims.finder import RawClaim
from search.extract.claims.tagger import EXTRA, ClaimTagger, _no_object, _Taken, _widen, default_tagger
from search.extract.text.sentences import tokens
from search.ingest.documents import load_plain
from search.models import ACT, STATEMENT

LABELS = ("O", "B-C", "I-C", "B-S", "I-S", "B-Q", "I-Q")


class _StubCRF:
    """A CRF stand-in: fixed best labels and fixed marginals (label -> one probability per token)."""

    def __init__(self, labels: list[str], marginals: dict[str, list[float]]):
        self.labels, self.marginals = labels, marginals

    def set(self, features):
        self.n = len(features)

    def tag(self):
        return self.labels

    def marginal(self, label, i):
        return self.marginals.get(label, [0.0] * self.n)[i]


def _spans(text: str, labels: list[str], marginals: dict[str, list[float]]):
    shipped = default_tagger()
    tagger = ClaimTagger(shipped.model, shipped.cues)
    tagger._tagger = _StubCRF(labels, marginals)
    toks = tokens(text, 0, len(text))
    return [(" ".join(t.text for t in toks[lo:hi]), " ".join(t.text for t in toks[s_lo:s_hi]), form)
            for (lo, hi), (s_lo, s_hi), _, form in tagger.spans(toks)]


def claims_of(body: str):
    return extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims


TEXT = "Ms Webb argued that the new cycle lanes would cut traffic ."  # 12 tokens, the content 4 to 10
SURE_CONTENT = [0.0] * 4 + [0.95] * 7 + [0.0]


def test_a_sure_reading_with_its_source_and_cue_keeps_its_statement_form():
    labels = ["B-S", "I-S", "B-Q", "O"] + ["B-C"] + ["I-C"] * 6 + ["O"]
    [(content, source, form)] = _spans(TEXT, labels, {"I-C": SURE_CONTENT})
    assert (content, source, form) == ("the new cycle lanes would cut traffic", "Ms Webb", "statement")


def test_a_source_and_cue_guessed_from_the_marginals_give_a_reading_kept_only_for_recall():
    labels = ["O"] * 4 + ["B-C"] + ["I-C"] * 6 + ["O"]  # the best labelling names no source and no cue
    guessed = {"I-C": SURE_CONTENT, "B-S": [0.1, 0.1] + [0.0] * 10, "B-Q": [0.0, 0.0, 0.2] + [0.0] * 9}
    assert _spans(TEXT, labels, guessed) == [("the new cycle lanes would cut traffic", "Ms Webb", EXTRA)]
    assert _spans(TEXT, labels, {"I-C": SURE_CONTENT}) == []  # no source even in the marginals: nothing


def test_a_content_weak_all_through_is_kept_only_for_recall_and_a_weaker_one_not_at_all():
    labels = ["B-S", "I-S", "B-Q"] + ["O"] * 9
    weak = [0.0] * 4 + [0.45] * 7 + [0.0]
    assert _spans(TEXT, labels, {"I-C": weak}) == [("the new cycle lanes would cut traffic", "Ms Webb", EXTRA)]
    weaker = [0.0] * 4 + [0.2] * 7 + [0.0]
    assert _spans(TEXT, labels, {"I-C": weaker}) == []


def test_a_weak_reading_of_where_something_was_said_is_dropped():
    text = "The mayor said aboard the ferry on Monday ."
    labels = ["O", "B-S", "B-Q"] + ["O"] * 6
    weak = [0.0] * 4 + [0.45, 0.45, 0.45] + [0.0, 0.0]
    assert _spans(text, labels, {"I-C": weak}) == []


@pytest.mark.parametrize("body, content, mention", [
    # a relative 'who' is the mention, resolved to whom it follows
    ("Residents of the valley, who oppose the quarry, met the planning board on Tuesday.", "the quarry", "who"),
    # a verb of evidence with a person as its subject: an act, not a measure
    ("Ms Grant showed little patience with the council's plan for the market square.",
     "the council's plan", "Ms Grant"),
])
def test_readings_the_gates_dropped_are_kept_as_acts(body, content, mention):
    [claim] = claims_of(body)  # where the model ends the content moves with its training: what it holds does not
    assert (content in claim.text, claim.claimer_mention, claim.form) == (True, mention, ACT)


@pytest.mark.parametrize("body", [
    "Like-for-like sales showed a growth rate of 0.1%.",  # a measure shows, nobody claims
    "The minister also said at the meeting on Friday in the capital.",  # adjuncts, no content
    "The mayor said aboard the ferry on Monday.",
])
def test_measures_and_adjuncts_stay_out(body):
    assert claims_of(body) == []


def test_an_added_reading_never_turns_a_statement_into_two():
    # the tagger's longer reading of the rules' attribution ('that the dam would hold') is dropped, not added
    claims = claims_of("An engineer at the water board in Leeds said the dam would hold.")
    assert [(c.text, c.form) for c in claims] == [("the dam would hold", "statement")]


WIDE = "The mayor criticised the plan , which would cost jobs ."  # tokens: mayor 1, the plan 3-4, content 3-10


def _widened(form: str, text: str = WIDE) -> str:
    toks = tokens(text, 0, len(text))
    raw = [RawClaim(toks[3].start, toks[4].end, toks[1].start, toks[1].end, "criticised", form)]
    _widen(raw, _Taken(raw), toks, (3, len(toks) - 1), (1, 2))
    return text[raw[0].start:raw[0].end]


def test_a_rules_act_takes_the_longer_content_the_model_reads_for_its_source():
    assert _widened(ACT) == "the plan , which would cost jobs"


def test_a_statement_keeps_its_words_and_no_act_grows_over_a_quotation():
    assert _widened(STATEMENT) == "the plan"
    assert _widened(ACT, 'The mayor criticised the plan , " a folly " he called it .') == "the plan"


@pytest.mark.parametrize("text, content, no_object", [
    ("said Ann Lee , the firm 's chief .", (4, 8), True),  # the inverted tag's own appositive
    ("Ann Lee backed the firm which makes toys .", (5, 8), True),  # a relative clause
    ("Ann Lee backed Okafor .", (3, 4), True),  # one word
    ("Ann Lee backed the firm 's new plan .", (3, 8), False),
])
def test_a_weak_content_must_be_an_object_of_its_cue(text, content, no_object):
    toks = tokens(text, 0, len(text))
    cue, source = ((0, 1), (1, 3)) if text.startswith("said") else ((2, 3), (0, 2))
    assert _no_object(toks, *content, source, cue) is no_object


def test_a_tagged_reading_around_the_rules_own_attribution_is_no_nested_one():
    # 'CONTENT, according to the bank': the rules' claim (content 0-20, claimer 35-43) inside a tagged content
    raw = [RawClaim(0, 20, 35, 43, "according to", STATEMENT)]
    taken = _Taken(raw)
    assert not taken.inside(0, 43, (0, 20), (35, 43))  # the tagged source is the rules' claimer: the same one
    assert taken.inside(0, 43, (0, 45), (50, 55))  # a claimer of its own inside the content: nested


def _guessed(text: str, source: list[int], cue: list[int], content: list[int]):
    """The spans of a window whose best labelling names only content: source and cue guessed at the given tokens."""
    n = len(tokens(text, 0, len(text)))
    labels = ["B-C" if i == content[0] else "I-C" if i in content else "O" for i in range(n)]
    sure = [0.95 if i in content else 0.0 for i in range(n)]
    marginals = {"I-C": sure, "B-S": [0.1 if i in source else 0.0 for i in range(n)],
                 "B-Q": [0.2 if i in cue else 0.0 for i in range(n)]}
    return _spans(text, labels, marginals)


@pytest.mark.parametrize("text, source, cue, content", [
    # a cue of no words ('(RSS)')
    ("The format known as Really Simple Syndication ( RSS ) lets sites share news .", [4, 5, 6], [7, 8, 9], [10, 11, 12, 13]),
    # a noun inside the cue: 'that ...' is a relative clause on it, not a claim
    ("The Acme firm has made a gadget that sends reports to the city .", [1, 2], [3, 4, 5, 6], [7, 8, 9, 10, 11, 12]),
    # the agent of a passive names who acted on the subject, not who asserts the next verb
    ("The bank was not fined by the Audit Office , but has agreed to pay costs .", [7, 8], [11, 12], [13, 14, 15]),
    # a source holding a verb is a clause, not a name
    ("Mr Reed's lawyer labelled the court unfair and called for a new hearing .",
     [0, 1, 2, 3, 4, 5, 6], [9, 10], [11, 12, 13]),
])
def test_a_guessed_reading_in_no_plain_shape_is_dropped(text, source, cue, content):
    assert _guessed(text, source, cue, content) == []


def test_a_guessed_reading_of_a_cue_and_its_object_is_kept_for_recall():
    text = "The Green Party has called for a new bus lane on the bridge ."
    [(content, source, form)] = _guessed(text, [1, 2], [4, 5], [6, 7, 8, 9, 10, 11, 12])
    assert (content, source, form) == ("a new bus lane on the bridge", "Green Party", EXTRA)
    text = "Ms Webb , a planner at the council , was adamant that the lanes would cut traffic ."
