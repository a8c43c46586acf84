"""The response schemas of the OpenAPI document: the shapes pages.py, search.render and compare return."""
from __future__ import annotations

from search.index.records import EXPORT_COLUMNS
from search.index.schema import KINDS, STATEMENT_KINDS
from search.query.histogram import INTERVALS

STRING, INTEGER, NUMBER, BOOLEAN = ({"type": t} for t in ("string", "integer", "number", "boolean"))
MAYBE_STRING = {"type": "string", "nullable": True}
MAYBE_INTEGER = {"type": "integer", "nullable": True}
MAYBE_NUMBER = {"type": "number", "nullable": True}
ANY = {}  # story: the comparisons' story, once they give one


def ref(name: str) -> dict:
    """Return a reference to a schema of components."""
    return {"$ref": f"#/components/schemas/{name}"}


def obj(required: dict, optional: dict | None = None) -> dict:
    """Return an object schema: ``required`` keys always present, ``optional`` ones sometimes."""
    return {"type": "object", "required": list(required), "properties": {**required, **(optional or {})}}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def counted(key: str, value: dict = STRING) -> dict:
    """Return the schema of a list of {key, count} rows, most frequent first."""
    return array(obj({key: value, "count": INTEGER}))


KIND_COUNTS = obj({k: INTEGER for k in STATEMENT_KINDS})
PAGING = {"page": INTEGER, "per_page": INTEGER, "pages": INTEGER, "links": ref("PageLinks")}
RECORD_TYPES = {"id": STRING, "article_id": STRING, "kind": {"type": "string", "enum": list(KINDS)},
                "start": MAYBE_INTEGER, "end": MAYBE_INTEGER, "value": MAYBE_NUMBER, "versions": MAYBE_INTEGER,
                "story": ANY, "form": {"type": "string", "nullable": True, "enum": ["statement", "act", None]}}
VALUES_BY_FACET = {"type": "object", "additionalProperties": array(STRING)}
SEARCHED = {"query": STRING, "filters": VALUES_BY_FACET, "excluded": VALUES_BY_FACET,
            "from": MAYBE_STRING, "to": MAYBE_STRING, "sort": STRING}
EXPORT_HEAD = {**SEARCHED, "total": INTEGER, "exported": INTEGER, "max_export": INTEGER, "truncated": BOOLEAN,
               "next": MAYBE_STRING, "links": obj({"next": MAYBE_STRING}), "notes": array(STRING)}
STATEMENT = obj({"id": STRING, "kind": {"type": "string", "enum": list(STATEMENT_KINDS)}, "text": MAYBE_STRING,
                 "speaker": MAYBE_STRING, "speaker_id": MAYBE_STRING, "start": MAYBE_INTEGER,
                 "end": MAYBE_INTEGER, "links": ref("HitLinks")})
# A compared quote or figure names who is credited as hits do: speaker, mention (as written), kind.
COMPARED = {"id": STRING, "article_id": STRING, "kind": {"type": "string", "enum": ["quote", "figure"]},
            "title": MAYBE_STRING, "source": MAYBE_STRING, "date": MAYBE_STRING, "speaker": MAYBE_STRING,
            "mention": MAYBE_STRING, "text": MAYBE_STRING}
FIGURE = {**COMPARED, "value": NUMBER, "unit": MAYBE_STRING, "qualifier": MAYBE_STRING, "topic": MAYBE_STRING,
          "measure": MAYBE_STRING, "sentence": MAYBE_STRING}
BRIEF_FIELDS = {"id": STRING, "article_id": MAYBE_STRING, "title": MAYBE_STRING, "source": MAYBE_STRING,
                "date": MAYBE_STRING}
BRIEF = obj(BRIEF_FIELDS)
APPEARANCES = {"appearances": array(obj({**BRIEF_FIELDS, "first": BOOLEAN})),
               "first_appearance": {**obj({**BRIEF_FIELDS, "label": STRING}), "nullable": True}}
FIGURE_TOPIC = obj({"topic": STRING, "disagreement": BOOLEAN,
                    "values": array(obj({"value": NUMBER, "figures": array(obj(FIGURE))}))})
FIGURES_MEASURING = obj({"measure": STRING, "figures": array(obj(FIGURE)), "quantities": array(STRING),
                         **APPEARANCES})
QUANTITY = obj({"id": STRING, "measure": STRING, "conflict": BOOLEAN, "stories": INTEGER, "outlets": INTEGER,
                "spread": MAYBE_NUMBER, "positions": array(array(STRING)),
                "values": array(obj({**FIGURE, "story": ANY, "copies": array(BRIEF)})), **APPEARANCES})

HISTOGRAM = {**obj({"interval": {"type": "string", "enum": [name for name, _ in INTERVALS]}, "peak": INTEGER,
                   "buckets": array(obj({"start": STRING, "end": STRING, "count": INTEGER}, {"url": STRING}))}),
             "nullable": True}
# A node of the JSON-LD export's @graph (search.render.jsonld): schema.org's names, not the API's.
LD_NODE = obj({"@type": {"type": "string", "enum": ["Quotation", "Claim", "NewsArticle"]}, "identifier": STRING},
              {"text": STRING, "headline": STRING, "spokenByCharacter": {"type": "object"},
               "author": {"type": "object"}, "isPartOf": {"type": "object"}, "appearance": {"type": "object"},
               "firstAppearance": {"type": "object"}})

SCHEMAS = {
    "Error": obj({"error": obj({"status": INTEGER, "message": STRING})}),
    "PageLinks": obj({"self": STRING, "next": MAYBE_STRING, "prev": MAYBE_STRING}),
    "HitLinks": obj({"self": STRING, "article": STRING, "versions": MAYBE_STRING, "speaker": MAYBE_STRING,
                     "measure": MAYBE_STRING}),
    "Hit": obj({"id": STRING, "article_id": STRING, "kind": RECORD_TYPES["kind"], "title": MAYBE_STRING,
                "source": MAYBE_STRING, "author": MAYBE_STRING, "date": MAYBE_STRING, "url": MAYBE_STRING,
                "text": MAYBE_STRING, "speaker": MAYBE_STRING, "speaker_id": MAYBE_STRING,
                "versions": INTEGER, "versions_label": MAYBE_STRING, "story": ANY, "copies": array(BRIEF),
                "links": ref("HitLinks")},
               {"score": MAYBE_NUMBER, "snippet": MAYBE_STRING, "start": MAYBE_INTEGER, "end": MAYBE_INTEGER,
                "statements": array(ref("Hit"))}),
    "Record": obj({name: RECORD_TYPES.get(name, MAYBE_STRING) for name in EXPORT_COLUMNS},
                  {"links": ref("HitLinks")}),
    "Facet": obj({"name": STRING, "truncated": BOOLEAN, "values": array(obj(
        {"value": STRING, "count": INTEGER, "selected": BOOLEAN, "excluded": BOOLEAN},
        {"toggle_url": STRING, "exclude_url": STRING}))}),
    "SearchPage": obj({**SEARCHED, **PAGING, "total": INTEGER, "notes": array(STRING),
                       "suggestion": MAYBE_STRING, "hits": array(ref("Hit")), "facets": array(ref("Facet")),
                       "facets_timed_out": array(STRING), "histogram": HISTOGRAM}),
    "ArticlePage": obj({"article": obj({"id": STRING, "title": MAYBE_STRING, "source": MAYBE_STRING,
                                        "author": MAYBE_STRING, "url": MAYBE_STRING, "path": MAYBE_STRING,
                                        "date": MAYBE_STRING,
                                        "paragraphs": array(obj({"start": INTEGER, "text": STRING}))}),
                        "statements": array(STATEMENT), "speakers": array(STRING)}),
    "SpeakersPage": obj({**PAGING, "total": INTEGER, "filters": {"type": "object"}, "speakers": array(obj(
        {"speaker": STRING, "speaker_id": STRING, "total": INTEGER, "kinds": KIND_COUNTS,
         "sources": counted("source", MAYBE_STRING), "links": obj({"self": STRING})}))}),
    "SourcesPage": obj({"total": INTEGER, "sources": array(obj(
        {"source": MAYBE_STRING, "articles": INTEGER, **{k: INTEGER for k in STATEMENT_KINDS},
         "speakers": INTEGER, "first_month": MAYBE_STRING, "last_month": MAYBE_STRING}))}),
    "Speaker": obj({**PAGING, "id": STRING, "speaker": STRING, "aliases": array(STRING), "roles": array(STRING),
                    "total": INTEGER, "kinds": KIND_COUNTS, "months": counted("month"),
                    "sources": counted("source"), "topics": counted("topic"), "statements": array(ref("Record")),
                    "acts": array(ref("Record")), "acts_total": INTEGER}),  # claims read as acts, listed apart
    "Source": obj({**PAGING, "source": STRING, "articles": INTEGER, "kinds": KIND_COUNTS,
                   "months": counted("month"), "authors": counted("author"), "topics": counted("topic"),
                   "speakers": array(obj({"speaker": STRING, "speaker_id": STRING, "count": INTEGER})),
                   "latest": array(ref("Record"))}),
    "Export": obj({**EXPORT_HEAD, "records": array(ref("Record"))}),
    "ExportLD": obj({"@context": STRING, **EXPORT_HEAD, "@graph": array(LD_NODE)}),
    "QuoteVersions": obj({"quote": obj(COMPARED), "cluster": MAYBE_STRING, "total": INTEGER, **PAGING,
                          "versions": array(obj({**COMPARED, "this": BOOLEAN, "words": array({"type": "object"}),
                                                 "differs": array(STRING), "copies": array(BRIEF)})),
                          "copies": array(BRIEF), "label": STRING, **APPEARANCES}),
    "Figures": {"anyOf": [FIGURE_TOPIC, FIGURES_MEASURING]},
    "Quantity": QUANTITY,
    "FigureReports": obj({"figure": obj(FIGURE), "quantity": {**QUANTITY, "nullable": True}, "copies": array(BRIEF),
                          **APPEARANCES}),
    "Disagreements": obj({"disagreements": array(ref("Quantity")),
                          **PAGING, "total": INTEGER, "close": BOOLEAN, "close_total": INTEGER}),
    "OpenAPI": obj({"openapi": STRING, "paths": {"type": "object"}}),
}
