"""A build's comparisons store: the views read from it answer as from the comparisons in memory."""
from __future__ import annotations

import sqlite3

import pytest

from search import compare
from search.cli import cli
from search.compare import store, views
from search.errors import IndexMissing, NotFound
from search.index import indexer
from search.index.store import IndexStore
from web import create_app


@pytest.fixture(scope="module")
def both(seeds_index):
    """The seeds build's comparisons as a server reads them (the store) and whole in memory."""
    build = IndexStore(seeds_index).current_dir()
    return compare.open_build(build), compare.load(build)


def test_the_store_holds_every_record_and_group(both):
    stored, whole = both
    assert whole.quotes and whole.figures and whole.clusters and whole.topics
    for name in ("quotes", "figures", "articles", "clusters", "stories", "quantities", "topics",
                 "cluster_of", "story_of", "quantity_of"):
        assert dict(getattr(stored, name).items()) == dict(getattr(whole, name).items()), name
        assert len(getattr(stored, name)) == len(getattr(whole, name)), name
    some = next(iter(whole.quotes))
    assert some in stored.quotes and stored.quotes.get("no-such-id") is None
    assert whole.signatures and set(whole.signatures) == set(whole.articles)


def _same(stored, whole, view, *args):
    try:
        expected = view(whole, *args)
    except NotFound:
        with pytest.raises(NotFound):
            view(stored, *args)
        return
    assert view(stored, *args) == expected


def test_every_view_answers_the_same_from_the_store(both):
    stored, whole = both
    for qid in whole.quotes:
        _same(stored, whole, views.quote_versions, qid)
        assert views.other_versions(stored, dict(whole.quotes[qid], kind="quote")) == \
            views.other_versions(whole, dict(whole.quotes[qid], kind="quote"))
    for fid, fig in whole.figures.items():
        _same(stored, whole, views.figure_reports, fid)
        assert views.other_versions(stored, dict(fig, kind="figure")) == views.other_versions(whole, dict(fig, kind="figure"))
        assert views.first_appearance(stored, fid) == views.first_appearance(whole, fid)
        _same(stored, whole, views.figures_measuring, fig.get("measure") or "no such measure")
    for topic in whole.topics:
        _same(stored, whole, views.figure_topic, topic)
    for qid in whole.quantities:
        _same(stored, whole, views.quantity, qid)
    for close_only in (False, True):
        assert views.disagreements(stored, close_only=close_only) == views.disagreements(whole, close_only=close_only)
    for aid in whole.articles:
        assert stored.copies(aid) == whole.copies(aid) and stored.story(aid) == whole.story(aid)
        assert stored.copy_records(aid) == whole.copy_records(aid)


def test_the_store_is_read_only(both):
    stored, _ = both
    with pytest.raises(TypeError, match="read-only"):
        stored.add([], [])
    with pytest.raises(sqlite3.OperationalError):
        stored.db.rows("DELETE FROM quotes")


def _break(build, how):
    path = build / store.FILENAME
    if how == "missing":  # as every build before the store was
        path.unlink()
    elif how == "garbage":
        path.write_bytes(b"not a database")
    else:  # another version's format
        with sqlite3.connect(path) as db:
            db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")


@pytest.mark.parametrize("how", ["missing", "garbage", "format"])
def test_an_index_without_a_readable_store_answers_503_and_the_cli_says_rebuild(corpus, tmp_path, runner, how):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    _break(IndexStore(root).current_dir(), how)
    with pytest.raises(IndexMissing, match="rebuild it with `claimsearch index"):
        compare.open_build(IndexStore(root).current_dir())
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    for url in ("/api/search?q=Matsegora", "/api/disagreements", "/disagreements", "/?q=Matsegora"):
        response = client.get(url)
        assert response.status_code == 503, url
    assert "rebuild it with `claimsearch index" in client.get("/api/search?q=x").get_json()["error"]["message"]
    result = runner.invoke(cli, ["search", "Matsegora", "--index", str(root)])
    assert result.exit_code == 1 and "rebuild it with `claimsearch index" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert runner.invoke(cli, ["index", str(corpus), "--index", str(root), "--silent"]).exit_code == 0
    assert client.get("/api/search?q=Matsegora").status_code == 200  # the same server, after the rebuild


def test_a_running_server_reads_the_store_of_a_build_swapped_in(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    whole = compare.load(IndexStore(root).current_dir())
    qid = next(q for q in sorted(whole.quotes) if views.other_versions(whole, dict(whole.quotes[q], kind="quote"))[0])
    ref = qid.replace("#", "/")
    assert client.get(f"/api/quotes/{ref}").status_code == 200
    (corpus / (whole.quotes[qid]["article_id"] + ".txt")).unlink()
    indexer.build(corpus, root)
    assert client.get(f"/api/quotes/{ref}").status_code == 404  # the old build's store would still list it
    again = compare.load(IndexStore(root).current_dir())
    other = next(iter(again.quotes))
    assert client.get("/api/quotes/" + other.replace("#", "/")).get_json()["quote"]["id"] == other


def test_figures_are_found_by_some_words_of_their_measure(both):
    """A measure asked for finds every measure holding its words, from the store as from memory."""
    stored, whole = both
    measured = [f for f in whole.figures.values() if f.get("measure") and len(f["measure"].split()) > 1]
    assert measured  # the seeds hold measures of two words or more
    fig = measured[0]
    word = max(fig["measure"].split(), key=len)
    for comps in (stored, whole):
        found = views.figures_measuring(comps, word)["figures"]
        assert fig["id"] in [f["id"] for f in found]
        assert all(word.lower()[:4] in f["measure"].lower() for f in found)
