"""The build's storage answers file_exists like the file system, before and after changes."""
from search.whoosh_ext.storage import BuildStorage


def test_file_exists_follows_create_rename_and_delete(tmp_path):
    storage = BuildStorage(str(tmp_path))
    assert not storage.file_exists("a.col")  # remembered as missing...
    storage.create_file("a.col").close()
    assert storage.file_exists("a.col")  # ...until created
    storage.rename_file("a.col", "b.col")
    assert not storage.file_exists("a.col") and storage.file_exists("b.col")
    storage.delete_file("b.col")
    assert not storage.file_exists("b.col")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_files_made_elsewhere_are_seen_on_first_ask(tmp_path):
    (tmp_path / "x.toc").write_text("x")
    assert BuildStorage(str(tmp_path)).file_exists("x.toc")
