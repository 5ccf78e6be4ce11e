"""Editions by academic year: the format (valid and faulty editions, refused with file:line),
the checks across editions, the diff (every kind of change), the pages, and the tools that start
an edition and make it current — with an archived edition unchanged by edits to the current one.

The fixture project (two semesters: FX-101 and FX-102, then FX-201) gets editions here: 2026-2027
current (its files) and 2027-2028 in preparation (a folder of changes), written by each test.
"""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from sosial_is import pipeline
from sosial_is.curriculum.diff import diff, item_changes, to_json, word_diff
from sosial_is.curriculum.editions import load_editions, translation_sources
from sosial_is.curriculum.exports import curriculum_json
from sosial_is.curriculum.loader import load_curriculum
from sosial_is.markdown.cache import SourceCache
from sosial_is.project.translations import mark_done
from sosial_is.scaffold.editions import EditionError, new_edition, promote, replace_top_level
from support import check, project_of

PREP = "curriculum/editions/2027-2028"
EDITIONS_YML = "curriculum/editions.yml"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def declare(root: Path, entries: str = "  - {id: 2026-2027, status: current}\n"
            "  - {id: 2027-2028, status: preparation}\n", edition: str | None = None) -> None:
    """editions.yml with ``entries``, and the preparation edition's edition.yml."""
    (root / EDITIONS_YML).write_text("# editions\neditions:\n" + entries, encoding="utf-8")
    write(root, f"{PREP}/edition.yml", edition if edition is not None else "removed: []\nrationale: {}\n")


def codes(root: Path) -> list[tuple[str, int, str]]:
    return sorted((f.path, f.line, f.code) for f in check(root))


def editions_of(root: Path):
    cache = SourceCache()
    cur, findings = load_curriculum(root / "curriculum", cache)
    editions, problems = load_editions(root / "curriculum", cur, cache)
    return editions, findings + problems


def content(cur) -> str:
    data = curriculum_json(cur)
    return json.dumps({k: data[k] for k in ("programmes", "courses")}, sort_keys=True, ensure_ascii=False)


WHY = '{tk: "Sebäbi.", ru: "Причина.", en: "Reason."}'


def rebalance(root: Path) -> None:
    """A valid edition: FX-102 6 ECTS, FX-101 4 ECTS (semester 1 still 10); rationale for both."""
    declare(root, edition=f"removed: []\nrationale:\n  FX-101: {WHY}\n  FX-102: {WHY}\n")
    write(root, f"{PREP}/courses/FX-101/course.yml", """
        credits: 4
        hours: {lecture: 30, seminar: 30, practice: 0, independent: 60}
        """)
    write(root, f"{PREP}/courses/FX-102/course.yml", """
        credits: 6
        hours: {lecture: 30, seminar: 30, practice: 30, independent: 90}
        """)


# --- The format ----------------------------------------------------------------------------------

def test_no_editions_file_means_one_current_edition(project: Path) -> None:
    editions, findings = editions_of(project)
    assert not findings and not editions.declared
    assert [e.status for e in editions.items] == ["current"]


def test_a_valid_edition_records_only_its_changes(project: Path) -> None:
    rebalance(project)
    assert codes(project) == []
    editions, _ = editions_of(project)
    current, prep = editions.items
    assert (current.id, current.status, prep.id, prep.status) == ("2026-2027", "current", "2027-2028", "preparation")
    fx102 = prep.cur.courses["FX-102"]
    assert fx102.facts.credits == 6 and fx102.facts.competencies == {"C1": "P", "C2": "P"}
    assert fx102.facts.assessment == current.cur.courses["FX-102"].facts.assessment  # inherited
    assert fx102.texts is not current.cur.courses["FX-102"].texts
    assert fx102.texts["tk"] is current.cur.courses["FX-102"].texts["tk"]  # the same text
    assert prep.cur.courses["FX-201"] is current.cur.courses["FX-201"]  # unchanged: shared
    # findings about a changed fact point at the edition's file, the others at curriculum/courses
    assert fx102.at("credits") == (f"{PREP}/courses/FX-102/course.yml", 1)
    assert fx102.at("assessment", 0)[0] == "curriculum/courses/FX-102/course.yml"


@pytest.mark.parametrize("entries, expected", [
    ("  - {id: 2026-2027, status: current}\n  - {id: 2027-2028, status: current}\n",
     (EDITIONS_YML, 4, "EDITION-CURRENT")),
    ("  - {id: 2026-2027, status: preparation}\n  - {id: 2027-2028, status: preparation}\n",
     (EDITIONS_YML, 2, "EDITION-CURRENT")),
    ("  - {id: 2027-2028, status: preparation}\n  - {id: 2026-2027, status: current}\n",
     (EDITIONS_YML, 4, "EDITION-ORDER")),
    ("  - {id: 2026-2027, status: current}\n  - {id: 2027-2028, status: archived}\n",
     (EDITIONS_YML, 4, "EDITION-STATUS-ORDER")),
    ("  - {id: 2026-2028, status: current}\n", (EDITIONS_YML, 3, "SCHEMA-WRONG-VALUE")),
    ("  - {id: 2026-2027, status: curent}\n", (EDITIONS_YML, 3, "SCHEMA-WRONG-VALUE")),
    ("  - {id: 2026-2027, stat: current}\n", (EDITIONS_YML, 3, "SCHEMA-UNKNOWN-FIELD")),
    ("  - {id: 2026-2027, status: current\n", (EDITIONS_YML, 4, "YAML-SYNTAX")),
])
def test_a_faulty_editions_file_is_refused_with_its_line(project: Path, entries: str, expected: tuple) -> None:
    declare(project, entries)
    found = codes(project)
    assert expected in found, found
    assert all(code.startswith(("EDITION", "SCHEMA", "YAML")) for _, _, code in found), found


@pytest.mark.parametrize("files, expected", [
    ({"edition.yml": "removed: [FX-999]\n"}, (f"{PREP}/edition.yml", 1, "EDITION-REMOVED-UNKNOWN")),
    ({"edition.yml": "rationale:\n  FX-101: {tk: a, ru: b}\n"}, (f"{PREP}/edition.yml", 2, "SCHEMA-MISSING-FIELD")),
    ({"edition.yml": "removd: []\n"}, (f"{PREP}/edition.yml", 1, "SCHEMA-UNKNOWN-FIELD")),
    ({"edition.yml": "complete: true\n"}, (f"{PREP}/edition.yml", 1, "EDITION-COMPLETE-NOT-OLDEST")),
    ({"courses/FX-101/course.yml": "credit: 4\n"}, (f"{PREP}/courses/FX-101/course.yml", 1, "SCHEMA-UNKNOWN-FIELD")),
    ({"courses/FX-101/course.yml": "hours: {lecture: 1}\n"},
     (f"{PREP}/courses/FX-101/course.yml", 1, "SCHEMA-MISSING-FIELD")),
    ({"courses/FX-101/course.yml": "\ncredits: 0\n"}, (f"{PREP}/courses/FX-101/course.yml", 2, "SCHEMA-WRONG-VALUE")),
    ({"courses/FX-101/course.yml": "code: FX-102\n"}, (f"{PREP}/courses/FX-101/course.yml", 1, "COURSE-CODE-FOLDER")),
    ({"courses/FX-101/course.yml": "credits: [\n"}, (f"{PREP}/courses/FX-101/course.yml", 2, "YAML-SYNTAX")),
    ({"courses/FX-301/course.yml": "code: FX-301\n"}, (f"{PREP}/courses/FX-301/course.yml", 1, "SCHEMA-MISSING-FIELD")),
    ({"courses/FX-101/tk.md": "---\ntitle: T\n---\n\n## Nämälim\n"},
     (f"{PREP}/courses/FX-101/tk.md", 5, "COURSE-SECTION-UNKNOWN")),
    ({"programmes/fx.yml": "semesters:\n  - number: 2\n    courses: [FX-201, FX-999]\n"},
     (f"{PREP}/programmes/fx.yml", 3, "PROGRAMME-COURSE-UNKNOWN")),
    ({"programmes/fx.yml": "total_credit: 20\n"}, (f"{PREP}/programmes/fx.yml", 1, "SCHEMA-UNKNOWN-FIELD")),
])
def test_a_faulty_edition_folder_is_refused_with_file_and_line(project: Path, files: dict, expected: tuple) -> None:
    declare(project)
    for rel, text in files.items():
        (project / PREP / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / PREP / rel).write_text(text, encoding="utf-8")
    found = codes(project)
    assert expected in found, found


def test_edition_folders_that_do_not_fit_the_list(project: Path) -> None:
    declare(project)
    write(project, "curriculum/editions/2030-2031/edition.yml", "removed: []\n")
    write(project, "curriculum/editions/2026-2027/courses/FX-101/course.yml", "credits: 4\n")
    shutil.rmtree(project / PREP)
    found = codes(project)
    assert ("curriculum/editions/2030-2031/edition.yml", 0, "EDITION-FOLDER-UNKNOWN") in found
    assert ("curriculum/editions/2026-2027/courses", 0, "EDITION-FOLDER-CURRENT") in found
    assert (EDITIONS_YML, 4, "EDITION-FOLDER-MISSING") in found


def test_edition_folders_without_an_editions_file(project: Path) -> None:
    write(project, f"{PREP}/edition.yml", "removed: []\n")
    assert codes(project) == [(EDITIONS_YML, 0, "EDITIONS-FILE-MISSING")]


def test_a_removed_course_cannot_also_be_changed(project: Path) -> None:
    declare(project, edition=f"removed: [FX-102]\nrationale:\n  FX-102: {WHY}\n")
    write(project, f"{PREP}/courses/FX-102/course.yml", "credits: 6\n")
    assert (f"{PREP}/courses/FX-102/course.yml", 0, "EDITION-REMOVED-CHANGED") in codes(project)


# --- Checks across editions ----------------------------------------------------------------------

def test_rules_run_on_every_edition_and_name_it(project: Path) -> None:
    declare(project, edition=f"removed: []\nrationale:\n  FX-101: {WHY}\n")
    write(project, f"{PREP}/courses/FX-101/course.yml", """
        credits: 4
        hours: {lecture: 30, seminar: 30, practice: 0, independent: 60}
        """)
    found = [f for f in check(project) if f.code in ("SEMESTER-CREDITS", "YEAR-CREDITS", "PROGRAMME-CREDITS")]
    assert {(f.path, f.code) for f in found} == {
        ("curriculum/programmes/fx.yml", "SEMESTER-CREDITS"), ("curriculum/programmes/fx.yml", "YEAR-CREDITS"),
        ("curriculum/programmes/fx.yml", "PROGRAMME-CREDITS")}
    assert all(f.param("edition") == "2027-2028" for f in found)
    semester = next(f for f in found if f.code == "SEMESTER-CREDITS")
    assert "SEMESTER-CREDITS in edition 2027-2028: fx: semester 1 has 9 ECTS" in semester.format("en")
    assert "SEMESTER-CREDITS 2027-2028 neşirinde: " in semester.format("tk")


def test_a_semester_changed_in_the_edition_is_reported_in_its_file(project: Path) -> None:
    declare(project, edition=f"removed: []\nrationale:\n  FX-102: {WHY}\n  fx: {WHY}\n")
    write(project, f"{PREP}/programmes/fx.yml", """
        semesters:
          - number: 1
            courses: [FX-101]
          - number: 2
            courses: [FX-102, FX-201]
        """)
    found = codes(project)
    assert (f"{PREP}/programmes/fx.yml", 2, "SEMESTER-CREDITS") in found
    assert (f"{PREP}/programmes/fx.yml", 4, "SEMESTER-CREDITS") in found
    assert ("curriculum/courses/FX-201/course.yml", 4, "PREREQ-ORDER") in found


def test_a_prerequisite_the_edition_removes(project: Path) -> None:
    declare(project, edition=f"removed: [FX-102]\nrationale:\n  FX-102: {WHY}\n")
    found = [f for f in check(project) if f.code.startswith(("EDITION-PREREQ", "PREREQ"))]
    assert [(f.path, f.line, f.code, f.param("prereq")) for f in found] == [
        ("curriculum/courses/FX-201/course.yml", 4, "EDITION-PREREQ-REMOVED", "FX-102")]
    assert "FX-201 requires FX-102, which edition 2027-2028 removes" in found[0].format("en")


def test_a_code_cannot_come_back_for_a_new_course(project: Path) -> None:
    """2025-2026 (archived, complete) had FX-102; 2026-2027 removed it; 2027-2028 adds it again."""
    archive = "curriculum/editions/2025-2026"
    shutil.copytree(project / "curriculum/courses", project / archive / "courses")
    shutil.copytree(project / "curriculum/programmes", project / archive / "programmes")
    write(project, f"{archive}/edition.yml", "complete: true\n")
    shutil.copytree(project / "curriculum/courses/FX-102", project / f"{PREP}/courses/FX-102")
    shutil.rmtree(project / "curriculum/courses/FX-102")
    write(project, "curriculum/programmes/fx.yml", (project / archive / "programmes/fx.yml").read_text()
          .replace("[FX-101, FX-102]", "[FX-101]"))
    declare(project, "  - {id: 2025-2026, status: archived}\n  - {id: 2026-2027, status: current}\n"
            "  - {id: 2027-2028, status: preparation}\n", edition=f"removed: []\nrationale:\n  FX-102: {WHY}\n")
    found = codes(project)
    assert (f"{PREP}/courses/FX-102/course.yml", 1, "EDITION-CODE-REUSED") in found


def test_rationale_for_every_change_and_none_idle(project: Path) -> None:
    rebalance(project)
    write(project, f"{PREP}/edition.yml", f"removed: []\nrationale:\n  FX-102: {WHY}\n  FX-201: {WHY}\n")
    found = codes(project)
    assert (f"{PREP}/courses/FX-101/course.yml", 1, "EDITION-RATIONALE-MISSING") in found
    assert (f"{PREP}/edition.yml", 4, "EDITION-RATIONALE-UNUSED") in found


def test_a_file_that_changes_nothing(project: Path) -> None:
    declare(project)
    (project / f"{PREP}/courses/FX-101").mkdir(parents=True)
    shutil.copy(project / "curriculum/courses/FX-101/ru.md", project / f"{PREP}/courses/FX-101/ru.md")
    write(project, f"{PREP}/courses/FX-101/course.yml", "credits: 5\n")
    found = codes(project)
    assert (f"{PREP}/courses/FX-101/ru.md", 1, "EDITION-UNCHANGED") in found
    assert (f"{PREP}/courses/FX-101/course.yml", 1, "EDITION-UNCHANGED") in found


def revise_tk(project: Path) -> None:
    text = (project / "curriculum/courses/FX-102/tk.md").read_text(encoding="utf-8")
    write(project, f"{PREP}/courses/FX-102/tk.md", text.replace("3. Goldaw meýilnamasyny düzüp bilýär.",
                                                               "3. Goldaw meýilnamasyny maşgala bilen düzüp bilýär."))


def test_a_revised_turkmen_text_needs_revised_translations(project: Path) -> None:
    declare(project, edition=f"removed: []\nrationale:\n  FX-102: {WHY}\n")
    revise_tk(project)
    found = [(f.path, f.code, f.param("lang")) for f in check(project) if f.code.startswith(("EDITION-TRANS", "TRANS"))]
    assert found == [(f"{PREP}/courses/FX-102/tk.md", "EDITION-TRANSLATION-OUTDATED", "en"),
                     (f"{PREP}/courses/FX-102/tk.md", "EDITION-TRANSLATION-OUTDATED", "ru")]
    for lang in ("ru", "en"):  # revised translations, recorded against the edition's Turkmen text
        text = (project / f"curriculum/courses/FX-102/{lang}.md").read_text(encoding="utf-8")
        write(project, f"{PREP}/courses/FX-102/{lang}.md", text.replace("3. ", "3. (2027) ", 1))
    found = [(f.path, f.code) for f in check(project) if f.code.startswith(("EDITION-TRANS", "TRANS"))]
    assert found == [(f"{PREP}/courses/FX-102/en.md", "TRANSLATION-OUTDATED"),
                     (f"{PREP}/courses/FX-102/ru.md", "TRANSLATION-OUTDATED")]
    editions, _ = editions_of(project)
    sources = translation_sources(editions)
    done = mark_done([project / f"{PREP}/courses/FX-102/{lang}.md" for lang in ("ru", "en")], sources)
    assert [error for _, error in done] == [None, None]
    assert [f for f in check(project) if f.code.startswith(("EDITION-TRANS", "TRANS"))] == []


def test_terms_are_checked_in_an_edition_in_preparation(project: Path) -> None:
    declare(project, edition=f"removed: []\nrationale:\n  FX-102: {WHY}\n")
    glossary = project / "curriculum/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "tk: {term: durmuş işi, also: [sosial iş],",
        "tk: {term: durmuş işi, avoid: [{term: sosial iş, reason: portalyň ady}],"), encoding="utf-8")
    text = (project / "curriculum/courses/FX-102/tk.md").read_text(encoding="utf-8")
    write(project, f"{PREP}/courses/FX-102/tk.md", text.replace("title: Etika", "title: Sosial iş etikasy"))
    assert (f"{PREP}/courses/FX-102/tk.md", 2, "TERM-AVOID") in codes(project)


# --- The diff ----------------------------------------------------------------------------------

def test_the_diff_names_every_kind_of_change(project: Path) -> None:
    declare(project, edition=f"removed: [FX-101]\nrationale:\n  FX-102: {WHY}\n")
    write(project, f"{PREP}/courses/FX-102/course.yml", """
        credits: 6
        hours: {lecture: 20, seminar: 40, practice: 30, independent: 90}
        prerequisites: [FX-301]
        competencies: {C1: D, C2: P}
        assessment:
          - {kind: exam, weight: 50}
          - {kind: project, weight: 50}
        readings: [ref-definition]
        """)
    text = (project / "curriculum/courses/FX-102/en.md").read_text(encoding="utf-8")
    text = text.replace("title: Ethics", "title: Ethics in practice")
    text = text.replace("3. Draw up a support plan.", "3. Draw up a support plan with the family.")
    text = text.replace("4. Apply ethical principles.", "4. Apply ethical principles.\n5. Record decisions.")
    text = text.replace("1. Introduction\n", "")
    write(project, f"{PREP}/courses/FX-102/en.md", text)
    shutil.copytree(project / "curriculum/courses/FX-101", project / f"{PREP}/courses/FX-301")
    (project / f"{PREP}/courses/FX-301/course.yml").write_text(
        (project / "curriculum/courses/FX-101/course.yml").read_text().replace("FX-101", "FX-301"))
    write(project, f"{PREP}/programmes/fx.yml", """
        semesters:
          - number: 1
            courses: [FX-301]
          - number: 2
            courses: [FX-102, FX-201]
        """)
    editions, _ = editions_of(project)
    change = diff(editions.items[0].cur, editions.items[1].cur, editions.items[1].rationale)
    by_code = {c.code: c for c in change.courses}
    assert by_code["FX-101"].status == "removed" and by_code["FX-301"].status == "added"
    fx102 = by_code["FX-102"]
    assert fx102.kinds() == ["renamed", "moved", "credits", "hours", "prerequisites", "competencies",
                             "assessment", "readings", "outcomes", "topics"]
    assert fx102.titles == {"en": ("Ethics", "Ethics in practice")}
    assert fx102.placements == [("fx", 1, 2)]
    assert fx102.credits == (5, 6) and fx102.hours == {"lecture": (30, 20), "seminar": (30, 40), "practice": (0, 30)}
    assert (fx102.prerequisites_added, fx102.prerequisites_removed) == (["FX-301"], [])
    assert fx102.competencies == {"C1": ("P", "D")}
    assert fx102.assessment == {"essay": (40, None), "exam": (60, 50), "project": (None, 50)}
    assert (fx102.readings_added, fx102.readings_removed) == (["ref-definition"], ["ref-ethics"])
    outcomes = fx102.outcomes["en"]
    assert [(i.op, i.old_no, i.new_no) for i in outcomes] == [("changed", 3, 3), ("added", 0, 5)]
    assert outcomes[0].words() == [("=", "Draw up a support plan"), ("+", " with the family"), ("=", ".")]
    assert [(i.op, i.old) for i in fx102.topics["en"]] == [("removed", "Introduction")]
    assert fx102.rationale is not None and fx102.rationale.en == "Reason."
    assert change.programmes[0].semester_credits == {1: (10, 5), 2: (10, 16)}
    coverage = change.coverage[0]
    assert coverage.before["C1"] == {"I": 1, "P": 1, "D": 1}
    assert coverage.after["C1"] == {"I": 1, "P": 0, "D": 2}
    data = to_json(change)
    assert json.loads(json.dumps(data)) == data
    assert {c["code"]: c["status"] for c in data["courses"]} == {"FX-101": "removed", "FX-102": "changed",
                                                                "FX-301": "added"}


def test_word_diff_and_item_pairing() -> None:
    assert word_diff("plan the support", "plan the family support") == [
        ("=", "plan the "), ("+", "family "), ("=", "support")]
    changes = item_changes(["a b", "c d", "e"], ["a b", "c x", "e", "f"])
    assert [(c.op, c.old, c.new) for c in changes] == [("changed", "c d", "c x"), ("added", "", "f")]
    # a new item before a reworded one: paired by likeness, not by position
    old = ["Explain the law on social services", "Assess needs of families", "Plan support"]
    new = ["Use digital records ethically", "Explain the 2021 law on social services", "Plan support"]
    changes = item_changes(old, new)
    assert [(c.op, c.old_no, c.new_no) for c in changes] == [("added", 0, 1), ("changed", 1, 2), ("removed", 2, 0)]


# --- Pages ---------------------------------------------------------------------------------------

def test_pages_of_each_edition(project: Path) -> None:
    rebalance(project)
    path = project / f"{PREP}/courses/FX-102/course.yml"
    path.write_text(path.read_text() + "competencies: {C1: P, C2: D}\n", encoding="utf-8")
    state = pipeline.run(project_of(project))
    pages = state.pages
    for lang in ("tk", "ru", "en"):
        for rel in ("index", "catalogue", "map", "prerequisites", "programmes/fx", "courses/fx-102"):
            assert f"curriculum/2027-2028/{rel}.{lang}.md" in pages
        assert f"curriculum/changes/2027-2028.{lang}.md" in pages
        assert f"curriculum/editions.{lang}.md" in pages
    page = pages["curriculum/2027-2028/courses/fx-102.en.md"]
    assert 'title: "FX-102 Ethics (2027–2028)"' in page
    assert 'edition: "2027-2028"' in page
    assert "source_path: curriculum/editions/2027-2028/edition.yml" in page  # not the current edition's file
    assert "!!! warning \"Edition 2027–2028\"" in page
    assert "[This page in the current edition (2026–2027)](../../courses/fx-102.md)" in page
    assert "(../../../references/bibliography.md#ref-ref-ethics)" in page
    assert "- Credits: 5 → 6 ECTS." in page and "**Why:** Reason." in page
    current = pages["curriculum/courses/fx-102.en.md"]
    assert "**2026–2027 (current)** · [2027–2028 (in preparation)](../2027-2028/courses/fx-102.md)" in current
    assert "!!! warning" not in current and "edition:" not in current.split("---")[1]
    changes = pages["curriculum/changes/2027-2028.en.md"]
    assert "### FX-102 Ethics {#fx-102}" in changes and "C2: practised (P) → demonstrated (D)." in changes
    assert "| **C2 " in changes  # coverage changed: bold
    tk = pages["curriculum/changes/2027-2028.tk.md"]
    assert "Kreditler: 5 → 6 ECTS." in tk and "**Sebäbi:** Sebäbi." in tk
    data = json.loads(pages["data/editions/changes-2027-2028.json"])
    assert data["from"] == "2026-2027" and {c["code"] for c in data["courses"]} == {"FX-101", "FX-102"}
    assert json.loads(pages["data/editions/2027-2028/curriculum.json"])["courses"][1]["credits"] == 6


def test_a_course_gone_from_the_current_edition_says_so(project: Path) -> None:
    declare(project, edition=f"removed: []\nrationale:\n  FX-301: {WHY}\n  fx: {WHY}\n")
    shutil.copytree(project / "curriculum/courses/FX-101", project / f"{PREP}/courses/FX-301")
    (project / f"{PREP}/courses/FX-301/course.yml").write_text(
        (project / "curriculum/courses/FX-101/course.yml").read_text().replace("FX-101", "FX-301"))
    write(project, f"{PREP}/programmes/fx.yml", "total_credits: 25\nyear_credits: 25\nsemesters:\n"
          "  - number: 3\n    courses: [FX-301]\n")
    page = pipeline.run(project_of(project)).pages["curriculum/2027-2028/courses/fx-301.ru.md"]
    assert "Курса FX-301 нет в действующей редакции (2026–2027)." in page


# --- Tools: a new edition, promotion, archived editions stay as they were --------------------------

def test_edition_new(project: Path) -> None:
    written = new_edition(project / "curriculum", "2027-2028")
    assert [p.relative_to(project).as_posix() for p in written] == [EDITIONS_YML, f"{PREP}/edition.yml"]
    assert codes(project) == []
    with pytest.raises(EditionError) as refused:
        new_edition(project / "curriculum", "2029-2030")
    assert [f.code for f in refused.value.findings] == ["EDITION-NEW-NOT-NEXT"]
    new_edition(project / "curriculum", "2028-2029")
    editions, _ = editions_of(project)
    assert [(e.id, e.status) for e in editions.items] == [
        ("2026-2027", "current"), ("2027-2028", "preparation"), ("2028-2029", "preparation")]


def test_promotion_keeps_every_edition_as_it_was(project: Path) -> None:
    rebalance(project)
    revise_tk(project)
    for lang in ("ru", "en"):
        text = (project / f"curriculum/courses/FX-102/{lang}.md").read_text(encoding="utf-8")
        write(project, f"{PREP}/courses/FX-102/{lang}.md", text.replace("3. ", "3. (2027) ", 1))
    editions, _ = editions_of(project)
    mark_done([project / f"{PREP}/courses/FX-102/{lang}.md" for lang in ("ru", "en")], translation_sources(editions))
    new_edition(project / "curriculum", "2028-2029")
    before = {e.id: content(e.cur) for e in editions_of(project)[0].items}
    assert codes(project) == []

    promote(project / "curriculum", "2027-2028")
    editions, findings = editions_of(project)
    assert [(e.id, e.status) for e in editions.items] == [
        ("2026-2027", "archived"), ("2027-2028", "current"), ("2028-2029", "preparation")]
    assert {e.id: content(e.cur) for e in editions.items} == before
    assert codes(project) == []
    archive = project / "curriculum/editions/2026-2027"
    assert "complete: true" in (archive / "edition.yml").read_text()
    assert (project / "curriculum/courses/FX-102/course.yml").read_text().startswith("code: FX-102\ncredits: 6\n")
    assert "maşgala bilen" in (project / "curriculum/courses/FX-102/tk.md").read_text()
    assert sorted(p.name for p in (project / PREP).iterdir()) == ["edition.yml"]  # rationale kept
    assert "FX-102:" in (project / PREP / "edition.yml").read_text()

    # Editing the current edition never changes the archived one.
    archived = content(editions.get("2026-2027").cur)
    fx101 = project / "curriculum/courses/FX-101/tk.md"
    fx101.write_text(fx101.read_text().replace("title:", "title: Täze"), encoding="utf-8")
    shutil.rmtree(project / "curriculum/courses/FX-201")
    editions, _ = editions_of(project)
    assert content(editions.get("2026-2027").cur) == archived

    # The next promotion archives 2027-2028 as what it changes from 2026-2027 only.
    fx101.write_text(fx101.read_text().replace("title: Täze", "title:"), encoding="utf-8")
    shutil.copytree(project / "curriculum/editions/2026-2027/courses/FX-201", project / "curriculum/courses/FX-201")
    before = {e.id: content(e.cur) for e in editions_of(project)[0].items}
    promote(project / "curriculum", "2028-2029")
    editions, _ = editions_of(project)
    assert {e.id: content(e.cur) for e in editions.items} == before
    delta = project / PREP
    assert sorted(p.relative_to(delta).as_posix() for p in delta.rglob("*") if p.is_file()) == [
        "courses/FX-101/course.yml", "courses/FX-102/course.yml", "courses/FX-102/en.md",
        "courses/FX-102/ru.md", "courses/FX-102/tk.md", "edition.yml"]
    assert codes(project) == []


def test_promotion_refuses_a_broken_curriculum_and_changes_nothing(project: Path) -> None:
    rebalance(project)
    write(project, f"{PREP}/courses/FX-102/course.yml", "credits: 7\n")  # hours no longer match
    snapshot = {p: p.read_bytes() for p in (project / "curriculum").rglob("*") if p.is_file()}
    with pytest.raises(EditionError) as refused:
        promote(project / "curriculum", "2027-2028")
    assert refused.value.findings[0].code == "EDITION-PROMOTE-ERRORS"
    assert {p: p.read_bytes() for p in (project / "curriculum").rglob("*") if p.is_file()} == snapshot
    with pytest.raises(EditionError) as refused:
        promote(project / "curriculum", "2026-2027")
    assert refused.value.findings[0].code in ("EDITION-PROMOTE-ERRORS", "EDITION-PROMOTE-NOT-NEXT")


def test_replace_top_level_keeps_comments_and_other_keys() -> None:
    text = "# top\nid: x\ntitle:\n  tk: a\n\n# the plan\nsemesters:\n  - number: 1\n    courses: [A]\n"
    out = replace_top_level(text, "title", "title:\n  tk: b\n")
    assert out == "# top\nid: x\ntitle:\n  tk: b\n\n# the plan\nsemesters:\n  - number: 1\n    courses: [A]\n"
    out = replace_top_level(text, "semesters", "semesters:\n  - number: 1\n    courses: [B]\n")
    assert out.endswith("# the plan\nsemesters:\n  - number: 1\n    courses: [B]\n")


@pytest.mark.parametrize("entries", ["  - {id: 2026-2027, status: current\n",
                                     "  - {id: 2026-2027, status: curent}\n", ""])
def test_a_broken_editions_file_is_one_finding_not_a_cascade(project: Path, entries: str) -> None:
    """Pages and the nav link to the editions page: while editions.yml cannot be read, the
    page is known but broken, and the links to it are not reported again."""
    declare(project)
    page = project / "docs" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAll [editions](curriculum/editions.md).\n",
                    encoding="utf-8")
    assert codes(project) == []
    (project / EDITIONS_YML).write_text("# editions\neditions:\n" + entries, encoding="utf-8")
    found = codes(project)
    assert found and all(path == EDITIONS_YML for path, _, _ in found), found
