"""core/git.py and project/page_sources.py: the date of a file's last commit, also in a
shallow clone; locale.format_date: how each language writes it."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from sosial_is.core import git as gitdates
from sosial_is.locale import format_date
from sosial_is.project.page_sources import last_change, repo_path


def git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+00:00"
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "docs" / "ethics").mkdir(parents=True)
    (root / "curriculum" / "courses" / "SW-101").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "docs" / "ethics" / "index.tk.md").write_text("a\n", encoding="utf-8")
    (root / "curriculum" / "courses" / "SW-101" / "course.yml").write_text("a\n", encoding="utf-8")
    (root / "curriculum" / "courses" / "SW-101" / "ru.md").write_text("a\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one", date="2025-01-10")
    (root / "curriculum" / "courses" / "SW-101" / "ru.md").write_text("b\n", encoding="utf-8")
    (root / "docs" / "ethics" / "Gizlinlik ýazgy.tk.md").write_text("ü\n", encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "two", date="2025-03-02")
    return root


def test_dates_per_file(repo):
    table = gitdates.file_dates(repo)
    assert table["docs/ethics/index.tk.md"] == dt.date(2025, 1, 10)
    assert table["curriculum/courses/SW-101/ru.md"] == dt.date(2025, 3, 2)
    assert table["docs/ethics/Gizlinlik ýazgy.tk.md"] == dt.date(2025, 3, 2)  # not quoted


def test_latest_of_several_sources_and_folders(repo):
    table = gitdates.file_dates(repo)
    course = ["curriculum/courses/SW-101/course.yml"]
    assert last_change(table, course) == dt.date(2025, 1, 10)
    assert last_change(table, course + ["curriculum/courses/SW-101/ru.md"]) == dt.date(2025, 3, 2)
    assert last_change(table, ["curriculum/courses/"]) == dt.date(2025, 3, 2)
    assert last_change(table, ["docs/new.tk.md"]) is None  # not committed: no date


def test_new_commit_refreshes(repo):
    assert gitdates.file_dates(repo)["docs/ethics/index.tk.md"] == dt.date(2025, 1, 10)
    (repo / "docs" / "ethics" / "index.tk.md").write_text("c\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "three", date="2025-05-05")
    assert gitdates.file_dates(repo)["docs/ethics/index.tk.md"] == dt.date(2025, 5, 5)


def test_shallow_clone_gives_the_only_commits_date(repo, tmp_path):
    """Documented behaviour: with --depth 1 every file carries the single commit's date."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    assert gitdates.is_shallow(clone)
    table = gitdates.file_dates(clone)
    assert table["docs/ethics/index.tk.md"] == dt.date(2025, 3, 2)
    assert table["curriculum/courses/SW-101/course.yml"] == dt.date(2025, 3, 2)


def test_outside_git(tmp_path):
    assert gitdates.file_dates(tmp_path) == {}


def test_format_per_language():
    day = dt.date(2025, 3, 2)
    assert format_date(day, "tk") == "02.03.2025"
    assert format_date(day, "ru") == "02.03.2025"
    assert format_date(day, "en") == "2 March 2025"


def test_repo_path(tmp_path, monkeypatch):
    root = tmp_path / "proj"
    (root / "curriculum" / "courses").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert repo_path(str(root / "curriculum/courses/FX-1/ru.md"), root) == \
        "curriculum/courses/FX-1/ru.md"
    assert repo_path("curriculum/courses/", root) == "curriculum/courses/"
    assert repo_path("proj/curriculum/x.yml", root) == "curriculum/x.yml"  # cwd-relative


def test_export_date_ignores_search_synonyms(repo):
    """The CASE package's lastChangeDateTime: the curriculum's last commit, not the synonyms'."""
    from sosial_is.curriculum.exports import source_date

    assert source_date(repo) == "2025-03-02T12:00:00+00:00"
    (repo / "curriculum" / "search-synonyms.yml").write_text("tk: []\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "synonyms", date="2025-04-20")
    assert source_date(repo) == "2025-03-02T12:00:00+00:00"
    (repo / "curriculum" / "competencies.yml").write_text("c\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "competencies", date="2025-05-01")
    assert source_date(repo) == "2025-05-01T12:00:00+00:00"
