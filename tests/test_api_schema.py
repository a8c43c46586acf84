"""The OpenAPI document against the app: schemathesis generates requests from it and checks every answer."""
from __future__ import annotations

import re

import hypothesis
import pytest
import schemathesis
from schemathesis import checks

from search.index import indexer
from tests.browser.corpus import write_corpus
from web import create_app
from web.params import ENDPOINT_PARAMS

EXAMPLES = 8  # per operation: the whole run stays well under a minute
# What a schema cannot say: these refusals of schema-valid requests are checked by name instead.
CROSS_PARAMETER = ("is after 'to'", "parameter 'cursor'", "give a measure")


def accepted_or_cross_parameter(case, response) -> None:
    """Check that a schema-valid request is answered, unless a rule across parameters refused it."""
    if response.status_code == 400:
        message = response.json()["error"]["message"]
        assert any(reason in message for reason in CROSS_PARAMETER), message


@pytest.fixture(scope="module")
def api_app(seeds_index):
    return create_app({"TESTING": False, "INDEX": str(seeds_index)})


def test_schemathesis_finds_no_failures(api_app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", api_app)
    failures = []
    for operation in schema.get_all_operations():
        operation = operation.ok()

        # No shrinking: a failure is reported as found, which keeps a failing run as short as a passing one.
        @hypothesis.settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                             phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
                             suppress_health_check=list(hypothesis.HealthCheck))
        @hypothesis.given(case=operation.as_strategy())
        def run(case):
            response = case.call()
            case.validate_response(response, excluded_checks=[checks.positive_data_acceptance])
            if case.meta is None or "negative" not in str(case.meta).lower():
                accepted_or_cross_parameter(case, response)

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def test_documented_parameters_are_the_ones_each_endpoint_reads(api_app):
    doc = api_app.test_client().get("/api/openapi.json").get_json()
    endpoints = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule): rule.endpoint
                 for rule in api_app.url_map.iter_rules()}
    for path, item in doc["paths"].items():
        query = {p["name"] for p in item["get"]["parameters"] if p["in"] == "query"}
        assert query == set(ENDPOINT_PARAMS[endpoints["/api" + path]]()), path


def test_the_comparison_answers_of_the_seeds_match_their_schemas(api_app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", api_app)
    client = api_app.test_client()
    quantity = client.get("/api/disagreements").get_json()["disagreements"][0]
    figure = quantity["values"][0]
    cases = [("/disagreements", {}, {}), ("/disagreements", {}, {"close": "1"}),
             ("/quantities/{qid}", {"qid": quantity["id"]}, {}),
             ("/figures/{ref}", {"ref": figure["id"].replace("#", "/")}, {}),
             ("/figures", {}, {"topic": figure["topic"]}), ("/figures", {}, {"measure": figure["measure"]}),
             ("/quotes/{ref}", {"ref": "000_1c0211945ba58556/q1"}, {})]
    for path, path_parameters, query in cases:
        case = schema[path]["GET"].Case(path_parameters=path_parameters, query=query)
        response = case.call()
        assert response.status_code == 200, (path, response.text)
        case.validate_response(response, checks=[checks.response_schema_conformance])


def test_a_dated_search_and_its_json_ld_match_their_schemas(tmp_path):
    indexer.build(write_corpus(tmp_path / "corpus"), tmp_path / "index")
    app = create_app({"TESTING": False, "INDEX": str(tmp_path / "index")})
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    for path in ("/search", "/export.jsonld"):
        case = schema[path]["GET"].Case(query={"q": "harbour"})
        response = case.call()
        assert response.status_code == 200, response.text
        case.validate_response(response, checks=[checks.response_schema_conformance])
    assert app.test_client().get("/api/search?q=harbour").get_json()["histogram"]["buckets"]
