"""Exceptions carry an HTTP status only; the CLI maps their classes to exit codes."""
from __future__ import annotations

import logging

import pytest

from search import compare, errors
from search.cli.exit_codes import FAILED, USAGE, exit_code
from search.errors import BadParameter, BadUsage, ClaimsearchError, IndexBusy, IndexMissing, LoadError, NotFound


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_error_class_carries_an_http_status():
    for cls in (ClaimsearchError, *_subclasses(ClaimsearchError)):
        assert 400 <= cls.status < 600, cls
    with pytest.raises(TypeError):
        ClaimsearchError("a message", 2)  # a status (or exit code) per raise is gone: the class says it


@pytest.mark.parametrize("error, code", [
    (BadUsage("Corpus directory not found: x"), USAGE), (BadParameter("page", "0"), USAGE),
    (ClaimsearchError("Cannot write index"), FAILED), (IndexMissing("No index"), FAILED),
    (IndexBusy("busy"), FAILED), (NotFound("no article"), FAILED), (LoadError("empty file"), FAILED)])
def test_the_cli_maps_error_classes_to_exit_codes(error, code):
    assert exit_code(error) == code


def test_every_error_class_has_an_exit_code():
    for cls in _subclasses(errors.ClaimsearchError):
        assert exit_code(cls.__new__(cls)) in (FAILED, USAGE)


@pytest.mark.parametrize("content, reason", [(b"not a database", "cannot be read: file is not a database"),
                                             (b"", "cannot be read: no such table"),
                                             (None, "no comparisons store")])
def test_unreadable_comparisons_are_logged_with_the_file_and_the_reason(tmp_path, caplog, content, reason):
    if content is not None:
        (tmp_path / compare.FILENAME).write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="search.compare"):
        loaded = compare.load(tmp_path)
    assert loaded.quotes == {} and loaded.clusters == {}
    [record] = [r for r in caplog.records if r.name == "search.compare"]
    assert record.levelno == logging.WARNING
    assert str(tmp_path / compare.FILENAME) in record.getMessage() and reason in record.getMessage()
