"""Which source files a page is made from, and when they last changed.

A hand-written page is made from its Markdown file; a generated page names its sources in its
front matter (``source_path``; a course page also its ``course.yml``, ``facts_path``). The plugin uses this for
the "Edit this page" link and the "last change" date in every page's footer (dates from
``core.git.file_dates``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any


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


def page_sources(meta: dict[str, Any], abs_src_path: str | None, root: Path) -> list[str]:
    """The files a page is made from, relative to the project root."""
    if meta.get("source_path"):
        paths = [repo_path(str(meta["source_path"]), root)]
        if meta.get("facts_path"):  # a course page: its course.yml too
            paths.append(repo_path(str(meta["facts_path"]), root))
        elif meta.get("course"):
            paths.append(f"curriculum/courses/{meta['course']}/course.yml")
        return paths
    return [repo_path(abs_src_path, root)] if abs_src_path else []


def last_change(table: dict[str, dt.date], paths: Iterable[str]) -> dt.date | None:
    """The latest date among ``paths`` (keys of ``dates``); a path ending in / is a folder."""
    found: list[dt.date] = []
    for path in paths:
        if path.endswith("/"):
            found += [d for p, d in table.items() if p.startswith(path)]
        elif path in table:
            found.append(table[path])
    return max(found, default=None)
