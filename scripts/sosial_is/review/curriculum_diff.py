"""What a change does to the curriculum, for its reviewers: ``scripts/run curriculum-diff``.

The pull-request workflow writes it to the job summary, so the curriculum committee sees the
credits, hours, prerequisites, competency levels and semesters a pull request changes without
reading YAML.

Two sides are loaded with every edition (``curriculum/editions.py``): the base (``curriculum/``
of a commit, read from git into a temporary folder by ``core.git.extract``; nothing in the work
tree changes) and the head (the working tree, or another commit). Editions are paired by id
(a project that declares none has one, the current edition, and it is paired with the other
side's current edition); each pair is compared by ``curriculum.diff.diff``. An edition on one
side only is reported as added or removed; an added edition is also shown with what it changes
from the edition before it, as its "what changed" page would show it.

The sentences are those of the "what changed" pages (``pages/changes.py``), so a reviewer reads
the same words before and after the merge. The Markdown has a title and a summary line in each
language, then one ``<details>`` block per language (the contributor's language open). The JSON
has ``curriculum.diff.to_json`` per edition.
"""
from __future__ import annotations

import html
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core import git
from ..core.findings import Finding, errors, finding
from ..core.languages import LANGS, SOURCE_LANG
from ..curriculum.diff import EditionDiff, diff, to_json
from ..curriculum.editions import Edition, Editions, load_editions
from ..curriculum.loader import load_curriculum
from ..curriculum.model import Curriculum
from ..locale import t
from ..markdown.cache import SourceCache
from ..pages.changes import course_changes, coverage_table, programme_changes
from ..pages.editions import years


@dataclass
class Side:
    """One side of the comparison: its editions, and how many errors loading them gave."""

    ref: str  # as given ("origin/main", "HEAD~1"); "" for the working tree
    editions: Editions
    errors: int = 0


@dataclass
class EditionChange:
    """One edition, on both sides (``compared``) or on one (``added``, ``removed``)."""

    id: str  # "" when neither side declares editions
    status: str  # "compared", "added" or "removed"
    base: Edition | None
    head: Edition | None
    diff: EditionDiff | None  # base -> head; an added edition: from the edition before it
    since: Edition | None = None  # an added edition: the edition before it (head side)

    @property
    def status_changed(self) -> bool:
        return bool(self.base and self.head and self.base.status != self.head.status)

    @property
    def changed(self) -> bool:
        if self.status != "compared":
            return True
        return self.status_changed or (self.diff is not None and not self.diff.empty)


@dataclass
class Comparison:
    base: Side
    head: Side
    editions: list[EditionChange]

    @property
    def changed(self) -> list[EditionChange]:
        return [e for e in self.editions if e.changed]

    @property
    def labelled(self) -> bool:
        """Whether editions are named (some side declares them)."""
        return self.base.editions.declared or self.head.editions.declared


# --- Loading and comparing -----------------------------------------------------------------------

def load_side(root: Path, curriculum: Path, ref: str | None, work: Path) -> tuple[Side | None, list[Finding]]:
    """The editions of ``curriculum`` (a folder of the project at ``root``) at commit ``ref``,
    or in the working tree when ``ref`` is None. ``work``: an empty folder to extract into."""
    if ref is None:
        return _load(curriculum, ""), []
    if not git.in_work_tree(root):
        return None, [finding(curriculum, 0, "DIFF-NO-GIT", ref=ref)]
    sha = git.commit(root, ref)
    if sha is None:
        code = "DIFF-REF-SHALLOW" if git.is_shallow(root) else "DIFF-REF-UNKNOWN"
        return None, [finding(curriculum, 0, code, ref=ref)]
    folder = work / curriculum.name
    try:
        found = git.extract(root, sha, curriculum.relative_to(root).as_posix(), folder)
    except (OSError, ValueError) as exc:
        return None, [finding(curriculum, 0, "DIFF-GIT-READ", ref=ref, detail=str(exc))]
    if not found:  # no curriculum in that commit yet: everything is new
        return Side(ref, Editions([Edition("", "current", Curriculum())])), []
    return _load(folder, ref), []


def _load(folder: Path, ref: str) -> Side:
    cache = SourceCache()
    cur, findings = load_curriculum(folder, cache)
    editions, problems = load_editions(folder, cur, cache)
    return Side(ref, editions, len(errors(findings + problems)))


def pairs(base: Editions, head: Editions) -> list[tuple[Edition | None, Edition | None]]:
    """The editions of both sides, paired by id, oldest first. A side that declares no editions
    has only its current edition, which is paired with the other side's current edition."""
    if base.declared and head.declared:
        ids = sorted({e.id for e in base.items} | {e.id for e in head.items})
        return [(base.get(i), head.get(i)) for i in ids]
    out: list[tuple[Edition | None, Edition | None]] = [(base.current, head.current)]
    out += [(None, e) for e in head.items if e is not head.current]
    out += [(e, None) for e in base.items if e is not base.current]
    return sorted(out, key=_pair_id)


def _pair_id(pair: tuple[Edition | None, Edition | None]) -> str:
    """The id of a pair of editions: the head's, else the base's ("" when neither names it)."""
    old, new = pair
    return (new.id if new else "") or (old.id if old else "")


def compare(base: Side, head: Side) -> Comparison:
    out = []
    for old, new in pairs(base.editions, head.editions):
        if old is not None and new is not None:
            out.append(EditionChange(_pair_id((old, new)), "compared", old, new, diff(old.cur, new.cur)))
        elif new is not None:
            since = head.editions.previous(new)
            change = diff(since.cur, new.cur, new.rationale) if since else None
            out.append(EditionChange(new.id, "added", None, new, change, since))
        elif old is not None:
            out.append(EditionChange(old.id, "removed", old, None, None))
    return Comparison(base, head, out)


# --- Markdown -------------------------------------------------------------------------------------

# GitHub keeps at most 1 MiB of a step's job summary and drops a larger one whole, with an
# error: the summary stays below this many bytes (UTF-8), with room for the note that says so.
SUMMARY_LIMIT = 1_000_000
# The end of a language block cut short: the tags it opened closed, so the page renders.
CUT = "\n\u2026\n\n</details>\n\n"


def markdown(comparison: Comparison, open_lang: str = SOURCE_LANG, limit: int | None = None) -> str:
    """The summary: a title and a summary line in each language, then a ``<details>`` block per
    language (``open_lang`` open) with the changes of each edition.

    Longer than ``limit`` bytes (a change to most of the curriculum), it keeps only
    ``open_lang``'s block, cut at a line if that is still too long, and says so in every
    language: the summary lines stay whole, and the command run locally shows everything."""
    limit = SUMMARY_LIMIT if limit is None else limit
    title = " · ".join(dict.fromkeys(t("prdiff_title", lang) for lang in LANGS))
    head = [f"## {title}\n\n"]
    for lang in LANGS:
        head.append(f"- {summary_line(comparison, lang)}{_error_note(comparison, lang)}\n")
    head.append("\n")
    if not comparison.changed:
        return "".join(head)
    blocks = {lang: _language_block(comparison, lang, lang == open_lang) for lang in LANGS}
    full = "".join(head) + "".join(blocks.values())
    size = len(full.encode("utf-8"))
    if size <= limit:
        return full
    note = "\n>\n".join(f"> {t('prdiff_too_long', lang, kb=size // 1000, limit=limit // 1000)}"
                        for lang in LANGS) + "\n\n"
    kept = blocks[open_lang]
    room = limit - len(("".join(head) + note).encode("utf-8")) - len(CUT.encode("utf-8"))
    if len(kept.encode("utf-8")) > room:
        kept = kept.encode("utf-8")[:max(room, 0)].decode("utf-8", errors="ignore")
        kept = kept[:kept.rfind("\n") + 1]
        # the block's opening tags must survive the cut; with no room for them, no block
        kept = kept + CUT if kept.count("\n") > 2 else ""
    return "".join(head) + note + kept


def _language_block(comparison: Comparison, lang: str, opened: bool) -> str:
    out = [f"<details{' open' if opened else ''}>\n<summary><strong>{t('ts_lang_' + lang, lang)}</strong></summary>\n\n"]
    for change in comparison.changed:
        out.append(_edition(change, comparison.labelled, lang))
    out.append("</details>\n\n")
    return "".join(out)


def summary_line(comparison: Comparison, lang: str) -> str:
    """"2026–2027: 3 courses changed, 1 course added; 2027–2028: new edition (in preparation)",
    or "No change to the curriculum"."""
    parts = []
    for change in comparison.changed:
        words = _counts(change, lang)
        parts.append(f"{_years(change)}: {words}" if comparison.labelled and change.id else words)
    return "; ".join(parts) + "." if parts else t("prdiff_none", lang)


def _counts(change: EditionChange, lang: str) -> str:
    if change.status == "added":
        return t("prdiff_edition_added", lang, status=t("edition_status_" + change.head.status, lang))
    if change.status == "removed":
        return t("prdiff_edition_removed", lang)
    words = []
    if change.status_changed:
        words.append(_status(change, lang))
    if change.diff is not None:
        by_status = {s: sum(c.status == s for c in change.diff.courses) for s in ("changed", "added", "removed")}
        for status, n in by_status.items():
            if n:
                words.append(_count(f"prdiff_courses_{status}", n, lang))
        if change.diff.programmes:
            words.append(_count("prdiff_programmes_changed", len(change.diff.programmes), lang))
    return ", ".join(words)


def _count(key: str, n: int, lang: str) -> str:
    """``key`` for one (its ``_one`` form: "1 course changed") or for any other number."""
    return t(key + "_one" if n == 1 else key, lang, n=n)


def _status(change: EditionChange, lang: str) -> str:
    return t("prdiff_edition_status", lang, old=t("edition_status_" + change.base.status, lang),
             new=t("edition_status_" + change.head.status, lang))


def _years(change: EditionChange) -> str:
    """The academic years of the edition (the side that names it, when only one does)."""
    return years(next(e for e in (change.head, change.base) if e is not None and e.id == change.id))


def _sentence(text: str) -> str:
    """``text`` as a sentence: first letter capitalised (only that one), a full stop."""
    return text[:1].upper() + text[1:] + "."


def _error_note(comparison: Comparison, lang: str) -> str:
    notes = []
    for side in (comparison.base, comparison.head):
        if side.errors:
            where = f"`{side.ref}`" if side.ref else t("prdiff_working_tree", lang)
            notes.append(t("prdiff_errors", lang, side=where, n=side.errors))
    return "".join(f" ⚠ {note}" for note in notes)


def _edition(change: EditionChange, labelled: bool, lang: str) -> str:
    out = []
    if labelled and change.id:
        edition = change.head or change.base
        out.append(f"### {_years(change)} ({t('edition_status_' + edition.status, lang)})\n\n")
    if change.status == "removed":
        return "".join(out) + _sentence(t("prdiff_edition_removed", lang)) + "\n\n"
    if change.status_changed:
        out.append(_sentence(_status(change, lang)) + "\n\n")
    if change.status == "added":
        out.append(_sentence(_counts(change, lang)))
        out.append(f" {t('prdiff_since', lang, old=years(change.since))}\n\n" if change.since else "\n\n")
    if change.diff is None:
        return "".join(out)
    if change.diff.empty:  # an added edition that changes nothing yet; or only a new status
        return "".join(out) + (t("changes_none", lang) + "\n\n" if change.status == "added" else "")
    old = change.since.cur if change.since else change.base.cur
    out.append(_changes(change.diff, old, change.head.cur, lang, rationale=change.status == "added"))
    return "".join(out)


def _changes(change: EditionDiff, old: Curriculum, new: Curriculum, lang: str, rationale: bool) -> str:
    out = []
    if change.programmes:
        out.append(f"#### {t('changes_programmes', lang)}\n\n")
        for prog in change.programmes:
            out.append(f"**{_text(prog.title.get(lang) or prog.id)}**\n\n"
                       + programme_changes(prog, lang, rationale))
    if change.courses:
        out.append(f"#### {t('changes_courses', lang)}\n\n")
    for course in change.courses:
        cur = new if course.status != "removed" else old
        name = course.title.get(lang) or ""
        text = course_changes(course, cur, old, lang, rationale)
        if not text.strip():  # only another language's text changed
            other = ", ".join(lg for lg in LANGS if lg in course.revised or lg in course.outcomes
                              or lg in course.topics or lg in course.titles)
            text = f"- {t('prdiff_other_languages', lang, langs=other)}\n\n"
        out.append(f"**{course.code} {_text(name)}**\n\n{text}")
    changed = [cov for cov in change.coverage if cov.changed()]
    if changed:
        out.append(f"#### {t('changes_coverage', lang)}\n\n{t('prdiff_coverage_intro', lang)}\n\n")
        for cov in changed:
            prog = new.programmes.get(cov.programme)
            name = prog.title.get(lang) if prog else cov.programme
            out.append(f"**{_text(name)}**\n\n" + coverage_table(cov, new, lang, only_changed=True))
    return "".join(out)


def _text(value: str) -> str:
    return html.escape(value, quote=False)


# --- JSON -----------------------------------------------------------------------------------------

def as_json(comparison: Comparison) -> dict:
    """Every edition of both sides: how it is paired, whether it changed, and the diff
    (``curriculum.diff.to_json``)."""
    editions = []
    for change in comparison.editions:
        editions.append({
            "id": change.id or None, "status": change.status, "changed": change.changed,
            "base_status": change.base.status if change.base else None,
            "head_status": change.head.status if change.head else None,
            "since": change.since.id if change.since else None,
            "diff": to_json(change.diff) if change.diff is not None else None,
        })
    return {"base": comparison.base.ref, "head": comparison.head.ref or None,
            "errors": {"base": comparison.base.errors, "head": comparison.head.errors},
            "editions": editions}


# --- The command ----------------------------------------------------------------------------------

def curriculum_diff(root: Path, curriculum: Path, base: str, head: str | None = None,
                    fmt: str = "markdown", open_lang: str = SOURCE_LANG) -> tuple[str | None, list[Finding]]:
    """The summary of what changes in ``curriculum`` (under ``root``) from commit ``base`` to
    commit ``head`` (the working tree when None), as Markdown or JSON; or the findings that say
    why it cannot be made."""
    with tempfile.TemporaryDirectory(prefix="sosial-is-diff-") as tmp:
        sides = []
        for name, ref in (("base", base), ("head", head)):
            work = Path(tmp) / name
            work.mkdir()
            side, problems = load_side(root, curriculum, ref, work)
            if side is None:
                return None, problems
            sides.append(side)
        comparison = compare(*sides)
    if fmt == "json":
        return json.dumps(as_json(comparison), ensure_ascii=False, indent=2) + "\n", []
    return markdown(comparison, open_lang), []
