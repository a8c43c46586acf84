"""One registry of facets (index/schema.py FACETS): schema, filters, web params, OpenAPI and pages agree with it."""
from __future__ import annotations

import json

from werkzeug.datastructures import MultiDict

from search import settings
from search.cli import cli
from search.index.schema import FACETS, make_schema
from search.query.parse import SearchParams, build_query
from search.query.searcher import WhooshSearcher
from web.params import parse_filters


def valid_value(facet) -> str:
    return facet.choices[0] if facet.choices else facet.example or "some value"


def test_the_schema_has_a_sortable_column_per_facet():
    schema = make_schema()
    for facet in FACETS:
        assert schema[facet.column].column_type is not None, facet.name  # sortable: a column
        assert schema[facet.column].stored == facet.stored


def test_openapi_parameters_web_params_and_the_registry_agree(client):
    doc = client.get("/api/openapi.json").get_json()
    params = {p["name"]: p for p in doc["paths"]["/search"]["get"]["parameters"]}
    args = MultiDict([(f.name, valid_value(f)) for f in FACETS])
    parsed = parse_filters(args, settings.defaults())
    for facet in FACETS:
        param = params[facet.name]
        assert param["schema"]["type"] == "array" and param["explode"], facet.name  # repeatable
        assert param["schema"]["items"].get("enum", []) == list(facet.choices)
        assert param["schema"]["items"].get("pattern") == facet.pattern
        assert parsed[facet.name] == (valid_value(facet),)
        assert client.get("/api/search", query_string={facet.name: valid_value(facet)}).status_code == 200
    assert set(parsed) == {f.name for f in FACETS}


def test_each_facet_rejects_what_its_entry_rejects(client):
    for facet in (f for f in FACETS if f.choices or f.pattern):
        response = client.get("/api/search", query_string={facet.name: "not-a-value!"})
        assert response.status_code == 400 and repr(facet.name) in response.get_json()["error"]["message"]


def test_filters_match_the_facet_column_and_pages_list_every_facet(client):
    plan = build_query(SearchParams(filters={f.name: (valid_value(f),) for f in FACETS}), make_schema())
    for facet in FACETS:
        assert {field for field, _ in plan.filters[facet.name].iter_all_terms()} == {facet.filter_column}
    data = client.get("/api/search?q=Matsegora").get_json()
    assert [f["name"] for f in data["facets"]] == [f.name for f in FACETS]


def test_the_cli_has_an_option_per_facet_checked_by_its_entry(runner, seeds_index):
    ok = runner.invoke(cli, ["search", "--index", str(seeds_index), "--json",
                             *(arg for f in FACETS for arg in (f"--{f.name}", valid_value(f)))])
    assert ok.exit_code == 0, ok.stderr
    assert set(json.loads(ok.stdout)["filters"]) == {f.name for f in FACETS}
    bad = runner.invoke(cli, ["search", "--index", str(seeds_index), "--month", "2025-13"])
    assert bad.exit_code == 2 and "must look like 2025-02" in bad.stderr


def test_a_facet_filtered_through_another_field_is_a_column_without_terms(seeds_index):
    backend = WhooshSearcher(seeds_index)
    with backend._index().searcher() as searcher:
        reader = searcher.reader()
        fields = {name for name, _ in reader.all_terms()}
        for facet in FACETS:
            if facet.filter_field:
                assert facet.column not in fields and facet.filter_field in fields, facet.name
                assert reader.has_column(facet.column), facet.name
