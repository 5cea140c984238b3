"""The lexicon's tables are kept in the cache directory and read back unchanged."""

from __future__ import annotations

import importlib
import os

import pytest

from artikel100.repair.lexicon import Lexicon, _cache_path, _load_cache, _zipf_table


lexicon_module = importlib.import_module("artikel100.repair.lexicon")  # the package's name is the function


def test_the_tables_are_kept_on_disk_and_read_back_the_same(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARTIKEL100_CACHE", str(tmp_path))
    path = _cache_path()
    assert path.parent.parent == tmp_path and not path.exists()
    built = Lexicon()  # no cache yet: built from wordfreq's files, then kept
    assert path.exists() and list(path.parent.iterdir()) == [path]  # no temporary file left behind
    calls = []
    monkeypatch.setattr(lexicon_module, "_zipf_table", lambda lang: calls.append(lang) or _zipf_table(lang))
    again = Lexicon()
    assert calls == []  # read from the cache, not built
    assert again._nl == built._nl and again._en == built._en
    assert list(again._nl.items())[:1000] == list(_zipf_table("nl").items())[:1000]
    assert again.best("militairen") == built.best("militairen") > 4.0


def test_a_damaged_cache_is_built_anew(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARTIKEL100_CACHE", str(tmp_path))
    path = _cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert _load_cache() is None
    assert Lexicon().nl("de") > 7.0
    assert _load_cache() is not None  # replaced by a good one


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only directory anyway")
def test_a_read_only_cache_directory_still_gives_the_tables(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("ARTIKEL100_CACHE", str(tmp_path))
    tmp_path.chmod(0o500)
    try:
        assert Lexicon().nl("de") > 7.0
        assert not _cache_path().exists()
    finally:
        tmp_path.chmod(0o700)
