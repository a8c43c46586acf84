"""Query: search parameters -> pages of hits with snippets and facets, articles, browse counts."""
from .parse import SearchParams
from .searcher import WhooshSearcher

__all__ = ["SearchParams", "WhooshSearcher"]
