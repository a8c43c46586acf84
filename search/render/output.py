"""Plain-text output for the CLI: summaries of builds and lists of hits."""
from __future__ import annotations

import html
import re

import click

TAG = re.compile(r"<[^>]+>")


def print_summary(summary, heading: str) -> None:
    """Print what a build or update did, skipped files with their reasons last."""
    click.echo(heading, err=True)
    parts = [f"{summary.articles} articles", f"{summary.quotes} quotes",
             f"{summary.claims} claims", f"{summary.figures} figures"]
    if summary.added or summary.changed or summary.removed:
        parts.append(f"files: {summary.added} added, {summary.changed} changed, {summary.removed} removed")
    click.echo(f"  {', '.join(parts)} in {summary.seconds:.1f}s", err=True)
    for path, message in summary.warnings:
        click.echo(f"  warning: {path}: {message}", err=True)
    for path, reason in summary.skipped:
        click.echo(f"  skipped: {path}: {reason}", err=True)
    problems = len(summary.warnings) + len(summary.skipped)
    if problems:
        click.echo(f"  {problems} warning(s): {len(summary.skipped)} skipped", err=True)


def plain(snippet: str) -> str:
    """Return a snippet without markup, matches in brackets, entities decoded."""
    return html.unescape(TAG.sub("", snippet.replace('<mark class="hit', "[<").replace("</mark>", "]")))


def print_hits(page) -> None:
    """Print one page of hits for a terminal."""
    for note in page.notes:
        click.echo(f"Note: {note}")
    if page.suggestion:
        click.echo(f"Did you mean: {page.suggestion}")
    click.echo(f"{page.total} results (page {page.params.page} of {page.pages})")
    for hit in page.hits:
        who = f" {hit['speaker']}:" if hit.get("speaker") else ""
        click.echo(f"\n[{hit['kind']}] {hit['title']} ({hit.get('source') or 'unknown source'})")
        click.echo(f"  {hit['id']}{who} {plain(hit['snippet'])}")
        for statement in hit.get("statements") or ():  # matching statements of that article
            who = f" {statement['speaker']}:" if statement.get("speaker") else ""
            click.echo(f"    [{statement['kind']}] {statement['id']}{who} {plain(statement['snippet'])}")


def _marked(words: list[dict], color: bool) -> str:
    """Return a version's words with the differing ones highlighted (or [bracketed])."""
    out = []
    for w in words:
        if not w["differs"]:
            out.append(w["word"])
        elif color:
            out.append(click.style(w["word"], fg="red", bold=True))
        else:
            out.append(f"[{w['word']}]")
    return " ".join(out)


def print_quote_versions(view: dict, color: bool) -> None:
    """Print every outlet's version of one quote, differing words marked."""
    speaker = view["quote"].get("speaker") or "unattributed"
    click.echo(f"\nQuote by {speaker}: {len(view['versions'])} versions")
    width = max(len(v.get("source") or "unknown") for v in view["versions"])
    for v in view["versions"]:
        outlet = (v.get("source") or "unknown").ljust(width)
        click.echo(f"  {outlet} | {v.get('mention') or v.get('speaker') or '?'} | {v['article_id']}")
        click.echo(f"  {' ' * width} | {_marked(v['words'], color)}")


def print_figure_topic(view: dict) -> None:
    """Print every value reported for one figure topic."""
    flag = "  ** sources disagree **" if view["disagreement"] else ""
    click.echo(f"\nFigure topic {view['topic']}{flag}")
    for group in view["values"]:
        for f in group["figures"]:
            value = f"{group['value']:,.0f}" if float(group["value"]).is_integer() else str(group["value"])
            click.echo(f"  {value:>12} {f['unit']:<20} {f.get('source') or 'unknown':<20} "
                       f"{f.get('qualifier') or '':<14} claimed by {f.get('speaker') or '?'} ({f['article_id']})")
