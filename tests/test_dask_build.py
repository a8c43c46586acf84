"""Builds on a Dask cluster equal local builds, also when a worker process dies mid-build."""
from __future__ import annotations

import functools
import os
import signal

import pytest
from whoosh import index as whoosh_index

from search.cli import cli
from search.index import dask_prepare, incremental, indexer
from search.index.store import IndexStore
from search.ingest import documents
from tests.helpers import synthetic_corpus, write

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install '.[dask]')")


@pytest.fixture(scope="module")
def client():
    """A client of a 2-process LocalCluster on loopback, shared by the tests of this module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster:
        with distributed.Client(cluster) as dask_client:
            yield dask_client


@pytest.fixture
def big_corpus(corpus, monkeypatch):
    """The seeds, 20 synthetic articles, an unreadable file and a JSONL file, sent 3 files a batch."""
    synthetic_corpus(corpus / "synthetic", 20)
    write(corpus / "empty.txt", "")
    write(corpus / "wire.jsonl", '{"title": "Wire one", "text": "Ona Reef said \\"the tide is late\\" today."}\n'
                                 '{"title": "Wire two", "text": "Figures show 12 boats left the bay."}\n')
    # A lone surname waits for the corpus's one full name (Lena Tidewater) before it is written.
    write(corpus / "surname.txt", 'Tide\n\nMs Tidewater said "the sluice gates open at noon" on Sunday.\n')
    monkeypatch.setattr(dask_prepare, "BATCH_FILES", 3)
    return corpus


def stored(root) -> tuple[list, dict]:
    """Return every stored document of the live build, sorted, and its manifest's files."""
    build_dir = IndexStore(root).current_dir()
    ix = whoosh_index.open_dir(build_dir, indexname=indexer.INDEX_NAME)
    with ix.reader() as reader:
        docs = sorted(sorted(fields.items()) for fields in reader.all_stored_fields())
    ix.close()
    return docs, indexer.read_manifest(build_dir)["files"]


def on_dask(client):
    """Return the preparer that runs on the test cluster."""
    return functools.partial(dask_prepare.prepared_on_dask, client=client)


def test_a_dask_build_equals_a_local_one(client, big_corpus, tmp_path):
    local = indexer.build(big_corpus, tmp_path / "local")
    seen = []
    remote = indexer.build(big_corpus, tmp_path / "dask", on_file=seen.append, preparer=on_dask(client))
    assert stored(tmp_path / "dask") == stored(tmp_path / "local") and remote.articles == local.articles > 25
    assert seen == documents.corpus_files(big_corpus)  # progress in corpus order, one call per file
    assert remote.skipped == local.skipped and any(rel == "empty.txt" for rel, _ in remote.skipped)
    docs = [dict(fields) for fields in stored(tmp_path / "dask")[0]]
    assert [d["speaker_id"] for d in docs if d["doc_id"].startswith("surname#q")] == ["lena-tidewater"]


def test_an_update_on_dask_equals_a_local_update(client, big_corpus, tmp_path):
    indexer.build(big_corpus, tmp_path / "local")
    indexer.build(big_corpus, tmp_path / "dask")
    write(big_corpus / "synthetic" / "batch1" / "0001.txt", "Mara Quill said \"the quay reopens\" on Friday.\n")
    write(big_corpus / "added.txt", "Tobias Wren said \"we counted 40 gulls\" at dawn.\n")
    (big_corpus / "synthetic" / "batch2" / "0002.txt").unlink()
    local = incremental.update(tmp_path / "local")
    remote = incremental.update(tmp_path / "dask", preparer=on_dask(client))
    # empty.txt is never in the manifest, so every update counts it as added again
    assert (remote.added, remote.changed, remote.removed) == (local.added, local.changed, local.removed) == (2, 1, 1)
    assert stored(tmp_path / "dask") == stored(tmp_path / "local")


def test_the_cli_builds_on_a_running_scheduler(client, corpus, tmp_path, runner):
    address = client.scheduler.address
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--silent"],
                           env={"CLAIMSEARCH_SCHEDULER": address})
    assert result.exit_code == 0, result.output + result.stderr
    assert "Indexed" in result.stderr
    indexer.build(corpus, tmp_path / "local")
    assert stored(tmp_path / "ix") == stored(tmp_path / "local")


def test_an_unreachable_scheduler_is_a_clear_error_and_the_live_index_stays(corpus, tmp_path, runner, monkeypatch):
    indexer.build(corpus, tmp_path / "ix")
    before = IndexStore(tmp_path / "ix").current_name()
    monkeypatch.setattr(dask_prepare, "CONNECT_SECONDS", 1)
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--scheduler",
                                 "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "Cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr and IndexStore(tmp_path / "ix").current_name() == before


def test_scheduler_and_local_workers_exclude_each_other(corpus, tmp_path, runner):
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--scheduler",
                                 "tcp://127.0.0.1:9", "--dask-workers", "2"])
    assert result.exit_code == 2 and "not both" in result.stderr


def test_the_cli_updates_on_a_local_cluster(corpus, tmp_path, runner):
    indexer.build(corpus, tmp_path / "ix")
    write(corpus / "added.txt", "Tobias Wren said \"we counted 40 gulls\" at dawn.\n")
    result = runner.invoke(cli, ["update", "--index", str(tmp_path / "ix"), "--dask-workers", "1", "--silent"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "files: 1 added, 0 changed, 0 removed" in result.stderr
    indexer.build(corpus, tmp_path / "local")
    assert stored(tmp_path / "ix")[0] == stored(tmp_path / "local")[0]


class KillOnce(distributed.WorkerPlugin):
    """SIGKILL the worker process that starts its second task first: one death per build, mid-build."""

    name = "kill-once"

    def __init__(self, marker: str):
        self.marker, self.started = marker, 0

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        self.started += 1
        if self.started == 2 and self._claim():
            os.kill(os.getpid(), signal.SIGKILL)

    def _claim(self) -> bool:
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True


def test_a_worker_killed_mid_build_leaves_the_same_index(client, big_corpus, tmp_path):
    indexer.build(big_corpus, tmp_path / "local")
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker)))
    try:
        indexer.build(big_corpus, tmp_path / "dask", preparer=on_dask(client))
    finally:
        client.unregister_worker_plugin(KillOnce.name)
    assert marker.exists()  # a worker really died during the build
    assert stored(tmp_path / "dask") == stored(tmp_path / "local")
