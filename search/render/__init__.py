"""Render: the JSON, CSV and export shapes of results, shared by the CLI and the web app."""
from .export import csv_lines, export_record, json_chunks
from .serialize import page_to_dict, params_to_dict

__all__ = ["csv_lines", "export_record", "json_chunks", "page_to_dict", "params_to_dict"]
