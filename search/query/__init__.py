"""Query: search parameters (parse) -> pages of hits with snippets and facets (searcher), browse counts."""
# Nothing imported here: importing search.query.parse (the command line does, for its --sort
# choices) would otherwise import the searcher and its Whoosh modules, 0.02 s that `claimsearch
# index` paid before its extraction workers started.
