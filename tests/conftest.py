"""Shared fixtures: a tiny index of the seed articles built in tmp, the app and its clients."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.index import indexer
from tests.helpers import SEEDS
from web import create_app


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The project's seed corpus (five messy news articles)."""
    return SEEDS


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A writable copy of the seeds."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def seeds_index(tmp_path_factory) -> Path:
    """An index of the seeds, built once per session; tests must not modify it."""
    root = tmp_path_factory.mktemp("seeds-index")
    indexer.build(SEEDS, root)
    return root


@pytest.fixture
def app(seeds_index):
    """The app over the seeds index."""
    return create_app({"TESTING": True, "INDEX": str(seeds_index)})


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def runner():
    """A click CLI runner."""
    return CliRunner(mix_stderr=False)
