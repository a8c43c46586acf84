"""`--backend typesense`: index, search and the web app's JSON API run against a Typesense cluster."""
from __future__ import annotations

import json

import pytest

from search.cli import cli
from search.typesense import cluster
from web import create_app
from tests.helpers import require_typesense

require_typesense()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """The CLAIMSEARCH_* variables of a 1-node cluster on loopback."""
    with cluster.LocalCluster(tmp_path_factory.mktemp("ts") / "one", 1) as nodes:
        yield {"CLAIMSEARCH_BACKEND": "typesense", "CLAIMSEARCH_TYPESENSE_NODES": nodes.urls[0],
               "CLAIMSEARCH_TYPESENSE_KEY": nodes.key}


def test_index_then_search_and_serve_on_typesense(env, seeds_dir, runner, tmp_path):
    result = runner.invoke(cli, ["index", str(seeds_dir), "--silent"], env=env)
    assert result.exit_code == 0, result.output + result.stderr
    assert "into Typesense alias claimsearch" in result.stderr
    found = runner.invoke(cli, ["search", "Matsegora", "--json", "--kind", "quote"], env=env)
    assert found.exit_code == 0, found.stderr
    page = json.loads(found.stdout)
    assert page["total"] > 0 and {hit["kind"] for hit in page["hits"]} == {"quote"}
    app = create_app({"TESTING": True, "BACKEND": "typesense", "TYPESENSE_NODES": env["CLAIMSEARCH_TYPESENSE_NODES"],
                      "TYPESENSE_KEY": env["CLAIMSEARCH_TYPESENSE_KEY"], "INDEX": str(tmp_path / "none")})
    answer = app.test_client().get("/api/search?q=Matsegora&kind=quote")
    assert answer.status_code == 200 and answer.get_json()["total"] == page["total"]
    article = page["hits"][0]["article_id"]
    assert app.test_client().get(f"/api/articles/{article}").status_code == 200


def test_a_wrong_key_or_node_list_is_a_clear_error(env, runner):
    result = runner.invoke(cli, ["search", "quay"], env=dict(env, CLAIMSEARCH_TYPESENSE_NODES="127.0.0.1:1"))
    assert result.exit_code == 2 and "not a URL like" in result.stderr


def test_update_on_typesense_adds_a_file_and_search_finds_it(env, corpus, runner):
    assert runner.invoke(cli, ["index", str(corpus), "--silent"], env=env).exit_code == 0
    (corpus / "later.md").write_text("---\ntitle: Quay vote\n---\n\nMara Quill said \"the quay reopens on Friday\".\n",
                                     encoding="utf-8")
    result = runner.invoke(cli, ["update", "--silent"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "Updated Typesense alias claimsearch" in result.stderr
    found = json.loads(runner.invoke(cli, ["search", "reopens", "--json"], env=env).stdout)
    assert {hit["article_id"] for hit in found["hits"]} == {"later"}
