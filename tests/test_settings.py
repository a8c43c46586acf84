"""One settings module: defaults, then CLAIMSEARCH_* environment, then CLI options; read by CLI, web and OpenAPI."""
from __future__ import annotations

from pathlib import Path

import pytest

from search import settings
from search.cli import cli
from search.errors import BadParameter
from web import create_app

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_environment_overrides_defaults_and_options_override_the_environment():
    env = {"CLAIMSEARCH_PAGE_SIZE": "5", "CLAIMSEARCH_INDEX": "/from/env", "CLAIMSEARCH_WARM_UP": "yes"}
    resolved = settings.resolve({"INDEX": "/from/cli", "PORT": None}, env)
    assert resolved["PAGE_SIZE"] == 5 and resolved["WARM_UP"] is True
    assert resolved["INDEX"] == "/from/cli"  # the option, applied after the environment
    assert resolved["PORT"] == settings.setting("PORT").default  # None: the option was not given
    assert settings.resolve(environ={})["PAGE_SIZE"] == settings.setting("PAGE_SIZE").default


@pytest.mark.parametrize("name, raw", [("PAGE_SIZE", "five"), ("PORT", "0"), ("PORT", "70000"),
                                       ("FACET_TIME_LIMIT_MS", "-1"), ("WARM_UP", "maybe")])
def test_a_bad_environment_value_names_its_variable(name, raw):
    with pytest.raises(BadParameter, match=f"CLAIMSEARCH_{name}"):
        settings.from_env({f"CLAIMSEARCH_{name}": raw})


def test_create_app_reads_the_environment_unless_given_a_config(seeds_index, monkeypatch):
    monkeypatch.setenv("CLAIMSEARCH_INDEX", str(seeds_index))
    monkeypatch.setenv("CLAIMSEARCH_PAGE_SIZE", "5")
    from_env = create_app().test_client().get("/api/search?q=Matsegora").get_json()
    shown = [h for hit in from_env["hits"] for h in [hit, *hit.get("statements", [])]]
    assert from_env["per_page"] == 5 and len(shown) == 5
    given = create_app({"TESTING": True, "INDEX": str(seeds_index)}).test_client()
    assert given.get("/api/search?q=Matsegora").get_json()["per_page"] == settings.setting("PAGE_SIZE").default


def test_a_server_config_keeps_the_environment_and_applies_its_options_after_it(seeds_index, monkeypatch):
    # What `claimsearch serve` hands create_app: CLAIMSEARCH_PAGE_SIZE=5 must survive its --index.
    monkeypatch.setenv("CLAIMSEARCH_PAGE_SIZE", "5")
    monkeypatch.setenv("CLAIMSEARCH_INDEX", "/nowhere")
    client = create_app(settings.resolve({"INDEX": str(seeds_index)})).test_client()
    data = client.get("/api/search?q=Matsegora").get_json()
    assert data["per_page"] == 5 and data["total"] > 5


def test_openapi_shows_the_app_settings_and_the_parsers_enforce_them(seeds_index):
    app = create_app({"TESTING": True, "INDEX": str(seeds_index), "MAX_PAGE_SIZE": 7, "PAGE_SIZE": 3,
                      "MAX_QUERY_LENGTH": 12, "MAX_BROWSE_PAGE_SIZE": 9})
    client = app.test_client()
    doc = client.get("/api/openapi.json").get_json()["paths"]
    search = {p["name"]: p["schema"] for p in doc["/search"]["get"]["parameters"]}
    assert (search["per_page"]["maximum"], search["per_page"]["default"], search["q"]["maxLength"]) == (7, 3, 12)
    assert client.get("/api/search?per_page=7").status_code == 200
    assert client.get("/api/search?per_page=8").status_code == 400
    assert client.get("/api/search?q=" + "x" * 13).status_code == 400
    speakers = {p["name"]: p["schema"] for p in doc["/speakers"]["get"]["parameters"]}
    assert speakers["per_page"]["maximum"] == 9
    assert client.get("/api/speakers?per_page=10").status_code == 400


def test_the_cli_reads_the_index_from_the_environment_and_its_option_wins(runner, seeds_index, tmp_path):
    env = {"CLAIMSEARCH_INDEX": str(seeds_index)}
    assert runner.invoke(cli, ["search", "Matsegora"], env=env).exit_code == 0
    result = runner.invoke(cli, ["search", "Matsegora", "--index", str(tmp_path / "none")], env=env)
    assert result.exit_code == 1 and "No index" in result.stderr


def test_the_cli_search_limit_defaults_to_its_setting(runner, seeds_index):
    result = runner.invoke(cli, ["search", "Matsegora", "--json", "--index", str(seeds_index)],
                           env={"CLAIMSEARCH_CLI_PAGE_SIZE": "2"})
    assert result.exit_code == 0 and result.stdout.count('"article_id"') == 2


def test_the_readme_documents_every_setting():
    readme = README.read_text(encoding="utf-8")
    assert [s.env for s in settings.SETTINGS if f"`{s.env}`" not in readme] == []
