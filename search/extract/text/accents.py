"""Accents folded one way everywhere: speaker ids and filters, claimer names and search terms."""
from __future__ import annotations

import unicodedata

# Letters with no decomposition into a base letter and a mark ('ø' is not 'o' + a mark to Unicode).
LETTERS = {"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
           "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"}
# Latin letters (U+00C0 to U+024F), each to its base letters: a table str.translate and Whoosh's CharsetFilter read.
FOLD = {ord(ch): LETTERS.get(ch) or "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        for ch in map(chr, range(0xC0, 0x250))}
FOLD.update({code: "" for code in range(0x300, 0x370)})  # combining marks left after another normalisation
# A capital letter in a pattern, accented ones too: 'Éric Lombard', 'Łukasz Nowak' open names like 'Eric Lambert'.
CAPITAL = "[A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper()) + "]"
# \w inside a character class, ASCII letters and digits listed first: re tests them in one bitmap before it asks
# Unicode's tables, as it does for \w (the same characters)
WORD_CHARS = r"a-zA-Z0-9\w"


def fold_accents(text: str) -> str:
    """Return text without accents ('Ibáñez' -> 'Ibanez', 'Søren' -> 'Soren'), case kept."""
    return text if text.isascii() else text.translate(FOLD)
