"""Everything that knows Whoosh internals: the analyzer, posting reads, collectors, build storage."""
from __future__ import annotations

import whoosh

PINNED = (2, 7, 5)  # setup.cfg pins whoosh-reloaded==2.7.5; README.md here lists what relies on it


def check_version(found: tuple = whoosh.__version__) -> None:
    """Refuse a Whoosh other than the pinned one: the private parts used here may differ in it."""
    if tuple(found[:3]) != PINNED:
        pinned, got = ".".join(map(str, PINNED)), ".".join(map(str, found))
        raise ImportError(f"claimsearch needs whoosh-reloaded {pinned} (it relies on private parts "
                          f"listed in search/whoosh_ext/README.md), found {got}; "
                          f"run `pip install whoosh-reloaded=={pinned}`")


check_version()
