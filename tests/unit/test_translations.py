"""Translation parity and freshness: missing, untracked, outdated translations with file, line
and code; the translation-done command; the generated status page."""
from __future__ import annotations

from pathlib import Path

import pytest

from sosial_is.cli import main
from sosial_is.pages.translation_status import status_pages
from sosial_is.project.translations import recorded, set_recorded, source_hash
from support import check, project_of

C = "curriculum/courses"


def found(root: Path) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.code) for f in check(root)]


def append(root: Path, rel: str, text: str) -> None:
    with (root / rel).open("a", encoding="utf-8") as fh:
        fh.write(text)


def test_fixture_translations_are_up_to_date(project):
    assert not [f for f in found(project) if f[2].startswith("TRANSLATION")]


def test_source_change_makes_translations_outdated(project):
    append(project, "docs/index.tk.md", "\nTäze abzas.\n")
    got = found(project)
    assert ("docs/index.ru.md", 3, "TRANSLATION-OUTDATED") in got
    assert ("docs/index.en.md", 3, "TRANSLATION-OUTDATED") in got
    f = next(f for f in check(project) if f.code == "TRANSLATION-OUTDATED")
    assert f.severity == "warning"
    assert "scripts/run translation-done docs/index.en.md" in f.format("en") or \
        "scripts/run translation-done docs/index.ru.md" in f.format("en")


def test_course_source_change_makes_translations_outdated(project):
    append(project, f"{C}/FX-102/tk.md", "\n")  # whitespace only: still up to date
    assert not [f for f in found(project) if f[2] == "TRANSLATION-OUTDATED"]
    path = project / C / "FX-102" / "tk.md"
    path.write_text(path.read_text(encoding="utf-8").replace("1. ", "1. Täze: ", 1), encoding="utf-8")
    assert (f"{C}/FX-102/en.md", 3, "TRANSLATION-OUTDATED") in found(project)


def test_translation_done_command_records_the_source(project):
    append(project, "docs/index.tk.md", "\nTäze abzas.\n")
    assert main(["--lang", "en", "translation-done", "--config", str(project / "mkdocs.yml"),
                 "docs/index.ru.md", f"{C}/FX-101/ru.md"]) == 0
    got = found(project)
    assert ("docs/index.ru.md", 3, "TRANSLATION-OUTDATED") not in got
    assert ("docs/index.en.md", 3, "TRANSLATION-OUTDATED") in got
    value, line = recorded((project / "docs/index.ru.md").read_text(encoding="utf-8"))
    assert value == source_hash((project / "docs/index.tk.md").read_text(encoding="utf-8")) and line == 3
    assert main(["--lang", "en", "translation-done", "--config", str(project / "mkdocs.yml"), "docs/index.tk.md"]) == 1


def test_untracked_translation(project):
    path = project / "docs/curriculum/index.en.md"
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if not ln.startswith("translation_of")]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert ("docs/curriculum/index.en.md", 1, "TRANSLATION-UNTRACKED") in found(project)


def test_missing_translation_and_pending_list(project):
    (project / "docs/curriculum/index.en.md").unlink()
    assert ("docs/curriculum/index.tk.md", 1, "TRANSLATION-MISSING") in found(project)
    append(project, "docs/.translations-pending.yml", "curriculum/index.md: [en]\n")
    assert not [f for f in found(project) if f[2] == "TRANSLATION-MISSING"]


def test_pending_list_stale_entries(project):
    append(project, "docs/.translations-pending.yml", "curriculum/index.md: [ru]\nethics/nothing.md: [en]\n")
    got = found(project)
    assert ("docs/.translations-pending.yml", 4, "TRANSLATION-PENDING-DONE") in got
    assert ("docs/.translations-pending.yml", 5, "TRANSLATION-PENDING-UNKNOWN") in got


def test_page_without_turkmen_source(project):
    (project / "docs/about/team.en.md").write_text("# Team\n", encoding="utf-8")
    assert ("docs/about/team.en.md", 1, "TRANSLATION-SOURCE-MISSING") in found(project)


def test_status_page_counts_every_page_and_course(project):
    append(project, "docs/index.tk.md", "\nTäze abzas.\n")
    pages = status_pages(project, project / "docs", project_of(project).hand_written())
    assert set(pages) == {f"about/translation-status.{lg}.md" for lg in ("tk", "ru", "en")}
    en = pages["about/translation-status.en.md"]
    # ru: index outdated, about pending, curriculum/index and 3 courses up to date
    assert "| Russian | 4 | 1 | 0 | 0 | 1 |" in en
    assert "[FX-101 Introduction to Social Work](../curriculum/courses/fx-101.md)" in en
    assert "GENERATED" in en
    ru = pages["about/translation-status.ru.md"]
    assert "устарел" in ru and "запланирован" in ru


@pytest.mark.parametrize("text,expected", [
    ("---\ndescription: x\n---\n\n# T\n", "---\ndescription: x\ntranslation_of: abc\n---\n\n# T\n"),
    ("---\ntranslation_of: 123\n---\n# T\n", "---\ntranslation_of: abc\n---\n# T\n"),
    ("# No front matter\n", "---\ntranslation_of: abc\n---\n\n# No front matter\n"),
])
def test_set_recorded(text, expected):
    assert set_recorded(text, "abc") == expected
    assert recorded(expected)[0] == "abc"


def test_recorded_reads_an_all_digit_hash_as_written():
    """YAML would read 012345670123 as an octal number; the hash is taken as written."""
    assert recorded("---\ntranslation_of: 012345670123\n---\n")[0] == "012345670123"
