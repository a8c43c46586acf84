"""Index: Articles and their extractions -> Whoosh builds, each (full or updated) swapped in atomically."""
from .incremental import update
from .indexer import build, open_index

__all__ = ["build", "open_index", "update"]
