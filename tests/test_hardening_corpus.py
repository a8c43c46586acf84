"""Hostile corpora: alias bombs, deep nesting, links leaving the corpus, pipes; each is one skip, never an abort."""
from __future__ import annotations

import os

import pytest

from search.cli import cli
from search.errors import LoadError
from search.ingest import documents, formats, metadata
from search.query.parse import SearchParams
from search.query.searcher import WhooshSearcher
from tests.helpers import write

BODY = "The harbour board met on Monday.\n\nThe chair said \"the harbour will reopen in May\".\n"


def alias_bomb() -> str:
    """Return a few hundred bytes of YAML whose aliases expand to 9**8 strings."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]")
    return "---\n" + "\n".join(lines) + "\ntitle: *h\nauthor: *h\n---\n\n" + BODY


def test_a_yaml_alias_bomb_is_refused_without_expanding_it():
    text = alias_bomb()
    assert len(text) < 600
    with pytest.raises(LoadError, match="aliases"):
        formats.load_markdown(text, "bomb.md")


def test_deeply_nested_front_matter_is_a_clear_error():
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n\n" + BODY
    with pytest.raises(LoadError, match="nested"):
        formats.load_markdown(text, "deep.md")


def test_ordinary_front_matter_still_loads():
    article = formats.load_markdown("---\ntitle: Harbour news\nauthor: [Ann Lee, Bo Chen]\n"
                                    "tags: {place: harbour, when: [2024, 2025]}\n---\n\n" + BODY, "ok.md")
    assert (article.title, article.author) == ("Harbour news", "Ann Lee, Bo Chen")


def test_metadata_values_are_cut_to_sane_lengths():
    text = (f"---\ntitle: {'T' * 5000}\nauthor: {'A' * 5000}\nsource: {'S' * 5000}\n"
            f"url: https://example.com/{'u' * 9000}\ndate: {'2024 ' * 5000}\n---\n\n" + BODY)
    article = formats.load_markdown(text, "long.md")
    assert len(article.title) <= metadata.MAX_TITLE and article.title.endswith("…")
    assert len(article.author) <= metadata.MAX_META and len(article.source) <= metadata.MAX_META
    assert len(article.url) <= metadata.MAX_URL and article.date is None


def test_deeply_nested_json_lines_are_skipped_line_by_line():
    good = '{"id": "a", "title": "Harbour", "text": "The chair said \\"the harbour will reopen\\"."}'
    articles, skipped = formats.load_jsonl(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n", "feed.jsonl")
    assert [a.id for a in articles] == ["feed/a"]
    assert skipped == [formats.Skipped("feed.jsonl:2", "JSON nested too deeply")]


def test_hostile_files_are_skipped_and_the_rest_indexed(tmp_path, runner):
    corpus = tmp_path / "corpus"
    write(corpus / "good.txt", "Harbour reopens\n\n" + BODY)
    write(corpus / "bomb.md", alias_bomb())
    write(corpus / "deep.md", "---\ntitle: " + "{a: " * 3000 + "b" + "}" * 3000 + "\n---\n\n" + BODY)
    write(tmp_path / "secret.txt", "root:x:0:0:secret password line\n\nAnother secret line.\n")
    os.symlink(tmp_path / "secret.txt", corpus / "passwd.txt")
    os.symlink(tmp_path, corpus / "outside")  # a folder link leaving the corpus
    os.symlink(corpus / "good.txt", corpus / "same.txt")  # a link within it is followed
    os.mkfifo(corpus / "pipe.txt")  # reading it would block the build forever
    os.mkfifo(corpus / "notes.fifo")  # not an article name: reported as such
    result = runner.invoke(cli, ["index", str(corpus), "--index", str(tmp_path / "ix"), "--silent"])
    assert result.exit_code == 0, result.stderr
    skipped = sorted(line.strip() for line in result.stderr.splitlines() if line.strip().startswith("skipped:"))
    assert skipped == [
        "skipped: bomb.md: front matter uses YAML aliases (*name), which are not supported",
        "skipped: deep.md: front matter too deeply nested or too large",
        "skipped: notes.fifo: not an article format (.fifo)",
        "skipped: outside: symbolic link leading outside the corpus (not followed)",
        "skipped: passwd.txt: symbolic link leading outside the corpus (not followed)",
        "skipped: pipe.txt: not a regular file (a named pipe)",
    ]
    hits = WhooshSearcher(tmp_path / "ix").search(SearchParams(q="", filters={"kind": ("article",)})).hits
    assert sorted(h["id"] for h in hits) == ["good", "same"]
    assert WhooshSearcher(tmp_path / "ix").search(SearchParams(q="secret password")).total == 0


def test_a_pipe_that_appears_after_listing_does_not_hang_the_read(tmp_path):
    os.mkfifo(tmp_path / "late.txt")
    with pytest.raises(LoadError, match="not a regular file"):
        documents.read_file(tmp_path / "late.txt")


def test_reading_hashes_the_bytes_it_returns(tmp_path):
    path = write(tmp_path / "a.txt", "Harbour\n\nText.\n")
    read = documents.read_file(path)
    assert read.data == path.read_bytes() and read.sha1 == documents.file_digest(path)
    assert (read.size, read.mtime_ns) == (path.stat().st_size, path.stat().st_mtime_ns)
