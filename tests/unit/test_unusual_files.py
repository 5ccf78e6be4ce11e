"""Every file a faculty member's editor can produce is accepted, or refused with file and line —
never a traceback. Each case writes the real bytes (Notepad's BOM, Windows line endings, text in
Windows-1251 and Latin-1, UTF-16 …) into a copy of the fixture project and runs the checks."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from sosial_is.cli import main
from sosial_is.core.sources import decode, read_source
from support import check

C = "curriculum/courses"
COURSE_TK = f"{C}/FX-101/tk.md"
COURSE_RU = f"{C}/FX-101/ru.md"


def codes(root: Path, path: str | None = None) -> list[tuple[str, int, str]]:
    return [(f.path, f.line, f.code) for f in check(root) if path is None or f.path == path]


def rewrite(root: Path, rel: str, transform) -> None:
    path = root / rel
    path.write_bytes(transform(path.read_bytes()))


# --- accepted ------------------------------------------------------------------------------------

@pytest.mark.parametrize("transform", [
    pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="utf8-bom (Notepad)"),
    pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf (Windows)"),
    pytest.param(lambda b: b.replace(b"\n", b"\r"), id="cr (old Mac)"),
    pytest.param(lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n", 5), id="bom + mixed endings"),
])
@pytest.mark.parametrize("rel", [COURSE_TK, COURSE_RU, "docs/index.en.md", f"{C}/FX-101/course.yml",
                                 "curriculum/glossary.yml"])
def test_utf8_with_bom_and_any_line_endings_pass(project, rel, transform):
    rewrite(project, rel, transform)
    assert [f for f in check(project) if f.severity == "error"] == []


def test_bom_course_file_keeps_its_title_and_sections(project):
    rewrite(project, COURSE_TK, lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"))
    assert codes(project, COURSE_TK) == []  # no "missing title", no "text outside any section"


# --- refused, with file and line ----------------------------------------------------------------

def _legacy(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@pytest.mark.parametrize("rel,encoding,guess", [
    (COURSE_RU, "cp1251", "Windows-1251"),
    (COURSE_TK, "latin-1", None),       # Turkmen letters outside Latin-1 become '?': still refused
    (COURSE_TK, "cp1250", "Windows-1250"),
    ("docs/index.ru.md", "cp1251", "Windows-1251"),
    (f"{C}/FX-101/course.yml", "utf-16", "UTF-16"),
])
def test_legacy_encoding_is_one_finding_with_line_and_guess(project, rel, encoding, guess):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    data = _legacy(text, encoding)
    try:
        data.decode("utf-8")
        pytest.skip("this text happens to be valid UTF-8 in that encoding")
    except UnicodeDecodeError as exc:
        expected_line = data.count(b"\n", 0, exc.start) + 1
    path.write_bytes(data)
    found = [f for f in check(project) if f.path == rel]
    assert [(f.line, f.code) for f in found] == [(expected_line, "FILE-ENCODING")]
    if guess:
        assert found[0].param("encoding") == guess
    message = found[0].format("en")
    assert "save it as UTF-8" in message


def test_turkmen_text_in_windows_1251_names_the_line(project):
    """Turkmen Latin letters are not in Windows-1251 at all; Russian text saved by an old
    Russian-locale Notepad is."""
    path = project / COURSE_RU
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] = "Это строка в кодировке Windows-1251."
    path.write_bytes("\n".join(lines[:9]).encode("utf-8") + b"\n" + "\n".join(lines[9:]).encode("cp1251"))
    assert ("curriculum/courses/FX-101/ru.md", 10, "FILE-ENCODING") in codes(project)


def test_other_files_are_still_checked_when_one_cannot_be_read(project):
    rewrite(project, COURSE_RU, lambda b: b.decode("utf-8").encode("cp1251", "replace"))
    (project / "docs/index.en.md").write_text(
        (project / "docs/index.en.md").read_text(encoding="utf-8").replace(
            "[Curriculum](curriculum/index.md)", "[x](nothing.md)"), encoding="utf-8")
    got = codes(project)
    assert ("docs/index.en.md", 8, "LINK-BROKEN") in got
    assert (COURSE_RU, 1, "FILE-ENCODING") in [(p, 1, c) for p, _, c in got]


def test_nul_bytes_are_not_text(project):
    rewrite(project, "docs/index.en.md", lambda b: b[:40] + b"\x00\x00" + b[40:])
    assert [c for p, _, c in codes(project) if p == "docs/index.en.md"] == ["FILE-BINARY"]


@pytest.mark.parametrize("rel", [COURSE_TK, f"{C}/FX-101/course.yml", "curriculum/references.yml",
                                 "curriculum/glossary.yml", "curriculum/competencies.yml",
                                 "curriculum/programmes/fx.yml"])
@pytest.mark.parametrize("content", [b"", b"\n\n", b"# only a comment\n"])
def test_empty_source_is_one_error_without_follow_ons(project, rel, content):
    if rel.endswith(".md") and content.startswith(b"#"):
        content = b"   \n"
    (project / rel).write_bytes(content)
    found = [(f.path, f.code) for f in check(project) if f.severity == "error"]
    assert found == [(rel, "FILE-EMPTY")], found


def test_empty_page_is_a_warning(project):
    (project / "docs/index.en.md").write_bytes(b"\n")
    found = [(f.code, f.severity) for f in check(project) if f.path == "docs/index.en.md"]
    assert ("PAGE-EMPTY", "warning") in found and all(s == "warning" for _, s in found)


def test_a_folder_where_a_file_should_be(project):
    (project / COURSE_TK).unlink()
    (project / COURSE_TK).mkdir()
    (project / "docs/about/extra.tk.md").mkdir()
    got = codes(project)
    assert (COURSE_TK, 0, "FILE-IS-FOLDER") in got
    assert ("docs/about/extra.tk.md", 0, "FILE-IS-FOLDER") in got


def test_symlink_loop(project):
    os.symlink("loop.tk.md", project / "docs/loop.tk.md")
    got = [(p, c) for p, _, c in codes(project) if p == "docs/loop.tk.md"]
    assert ("docs/loop.tk.md", "FILE-UNREADABLE") in got


def test_broken_symlink(project):
    os.symlink("nowhere.tk.md", project / "docs/gone.tk.md")
    assert ("docs/gone.tk.md", "FILE-UNREADABLE") in [(p, c) for p, _, c in codes(project)]


def test_a_file_over_the_size_limit(project):
    page = project / "docs/about/huge.tk.md"
    page.write_bytes(b"# Huge\n\n" + b"word " * 500_000)
    assert ("docs/about/huge.tk.md", 0, "FILE-TOO-LARGE") in codes(project)


def test_names_with_spaces_or_non_ascii_letters(project):
    (project / "docs/about/Gizlinlik ýazgy.tk.md").write_text("# Gizlinlik\n", encoding="utf-8")
    found = [f for f in check(project) if f.code == "FILE-NAME"]
    assert [f.path for f in found] == ["docs/about/Gizlinlik ýazgy.tk.md"]
    assert found[0].severity == "warning"
    assert "gizlinlik-yazgy.tk.md" in found[0].format("en")


def test_course_folder_without_course_yml(project):
    (project / f"{C}/FX-301").mkdir()
    (project / f"{C}/FX-301/tk.md").write_text("---\ntitle: X\n---\n", encoding="utf-8")
    assert (f"{C}/FX-301/course.yml", 0, "COURSE-FACTS-MISSING") in codes(project)


# --- no cascades ----------------------------------------------------------------------------------

def test_a_broken_course_is_known_but_broken(project):
    """A YAML error in FX-101 is reported once: not again as an unknown prerequisite of FX-201,
    an unknown course of the programme, or wrong credit totals."""
    path = project / f"{C}/FX-101/course.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("credits: 5", "credits: [5"), encoding="utf-8")
    got = [c for _, _, c in codes(project) if c not in ("TRANSLATION-OUTDATED",)]
    assert "YAML-SYNTAX" in got
    assert not {"PREREQ-UNKNOWN", "PROGRAMME-COURSE-UNKNOWN", "SEMESTER-CREDITS", "YEAR-CREDITS",
                "PROGRAMME-CREDITS", "COMPETENCY-COVERAGE"} & set(got), got


def test_a_broken_bibliography_does_not_make_every_citation_unknown(project):
    (project / "curriculum/references.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    got = [c for _, _, c in codes(project)]
    assert "YAML-SYNTAX" in got and "CITE-UNKNOWN" not in got and "REFERENCE-UNKNOWN" not in got


def test_the_summary_says_how_many_files_could_not_be_read(project, capsys):
    rewrite(project, COURSE_RU, lambda b: b.decode("utf-8").encode("cp1251", "replace"))
    rewrite(project, "docs/index.ru.md", lambda b: b.decode("utf-8").encode("cp1251", "replace"))
    assert main(["--lang", "en", "check", "--config", str(project / "mkdocs.yml")]) == 1
    assert "2 file(s) could not be read" in capsys.readouterr().err


# --- the reader itself ------------------------------------------------------------------------------

def test_decode_normalises_and_refuses():
    assert decode(b"\xef\xbb\xbfa\r\nb\rc\n", Path("x")).text == "a\nb\nc\n"
    bad = decode("a\nb\nçaga".encode("cp1250"), Path("x"))
    assert bad.text is None and bad.problem.line == 3 and bad.problem.code == "FILE-ENCODING"


def test_read_source_never_raises(tmp_path):
    assert read_source(tmp_path / "missing.md").problem.code == "FILE-MISSING"
    assert read_source(tmp_path).problem.code == "FILE-IS-FOLDER"
