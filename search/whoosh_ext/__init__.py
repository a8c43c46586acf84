"""Everything that knows Whoosh internals: the analyzer, posting reads, collectors, build storage."""
