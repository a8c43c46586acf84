"""Attention over time: matches counted per day, week, month or year, empty periods included."""
from __future__ import annotations

import datetime as dt

import pytest
from whoosh.util.times import datetime_to_long

from search.index import indexer
from search.query.histogram import choose_interval, date_histogram, next_start, period_start
from tests.helpers import write
from web import create_app

MISSING = 2 ** 64 - 1  # what the date column holds for an undated document


def stored(*days: str):
    """Return a date column holding ``days`` (None or MISSING for undated docs) and its doc list."""
    column = [MISSING if d is None else datetime_to_long(dt.datetime.fromisoformat(d)) for d in days]
    return list(range(len(column))), column.__getitem__


def test_column_datetimes_and_longs_both_count():
    day = dt.datetime(2025, 2, 10)
    values = [day, datetime_to_long(day), None, MISSING, "junk"]
    h = date_histogram(range(len(values)), values.__getitem__)
    assert [(b.start, b.count) for b in h.buckets] == [(day.date(), 2)]


def test_nothing_dated_gives_no_histogram():
    docs, dates = stored(None, None)
    assert date_histogram(docs, dates) is None
    assert date_histogram([], dates) is None


def test_short_span_counts_days_with_empty_days_between():
    docs, dates = stored("2025-02-10", "2025-02-10", "2025-02-12", None)
    h = date_histogram(docs, dates)
    assert h.interval == "day"
    assert [(b.start.isoformat(), b.end.isoformat(), b.count) for b in h.buckets] == [
        ("2025-02-10", "2025-02-10", 2), ("2025-02-11", "2025-02-11", 0), ("2025-02-12", "2025-02-12", 1)]
    assert h.peak == 2


def test_only_the_given_docs_are_counted():
    docs, dates = stored("2025-02-10", "2025-02-11", "2025-02-12")
    h = date_histogram([0, 2], dates)
    assert [b.count for b in h.buckets] == [1, 0, 1]


def test_months_span_counts_weeks_starting_monday():
    docs, dates = stored("2025-01-01", "2025-01-05", "2025-01-06", "2025-03-31")
    h = date_histogram(docs, dates)
    assert h.interval == "week"
    first = h.buckets[0]
    assert (first.start, first.end, first.count) == (dt.date(2024, 12, 30), dt.date(2025, 1, 5), 2)
    assert h.buckets[1].count == 1 and sum(b.count for b in h.buckets) == 4
    assert all(b.start.weekday() == 0 and (b.end - b.start).days == 6 for b in h.buckets)


def test_years_span_counts_months_ending_on_their_last_day():
    docs, dates = stored("2023-01-31", "2024-02-29", "2025-12-01")
    h = date_histogram(docs, dates)
    assert h.interval == "month" and len(h.buckets) == 36
    feb = next(b for b in h.buckets if b.start == dt.date(2024, 2, 1))
    assert feb.end == dt.date(2024, 2, 29) and feb.count == 1


def test_decades_span_counts_years_and_the_last_year_does_not_overflow():
    docs, dates = stored("1990-05-05", "9999-12-31")
    h = date_histogram(docs, dates)
    assert h.interval == "year"
    assert h.buckets[-1].end == dt.date.max and sum(b.count for b in h.buckets) == 2


@pytest.mark.parametrize("span, interval", [(0, "day"), (61, "day"), (62, "week"), (700, "week"),
                                            (800, "month"), (3000, "month"), (4000, "year")])
def test_interval_follows_the_span(span, interval):
    start = dt.date(2020, 1, 1)
    assert choose_interval(start, start + dt.timedelta(days=span)) == interval


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_periods_tile_the_calendar(interval):
    day = dt.date(2024, 12, 31)
    start = period_start(day, interval)
    assert start <= day < next_start(start, interval)
    assert period_start(next_start(start, interval), interval) == next_start(start, interval)


def test_a_folder_of_dated_and_undated_articles_searches_and_counts_by_date(tmp_path):
    write(tmp_path / "c" / "dated.md", "---\ntitle: Port strike\ndate: 2025-10-03\n---\n\nDock workers walked out.\n")
    write(tmp_path / "c" / "undated.txt", "Port strike goes on\n\nDock workers stayed out on Friday.\n")
    indexer.build(tmp_path / "c", tmp_path / "ix")
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "ix")}).test_client()
    assert client.get("/?q=dock").status_code == 200
    page = client.get("/api/search?q=dock&kind=article").get_json()
    assert page["total"] == 2
    assert [(b["start"], b["count"]) for b in page["histogram"]["buckets"]] == [("2025-10-03", 1)]


def test_either_spelling_of_an_accented_name_finds_it(tmp_path):
    write(tmp_path / "c" / "a.txt", 'Floods\n\n"We have never seen this," said Carlos Ibáñez, the regional president.\n')
    indexer.build(tmp_path / "c", tmp_path / "ix")
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "ix")}).test_client()
    for q in ("ibanez", "Ibáñez", 'speaker:"Carlos Ibanez"', "speaker:ibáñez"):
        assert client.get("/api/search", query_string={"q": q, "kind": "quote"}).get_json()["total"] == 1, q
