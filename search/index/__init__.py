"""Index: Articles and their extractions -> Whoosh builds, swapped in atomically or updated in place."""
from .incremental import update
from .indexer import build, open_index

__all__ = ["build", "open_index", "update"]
