"""When a source file last changed, from git, for the "last change" line in every page footer.

Material shows such a date only through the git-revision-date plugins, which we do not use; its
``partials/source-file.html`` also reads ``page.meta.revision_date``, and our override of that
partial shows it with Material's own label ``source.file.date.updated`` in the page's language.

One ``git log --name-only`` over the project gives every file's date at once: the same answer as
``git log -1 --format=%cs -- FILE`` per file, without one process per page and language
(static-i18n builds each page three times). The table is cached per project and HEAD commit.

Shallow clones: with ``--depth 1`` history holds a single commit, so every file shows that
commit's date. That is accepted; the CI workflows check out with ``fetch-depth: 0`` so the
published dates are exact. Files git does not know (not committed yet) get no date at all.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Iterable

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", *args],
                                capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError:  # git is not installed
        return None
    return result.stdout if result.returncode == 0 else None


def head(root: Path) -> str | None:
    out = _git(root, "rev-parse", "HEAD")
    return out.strip() if out else None


def is_shallow(root: Path) -> bool:
    return (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


@lru_cache(maxsize=4)
def _table(root: str, commit: str | None) -> dict[str, dt.date]:
    """path (relative to ``root``, posix) -> date of the last commit that touched it."""
    if commit is None:
        return {}
    out = _git(Path(root), "log", "--format=%x00%cs", "--name-only", "--root", "--relative",
               "--no-renames", "HEAD", "--", ".")
    table: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in (out or "").splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line and day is not None:
            table.setdefault(line, day)  # log is newest first: keep the first date seen
    return table


def dates(root: Path) -> dict[str, dt.date]:
    """Every committed file's last-change date (empty outside a git work tree)."""
    root = root.resolve()
    return _table(str(root), head(root))


def last_change(table: dict[str, dt.date], paths: Iterable[str]) -> dt.date | None:
    """The latest date among ``paths`` (keys of ``dates(root)``); a path ending in / is a folder."""
    found: list[dt.date] = []
    for path in paths:
        if path.endswith("/"):
            found += [d for p, d in table.items() if p.startswith(path)]
        elif path in table:
            found.append(table[path])
    return max(found, default=None)


def format_date(day: dt.date, lang: str) -> str:
    """25.11.2025 in tk and ru (the usual numeric form there); 25 November 2025 in en."""
    if lang in MONTHS:
        return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"
    return day.strftime("%d.%m.%Y")


def repo_path(path: str, root: Path) -> str:
    """``path`` (absolute, relative to ``root`` or to the working directory) relative to ``root``.

    Generated pages record their source as the loader saw it: relative to the working directory,
    or absolute when the project lies elsewhere (the tests' fixture copies). Edit links and
    dates need it relative to the project root; a trailing / (a folder) is kept.
    """
    folder = path.endswith("/")
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = root / path if (root / path).exists() else Path.cwd() / path
    try:
        rel = candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path
    return rel + "/" if folder and rel != "." else rel


def page_sources(meta: dict, abs_src_path: str | None, root: Path) -> list[str]:
    """The files a page is made from: its Markdown, or for a generated page the sources it
    names in front matter (``source_path``; a course page also its ``course.yml``)."""
    if meta.get("source_path"):
        paths = [repo_path(str(meta["source_path"]), root)]
        if meta.get("course"):
            paths.append(f"curriculum/courses/{meta['course']}/course.yml")
        return paths
    return [repo_path(abs_src_path, root)] if abs_src_path else []
