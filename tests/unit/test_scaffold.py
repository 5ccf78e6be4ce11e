"""scaffold/commands.py: requests are validated with clear findings, programme files are edited
minimally (comments survive), and a scaffolded course or page cannot pass the checks."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sosial_is.checks.placeholders import check_placeholders
from sosial_is.cli import main
from sosial_is.markdown.scanner import scan
from sosial_is.scaffold.commands import ScaffoldError, add_to_semester, plan_course, plan_page
from support import check, make_project

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "project"
TITLES = {"tk": "Toparlaýyn iş", "ru": "Групповая работа", "en": "Group work"}


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [f.code for f in exc.value.findings]


# --- editing the programme as text ---------------------------------------------------------------

FLOW = """# Programme with comments that must survive
id: fx
semesters:
  - number: 1   # first
    courses: [FX-101, FX-102]  # keep me
  - number: 2
    courses: [FX-201]
"""

BLOCK = """id: fx
semesters:
  - number: 1
    courses:
      - FX-101   # intro
      - FX-102
  # between semesters
  - number: 2
    courses:
    - FX-201
"""


def test_flow_list_gets_one_insertion():
    new = add_to_semester(Path("fx.yml"), FLOW, 1, "FX-103")
    assert new == FLOW.replace("[FX-101, FX-102]", "[FX-101, FX-102, FX-103]")


def test_block_list_gets_one_line_with_the_same_indent():
    new = add_to_semester(Path("fx.yml"), BLOCK, 1, "FX-103")
    assert new == BLOCK.replace("      - FX-102\n", "      - FX-102\n      - FX-103\n")
    new = add_to_semester(Path("fx.yml"), BLOCK, 2, "FX-202")
    assert new == BLOCK + "    - FX-202\n"
    assert yaml.safe_load(new)["semesters"][1]["courses"] == ["FX-201", "FX-202"]


def test_file_without_final_newline():
    text = BLOCK.rstrip("\n")
    new = add_to_semester(Path("fx.yml"), text, 2, "FX-202")
    assert yaml.safe_load(new)["semesters"][1]["courses"] == ["FX-201", "FX-202"]


def test_empty_flow_list():
    text = "semesters:\n  - number: 1\n    courses: []\n"
    assert add_to_semester(Path("x.yml"), text, 1, "FX-101") == text.replace("[]", "[FX-101]")


def test_unknown_semester_lists_the_known_ones():
    with pytest.raises(ScaffoldError) as exc:
        add_to_semester(Path("fx.yml"), FLOW, 7, "FX-103")
    assert codes(exc) == ["SCAFFOLD-SEMESTER-UNKNOWN"]
    assert dict(exc.value.findings[0].params)["known"] == "1, 2"
    assert exc.value.findings[0].line == 3


def test_code_already_listed_in_the_programme():
    with pytest.raises(ScaffoldError) as exc:
        add_to_semester(Path("fx.yml"), FLOW, 2, "FX-102")
    assert codes(exc) == ["SCAFFOLD-CODE-EXISTS"]


# --- validating new-course requests --------------------------------------------------------------

@pytest.mark.parametrize("code", ["sw-215", "SW215", "SW-2155", "S-215", "SWXYZ-215", "SW-21a"])
def test_bad_code_format(project, code):
    with pytest.raises(ScaffoldError) as exc:
        plan_course(project, code, TITLES, 1, 5, "fx")
    assert codes(exc) == ["SCAFFOLD-CODE-FORMAT"]


def test_existing_course(project):
    with pytest.raises(ScaffoldError) as exc:
        plan_course(project, "FX-101", TITLES, 1, 5, "fx")
    assert "SCAFFOLD-CODE-EXISTS" in codes(exc)


def test_unknown_programme_names_the_known_ones(project):
    with pytest.raises(ScaffoldError) as exc:
        plan_course(project, "FX-103", TITLES, 1, 5, "bsw")
    assert codes(exc) == ["SCAFFOLD-PROGRAMME-UNKNOWN"]
    assert dict(exc.value.findings[0].params)["known"] == "fx"


def test_every_problem_at_once(project):
    with pytest.raises(ScaffoldError) as exc:
        plan_course(project, "fx-1", {"tk": "", "ru": "TODO", "en": "Group work"}, 1, 0, "fx")
    assert sorted(codes(exc)) == ["SCAFFOLD-CODE-FORMAT", "SCAFFOLD-CREDITS",
                                  "SCAFFOLD-TITLE-MISSING", "SCAFFOLD-TITLE-MISSING"]


def test_refused_request_writes_nothing(project):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    programme = (project / "curriculum/programmes/fx.yml").read_text(encoding="utf-8")
    assert main(["--lang", "en", "new-course", "FX-103", "--semester", "9", "--credits", "5",
                 "--programme", "fx", "--title-tk", "a", "--title-ru", "b", "--title-en", "c",
                 "--config", str(project / "mkdocs.yml")]) == 1
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert (project / "curriculum/programmes/fx.yml").read_text(encoding="utf-8") == programme


# --- a scaffolded course fails the checks ---------------------------------------------------------

def test_scaffolded_course_cannot_pass(project, capsys):
    assert main(["--lang", "tk", "new-course", "FX-103", "--semester", "1", "--credits", "5",
                 "--programme", "fx", "--title-tk", TITLES["tk"], "--title-ru", TITLES["ru"],
                 "--title-en", TITLES["en"], "--config", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out
    assert "Döredildi: curriculum/courses/FX-103/course.yml" in out
    folder = project / "curriculum/courses/FX-103"
    assert sorted(p.name for p in folder.iterdir()) == ["course.yml", "en.md", "ru.md", "tk.md"]
    assert 'title: "Toparlaýyn iş"' in (folder / "tk.md").read_text(encoding="utf-8")
    findings = check(project)
    by_file: dict[str, set[str]] = {}
    for f in findings:
        by_file.setdefault(Path(f.path).name if "FX-103" in f.path else f.path, set()).add(f.code)
    assert by_file["course.yml"] == {"HOURS-CREDITS", "COMPETENCY-UNKNOWN", "REFERENCE-UNKNOWN",
                                     "WEIGHTS-SUM"}
    for lang in ("tk", "ru", "en"):
        assert {"PLACEHOLDER", "COURSE-DESCRIPTION-SHORT", "COURSE-OUTCOMES-FEW"} <= by_file[f"{lang}.md"]
        text = (folder / f"{lang}.md").read_text(encoding="utf-8").splitlines()
        # the optional search fields are offered in the front matter, commented out
        assert all(any(line.startswith(f"# {field}: [") for line in text[:6])
                   for field in ("keywords", "questions"))
        todo_lines = {i for i, line in enumerate(text, start=1) if "TODO" in line}
        reported = {f.line for f in findings if f.code == "PLACEHOLDER" and f.path.endswith(f"FX-103/{lang}.md")}
        assert reported == todo_lines


# --- new-page -------------------------------------------------------------------------------------

def test_new_page_three_languages_and_fails_until_filled(project):
    planned = plan_page(project, "ethics/supervision", TITLES)
    planned.write()
    for lang in ("tk", "ru", "en"):
        text = (project / f"docs/ethics/supervision.{lang}.md").read_text(encoding="utf-8")
        assert text.startswith("---\ndescription: ")
        front, body = text.split("\n---\n", 1)
        assert f"\n# {TITLES[lang]}\n" in body and body.count("\n# ") == 1
        # the optional search fields are offered in the front matter, commented out, and are
        # valid once the "#" is removed
        offered = yaml.safe_load(front.removeprefix("---\n").replace("# keywords:", "keywords:")
                                 .replace("# questions:", "questions:"))
        assert isinstance(offered["keywords"], list) and isinstance(offered["questions"], list)
    findings = [f for f in check(project)
                if "supervision" in f.path and f.severity == "error"]
    assert sorted({(Path(f.path).name, f.code) for f in findings}) == [
        (f"supervision.{lang}.md", "PLACEHOLDER") for lang in ("en", "ru", "tk")]


@pytest.mark.parametrize("name", ["Ethics/Supervision", "supervision", "ethics/super vision", "../x/y"])
def test_bad_page_names(project, name):
    with pytest.raises(ScaffoldError) as exc:
        plan_page(project, name, TITLES)
    assert codes(exc) == ["SCAFFOLD-PAGE-NAME"]


def test_existing_page(project):
    with pytest.raises(ScaffoldError) as exc:
        plan_page(project, "curriculum/index", TITLES)
    assert codes(exc) == ["SCAFFOLD-PAGE-EXISTS"]


def test_page_placeholders_ignore_code():
    text = "Write `TODO` markers.\n```\nTODO in a fence\n```\nTODO: real one\n"
    assert [f.line for f in check_placeholders(Path("docs/x.en.md"), scan(text))] == [5]


def test_placeholders_in_front_matter_count():
    text = '---\ndescription: "TODO: one sentence"\n---\n\n# Title\n'
    assert [f.line for f in check_placeholders(Path("docs/x.en.md"), scan(text))] == [2]


def test_a_four_backtick_block_showing_a_three_backtick_block_is_code_to_its_end():
    """The contributing guide shows code blocks inside ````markdown blocks: a TODO inside is an
    example, and the text after the block is not code."""
    text = ("# Title\n\n````markdown\n```yaml\ntitle: TODO\n```\nTODO inside the example\n````\n\n"
            "TODO after the block\n")
    assert [f.line for f in check_placeholders(Path("docs/x.en.md"), scan(text))] == [10]
