"""A small corpus with unambiguous metadata for the web and browser tests.

Outlets, authors and dates come from front matter, so facet counts of articles are known
whatever the extractor finds; statement counts are read back from the API, never assumed.
"""
from __future__ import annotations

from pathlib import Path

DAILY = """---
title: Bridge report {n} from the Daily
source: daily.example
author: Ann Writer
date: 2025-0{n}-10
---

The mayor, Jane Roe, said "The harbour bridge will open in spring number {n}." Critics disagreed.

Council member John Doe said "The harbour bridge costs far too much money."
"""

HERALD = """---
title: Herald bridge story {n}
source: herald.example
author: Bob Reporter
date: 2025-02-2{n}
---

"We expect the harbour bridge to open soon," said Jane Roe, the mayor.

The city said the bridge cost 40 million dollars.
"""

EVIL = """---
title: <script>alert(1)</script> harbour exposé
source: <img src=x onerror=alert(2)>
author: <b onmouseover=alert(6)>Mallory</b>
url: javascript:alert(3)
date: 2024-12-05
---

The <script>alert(4)</script> harbour minister, Eve Evil, said "<img src=x onerror=alert(5)> harbour talk is cheap."

Read more at <a href="javascript:alert(7)">this link</a> about the harbour.
"""

FORMULA = """---
title: =SUM(1,2) harbour memo
source: daily.example
author: '@boss'
date: 2025-03-15
---

A memo about the harbour: +1 for the bridge, -1 for the tunnel.
"""

# Articles per outlet and per month, straight from the front matter above.
ARTICLES_BY_SOURCE = {"daily.example": 4, "herald.example": 2, "<img src=x onerror=alert(2)>": 1}
ARTICLES_BY_MONTH = {"2025-01": 1, "2025-02": 3, "2025-03": 2, "2024-12": 1}
EVIL_ID = "evil"


def write_corpus(root: Path) -> Path:
    """Write the corpus into ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for n in (1, 2, 3):
        (root / f"daily{n}.md").write_text(DAILY.format(n=n), encoding="utf-8")
    for n in (1, 2):
        (root / f"herald{n}.md").write_text(HERALD.format(n=n), encoding="utf-8")
    (root / f"{EVIL_ID}.md").write_text(EVIL, encoding="utf-8")
    (root / "formula.md").write_text(FORMULA, encoding="utf-8")
    return root
