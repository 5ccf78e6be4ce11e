"""Every check fed a broken copy of the fixture curriculum: the exact file, line and code.

The fixture (tests/fixtures/project) is valid; each case applies one faulty edit, as a
contributor might, and asserts the finding a contributor would need to fix it.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sosial_is.core.findings import Finding
from support import check

C = "curriculum/courses"


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def copy_course(src: str, dst: str) -> Callable[[Path], None]:
    return lambda root: shutil.copytree(root / C / src, root / C / dst)


def append(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(text)
    return edit


CASES = [
    # (id, edit, file, line, code)
    ("yaml-syntax", replace(f"{C}/FX-201/course.yml", "credits: 10", "credits: [10"),
     f"{C}/FX-201/course.yml", 3, "YAML-SYNTAX"),
    ("yaml-duplicate-key", replace(f"{C}/FX-201/course.yml", "credits: 10\n", "credits: 10\ncredits: 10\n"),
     f"{C}/FX-201/course.yml", 3, "YAML-DUPLICATE-KEY"),
    ("unknown-field", replace(f"{C}/FX-201/course.yml", "readings:", "reading:"),
     f"{C}/FX-201/course.yml", 9, "SCHEMA-UNKNOWN-FIELD"),
    ("missing-field", replace(f"{C}/FX-201/course.yml", "credits: 10\n", ""),
     f"{C}/FX-201/course.yml", 1, "SCHEMA-MISSING-FIELD"),
    ("wrong-type", replace(f"{C}/FX-201/course.yml", "credits: 10", "credits: ten"),
     f"{C}/FX-201/course.yml", 2, "SCHEMA-WRONG-VALUE"),
    ("bad-level", replace(f"{C}/FX-201/course.yml", "C2: D}", "C2: X}"),
     f"{C}/FX-201/course.yml", 5, "SCHEMA-WRONG-VALUE"),
    ("bad-code-format", replace(f"{C}/FX-201/course.yml", "code: FX-201", "code: fx201"),
     f"{C}/FX-201/course.yml", 1, "SCHEMA-WRONG-VALUE"),
    ("code-folder", replace(f"{C}/FX-201/course.yml", "code: FX-201", "code: FX-202"),
     f"{C}/FX-201/course.yml", 1, "COURSE-CODE-FOLDER"),
    ("duplicate-course", copy_course("FX-101", "FX-109"),
     f"{C}/FX-109/course.yml", 1, "COURSE-DUPLICATE"),
    ("unknown-prereq", replace(f"{C}/FX-201/course.yml", "[FX-101, FX-102]", "[FX-101, FX-109]"),
     f"{C}/FX-201/course.yml", 4, "PREREQ-UNKNOWN"),
    ("unknown-competency", replace(f"{C}/FX-201/course.yml", "C2: D}", "C9: D}"),
     f"{C}/FX-201/course.yml", 5, "COMPETENCY-UNKNOWN"),
    ("unknown-reading", replace(f"{C}/FX-201/course.yml", "ref-ethics]", "ref-ethic]"),
     f"{C}/FX-201/course.yml", 9, "REFERENCE-UNKNOWN"),
    ("prereq-cycle", replace(f"{C}/FX-101/course.yml", "prerequisites: []", "prerequisites: [FX-201]"),
     f"{C}/FX-101/course.yml", 4, "PREREQ-CYCLE"),
    ("prereq-same-semester", replace(f"{C}/FX-102/course.yml", "prerequisites: []", "prerequisites: [FX-101]"),
     f"{C}/FX-102/course.yml", 4, "PREREQ-ORDER"),
    ("weights", replace(f"{C}/FX-201/course.yml", "weight: 30}", "weight: 20}"),
     f"{C}/FX-201/course.yml", 6, "WEIGHTS-SUM"),
    ("hours-credits", replace(f"{C}/FX-201/course.yml", "independent: 120", "independent: 100"),
     f"{C}/FX-201/course.yml", 3, "HOURS-CREDITS"),
    ("semester-credits", replace("curriculum/programmes/fx.yml", "semester_credits: 10", "semester_credits: 12"),
     "curriculum/programmes/fx.yml", 12, "SEMESTER-CREDITS"),
    ("year-credits", replace("curriculum/programmes/fx.yml", "year_credits: 20", "year_credits: 30"),
     "curriculum/programmes/fx.yml", 10, "YEAR-CREDITS"),
    ("programme-credits", replace("curriculum/programmes/fx.yml", "total_credits: 20", "total_credits: 24"),
     "curriculum/programmes/fx.yml", 1, "PROGRAMME-CREDITS"),
    ("programme-unknown-course", replace("curriculum/programmes/fx.yml", "[FX-201]", "[FX-201, FX-299]"),
     "curriculum/programmes/fx.yml", 13, "PROGRAMME-COURSE-UNKNOWN"),
    ("orphan", replace("curriculum/programmes/fx.yml", "[FX-101, FX-102]", "[FX-101]"),
     f"{C}/FX-102/course.yml", 1, "COURSE-ORPHAN"),
    ("missing-language", delete(f"{C}/FX-101/ru.md"),
     f"{C}/FX-101/ru.md", 0, "COURSE-LANG-MISSING"),
    ("unknown-section", replace(f"{C}/FX-101/en.md", "## Learning outcomes", "## Learning outcome"),
     f"{C}/FX-101/en.md", 10, "COURSE-SECTION-UNKNOWN"),
    ("missing-section", replace(f"{C}/FX-101/en.md", "## Learning outcomes", "## Learning outcome"),
     f"{C}/FX-101/en.md", 2, "COURSE-SECTION-MISSING"),
    ("outcomes-differ", replace(f"{C}/FX-101/ru.md", "4. Применяет этические принципы.\n", ""),
     f"{C}/FX-101/ru.md", 10, "COURSE-OUTCOMES-DIFFER"),
    ("topics-differ", replace(f"{C}/FX-101/ru.md", "3. Планирование\n", ""),
     f"{C}/FX-101/ru.md", 17, "COURSE-TOPICS-DIFFER"),
    ("too-few-outcomes", replace(f"{C}/FX-101/ru.md", "4. Применяет этические принципы.\n", ""),
     f"{C}/FX-101/ru.md", 10, "COURSE-OUTCOMES-FEW"),
    ("short-description", replace(f"{C}/FX-101/en.md", "## Description\n\n", "## Description\n\nShort.\n\n## Notes\n\n"),
     f"{C}/FX-101/en.md", 6, "COURSE-DESCRIPTION-SHORT"),
    ("placeholder", replace(f"{C}/FX-101/en.md", "2. Assess needs.", "2. TODO: write this outcome"),
     f"{C}/FX-101/en.md", 13, "PLACEHOLDER"),
    ("missing-title", replace(f"{C}/FX-101/en.md", "title: Introduction to Social Work\n", "titel: Intro\n"),
     f"{C}/FX-101/en.md", 1, "COURSE-TITLE-MISSING"),
    ("front-matter-yaml", replace(f"{C}/FX-101/en.md", "title: Introduction to Social Work", "title: [Introduction"),
     f"{C}/FX-101/en.md", 3, "YAML-SYNTAX"),
    ("duplicate-reference", append("curriculum/references.yml",
                                   "- id: ref-ethics\n  type: book\n  authors: [X]\n  year: 2000\n  title: T\n"),
     "curriculum/references.yml", 15, "DUPLICATE-ID"),
    ("glossary-missing-language", replace("curriculum/glossary.yml",
                                          '  en: {term: case management, definition: "Planning and coordinating services."}\n', ""),
     "curriculum/glossary.yml", 7, "SCHEMA-MISSING-FIELD"),
    ("glossary-bad-status", replace("curriculum/glossary.yml", "status: proposed", "status: maybe"),
     "curriculum/glossary.yml", 8, "SCHEMA-WRONG-VALUE"),
    ("competencies-yaml", replace("curriculum/competencies.yml", "  - id: C2\n", "  - id: C2\n   bad indent\n"),
     "curriculum/competencies.yml", 14, "YAML-SYNTAX"),
    ("citation-unknown", replace("docs/index.en.md", "[@ref-definition]", "[@ref-definiton]"),
     "docs/index.en.md", 8, "CITE-UNKNOWN"),
    ("synonym-two-words", replace("curriculum/search-synonyms.yml", "kinfolk", "kin folk"),
     "curriculum/search-synonyms.yml", 7, "SCHEMA-WRONG-VALUE"),
    ("synonym-no-site", replace("curriculum/search-synonyms.yml", "site: семьями}", "reader: [x]}"),
     "curriculum/search-synonyms.yml", 5, "SCHEMA-MISSING-FIELD"),
    ("synonym-language", append("curriculum/search-synonyms.yml", "de:\n  - {reader: [Sippe], site: Familie}\n"),
     "curriculum/search-synonyms.yml", 8, "SCHEMA-UNKNOWN-FIELD"),
    ("coverage", replace(f"{C}/FX-201/course.yml", "C2: D}", "C2: P}"),
     "curriculum/competencies.yml", 13, "COMPETENCY-COVERAGE"),
]


def test_fixture_is_clean(project: Path) -> None:
    assert check(project) == []


@pytest.mark.parametrize("edit,path,line,code", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_input_is_reported_with_file_line_and_code(project, edit, path, line, code) -> None:
    edit(project)
    findings: list[Finding] = check(project)
    got = [(f.path, f.line, f.code) for f in findings]
    assert (path, line, code) in got, "\n".join(f.format() for f in findings)


def test_broken_file_does_not_cascade(project) -> None:
    """A syntax error in competencies.yml is one finding, not one per course that uses them."""
    replace("curriculum/competencies.yml", "  - id: C2\n", "  - id: C2\n   bad indent\n")(project)
    codes = [f.code for f in check(project)]
    assert codes == ["YAML-SYNTAX"]


def test_cycle_names_every_course(project) -> None:
    replace(f"{C}/FX-101/course.yml", "prerequisites: []", "prerequisites: [FX-201]")(project)
    cycle = [f for f in check(project) if f.code == "PREREQ-CYCLE"]
    assert len(cycle) == 1
    assert "FX-101 → FX-201 → FX-101" in cycle[0].format()


def test_did_you_mean_for_unknown_field(project) -> None:
    replace(f"{C}/FX-201/course.yml", "readings:", "reading:")(project)
    messages = [f.format() for f in check(project)]
    assert any("did you mean 'readings'" in m for m in messages), messages


def test_messages_in_each_language(project) -> None:
    replace(f"{C}/FX-201/course.yml", "weight: 30}", "weight: 20}")(project)
    finding = next(f for f in check(project) if f.code == "WEIGHTS-SUM")
    assert "not 100" in finding.format("en")
    assert "должна быть 100" in finding.format("ru")
    assert "100 bolmaly" in finding.format("tk")


def test_cli_exit_code_and_format(project, capsys) -> None:
    from sosial_is.cli import main
    assert main(["--lang", "en", "check", "--config", str(project / "mkdocs.yml")]) == 0
    replace(f"{C}/FX-201/course.yml", "independent: 120", "independent: 100")(project)
    assert main(["--lang", "en", "check", "--config", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert f"{C}/FX-201/course.yml:3: HOURS-CREDITS" in err
    assert " — 1 ECTS = 30 hours" in err


def test_lang_option_before_or_after_the_command(project, capsys) -> None:
    from sosial_is.cli import main
    replace(f"{C}/FX-201/course.yml", "weight: 30}", "weight: 20}")(project)
    assert main(["check", "--lang", "ru", "--config", str(project / "mkdocs.yml")]) == 1
    assert "должна быть 100" in capsys.readouterr().err
    assert main(["--lang", "tk", "check", "--config", str(project / "mkdocs.yml")]) == 1
    assert "100 bolmaly" in capsys.readouterr().err
