"""Forked children that end with their parent, even when the parent is killed outright."""
from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """In a forked child: leave Ctrl-C to the parent and get SIGKILL when it dies (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles it and stops its children
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the child still ends when the parent closes its pipes or stops it
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
