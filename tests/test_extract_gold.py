"""Extraction on the five seed articles against the hand annotation in tests/data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.ingest.documents import load_file
from search.extract import extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "gold_seeds.json").read_text(encoding="utf-8"))
ARTICLES = {item["file"]: item for item in GOLD["articles"]}


def _extract(name):
    articles, _, _ = load_file(ROOT / "seeds" / name, ROOT / "seeds")
    return extract(articles[0])


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_gold_quote_found_with_its_speaker(name):
    quotes = [q for q in _extract(name).quotes if q.kind == "quote"]
    for gold in ARTICLES[name]["quotes"]:
        matches = [q for q in quotes if q.text.startswith(gold["start"])]
        assert matches, f"missing quote {gold['start']!r}"
        assert matches[0].speaker == gold["speaker"], gold["start"]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_not_quotes_are_never_kind_quote(name):
    quotes = _extract(name).quotes
    for text in ARTICLES[name].get("not_quotes", []):
        assert not [q for q in quotes if q.kind == "quote" and q.text.strip(" ,.") == text]
        # ... but they stay, as fragments, attached to whoever is being reported
        assert [q for q in quotes if q.kind == "fragment" and q.text.strip(" ,.") == text]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_gold_figures_exactly(name):
    got = [(f.value, f.unit, f.qualifier, f.claimed_by) for f in _extract(name).figures]
    want = [(g["value"], g["unit"], g["qualifier"], g["claimed_by"]) for g in ARTICLES[name]["figures"]]
    assert sorted(got, key=str) == sorted(want, key=str)


def test_same_figure_across_outlets_shares_a_topic_key():
    topics: dict[str, set[str]] = {}
    for name, item in ARTICLES.items():
        figures = _extract(name).figures
        for gold in item["figures"]:
            figure = next(f for f in figures if f.value == gold["value"] and f.unit == gold["unit"])
            topics.setdefault(gold["topic"], set()).add(figure.topic)
    assert len(topics["north-korean-troops-in-russia"]) == 1
    others = set().union(*(keys for topic, keys in topics.items() if topic != "north-korean-troops-in-russia"))
    assert not others & topics["north-korean-troops-in-russia"]


def test_same_quote_across_outlets_has_the_same_speaker():
    for cluster in (c for c in GOLD["comparisons"] if "quote_cluster" in c):
        speakers = set()
        for name in cluster["files"]:
            gold = [g for g in ARTICLES[name]["quotes"] if g["cluster"] == cluster["quote_cluster"]]
            quotes = _extract(name).quotes
            speakers |= {q.speaker for g in gold for q in quotes if q.text.startswith(g["start"])}
        assert len(speakers) == 1, cluster
