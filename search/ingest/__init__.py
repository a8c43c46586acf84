"""Ingest: files of any supported format -> Article (text, cleaned, with metadata)."""
from .documents import corpus_files, load_file

__all__ = ["corpus_files", "load_file"]
