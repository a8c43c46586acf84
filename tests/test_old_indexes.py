"""An index this version cannot open (a class it names moved, another schema) asks for a rebuild."""
from __future__ import annotations

import copy
import sys
import types

import pytest

from search.cli import cli
from search.index import indexer
from search.index.schema import make_schema
from search.whoosh_ext import analysis, check_version
from web import create_app


def build_naming(corpus, root, monkeypatch, module: str, name: str) -> None:
    """Build an index whose pickled schema names its analyzer ``module.name``."""
    # What moving a class does to every index built before: its table of contents names the old place.
    gone = type(name, (analysis.FastStemmingAnalyzer,), {"__module__": module})
    schema = copy.deepcopy(make_schema())
    for field in ("title", "body", "context"):
        schema[field].analyzer = gone()
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, module, types.SimpleNamespace(**{name: gone}))
        patch.setattr(indexer, "make_schema", lambda: schema)
        indexer.build(corpus, root)


@pytest.mark.parametrize("module, name", [("search.analysis", "FastStemmingAnalyzer"),  # module gone
                                          ("search.whoosh_ext.analysis", "OldAnalyzer")])  # class gone
def test_an_index_naming_a_missing_class_answers_503_and_the_cli_says_rebuild(
        corpus, tmp_path, monkeypatch, runner, module, name):
    root = tmp_path / "ix"
    build_naming(corpus, root, monkeypatch, module, name)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    response = client.get("/api/search?q=Matsegora")
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["status"] == 503 and "rebuild it with `claimsearch index" in error["message"]
    assert client.get("/?q=Matsegora").status_code == 503
    result = runner.invoke(cli, ["search", "Matsegora", "--index", str(root)])
    assert result.exit_code == 1 and "rebuild it with `claimsearch index" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert runner.invoke(cli, ["index", str(corpus), "--index", str(root), "--silent"]).exit_code == 0
    assert "Matsegora" in runner.invoke(cli, ["search", "Matsegora", "--index", str(root)]).stdout


def test_a_whoosh_other_than_the_pinned_one_is_refused_with_the_fix():
    check_version((2, 7, 5))
    with pytest.raises(ImportError, match=r"whoosh-reloaded==2\.7\.5"):
        check_version((2, 8, 0))
