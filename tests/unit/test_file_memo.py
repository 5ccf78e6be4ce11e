"""mkdocs/i18n.FileMemo: the preview's copies of static-i18n's per-language files equal what
static-i18n makes, each with its own ``alternates`` (static-i18n adds to that dict later)."""
from __future__ import annotations

from types import SimpleNamespace

from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

from sosial_is.mkdocs.i18n import FileMemo


def test_a_remembered_file_equals_a_new_one_and_has_its_own_alternates(tmp_path) -> None:
    config = SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"),
                             use_directory_urls=True)
    source = File("ethics/index.ru.md", config.docs_dir, config.site_dir, True)
    fresh = suffix.create_i18n_file(source, "ru", "tk", ["tk", "ru", "en"], config)
    memo = FileMemo()
    memo.install()
    try:
        first = suffix.create_i18n_file(source, "ru", "tk", ["tk", "ru", "en"], config)
        again = suffix.create_i18n_file(source, "ru", "tk", ["tk", "ru", "en"], config)
        other = suffix.create_i18n_file(source, "en", "tk", ["tk", "ru", "en"], config)
    finally:
        memo.uninstall()
    assert len(memo.made) == 0  # let go on shutdown
    assert suffix.create_i18n_file is memo._original  # and static-i18n's own function is back
    for made in (first, again):
        assert type(made) is type(fresh)
        assert {k: v for k, v in vars(made).items() if k != "alternates"} == \
               {k: v for k, v in vars(fresh).items() if k != "alternates"}
        assert made.alternates == {"ru": made}
    assert again is not first and again.alternates is not first.alternates
    first.alternates["en"] = other  # what static-i18n does next must not reach the other copy
    assert again.alternates == {"ru": again}
    assert (other.url, other.dest_uri) == ("en/ethics/", "en/ethics/index.html")
