"""The CLI: exit codes, summaries, JSON output."""
from __future__ import annotations

import json

from search.cli import cli
from tests.helpers import write


def test_index_then_search_json(runner, corpus, tmp_path):
    ix = str(tmp_path / "ix")
    result = runner.invoke(cli, ["index", str(corpus), "--index", ix, "--silent"])
    assert result.exit_code == 0, result.stderr
    assert "5 articles" in result.stderr
    result = runner.invoke(cli, ["search", "Matsegora", "--index", ix, "--json", "--kind", "article"])
    data = json.loads(result.stdout)
    assert data["total"] == 5 and {h["kind"] for h in data["hits"]} == {"article"}


def test_index_reports_skipped_files_and_exits_zero(runner, corpus, tmp_path):
    write(corpus / "empty.txt", "")
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--silent"])
    assert result.exit_code == 0
    assert "skipped: empty.txt: empty file" in result.stderr and "1 warning(s)" in result.stderr


def test_missing_corpus_is_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["index", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_search_without_index_fails_with_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: No index") and "Traceback" not in result.stderr + result.stdout


def test_update_reports_changes(runner, corpus, tmp_path):
    ix = str(tmp_path / "ix")
    runner.invoke(cli, ["index", str(corpus), "--index", ix, "--silent"])
    write(corpus / "extra.txt", "Extra story\n\nThe mayor said \"we are ready\".\n")
    result = runner.invoke(cli, ["update", "--index", ix, "--silent"])
    assert result.exit_code == 0 and "1 added, 0 changed, 0 removed" in result.stderr


def test_extract_json_has_offsets_into_the_file(runner, seeds_dir):
    path = seeds_dir / "002_9edff2facc8fa178.txt"
    result = runner.invoke(cli, ["extract", "--json", str(path)])
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    text = path.read_text(encoding="utf-8")
    assert record["path"] == str(path) and record["source"] == "newser.com"
    assert record["quotes"]
    for quote in record["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_extract_skips_unreadable_files_with_a_warning(runner, tmp_path, seeds_dir):
    empty = write(tmp_path / "empty.txt", "")
    result = runner.invoke(cli, ["extract", "--json", str(empty), str(seeds_dir / "000_1c0211945ba58556.txt")])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    assert "skipped" in result.stderr and "empty file" in result.stderr


def test_extract_over_many_files_runs_in_workers_with_the_same_output_in_order(runner, tmp_path, seeds_dir,
                                                                              monkeypatch):
    from search.index import prepare
    empty = write(tmp_path / "empty.txt", "")
    files = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    args = ["extract", "--json", files[0], str(empty), *files[1:]]
    monkeypatch.setattr(prepare, "workers_for", lambda count: 0)
    alone = runner.invoke(cli, args)
    started = []
    real_pool = prepare.prepared_in_workers
    monkeypatch.setattr(prepare, "workers_for", lambda count: 2)
    monkeypatch.setattr(prepare, "prepared_in_workers", lambda *a: started.append(a[2]) or real_pool(*a))
    pooled = runner.invoke(cli, args)
    assert started == [2] and pooled.exit_code == alone.exit_code == 0
    assert pooled.stdout == alone.stdout and [json.loads(line)["path"] for line in pooled.stdout.splitlines()] == files
    assert pooled.stderr == alone.stderr and "skipped" in pooled.stderr and "empty file" in pooled.stderr
