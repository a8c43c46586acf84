"""A claim's form: a statement (propositional content) or an act (a stance or act on a plain object)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from search.cli import cli
from search.extract import extract
from search.ingest.documents import load_plain
from search.models import ACT, STATEMENT


def forms_of(body: str) -> dict[str, str]:
    return {c.text: c.form for c in extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims}


@pytest.mark.parametrize("body, content", [
    ("The mayor said that the new bridge would open in June.", "the new bridge would open in June"),
    ("Ms Okafor believes the tunnel is far too expensive.", "the tunnel is far too expensive"),
    ("The tunnel will open next year, the mayor said.", "The tunnel will open next year"),
    ("The council vowed to repeal the parking charges.", "to repeal the parking charges"),
    ("Residents urged the council to drop the parking charges.", "the council to drop the parking charges"),
])
def test_propositional_content_is_a_statement(body, content):
    assert forms_of(body)[content] == STATEMENT


@pytest.mark.parametrize("body, content", [
    ("The union endorsed Maria Okafor in the race for mayor.", "Maria Okafor in the race for mayor"),
    ("Campaigners from the valley attacked the harbour plan at a packed public meeting on Tuesday, saying it "
     "would destroy the wetlands.", "the harbour plan at a packed public meeting on Tuesday"),
])
def test_a_stance_on_a_plain_object_is_an_act(body, content):
    assert forms_of(body)[content] == ACT


def test_extract_json_names_each_claims_form(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Headline\n\nThe union endorsed Maria Okafor in the race for mayor. She said the harbour would "
                    "reopen in June.\n")
    out = CliRunner().invoke(cli, ["extract", "--json", str(path)])
    claims = json.loads(out.output.splitlines()[0])["claims"]
    assert {(c["text"], c["form"]) for c in claims} == {("Maria Okafor in the race for mayor", ACT),
                                                         ("the harbour would reopen in June", STATEMENT)}


@pytest.mark.parametrize("body, not_claimer", [
    ("This casts doubt on the harbour board's official figures for the year.", "casts"),
    ("The report cast doubt on the council's plans for the harbour.", "cast"),
])
def test_a_noun_after_a_light_verb_is_no_cue_of_its_own(body, not_claimer):
    claims = extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims
    assert all(c.claimer_mention != not_claimer and c.cue != "doubt" for c in claims)


def test_a_light_verb_and_its_noun_are_one_cue():
    [claim] = extract(load_plain("Headline\n\nThe mayor expressed hope that the bridge would reopen in June.",
                                 "t.txt")).claims
    assert (claim.claimer, claim.cue, claim.text, claim.form) == (
        "mayor", "expressed hope", "the bridge would reopen in June", STATEMENT)


@pytest.mark.parametrize("body, content", [
    ("Analysts doubt Okafor's assertions about the harbour budget.", "Okafor's assertions about the harbour budget"),
])
def test_a_possessive_object_is_no_clause(body, content):
    assert forms_of(body)[content] == ACT


@pytest.mark.parametrize("body, content", [
    ("The harbour board declined to comment on the report.", "to comment on the report"),
    ("The council refused to rule out a rise in parking charges.", "to rule out a rise in parking charges"),
])
def test_a_refusal_or_decision_is_an_act(body, content):
    assert forms_of(body)[content] == ACT


def test_a_quote_and_the_word_beside_it_are_no_second_attribution():
    body = 'Mr Okafor said "The new pier will be paid for by the harbour board" later.'
    assert extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims == []


def test_the_reporters_question_is_no_statement_of_who_answers():
    body = ("Mr Morton spoke on Monday.\n\nMr Morton insisted the trend was moving in the right direction. Asked "
            'whether he would resign if the lists kept growing, he said: "My job is to fix this, not to walk away."')
    asked = [c for c in extract(load_plain(f"Headline\n\n{body}", "t.txt")).claims if c.text.startswith("whether")]
    assert all(c.form == ACT for c in asked)
