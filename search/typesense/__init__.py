"""The optional Typesense backend: cluster, connection, store (builds) and searcher."""
