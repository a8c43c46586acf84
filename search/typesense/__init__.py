"""The Typesense backend: a local cluster to try it on (cluster), fault-tolerant clients (connection)."""
