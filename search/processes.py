"""Child processes that end with their parent, even when the parent is killed outright."""
from __future__ import annotations

import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int, signum: int = signal.SIGKILL) -> None:
    """In a forked child: get ``signum`` when the parent dies (Linux); exit if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum)
    except (OSError, AttributeError):
        pass  # not Linux: the child still ends when the parent closes its pipes or stops it
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
