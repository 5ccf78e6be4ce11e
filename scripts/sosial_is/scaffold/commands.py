"""Scaffolding for contributors: ``new-course`` and ``new-page`` write new sources from templates.

Everything the contributor still has to write is marked ``TODO`` (``markdown.scanner.PLACEHOLDER``), and
the scaffold is built so that ``scripts/run check`` fails, with file and line, until every part is
filled in; the build refuses to publish while the checks report errors, so a half-filled course or
page never reaches the site:

- Markdown: each ``TODO`` line is a PLACEHOLDER finding (courses: ``curriculum/rules.py``;
  pages: ``checks/placeholders.py``), and the course minimums (120 words, 4 outcomes) fail too.
- course.yml must stay schema-valid (otherwise the loader drops the course and its prose is never
  checked), so its placeholders are valid values that existing rules reject: hours all 0
  (HOURS-CREDITS), competency ``TODO`` (COMPETENCY-UNKNOWN), reading ``TODO`` (REFERENCE-UNKNOWN)
  and a lone 10 % assessment component (WEIGHTS-SUM).

The programme file is edited as text, one insertion at the place PyYAML reports, so its comments
and layout survive (a YAML round trip would drop the comments).
"""
from __future__ import annotations

import json
import re
import string
import typing
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.atomic import write_atomic
from ..core.findings import Finding, finding, print_findings
from ..core.languages import LANGS
from ..core.sources import read_source
from ..curriculum.model import CODE_PATTERN, HOURS_PER_CREDIT, AssessmentKind
from ..locale import t
from ..markdown.scanner import PLACEHOLDER

TEMPLATES = Path(__file__).parent / "templates"
PAGE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+$")


class ScaffoldError(Exception):
    """A request the scaffolder refuses; carries the findings to print."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.format() for f in findings))
        self.findings = findings


@dataclass
class Planned:
    """Files to write (path -> text); nothing touches the disk until the whole plan is valid."""

    created: dict[Path, str]
    changed: dict[Path, str]

    def write(self) -> None:
        for path, text in {**self.created, **self.changed}.items():
            write_atomic(path, text)


def render(template: str, **values: object) -> str:
    """Fill ``scaffold/templates/<template>`` (``$name`` placeholders; ``$$`` is a dollar sign)."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return string.Template(text).substitute({k: str(v) for k, v in values.items()})


# --- new-course --------------------------------------------------------------------------------

def plan_course(root: Path, code: str, titles: dict[str, str], semester: int, credits: int,
                programme: str) -> Planned:
    """Validate the request and return the files of a new course plus the edited programme."""
    courses = root / "curriculum" / "courses"
    problems: list[Finding] = []
    if not re.match(CODE_PATTERN, code):
        problems.append(finding(courses, 0, "SCAFFOLD-CODE-FORMAT", code=code))
    elif (courses / code).exists() or (courses / code.lower()).exists():
        problems.append(finding(courses / code, 0, "SCAFFOLD-CODE-EXISTS", code=code,
                                where=f"curriculum/courses/{code}/"))
    if not 1 <= credits <= 60:
        problems.append(finding(courses, 0, "SCAFFOLD-CREDITS", credits=credits))
    problems += _title_problems(courses, titles)
    prog_path = root / "curriculum" / "programmes" / f"{programme}.yml"
    new_programme = None
    if not prog_path.exists():
        known = sorted(p.stem for p in prog_path.parent.glob("*.yml"))
        problems.append(finding(prog_path.parent, 0, "SCAFFOLD-PROGRAMME-UNKNOWN",
                                programme=programme, known=", ".join(known) or "—"))
    elif not problems:
        source = read_source(prog_path)
        if not source.ok:
            problems.append(source.problem)
        else:
            try:
                new_programme = add_to_semester(prog_path, source.text, semester, code)
            except ScaffoldError as exc:
                problems += exc.findings
    if problems:
        raise ScaffoldError(problems)
    kinds = ", ".join(typing.get_args(AssessmentKind))
    folder = courses / code
    created = {folder / "course.yml": render("course/course.yml", code=code, credits=credits,
                                             hours=credits * HOURS_PER_CREDIT, kinds=kinds)}
    for lang in LANGS:
        created[folder / f"{lang}.md"] = render(
            f"course/{lang}.md", title_yaml=json.dumps(titles[lang].strip(), ensure_ascii=False))
    return Planned(created, {prog_path: new_programme} if new_programme is not None else {})


def _title_problems(where: Path, titles: dict[str, str]) -> list[Finding]:
    return [finding(where, 0, "SCAFFOLD-TITLE-MISSING", lang=lang) for lang in LANGS
            if not (titles.get(lang) or "").strip() or PLACEHOLDER in titles[lang]]


def add_to_semester(path: Path, text: str, semester: int, code: str) -> str:
    """``text`` of a programme file with ``code`` appended to semester ``semester``'s courses.

    Only the characters at the end of that list change: ``[A, B]`` becomes ``[A, B, CODE]``; a
    block list gets a new ``- CODE`` line with the indentation of the item above it.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ScaffoldError([finding(path, getattr(getattr(exc, "problem_mark", None), "line", 0) + 1,
                                     "YAML-SYNTAX", detail=str(exc).splitlines()[0])]) from exc
    semesters = _get(root, "semesters")
    if not isinstance(semesters, yaml.SequenceNode):
        raise ScaffoldError([finding(path, 1, "SCHEMA-MISSING-FIELD", field="semesters")])
    numbers: list[str] = []
    target = None
    for item in semesters.value:
        number = _get(item, "number")
        if isinstance(number, yaml.ScalarNode):
            numbers.append(number.value)
            if number.value == str(semester):
                target = item
    if target is None:
        key_line = next(k.start_mark.line + 1 for k, v in root.value if v is semesters)
        raise ScaffoldError([finding(path, key_line, "SCAFFOLD-SEMESTER-UNKNOWN", programme=path.stem,
                                     semester=semester, known=", ".join(numbers) or "—")])
    for item in semesters.value:
        listed = _get(item, "courses")
        if isinstance(listed, yaml.SequenceNode) and any(
                getattr(n, "value", None) == code for n in listed.value):
            raise ScaffoldError([finding(path, listed.start_mark.line + 1, "SCAFFOLD-CODE-EXISTS",
                                         code=code, where=f"{path.name}:{listed.start_mark.line + 1}")])
    courses = _get(target, "courses")
    if not isinstance(courses, yaml.SequenceNode):
        raise ScaffoldError([finding(path, target.start_mark.line + 1, "SCHEMA-MISSING-FIELD",
                                     field=f"semesters.{semester}.courses")])
    if courses.flow_style or not courses.value:
        if courses.value:
            at, insert = courses.value[-1].end_mark.index, f", {code}"
        else:  # "courses: []"
            at, insert = text.index("[", courses.start_mark.index) + 1, code
        new = text[:at] + insert + text[at:]
    else:
        last = courses.value[-1]
        lines = text.splitlines(keepends=True)
        item_line = lines[last.start_mark.line]
        indent = item_line[: item_line.index("-")] if "-" in item_line else " " * (last.start_mark.column - 2)
        end_line = last.end_mark.line if last.end_mark.column else last.end_mark.line - 1
        if not lines[end_line].endswith("\n"):
            lines[end_line] += "\n"
        lines.insert(end_line + 1, f"{indent}- {code}\n")
        new = "".join(lines)
    data = yaml.safe_load(new)
    placed = [s for s in data["semesters"] if str(s.get("number")) == str(semester)]
    assert placed and code in placed[0]["courses"], "programme edit did not land; file unchanged"
    return new


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


# --- new-page ----------------------------------------------------------------------------------

def plan_page(root: Path, name: str, titles: dict[str, str]) -> Planned:
    """The three language files of a new hand-written page ``docs/<section>/<name>.<lang>.md``."""
    docs = root / "docs"
    name = name.strip().strip("/").removesuffix(".md")
    problems: list[Finding] = []
    if not PAGE_NAME.match(name):
        problems.append(finding(docs, 0, "SCAFFOLD-PAGE-NAME", name=name))
    else:
        existing = [docs / f"{name}.{lang}.md" for lang in LANGS if (docs / f"{name}.{lang}.md").exists()]
        if existing:
            problems.append(finding(existing[0], 0, "SCAFFOLD-PAGE-EXISTS",
                                    path=f"docs/{name}.{{tk,ru,en}}.md"))
    problems += _title_problems(docs, titles)
    if problems:
        raise ScaffoldError(problems)
    created = {docs / f"{name}.{lang}.md": render(f"page/{lang}.md", title=titles[lang].strip())
               for lang in LANGS}
    return Planned(created, {})


# --- CLI glue ----------------------------------------------------------------------------------

def run(plan: typing.Callable[[], Planned], root: Path, lang: str) -> int:
    """Carry out a plan, printing what was created (or the findings) in ``lang``."""
    try:
        planned = plan()
    except ScaffoldError as exc:
        print_findings(exc.findings, lang)
        return 1
    planned.write()
    for label, paths in ((t("scaffold_created", lang), planned.created),
                         (t("scaffold_changed", lang), planned.changed)):
        for path in paths:
            print(f"{label} {_shown(path, root)}")
    print(t("scaffold_next", lang))
    return 0


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
