"""Text as the pages show it: characters that would reorder what a reader sees, or break the page, neutralised."""
from __future__ import annotations

import re

from markupsafe import Markup

# Bidi embeddings, overrides and isolates make the text after them display reversed or moved
# ("report‮fdp.exe" reads as "reportexe.pdf"); lone surrogates (from file names that are not
# UTF-8) cannot be encoded at all. Each becomes one U+FFFD, so offsets into the text still hold.
UNSHOWN = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def shown(value):
    """Return a template value with every bidi control and lone surrogate replaced (Markup stays Markup)."""
    if isinstance(value, Markup):
        return Markup(UNSHOWN.sub(REPLACEMENT, str(value)))
    if isinstance(value, str):
        return UNSHOWN.sub(REPLACEMENT, value)
    return value
