"""Mark statements inside article paragraphs: escape first, then wrap, then mark safe."""
from __future__ import annotations

from markupsafe import Markup, escape

from search.index.records import shown_kind


def mark_paragraphs(paragraphs: list[dict], statements: list[dict]) -> tuple[list[Markup], set[str]]:
    """Return each paragraph as HTML with statements wrapped in <mark>, and the ids placed."""
    # One merge of paragraphs (stored in text order) with statements sorted by start: linear after the sort.
    ordered = sorted((s for s in statements if _has_span(s)), key=lambda s: s["start"])
    out, placed, i = [], set(), 0
    for para in paragraphs:
        start, text = para["start"], para["text"]
        end = start + len(text)
        while i < len(ordered) and ordered[i]["start"] < start:
            i += 1  # starts before this paragraph: between paragraphs, never placed
        first = i
        while i < len(ordered) and ordered[i]["start"] < end:
            i += 1
        kept = _non_overlapping(ordered[first:i])
        placed.update(s["id"] for s in kept)
        out.append(_mark(text, start, kept))
    return out, placed


def anchor(statement_id: str) -> str:
    """Return the fragment id of a statement on its article page (``q1`` for ``art#q1``)."""
    return statement_id.rsplit("#", 1)[-1]


def speaker_label(statement: dict) -> Markup:
    """Return the visible note after a marked statement: its kind and who said it (read aloud in place)."""
    who, kind = statement.get("speaker") or "speaker unknown", shown_kind(statement)
    return Markup('<span class="by by-{}"><span class="by-kind">{}</span> {}</span>').format(kind, kind, who)


def _has_span(statement: dict) -> bool:
    return statement.get("start") is not None and statement.get("end") is not None


def _non_overlapping(statements: list[dict]) -> list[dict]:
    kept, last_end = [], -1
    for statement in statements:
        if statement["start"] >= last_end:
            kept.append(statement)
            last_end = statement["end"]
    return kept


def _mark(text: str, offset: int, statements: list[dict]) -> Markup:
    parts, pos = [], 0
    for s in statements:
        a, b = s["start"] - offset, min(s["end"] - offset, len(text))
        parts.append(escape(text[pos:a]))
        parts.append(Markup('<mark class="stmt {}" id="{}" tabindex="-1">{}</mark>').format(
            s["kind"], anchor(s["id"]), text[a:b]))
        parts.append(speaker_label(s))
        pos = b
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)
