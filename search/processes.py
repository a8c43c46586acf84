"""Forked children that end with their parent, even when the parent is killed outright."""
from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal

PR_SET_PDEATHSIG = 1
# Collector thresholds of a build's processes (Python's default: 700, 10, 10). Extraction and
# writing make millions of short-lived containers that reference counting frees alone; at the
# default the collector's passes over the survivors took about 7% of a 1x build's CPU.
BUILD_GC_THRESHOLDS = (50_000, 20, 20)


def end_with_parent(parent: int) -> None:
    """In a forked child: leave Ctrl-C to the parent and get SIGKILL when it dies (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles it and stops its children
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the child still ends when the parent closes its pipes or stops it
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def forked_for_build(parent: int) -> None:
    """In a build's forked child: end with the parent; collect rarely, and never what the parent left."""
    end_with_parent(parent)
    # A full collection walks every object inherited from the parent, writing to (so copying) its
    # pages; the child's own garbage is all it needs to collect.
    gc.freeze()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)


@contextlib.contextmanager
def fewer_collections():
    """Run the garbage collector less often in this process while the block runs (a build's)."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
