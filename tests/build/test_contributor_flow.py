"""A new contributor's path, end to end, in a temporary copy of the fixture project:

scaffold a course with the CLI → the checks fail on every placeholder (file and line) → fill the
files from the complete example in docs/contributing/courses.<lang>.md, as CONTRIBUTING says →
the checks pass → the strict build publishes the course in three languages, each page with an
edit link to its own language file and the date of its last change.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, make_project, read_html, run_build

LANGS = ("tk", "ru", "en")
PREFIX = {"tk": "", "ru": "ru/", "en": "en/"}
REPO = "https://github.com/sosial-is/portal"
DAY = "2026-01-15"
GUIDE = ROOT / "docs" / "contributing"


def cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``scripts/run …`` as a contributor types it in the project folder (no GitHub annotations)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_ACTIONS": "false"}
    return subprocess.run([sys.executable, "-m", "sosial_is", "--lang", "en", *args],
                          cwd=project, env=env, capture_output=True, text=True)


def git(project: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Faculty", "GIT_AUTHOR_EMAIL": "f@example.org",
           "GIT_COMMITTER_NAME": "Faculty", "GIT_COMMITTER_EMAIL": "f@example.org",
           "GIT_AUTHOR_DATE": f"{DAY}T10:00:00+00:00", "GIT_COMMITTER_DATE": f"{DAY}T10:00:00+00:00"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def example(lang: str, kind: str) -> str:
    """The complete example (```yaml or ```markdown block) of the guide in ``lang``."""
    text = (GUIDE / f"courses.{lang}.md").read_text(encoding="utf-8")
    match = re.search(rf"```{kind}\n(.*?)```", text, re.S)
    assert match, f"courses.{lang}.md has no ```{kind} example"
    return match.group(1)


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("contributor") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the project as cloned")
    return project


def test_1_scaffold(flow):
    result = cli(flow, "new-course", "FX-202", "--semester", "2", "--credits", "5",
                 "--programme", "fx", "--title-tk", "Maýyplygy bolan adamlar bilen durmuş işi",
                 "--title-ru", "Социальная работа с людьми с инвалидностью",
                 "--title-en", "Social Work with Persons with Disabilities")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Created: curriculum/courses/FX-202/course.yml" in result.stdout
    assert "courses: [FX-201, FX-202]" in (flow / "curriculum/programmes/fx.yml").read_text(encoding="utf-8")


def test_2_check_fails_on_every_placeholder(flow):
    result = cli(flow, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for lang in LANGS:
        rel = f"curriculum/courses/FX-202/{lang}.md"
        source = (flow / rel).read_text(encoding="utf-8").splitlines()
        todo = [i for i, line in enumerate(source, start=1) if "TODO" in line]
        assert len(todo) == 4
        for no in todo:
            assert any(line.startswith(f"{rel}:{no}: PLACEHOLDER unfilled placeholder (TODO)")
                       for line in lines), f"{rel}:{no} not reported"
    for code in ("HOURS-CREDITS", "COMPETENCY-UNKNOWN", "WEIGHTS-SUM", "REFERENCE-UNKNOWN"):
        assert any(line.startswith("curriculum/courses/FX-202/course.yml:") and f" {code} " in line
                   for line in lines), code
    # Nothing half-empty is published: the build refuses too.
    build = run_build(flow, flow / "site")
    assert build.returncode != 0
    assert not (flow / "site").exists()


def test_3_fill_as_the_guide_says(flow):
    folder = flow / "curriculum/courses/FX-202"
    facts = example("en", "yaml")
    # The guide's example uses the real curriculum's ids; the fixture has its own.
    facts = facts.replace("code: SW-312", "code: FX-202")
    facts = facts.replace("prerequisites: [SW-201]", "prerequisites: [FX-101]")
    facts = re.sub(r"competencies:(.*?)\n((?:  C\d+: [IPD]\n)+)",
                   r"competencies:\1\n  C1: P\n  C2: P\n", facts, flags=re.S)
    facts = re.sub(r"readings: \[.*\]", "readings: [ref-ethics]", facts)
    (folder / "course.yml").write_text(facts, encoding="utf-8")
    for lang in LANGS:
        (folder / f"{lang}.md").write_text(example(lang, "markdown"), encoding="utf-8")
    result = cli(flow, "check")
    # The semester now has 15 credits: the guide says a new course takes credits from another.
    assert "SEMESTER-CREDITS" in result.stderr
    fx201 = flow / "curriculum/courses/FX-201/course.yml"
    fx201.write_text(fx201.read_text(encoding="utf-8").replace(
        "credits: 10", "credits: 5").replace(
        "{lecture: 30, seminar: 30, practice: 120, independent: 120}",
        "{lecture: 15, seminar: 15, practice: 60, independent: 60}"), encoding="utf-8")
    result = cli(flow, "check")
    assert result.returncode == 0, result.stderr


def test_4_build_publishes_three_languages_with_edit_links_and_dates(flow):
    git(flow, "add", "-A")
    git(flow, "commit", "-q", "-m", "Add FX-202")
    result = run_build(flow, flow / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = flow / "site"
    titles = {"tk": "Maýyplygy bolan adamlar bilen durmuş işi",
              "ru": "Социальная работа с людьми с инвалидностью",
              "en": "Social Work with Persons with Disabilities"}
    labels = {"tk": "Soňky üýtgeşme", "ru": "Последнее обновление", "en": "Last update"}
    for lang in LANGS:
        page = read_html(site, f"{PREFIX[lang]}curriculum/courses/fx-202/")
        assert titles[lang] in page
        edit = f'{REPO}/edit/main/curriculum/courses/FX-202/{lang}.md'
        assert f'href="{edit}"' in page, lang
        assert "/tmp/" not in re.search(r'href="[^"]*/edit/main/[^"]*"', page).group(0)
        assert f'<time datetime="{DAY}">' in page and labels[lang] in page
        catalogue = read_html(site, f"{PREFIX[lang]}curriculum/catalogue/")
        assert "fx-202/" in catalogue
    # A hand-written page: its own file in that language; a generated list page: its source folder.
    assert f'href="{REPO}/edit/main/docs/index.ru.md"' in read_html(site, "ru/")
    assert f'href="{REPO}/tree/main/curriculum/courses/"' in read_html(site, "en/curriculum/catalogue/")
