"""Choose the search engine from the settings: the embedded Whoosh index or a Typesense cluster."""
from __future__ import annotations

from .errors import BadParameter

BACKENDS = ("whoosh", "typesense")


def searcher_for(config) -> object:
    """Return the searcher the settings name (BACKEND, INDEX or TYPESENSE_NODES and TYPESENSE_KEY)."""
    backend = config.get("BACKEND", "whoosh")
    if backend == "typesense":
        from .typesense.searcher import TypesenseSearcher  # an optional extra, imported only when chosen
        return TypesenseSearcher(typesense_connection(config))
    if backend != "whoosh":
        raise BadParameter("CLAIMSEARCH_BACKEND", backend, f"must be one of {', '.join(BACKENDS)}")
    from .query.searcher import WhooshSearcher
    return WhooshSearcher(config["INDEX"], config.get("FACET_TIME_LIMIT_MS"))


def typesense_connection(config):
    """Return a Connection to the Typesense nodes the settings name."""
    from .typesense.connection import Connection
    return Connection(config.get("TYPESENSE_NODES", ""), config.get("TYPESENSE_KEY", ""))
