"""Child processes that end with their parent, even when the parent is killed outright."""
from __future__ import annotations

import ctypes
import os
import signal
import traceback

PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int, signum: int = signal.SIGKILL) -> None:
    """In a forked child: get ``signum`` when the parent dies (Linux); exit if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum)
    except (OSError, AttributeError):
        pass  # not Linux: the child still ends when the parent closes its pipes or stops it
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class Forked:
    """Run one function in a forked child that ends with this process; wait for it or kill it."""

    def __init__(self, func, *args, parent_death_signal: int = signal.SIGKILL):
        parent = os.getpid()
        self.pid, self.status = os.fork(), None
        if self.pid == 0:
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler
                end_with_parent(parent, parent_death_signal)
                func(*args)
                code = 0
            except BaseException:  # noqa: BLE001 - shown, then reported through the exit status
                traceback.print_exc()
            finally:
                os._exit(code)  # never run the parent's cleanup (open writers, atexit) twice

    def wait(self) -> bool:
        """Wait for the child; return True when the function returned without an error."""
        if self.status is None:
            self.status = os.waitpid(self.pid, 0)[1]
        return self.status == 0

    def kill(self) -> None:
        """Stop the child if it is still running."""
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait()
