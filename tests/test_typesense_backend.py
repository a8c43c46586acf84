"""`--backend typesense`: index, search and the web app's JSON API run against a Typesense cluster."""
from __future__ import annotations

import json

import pytest

from search import backends
from search.cli import cli
from search.typesense import store
from web import create_app
from tests.helpers import require_typesense, typesense_cluster, write
from tests.test_compare_copies import STORY, corpus as copies_corpus

require_typesense()


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """The CLAIMSEARCH_* variables of a 1-node cluster on loopback."""
    with typesense_cluster(tmp_path_factory.mktemp("ts") / "one", 1) as nodes:
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
    compared = runner.invoke(cli, ["compare", "brotherly"], env=env)
    assert compared.exit_code == 0 and "3 versions" in compared.stdout and "[fraternal]" in compared.stdout
    refused = runner.invoke(cli, ["search", "troop*"], env=env)
    assert refused.exit_code == 2 and "Typesense backend cannot search wildcards" in refused.stderr


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


def typesense_client(env):
    """A test client of the app on the env's cluster."""
    return create_app({"TESTING": True, "BACKEND": "typesense", "TYPESENSE_NODES": env["CLAIMSEARCH_TYPESENSE_NODES"],
                       "TYPESENSE_KEY": env["CLAIMSEARCH_TYPESENSE_KEY"]}).test_client()


def test_copies_fold_into_one_result_and_update_keeps_them_in_step(env, tmp_path):
    conn = backends.typesense_connection({"TYPESENSE_NODES": env["CLAIMSEARCH_TYPESENSE_NODES"],
                                          "TYPESENSE_KEY": env["CLAIMSEARCH_TYPESENSE_KEY"]})
    source = copies_corpus(tmp_path / "corpus")
    store.build(source, conn)
    client = typesense_client(env)
    one = client.get("/api/search?q=harbour&kind=article").get_json()
    assert one["total"] == 1 and len(one["hits"][0]["copies"]) == 1 and one["hits"][0]["story"].startswith("st-")
    assert client.get("/api/search?q=harbour&kind=article&copies=all").get_json()["total"] == 2
    hit = client.get("/api/search?q=patient&kind=quote&copies=all").get_json()["hits"][0]
    assert hit["versions"] == 0  # the same quote in a copy confirms nothing
    (source / "gazette" / "strike.txt").unlink()
    store.update(conn, source)
    assert typesense_client(env).get("/api/search?q=harbour&kind=article").get_json()["hits"][0]["copies"] == []
    write(source / "radio" / "strike.txt", "Source: Radio North\n\n" + STORY)
    store.update(conn, source)
    both = typesense_client(env).get("/api/search?q=harbour&kind=article").get_json()
    assert both["total"] == 1 and len(both["hits"][0]["copies"]) == 1


def test_a_build_without_its_side_collection_answers_503_rebuild_it(env):  # last: it breaks the alias
    conn = backends.typesense_connection({"TYPESENSE_NODES": env["CLAIMSEARCH_TYPESENSE_NODES"],
                                          "TYPESENSE_KEY": env["CLAIMSEARCH_TYPESENSE_KEY"]})
    old = {"name": "claimsearch_old", "fields": [{"name": "body", "type": "string"}]}
    conn.write(lambda c: c.collections.create(old))
    conn.write(lambda c: c.aliases.upsert(store.ALIAS, {"collection_name": "claimsearch_old"}))  # an older version's
    answer = typesense_client(env).get("/api/search?q=quay")
    assert answer.status_code == 503 and "rebuild it" in answer.get_json()["error"]["message"]
