"""`update` swaps in a new build: servers see it at once, interruptions lose nothing, mass removals are refused."""
from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import cli
from search.errors import ClaimsearchError
from search.index import incremental, indexer
from search.index.store import IN_PROGRESS, IndexStore
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from tests.helpers import ROOT, write
from web import create_app

QUERIES = [SearchParams(q=""), SearchParams(q="Matsegora"), SearchParams(q="said", filters={"kind": ("quote",)}),
           SearchParams(q="Zanzibar OR harbour", per_page=50)]


def stored_digest(root: Path) -> str:
    """Return a digest of every stored document of the live build, independent of segment order."""
    ix = indexer.open_index(IndexStore(root).current_dir())
    try:
        with ix.searcher() as searcher:
            docs = sorted(json.dumps(d, sort_keys=True, default=str) for d in searcher.all_stored_fields())
    finally:
        ix.close()
    return hashlib.sha1("\n".join(docs).encode()).hexdigest()


def fresh_digest(corpus: Path, tmp_path: Path) -> str:
    """Return the stored-document digest of a from-scratch build of corpus."""
    root = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"
    indexer.build(corpus, root)
    return stored_digest(root)


def answers(searcher: WhooshSearcher) -> list:
    """Return what each query answers: total and hit ids, and the first hits' articles read back."""
    out = []
    for params in QUERIES:
        page = searcher.search(params)
        out.append((page.total, [h["id"] for h in page.hits]))
        out.append([searcher.article(h["article_id"])["article"]["id"] for h in page.hits[:3]])
    return out


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def edit(corpus: Path, n: int) -> None:
    """Change the corpus a little: a story comes and goes, another is rewritten."""
    story = corpus / "news" / f"story{n % 3}.txt"
    if story.exists():
        story.unlink()
    else:
        write(story, f"Harbour talks {n}\n\nThe envoy said \"Zanzibar will host round {n} of the talks\".\n")
    write(corpus / "news" / "daily.txt", f"Daily harbour note {n}\n\nThe mayor said \"harbour work {n} goes on\".\n")


def test_a_searcher_opened_before_updates_answers_like_a_fresh_one_with_constant_files(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    served = WhooshSearcher(root)  # the server's: opened once, kept across requests
    assert served.search(SearchParams(q="Matsegora")).total > 0
    (corpus / "003_904a09ff17ee81d7.txt").unlink()
    incremental.update(root)
    fresh = WhooshSearcher(root)
    assert answers(served) == answers(fresh)
    assert served.search(SearchParams(q="", filters={"kind": ("article",)})).total == 4
    fresh.close()
    fds = []
    for n in range(30):
        edit(corpus, n)
        incremental.update(root)
        fresh = WhooshSearcher(root)
        assert answers(served) == answers(fresh), n
        fresh.close()
        fds.append(open_fds())
    # The old builds' files are closed as new ones open, and segments are merged: the files a
    # searcher holds stop growing once the segment limit is reached.
    assert max(fds[incremental.MAX_SEGMENTS + 2:]) <= fds[incremental.MAX_SEGMENTS + 1] + 2, fds
    assert max(fds) - fds[0] <= incremental.MAX_SEGMENTS * 6, fds
    assert len(list(IndexStore(root).current_dir().glob("*.trm"))) <= incremental.MAX_SEGMENTS
    assert stored_digest(root) == fresh_digest(corpus, tmp_path)


def test_update_never_writes_into_a_published_build(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live = IndexStore(root).current_dir()
    before = {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in live.iterdir() if p.is_file()}
    (corpus / "002_9edff2facc8fa178.txt").unlink()
    edit(corpus, 1)
    summary = incremental.update(root)
    assert summary.build != live.name and live.is_dir()  # the previous build is kept for open readers
    after = {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in live.iterdir() if p.is_file()}
    assert after == before
    new = IndexStore(root).current_dir()
    shared = [p.name for p in live.glob("*.trm") if (new / p.name).exists()]
    assert shared and all((new / n).stat().st_ino == (live / n).stat().st_ino for n in shared)  # linked


def test_an_update_copies_where_it_cannot_link(corpus, tmp_path, monkeypatch):
    root = tmp_path / "ix"
    indexer.build(corpus, root)

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    (corpus / "000_1c0211945ba58556.txt").unlink()
    edit(corpus, 2)
    assert incremental.update(root).removed == 1
    assert stored_digest(root) == fresh_digest(corpus, tmp_path)


@pytest.mark.parametrize("stage", incremental.STAGES)
def test_an_update_interrupted_at_any_stage_changes_nothing_and_the_next_one_completes(corpus, tmp_path, stage):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live, digest = IndexStore(root).current_name(), stored_digest(root)
    (corpus / "001_2bbd235ae9a8e014.txt").unlink()
    edit(corpus, 0)

    def interrupt(reached):
        if reached == stage:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        incremental.update(root, on_stage=interrupt)
    assert IndexStore(root).current_name() == live and stored_digest(root) == digest
    assert not [p for p in (root / "builds").iterdir() if p.name.startswith(IN_PROGRESS)]
    summary = incremental.update(root)
    assert (summary.added, summary.changed, summary.removed) == (2, 0, 1)
    assert stored_digest(root) == fresh_digest(corpus, tmp_path)


KILLED_UPDATE = """
import sys
from search.index import incremental

def stop(reached):
    if reached == sys.argv[2]:
        print(reached, flush=True)
        sys.stdin.read()  # wait here for the SIGKILL

incremental.update(sys.argv[1], on_stage=stop)
"""


@pytest.mark.parametrize("stage", incremental.STAGES)
def test_an_update_killed_at_any_stage_is_completed_by_the_next(corpus, tmp_path, stage):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live, digest = IndexStore(root).current_name(), stored_digest(root)
    (corpus / "004_4c11fdb1b319dc2b.txt").unlink()
    edit(corpus, 0)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_UPDATE, str(root), stage], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == stage  # the update is parked at that stage
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()
    assert IndexStore(root).current_name() == live and stored_digest(root) == digest
    summary = incremental.update(root)
    assert (summary.added, summary.removed) == (2, 1)
    assert stored_digest(root) == fresh_digest(corpus, tmp_path)
    assert incremental.update(root).build == summary.build  # nothing left to do


def test_updating_an_empty_corpus_is_refused_unless_allowed(corpus, tmp_path, runner):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live, digest = IndexStore(root).current_name(), stored_digest(root)
    for path in corpus.iterdir():
        path.unlink()
    result = runner.invoke(cli, ["update", "--index", str(root), "--silent"])
    assert result.exit_code == 1
    assert "Refusing to update" in result.stderr and "no article files" in result.stderr
    assert "--allow-mass-removal" in result.stderr and "Traceback" not in result.stderr
    assert IndexStore(root).current_name() == live and stored_digest(root) == digest
    result = runner.invoke(cli, ["update", "--index", str(root), "--silent", "--allow-mass-removal"])
    assert result.exit_code == 0, result.stderr
    assert WhooshSearcher(root).search(SearchParams(q="")).total == 0


def test_removing_more_than_half_of_the_articles_is_refused(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    for name in ("000_1c0211945ba58556.txt", "001_2bbd235ae9a8e014.txt"):
        (corpus / name).unlink()
    assert incremental.update(root).removed == 2  # 2 of 5: an ordinary update
    (corpus / "002_9edff2facc8fa178.txt").unlink()
    (corpus / "003_904a09ff17ee81d7.txt").unlink()
    with pytest.raises(ClaimsearchError, match="remove 2 of 3 indexed articles"):
        incremental.update(root)
    assert incremental.update(root, allow_mass_removal=True).removed == 2


def test_a_corpus_path_that_is_now_a_file_is_refused(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    with pytest.raises(ClaimsearchError, match="Refusing"):
        incremental.update(root, corpus=corpus / "000_1c0211945ba58556.txt")


def unreadable(monkeypatch, folder: Path) -> None:
    """Make listing folder fail as chmod 000 would (tests may run as root, who reads anything)."""
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_corpus_is_a_clear_error(corpus, tmp_path, runner, monkeypatch):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    digest = stored_digest(root)
    unreadable(monkeypatch, corpus)
    result = runner.invoke(cli, ["update", "--index", str(root), "--silent"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(f"Cannot read the corpus folder {corpus}: Permission denied")
    assert stored_digest(root) == digest


def test_an_unreadable_subfolder_is_skipped_not_removed(corpus, tmp_path, monkeypatch):
    write(corpus / "sub" / "story.txt", "Zanzibar talks\n\nThe envoy said \"Zanzibar will host the talks\".\n")
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    unreadable(monkeypatch, corpus / "sub")
    (corpus / "000_1c0211945ba58556.txt").unlink()
    summary = incremental.update(root)
    assert (summary.removed, summary.skipped) == (1, [("sub/", "folder not readable (Permission denied)")])
    assert [h["id"] for h in WhooshSearcher(root).search(SearchParams(q="Zanzibar")).hits][:1] == ["sub/story"]


def test_the_manifest_records_the_bytes_that_were_indexed(corpus, tmp_path):
    root, target = tmp_path / "ix", corpus / "002_9edff2facc8fa178.txt"
    original = target.read_bytes()

    def rewrite_after_indexing(path):
        if path == target:  # a file rewritten while the build runs
            target.write_text(original.decode().replace("Wonsan", "Quixotica"), encoding="utf-8")

    indexer.build(corpus, root, on_file=rewrite_after_indexing)
    manifest = indexer.read_manifest(IndexStore(root).current_dir())
    assert manifest["files"][target.name]["sha1"] == hashlib.sha1(original).hexdigest()
    assert incremental.update(root).changed == 1
    assert [h["id"] for h in WhooshSearcher(root).search(SearchParams(q="Quixotica")).hits][:1] == [
        "002_9edff2facc8fa178"]


def test_a_file_vanishing_mid_build_is_a_skip(corpus, tmp_path):
    doomed = corpus / "004_4c11fdb1b319dc2b.txt"

    def delete_a_later_file(path):
        doomed.unlink(missing_ok=True)

    summary = indexer.build(corpus, tmp_path / "ix", on_file=delete_a_later_file)
    assert summary.articles == 4
    assert summary.skipped == [(doomed.name, "cannot read: No such file or directory")]


def _limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, like a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


def test_a_full_disk_is_one_line_and_keeps_the_live_index(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    live, digest = IndexStore(root).current_name(), stored_digest(root)
    for command in ("index", "update"):
        edit(corpus, 7 if command == "update" else 8)
        args = [command, str(corpus)] if command == "index" else [command]
        done = subprocess.run([sys.executable, "-m", "search.cli", *args, "--index", str(root), "--silent"],
                              cwd=ROOT, capture_output=True, text=True, preexec_fn=_limit_file_size)
        assert done.returncode == 1, done.stderr
        assert done.stderr.strip().splitlines() == [
            f"Error: Cannot write the index at {root}: File too large; the live index is unchanged"]
        assert IndexStore(root).current_name() == live and stored_digest(root) == digest
    assert incremental.update(root).added == 3  # with room again, the next update completes
    assert stored_digest(root) == fresh_digest(corpus, tmp_path)


def test_the_web_app_follows_updates_without_errors(corpus, tmp_path):
    root = tmp_path / "ix"
    indexer.build(corpus, root)
    client = create_app({"TESTING": True, "INDEX": str(root)}).test_client()
    assert client.get("/api/search?q=Matsegora").status_code == 200
    for n, name in enumerate(["003_904a09ff17ee81d7.txt", "001_2bbd235ae9a8e014.txt"]):
        (corpus / name).unlink()
        edit(corpus, n)
        incremental.update(root)
        served = client.get("/api/search?q=Matsegora&per_page=50")
        assert served.status_code == 200
        fresh = WhooshSearcher(root).search(SearchParams(q="Matsegora", per_page=50))
        assert served.get_json()["total"] == fresh.total
        assert [h["id"] for h in served.get_json()["hits"]] == [h["id"] for h in fresh.hits]
        gone = client.get(f"/api/articles/{name.removesuffix('.txt')}")
        assert gone.status_code == 404
