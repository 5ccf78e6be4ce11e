"""Everything the package asks git, through one helper with one way of failing.

Git is optional: outside a work tree (a zip download, a test fixture), or without git installed,
every question here answers "unknown" (``None`` or an empty table) instead of raising.

- :func:`file_dates`: every committed file's last-change date, from one ``git log --name-only``
  over the project (the same answer as ``git log -1 -- FILE`` per file, without one process per
  page and language), cached per project and HEAD commit. Shallow clones (``--depth 1``) hold a
  single commit, so every file shows that commit's date; the CI workflows fetch full history.
- :func:`source_date_epoch`: the time every dated output of a build is stamped with
  (``SOURCE_DATE_EPOCH``, else the last commit), so two builds of one commit are identical.
- :func:`commit` and :func:`extract`: a folder as it is in another commit, written into a
  temporary folder (the pull-request summary compares the curriculum of two commits).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from functools import lru_cache
from pathlib import Path, PurePosixPath


def git(root: Path, *args: str) -> str | None:
    """Standard output of ``git -C root args…``; None when git is missing or the command fails."""
    try:
        result = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", *args],
                                capture_output=True, text=True, encoding="utf-8",
                                errors="replace", check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _bytes(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    """Like :func:`git`, for output that is not text (file contents)."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True,
                                check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def head(root: Path) -> str | None:
    out = git(root, "rev-parse", "HEAD")
    return out.strip() if out else None


def is_shallow(root: Path) -> bool:
    return (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"


def last_commit_epoch(root: Path, *paths: str) -> int | None:
    """Commit time of the last commit (touching ``paths``, when given), or None."""
    out = git(root, "log", "-1", "--format=%ct", *(("--", *paths) if paths else ()))
    out = (out or "").strip()
    return int(out) if out.isdigit() else None


def source_date_epoch(root: Path) -> int:
    """``SOURCE_DATE_EPOCH`` when set, else the project's last commit, else 0."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    return last_commit_epoch(root) or 0


@lru_cache(maxsize=4)
def _table(root: str, commit: str | None) -> dict[str, dt.date]:
    if commit is None:
        return {}
    out = git(Path(root), "log", "--format=%x00%cs", "--name-only", "--root", "--relative",
              "--no-renames", "HEAD", "--", ".")
    table: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in (out or "").splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line and day is not None:
            table.setdefault(line, day)  # log is newest first: keep the first date seen
    return table


def file_dates(root: Path) -> dict[str, dt.date]:
    """path (relative to ``root``, posix) -> date of the last commit that touched it."""
    root = root.resolve()
    return _table(str(root), head(root))


def in_work_tree(root: Path) -> bool:
    """Whether ``root`` lies in a git work tree (and git is installed)."""
    return (git(root, "rev-parse", "--is-inside-work-tree") or "").strip() == "true"


def commit(root: Path, ref: str) -> str | None:
    """The commit ``ref`` names (a branch, ``origin/main``, a tag, ``HEAD~1``, an id), or None
    when this clone has no such commit."""
    out = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    return out.strip() if out else None


def extract(root: Path, sha: str, folder: str, dest: Path) -> bool:
    """Write the files of ``folder`` (relative to ``root``) as they are in commit ``sha`` into
    ``dest``, byte for byte; nothing in the work tree or the index changes. False when the commit
    has no such folder; OSError when git cannot give the files.

    The files come from git's objects (``ls-tree`` and ``cat-file --batch``), not from
    ``git archive``, which would leave out files marked ``export-ignore`` and rewrite others
    (``export-subst``, line endings) by the repository's ``.gitattributes``."""
    prefix = (git(root, "rev-parse", "--show-prefix") or "").strip()
    tree = f"{sha}:{prefix}{folder.strip('/')}"
    if (git(root, "cat-file", "-t", tree) or "").strip() != "tree":
        return False
    listing = _bytes(root, "ls-tree", "-r", "-z", "--full-tree", tree)
    if listing is None:
        raise OSError(f"git ls-tree {tree} failed")
    entries = []  # (mode, object id, path inside the folder)
    for record in filter(None, listing.split(b"\0")):
        info, _, name = record.partition(b"\t")
        mode, kind, oid = info.decode().split()
        rel = PurePosixPath(name.decode("utf-8", "surrogateescape"))
        if kind != "blob" or rel.is_absolute() or ".." in rel.parts:
            continue  # submodules; and no path may leave dest
        entries.append((mode, oid, rel))
    contents = _bytes(root, "cat-file", "--batch", stdin="".join(f"{oid}\n" for _, oid, _ in entries).encode())
    if contents is None:
        raise OSError(f"git cat-file --batch for {tree} failed")
    dest.mkdir(parents=True, exist_ok=True)
    at = 0
    for mode, oid, rel in entries:
        end = contents.index(b"\n", at)
        header = contents[at:end].decode().split()  # <id> blob <size>
        if header[0] != oid or len(header) != 3:
            raise OSError(f"git cat-file --batch: unexpected answer {header} for {oid}")
        size = int(header[2])
        data, at = contents[end + 1:end + 1 + size], end + 1 + size + 1  # content, then a newline
        path = dest.joinpath(*rel.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":  # a symbolic link, as committed
            os.symlink(os.fsdecode(data), path)
        else:
            path.write_bytes(data)
            if mode == "100755":
                path.chmod(0o755)
    return True
