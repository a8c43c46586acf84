"""The claimsearch command line: a thin click layer over the search library."""
from __future__ import annotations

import importlib
import json
import logging
import multiprocessing
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import click

from .. import backends, settings
from ..compare import views as compare_views
from ..errors import BadUsage, ClaimsearchError
from ..extract.speakers.identities import fill_speaker_ids
from ..index import dask_prepare, incremental as updater, indexer, prepare
from ..ingest import documents
from ..models import to_dict
from ..query.parse import SORTS, SearchParams
from ..render.output import print_figure_topic, print_hits, print_quote_versions, print_summary
from ..render.serialize import page_to_dict
from .exit_codes import CLIError, run as _run
from .options import (backend_option, dask_options, facet_options, index_option, setting_argument, setting_option,
                      silent_option)
from .typesense import typesense_group


@click.group()
@click.version_option(package_name="claimsearch")
def cli():
    """Search news articles by who said what and what was claimed."""


def _with_progress(func, files: list[Path], silent: bool, **kwargs):
    if silent or not files:
        return _run(func, on_file=None, **kwargs)
    with click.progressbar(length=len(files), label="Indexing", file=sys.stderr,
                           item_show_func=lambda p: p.name if p else "") as bar:
        return _run(func, on_file=lambda p: bar.update(1, p), **kwargs)


@contextmanager
def _preparer(scheduler: str, dask_workers: int):
    """Yield the Dask preparer the options ask for, or None to prepare files on this machine."""
    if not scheduler and not dask_workers:
        yield None
        return
    if scheduler and dask_workers:
        raise CLIError(BadUsage("Give --scheduler or --dask-workers, not both"))
    try:
        with dask_prepare.dask_preparer(scheduler, dask_workers) as preparer:
            yield preparer
    except ClaimsearchError as exc:  # no cluster to reach, or no Dask installed
        raise CLIError(exc) from None


@cli.command("index")
@setting_argument("corpus", "CORPUS", type=click.Path(exists=True, file_okay=False, path_type=Path))
@index_option
@backend_option
@dask_options
@silent_option
def index_cmd(corpus, index_root, backend, scheduler, dask_workers, silent):
    """Rebuild the index from CORPUS (default: seeds/, env CLAIMSEARCH_CORPUS) and swap it in."""
    # The listing only sizes the progress bar: the build lists the corpus itself, so --silent skips it.
    files = [] if silent else _run(documents.corpus_files, corpus)
    with _preparer(scheduler, dask_workers) as preparer:
        if backend == "typesense":
            from ..typesense import store  # an optional extra, imported only when chosen
            conn = _run(backends.typesense_connection, _run(settings.resolve))
            summary = _with_progress(store.build, files, silent, corpus=corpus, conn=conn, preparer=preparer)
            index_root = f"Typesense alias {store.ALIAS}"
        else:
            summary = _with_progress(indexer.build, files, silent, corpus=corpus, index_root=index_root,
                                     preparer=preparer)
    print_summary(summary, f"Indexed {corpus} into {index_root}")


@cli.command("update")
@click.argument("corpus", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@index_option
@backend_option
@dask_options
@silent_option
@click.option("--allow-mass-removal", is_flag=True,
              help="Allow removing more than half of the indexed articles (or all of them).")
def update_cmd(corpus, index_root, backend, scheduler, dask_workers, silent, allow_mass_removal):
    """Re-index only added, changed and removed files (CORPUS defaults to the indexed one)."""
    with _preparer(scheduler, dask_workers) as preparer:
        if backend == "typesense":
            from ..typesense import store  # an optional extra, imported only when chosen
            conn = _run(backends.typesense_connection, _run(settings.resolve))
            summary = _with_progress(store.update, [], silent, conn=conn, corpus=corpus,
                                     allow_mass_removal=allow_mass_removal, preparer=preparer)
            index_root = f"Typesense alias {store.ALIAS}"
        else:
            summary = _with_progress(updater.update, [], silent, index_root=index_root, corpus=corpus,
                                     allow_mass_removal=allow_mass_removal, preparer=preparer)
    print_summary(summary, f"Updated {index_root}")


@cli.command("search")
@click.argument("query", default="")
@facet_options
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", type=click.IntRange(min=1), default=1)
@setting_option("--limit", name="CLI_PAGE_SIZE", help="How many hits to print.",
                type=click.IntRange(1, settings.setting("MAX_PAGE_SIZE").default_value()))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@index_option
@backend_option
def search_cmd(query, sort, page, limit, as_json, index_root, backend, **facet_values):
    """Search the index: words, "phrases", AND/OR/NOT, speaker:NAME, source:DOMAIN."""
    filters = {name: tuple(values) for name, values in facet_values.items() if values}
    params = SearchParams(q=query, filters=filters, sort=sort, page=page, per_page=limit)
    searcher = _run(backends.searcher_for, _run(settings.resolve, {"INDEX": index_root, "BACKEND": backend}))
    result = _run(searcher.search, params)
    if as_json:
        click.echo(json.dumps(page_to_dict(result), ensure_ascii=False, indent=1))
    else:
        print_hits(result)


@cli.command("compare")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True,
              help="How many quotes or figure topics to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@index_option
@backend_option
def compare_cmd(query, limit, as_json, index_root, backend):
    """Show how outlets render the quotes and figures matching QUERY, side by side."""
    searcher = _run(backends.searcher_for, _run(settings.resolve, {"INDEX": index_root, "BACKEND": backend}))
    views = _run(comparisons_for, searcher, query, limit)
    if as_json:
        click.echo(json.dumps(views, ensure_ascii=False, indent=1))
        return
    if not views:
        click.echo("No quote or figure matching that query is reported by more than one article.")
    color = sys.stdout.isatty()
    for view in views:
        print_quote_versions(view, color) if "versions" in view else print_figure_topic(view)


def comparisons_for(searcher, query: str, limit: int) -> list[dict]:
    """Return the quote clusters and figure topics among the hits for ``query``."""
    params = SearchParams(q=query, filters={"kind": ("quote", "figure")}, per_page=100)
    comps, views, seen = searcher.comparisons(), [], set()
    for hit in searcher.search(params).hits:
        if hit.get("versions", 0) < 1:
            continue
        key = comps.cluster_of.get(hit["id"]) or (comps.figures.get(hit["id"]) or {}).get("topic")
        if key in seen:
            continue
        seen.add(key)
        views.append(compare_views.quote_versions(comps, hit["id"]) if hit["kind"] == "quote"
                     else compare_views.figure_topic(comps, key))
        if len(views) == limit:
            break
    return views


@cli.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
def extract_cmd(files, as_json):
    """Print the quotes, claims and figures found in FILES."""
    failed, records = 0, []
    for name, ready in zip(files, _extracted(files)):
        if ready.entry is None:
            failed += 1
            click.echo(f"Warning: skipped {name}: {ready.skipped[0][1]}", err=True)
            continue
        for warning in ready.warnings + [f"{path}: {reason}" for path, reason in ready.skipped]:
            click.echo(f"Warning: {name}: {warning}", err=True)
        records += [extraction_json(name if a.format != "jsonl" else a.path, a, extraction)
                    for a, extraction in ready.articles]
    fill_speaker_ids(records)  # one id per speaker over all the files given
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False) if as_json else _extraction_text(record))
    if failed == len(files):
        raise click.ClickException("No file could be read")


def _extracted(files):
    """Yield each file loaded and extracted (a prepare.Prepared), in order; many files in worker processes."""
    items, workers = [(Path(name), Path(name).name) for name in files], prepare.workers_for(len(files))
    if workers:  # a folder of articles is extracted on every core, as a build does
        return prepare.prepared_in_workers(items, Path("."), workers)
    return (prepare.prepare(path, Path("."), rel) for path, rel in items)


def extraction_json(path: str, article, extraction) -> dict:
    """Return the `extract --json` record of one article from its extraction."""
    quotes, claims, figures = extraction
    return {
        "path": path, "id": article.id, "title": article.title, "source": article.source,
        "author": article.author, "date": article.date.isoformat() if article.date else None,
        "url": article.url, "text": article.text,  # every offset below refers to this text
        "quotes": [to_dict(q) for q in quotes],
        "claims": [to_dict(c) for c in claims], "figures": [to_dict(f) for f in figures],
    }


def _extraction_text(record: dict) -> str:
    lines = [f"{record['path']}: {record['title'] or ''}"]
    lines += [f"  {q['kind']}: {q['speaker'] or '?'}: {q['text'][:100]}" for q in record["quotes"]]
    lines += [f"  claim: {c['claimer'] or '?'}: {c['text'][:100]}" for c in record["claims"]]
    lines += [f"  figure: {f['value']} {f['unit']} ({f['claimed_by'] or '?'})" for f in record["figures"]]
    return "\n".join(lines)


@cli.command("serve")
@setting_option("--host", name="HOST")
@setting_option("--port", name="PORT")
@setting_option("--workers", name="WORKERS")
@setting_option("--threads", name="THREADS")
@setting_option("--timeout", name="TIMEOUT")
@setting_option("--app", "app_factory", name="APP")
@index_option
@backend_option
def serve_cmd(host, port, workers, threads, timeout, app_factory, index_root, backend):
    """Serve the web app and JSON API (gunicorn; waitress for one process)."""
    module_name, _, func = app_factory.partition(":")
    # Imported by name: the core package never depends on the web package or its servers.
    factory = getattr(importlib.import_module(module_name), func)
    server = importlib.import_module("web.server")
    try:
        sock = server.claim_port(host, port, workers)
    except OSError as exc:
        raise CLIError(ClaimsearchError(f"Cannot listen on {host}:{port}: {exc.strerror or exc}")) from exc
    click.echo(f"Serving claimsearch on http://{host}:{port}/ with {workers} process(es) x {threads} "
               f"thread(s) (index: {index_root})", err=True)
    # The environment's CLAIMSEARCH_* settings apply, checked here so a bad value exits 2 before
    # any worker starts; the options given here win over them.
    config = _run(settings.resolve, {"INDEX": index_root, "WARM_UP": True, "BACKEND": backend})
    _run(backends.searcher_for, config)  # a bad backend setting exits 2 here, not in every worker
    server.serve(lambda: factory(overrides=config), sock, workers, threads, timeout)


cli.add_command(typesense_group)


def main():
    """Entry point of the console script."""
    try:
        cli(prog_name="claimsearch")  # click ends with SystemExit, its code 0 on success
    except SystemExit as exc:
        if exc.code in (0, None) and _nothing_left_to_clean() and _flushed():
            # Freeing the model tables, caches and a build's leftovers object by object took
            # 0.07-0.09 s after a 1x build's summary, with one core idle; nothing else is left
            # for the interpreter's exit to do (see _nothing_left_to_clean).
            os._exit(0)
        raise


def _nothing_left_to_clean() -> bool:
    """Return True when no thread or child process is left for the interpreter's exit to wait for."""
    # Files are closed by their `with` blocks, the index lock with its file, and a build joins its
    # children and pools; the atexit handlers besides logging's (multiprocessing's and
    # concurrent.futures') only join threads and children, so with none left they have nothing to do.
    return threading.active_count() == 1 and not multiprocessing.active_children()


def _flushed() -> bool:
    """Flush the logs and what the command printed; False when that fails (a closed pipe)."""
    try:
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except OSError:
        return False  # the interpreter's exit reports it, as before
    return True

