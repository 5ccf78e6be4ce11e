"""``scripts/run curriculum-diff``: what a change does to the curriculum, on commits of a fixture
repository (no network): the Markdown names every change in tk, ru and en, the JSON lists them,
a missing ref or a shallow clone stops with a clear finding, and identical sides say "no change".

The repository (a copy of the fixture project, ``support.make_project``) has three commits:
``c0`` without editions; ``c1`` declaring 2026-2027 (current) and 2027-2028 (in preparation,
changing nothing yet); ``c2`` changing the current edition (FX-101: credits and hours; FX-102:
moved to semester 2, C2 from P to D; FX-201: FX-102 no longer a prerequisite) and the 2027-2028
edition (FX-101 at 3 ECTS; a new course FX-301 in semester 2).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sosial_is.cli import main
from sosial_is.core import git as core_git
from support import make_project

PREP = "curriculum/editions/2027-2028"
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), "-c", "commit.gpgsign=false", *args],
                            env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True)
    return result.stdout


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """The fixture repository with commits c0, c1 and c2 (see the module's docstring)."""
    root = make_project(tmp_path_factory.mktemp("repo") / "project")
    git(root, "init", "-q", "-b", "main")
    commit(root, "c0: the fixture project")
    write(root, "curriculum/editions.yml", """
        editions:
          - {id: 2026-2027, status: current}
          - {id: 2027-2028, status: preparation}
        """)
    write(root, f"{PREP}/edition.yml", "removed: []\nrationale: {}\n")
    commit(root, "c1: editions")
    edit(root, "curriculum/courses/FX-101/course.yml", "credits: 5\nhours: {lecture: 30, seminar: 30, "
         "practice: 0, independent: 90}", "credits: 4\nhours: {lecture: 30, seminar: 30, practice: 0, "
         "independent: 60}")
    edit(root, "curriculum/courses/FX-102/course.yml", "{C1: P, C2: P}", "{C1: P, C2: D}")
    edit(root, "curriculum/courses/FX-201/course.yml", "[FX-101, FX-102]", "[FX-101]")
    edit(root, "curriculum/programmes/fx.yml", "[FX-101, FX-102]", "[FX-101]")
    edit(root, "curriculum/programmes/fx.yml", "[FX-201]", "[FX-201, FX-102]")
    why = '{tk: "Sebäbi.", ru: "Причина.", en: "Reason."}'
    write(root, f"{PREP}/edition.yml", f"removed: []\nrationale:\n  FX-101: {why}\n  FX-301: {why}\n"
          f"  fx: {why}\n")
    write(root, f"{PREP}/courses/FX-101/course.yml", """
        credits: 3
        hours: {lecture: 30, seminar: 15, practice: 0, independent: 45}
        """)
    shutil.copytree(root / "curriculum/courses/FX-201", root / PREP / "courses/FX-301")
    edit(root, f"{PREP}/courses/FX-301/course.yml", "code: FX-201", "code: FX-301")
    write(root, f"{PREP}/programmes/fx.yml", """
        semesters:
          - number: 2
            courses: [FX-201, FX-102, FX-301]
        """)
    commit(root, "c2: changes")
    return root


@pytest.fixture
def repo(history: Path, tmp_path: Path, monkeypatch) -> Path:
    """A fresh clone of the history (tests may change its working tree), as the working folder."""
    root = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history), str(root)], check=True, env={**os.environ, **GIT_ENV})
    monkeypatch.chdir(root)
    return root


def run(capsys, *args: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["curriculum-diff", "--lang", lang, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def section(text: str, lang: str) -> str:
    """The <details> block of ``lang``."""
    names = {"tk": "Türkmençe", "ru": "Русский", "en": "English"}
    start = text.index(f"<strong>{names[lang]}</strong>")
    return text[start:text.index("</details>", start)]


# What each change of c1 -> c2 reads like, per language (the words of the "what changed" pages).
CHANGES = {
    "tk": ["Kreditler: 5 → 4 ECTS.", "Sagatlar (özbaşdak iş): 90 → 60.",
           "Indi öňünden talap edilmeýär: FX-102.",
           "C2: tejribede ulanylýar (P) → görkezilýär (D).",
           "Synag maksatnamasy: 1-nji → 2-nji semestr.", "1-nji semestr: 10 → 4 ECTS.",
           "| **C2 Baha bermek** | **1/1/1** | **1/0/2** |"],
    "ru": ["Кредиты: 5 → 4 ECTS.", "Часы (самостоятельная работа): 90 → 60.",
           "Больше не пререквизит: FX-102.",
           "C2: отрабатывается (P) → демонстрируется (D).",
           "Тестовая программа: семестр 1 → 2.", "Семестр 1: 10 → 4 ECTS.",
           "| **C2 Оценка** | **1/1/1** | **1/0/2** |"],
    "en": ["Credits: 5 → 4 ECTS.", "Hours (independent study): 90 → 60.",
           "No longer a prerequisite: FX-102.", "C2: practised (P) → demonstrated (D).",
           "Fixture programme: semester 1 → 2.", "Semester 1: 10 → 4 ECTS.",
           "| **C2 Assessment** | **1/1/1** | **1/0/2** |"],
}
# 2027-2028: FX-101 at 3 ECTS there (5 before), and a new course FX-301.
EDITION_CHANGES = {
    "tk": ["Kreditler: 5 → 3 ECTS.", "Täze kurs (Synag maksatnamasy, 2-nji semestr)."],
    "ru": ["Кредиты: 5 → 3 ECTS.", "Новый курс (Тестовая программа, семестр 2)."],
    "en": ["Credits: 5 → 3 ECTS.", "New course (Fixture programme, semester 2)."],
}
SUMMARY = {
    "tk": "- 2026–2027: 3 kurs üýtgedilýär, 1 maksatnama üýtgedilýär; 2027–2028: 3 kurs "
          "üýtgedilýär, 1 kurs goşulýar, 1 maksatnama üýtgedilýär.",
    "ru": "- 2026–2027: изменено курсов: 3, изменена 1 программа; 2027–2028: изменено курсов: 3, "
          "добавлен 1 курс, изменена 1 программа.",
    "en": "- 2026–2027: 3 courses changed, 1 programme changed; 2027–2028: 3 courses changed, "
          "1 course added, 1 programme changed.",
}


def test_two_commits_every_change_in_three_languages(repo: Path, capsys) -> None:
    code, out, err = run(capsys, "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0, err
    assert out.startswith("## Okuw meýilnamasynda näme üýtgeýär · Что меняется в учебном плане · "
                          "What this change does to the curriculum\n")
    for lang in ("tk", "ru", "en"):
        assert SUMMARY[lang] in out.splitlines(), (lang, out[:800])
        text = section(out, lang)
        current, prep = text.split("### 2027–2028")
        assert current.count("### 2026–2027") == 1
        for i, words in enumerate(CHANGES[lang]):
            assert words in current, (lang, words)
            if i in (2, 3, 4):  # 2027-2028 inherits these; its FX-101 and its sums are its own
                assert words in prep, (lang, words)
        for words in EDITION_CHANGES[lang]:
            assert words in prep and words not in current, (lang, words)
        assert "**FX-102 " in current and "**FX-301 " in prep
    # the contributor's language is open, the others closed; the rationale of an edition's
    # change explains the editions' difference, not the pull request's: it is not shown
    assert out.count("<details open>") == 1 and "<details open>\n<summary><strong>English" in out
    assert "Reason." not in out and "no rationale recorded" not in out


def test_json_lists_every_change(repo: Path, capsys) -> None:
    code, out, _ = run(capsys, "--base", "HEAD~1", "--head", "HEAD", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["base"], data["head"]) == ("HEAD~1", "HEAD")
    editions = {e["id"]: e for e in data["editions"]}
    assert {k: (e["status"], e["changed"]) for k, e in editions.items()} == {
        "2026-2027": ("compared", True), "2027-2028": ("compared", True)}
    courses = {c["code"]: c for c in editions["2026-2027"]["diff"]["courses"]}
    assert courses["FX-101"]["credits"] == {"old": 5, "new": 4}
    assert courses["FX-101"]["hours"] == {"independent": {"old": 90, "new": 60}}
    assert courses["FX-102"]["competencies"] == {"C2": {"old": "P", "new": "D"}}
    assert courses["FX-102"]["placements"] == [{"programme": "fx", "old_semester": 1, "new_semester": 2}]
    assert courses["FX-201"]["prerequisites"] == {"added": [], "removed": ["FX-102"]}
    prog = editions["2026-2027"]["diff"]["programmes"][0]
    assert prog["semester_credits"] == {"1": {"old": 10, "new": 4}, "2": {"old": 10, "new": 15}}
    coverage = editions["2026-2027"]["diff"]["coverage"][0]
    assert coverage["changed"] == ["C2"]
    prep = {c["code"]: c for c in editions["2027-2028"]["diff"]["courses"]}
    assert prep["FX-101"]["credits"] == {"old": 5, "new": 3}
    assert prep["FX-301"]["status"] == "added"


def test_as_ci_runs_it(repo: Path, tmp_path: Path) -> None:
    """A child process, as the workflow runs it, writing a file; the same text as in-process."""
    summary = tmp_path / "summary.md"
    cmd = [sys.executable, "-m", "sosial_is", "curriculum-diff", "--config", str(repo / "mkdocs.yml"),
           "--lang", "en", "--base", "HEAD~1", "--head", "HEAD", "--output", str(summary)]
    result = subprocess.run(cmd, cwd=repo, capture_output=True, text=True,
                            env={**os.environ, **GIT_ENV, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    text = summary.read_text(encoding="utf-8")
    assert SUMMARY["en"] in text and all(w in text for w in CHANGES["ru"])
    assert main(["curriculum-diff", "--lang", "en", "--base", "HEAD~1", "--head", "HEAD",
                 "--output", str(tmp_path / "again.md")]) == 0
    assert (tmp_path / "again.md").read_text(encoding="utf-8") == text


def test_the_working_tree_is_the_default_head(repo: Path, capsys) -> None:
    """Uncommitted edits count; a text changed in one language shows in that language, and the
    other languages say so."""
    edit(repo, "curriculum/courses/FX-201/course.yml", "practice: 120, independent: 120",
         "practice: 150, independent: 90")
    edit(repo, "curriculum/courses/FX-201/en.md", "2. Assess needs.", "2. Assess needs and strengths.")
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 0
    en, tk = section(out, "en"), section(out, "tk")
    assert "Hours (practice): 120 → 150." in en and "Hours (independent study): 120 → 90." in en
    assert "- 2\\. Assess needs<ins> and strengths</ins>." in en
    assert "Sagatlar (tejribe): 120 → 150." in tk and "Assess" not in tk
    assert "- 2026–2027: 1 course changed; 2027–2028: 1 course changed." in out


def test_a_text_changed_in_one_language_only(repo: Path, capsys) -> None:
    edit(repo, "curriculum/courses/FX-201/ru.md", "\n2. ", "\n2. Совместно ")
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 0
    assert "Diňe beýleki dillerdäki tekst üýtgeýär (ru)." in section(out, "tk")
    assert "Only the text in other languages changes (ru)." in section(out, "en")
    assert "<ins>Совместно" in section(out, "ru")


@pytest.mark.parametrize("args", [("--base", "HEAD"), ("--base", "HEAD", "--head", "HEAD"),
                                  ("--base", "HEAD~1", "--head", "HEAD~1")])
def test_identical_sides_say_no_change(repo: Path, capsys, args: tuple) -> None:
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert out.splitlines()[2:5] == ["- Okuw meýilnamasy üýtgemeýär.", "- Учебный план не меняется.",
                                     "- No change to the curriculum."]
    assert "<details" not in out


def test_editions_declared_and_added(repo: Path, capsys) -> None:
    """c0 -> c1: the project starts declaring editions. Its single edition is the current one;
    2027-2028 is a new edition that changes nothing yet."""
    code, out, _ = run(capsys, "--base", "HEAD~2", "--head", "HEAD~1")
    assert code == 0
    assert "- 2027–2028: new edition (in preparation)." in out
    assert "2026–2027" not in out.split("<details")[0]  # the current edition did not change
    assert "New edition (in preparation). What it changes from 2026–2027:\n\nThese two editions do not differ." \
        in section(out, "en")
    code, out, _ = run(capsys, "--base", "HEAD~1", "--head", "HEAD~2", "--format", "json")
    statuses = [(e["id"], e["status"]) for e in json.loads(out)["editions"]]
    assert statuses == [("2026-2027", "compared"), ("2027-2028", "removed")]


def test_an_edition_made_current(repo: Path, capsys) -> None:
    """``edition-promote`` on c1: the statuses change, the content of no edition does."""
    git(repo, "checkout", "-q", "HEAD~1")
    assert main(["edition-promote", "2027-2028", "--lang", "en"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 0
    assert "- 2026–2027: status: current → archived; 2027–2028: status: in preparation → current." in out
    assert "- 2026–2027: ýagdaýy: häzirki → arhiwde; 2027–2028: ýagdaýy: taýýarlanylýar → häzirki." in out
    assert "- 2026–2027: статус: действующая → архивная; 2027–2028: статус: в подготовке → действующая." in out
    assert "####" not in out and "do not differ" not in out  # no course, programme or coverage change


def test_errors_in_a_side_are_said(repo: Path, capsys) -> None:
    (repo / "curriculum/courses/FX-101/course.yml").write_text("credits: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 0
    first = out.split("<details")[0]
    assert re.search(r"⚠ The curriculum has \d+ error\(s\) \(working tree\); changes in files with errors", first)
    assert re.search(r"⚠ Okuw meýilnamasynda \d+ ýalňyşlyk bar \(iş nusgasy\)", first)
    assert re.search(r"⚠ В учебном плане ошибок: \d+ \(рабочая копия\)", first)


def test_a_missing_ref_stops_with_a_clear_message(repo: Path, capsys) -> None:
    code, out, err = run(capsys, "--base", "origin/no-such-branch")
    assert code == 1 and out == ""
    assert "curriculum:1: DIFF-REF-UNKNOWN this repository has no commit 'origin/no-such-branch'" in err
    assert "fetch-depth: 0" in err
    code, _, err = run(capsys, "--base", "origin/no-such-branch", lang="tk")
    assert code == 1 and "bu repozitoriýada 'origin/no-such-branch' commit ýok" in err


def test_a_shallow_clone_says_to_fetch_the_history(repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True,
                   env={**os.environ, **GIT_ENV})
    monkeypatch.chdir(shallow)
    code, _, err = run(capsys, "--base", "HEAD~1", lang="ru")
    assert code == 1
    assert "DIFF-REF-SHALLOW 'HEAD~1' нет в этой копии" in err
    assert "git fetch --unshallow origin" in err and "fetch-depth: 0" in err


def test_outside_git(repo: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    monkeypatch.chdir(copy)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above it either
    code, _, err = run(capsys, "--base", "HEAD")
    assert code == 1 and "DIFF-NO-GIT" in err


def test_extract_gives_the_committed_files_byte_for_byte(repo: Path, tmp_path: Path) -> None:
    """Not ``git archive``: files marked export-ignore are there too, CRLF stays CRLF, links
    stay links; and nothing in the work tree changes."""
    (repo / ".gitattributes").write_text("curriculum/glossary.yml export-ignore\n", encoding="utf-8")
    (repo / "curriculum/notes.txt").write_bytes(b"one\r\ntwo\r\n")
    (repo / "curriculum/link.yml").symlink_to("glossary.yml")
    commit(repo, "c3: attributes")
    status = git(repo, "status", "--porcelain")
    dest = tmp_path / "out"
    assert core_git.extract(repo, core_git.commit(repo, "HEAD"), "curriculum", dest)
    assert (dest / "glossary.yml").read_bytes() == (repo / "curriculum/glossary.yml").read_bytes()
    assert (dest / "notes.txt").read_bytes() == b"one\r\ntwo\r\n"
    assert os.readlink(dest / "link.yml") == "glossary.yml"
    assert (dest / "editions/2027-2028/courses/FX-301/en.md").exists()
    assert git(repo, "status", "--porcelain") == status
    assert not core_git.extract(repo, core_git.commit(repo, "HEAD"), "no-such-folder", tmp_path / "none")


@pytest.mark.parametrize("cut", ["other languages", "open language too", "no room"])
def test_a_summary_over_the_job_summary_limit_stays_under_it(repo: Path, capsys, monkeypatch, cut: str) -> None:
    """GitHub drops a job summary over 1 MiB whole: a longer one keeps the summary lines, the
    contributor's language (cut at a line if need be, its tags closed) and says why, in three
    languages."""
    from sosial_is.review import curriculum_diff as module

    code, full, _ = run(capsys, "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0
    size = len(full.encode("utf-8"))
    english = section(full, "en")
    head = len(full[:full.index("<details")].encode("utf-8"))
    # the whole less one byte (the other languages go); the summary lines and the English
    # block's size (with the note, the block is cut); the summary lines alone (no block fits)
    limit = {"other languages": size - 1, "open language too": head + len(english.encode("utf-8")),
             "no room": head}[cut]
    monkeypatch.setattr(module, "SUMMARY_LIMIT", limit)
    code, out, _ = run(capsys, "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0
    assert len(out.encode("utf-8")) <= limit or cut == "no room"
    assert len(out.encode("utf-8")) < head + 1000 or cut != "no room"
    for lang in ("tk", "ru", "en"):
        assert SUMMARY[lang] in out.splitlines()
    assert f"The full summary is {size // 1000} KB" in out and "Полная сводка" in out and "Doly jemleme" in out
    assert "<summary><strong>Русский" not in out and "<summary><strong>Türkmençe" not in out
    assert out.count("<details") == out.count("</details>") == (0 if cut == "no room" else 1)
    if cut == "other languages":
        assert "<details open>\n<summary><strong>English" in out and english in out
    if cut == "open language too":
        assert "<details open>\n<summary><strong>English" in out and english not in out
        assert out.endswith("\n\u2026\n\n</details>\n\n")
