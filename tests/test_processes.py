"""A build's processes: the collector runs rarely there, and a forked child never walks its parent's objects."""
from __future__ import annotations

import gc
import multiprocessing
import os

from search import processes


def _report(sending) -> None:
    processes.forked_for_build(os.getppid())
    sending.send((gc.get_freeze_count(), gc.get_threshold()))


def test_a_forked_build_child_freezes_what_it_inherited_and_collects_rarely():
    receiving, sending = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_report, args=(sending,))
    child.start()
    frozen, thresholds = receiving.recv()
    child.join()
    assert child.exitcode == 0
    assert frozen > 1000 and thresholds == processes.BUILD_GC_THRESHOLDS  # the test process's own objects
    assert gc.get_freeze_count() == 0  # the parent's collector is untouched


def test_fewer_collections_restores_the_thresholds_even_on_error():
    before = gc.get_threshold()
    try:
        with processes.fewer_collections():
            assert gc.get_threshold() == processes.BUILD_GC_THRESHOLDS
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before
