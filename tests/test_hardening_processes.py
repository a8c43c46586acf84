"""The real `claimsearch index` as a subprocess: killed mid-build, run twice at once, fed bad files."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import search.cli as search_cli
from search.index import indexer
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from search.index.store import IN_PROGRESS, IndexStore
from tests.helpers import SEEDS, write
from tests.helpers import live_children, still_running, synthetic_corpus, wait_until


def cli(*args, **popen) -> subprocess.Popen:
    """Start `claimsearch` with this interpreter."""
    return subprocess.Popen([sys.executable, "-m", "search.cli", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def hits(root, q: str) -> list[str]:
    page = WhooshSearcher(root).search(SearchParams(q=q, per_page=100))
    return sorted(h["id"] for h in page.hits)


def wait_for_build_dir(root: Path, proc: subprocess.Popen, timeout: float = 30) -> Path:
    """Return the in-progress build directory once the subprocess has started writing it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in (root / "builds").glob(IN_PROGRESS + "*") if any(p.iterdir())]
        if found:
            return found[0]
        assert proc.poll() is None, f"build ended before it could be interrupted: {proc.communicate()}"
        time.sleep(0.01)  # a polling interval: the directory decides
    proc.kill()
    pytest.fail("no build directory appeared")


@pytest.fixture
def big_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    synthetic_corpus(corpus / "extra", 400)
    return corpus


def test_sigkill_mid_build_keeps_the_previous_index_and_the_next_run_sweeps(big_corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(SEEDS, root)
    live, before = IndexStore(root).current_name(), hits(root, "Matsegora")
    proc = cli("index", big_corpus, "--index", root, "--silent")
    leftover = wait_for_build_dir(root, proc)
    # Well into the build: it is writing and its extraction workers are running.
    assert wait_until(lambda: live_children(proc.pid), 60), proc.communicate()
    workers = live_children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert leftover.is_dir()  # nothing cleaned up: the process died without a chance to
    assert not still_running(workers, 10), "extraction workers outlived the killed build"
    assert IndexStore(root).current_name() == live
    assert hits(root, "Matsegora") == before and hits(root, "Portwick3") == []
    rerun = cli("index", SEEDS, "--index", root, "--silent")
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert not leftover.exists()
    assert not list((root / "builds").glob(IN_PROGRESS + "*"))
    assert hits(root, "Matsegora") == before


def test_a_second_indexer_fails_clearly_and_the_first_finishes(big_corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(SEEDS, root)
    first = cli("index", big_corpus, "--index", root, "--silent")
    wait_for_build_dir(root, first)
    results = []
    for args in (("index", SEEDS), ("update",)):
        second = cli(*args, "--index", root, "--silent")
        results.append((second.communicate(timeout=60), second.returncode))
    assert first.poll() is None, "the first build should still hold the lock"
    out, err = first.communicate(timeout=180)
    assert first.returncode == 0, err
    for (_, second_err), code in results:
        assert code == 1 and "Another claimsearch index/update is running" in second_err
    assert len(hits(root, "Portwick3")) > 0 and len(hits(root, "Matsegora")) > 0
    assert not list((root / "builds").glob(IN_PROGRESS + "*"))


def test_bad_files_are_listed_with_reasons_and_good_ones_indexed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    write(corpus / "bad" / "empty.txt", "")
    write(corpus / "bad" / "binary.txt", bytes(range(256)) * 40)
    write(corpus / "bad" / "latin1.txt",
          "Caf\xe9 owner speaks\n\nThe owner, Ren\xe9e Dufour, said \"we stay open\".\n".encode("cp1252"))
    write(corpus / "bad" / "feed.jsonl", '{"id": "good", "title": "Quarry news", "text": "The quarry reopened."}\n'
          '{"id": "broken", "title": \n[1, 2]\n{"id": "notext", "title": "No body"}\n')
    write(corpus / "bad" / "broken.md", "---\ntitle: [unclosed\nsource: x.com\n---\nBody text here.\n")
    huge = corpus / "bad" / "huge.txt"
    with open(huge, "wb") as handle:  # 50 MB, made here and never committed
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"Huge file\n\n" + b"word " * 1000)
    root = tmp_path / "ix"
    proc = cli("index", corpus, "--index", root)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    skipped = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in err.splitlines()
               if line.strip().startswith("skipped:")}
    assert set(skipped) == {"bad/empty.txt", "bad/binary.txt", "bad/huge.txt", "bad/broken.md",
                            "bad/feed.jsonl:2", "bad/feed.jsonl:3", "bad/feed.jsonl:4"}
    assert "empty" in skipped["bad/empty.txt"] and "binary" in skipped["bad/binary.txt"]
    assert "too large" in skipped["bad/huge.txt"] and "front matter" in skipped["bad/broken.md"]
    assert "malformed JSON" in skipped["bad/feed.jsonl:2"]
    assert "warning: bad/latin1.txt: not UTF-8" in err
    assert "7 articles" in err  # five seeds, the cp1252 file and the good JSON line
    assert hits(root, "Dufour") and hits(root, "quarry") and len(hits(root, "Matsegora")) >= 5


def test_the_real_command_line_keeps_its_output_and_exit_codes_without_teardown(seeds_index, tmp_path):
    # main() ends a successful command with os._exit, skipping the interpreter's teardown.
    found = cli("search", "", "--json", "--limit", "50", "--index", seeds_index)
    out, err = found.communicate(timeout=60)
    assert found.returncode == 0, err
    assert json.loads(out)["hits"]
    missing = cli("search", "court", "--index", tmp_path / "none")
    out, err = missing.communicate(timeout=60)
    assert missing.returncode == 1 and "No index" in err


def test_a_command_line_with_a_thread_left_exits_through_the_interpreter():
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert not search_cli._nothing_left_to_clean()
    finally:
        stop.set()
        waiting.join()
