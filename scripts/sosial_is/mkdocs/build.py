"""Running ``mkdocs build`` for a project, in this process, with MkDocs' own command line (its
logging, strict mode and error messages exactly as ``mkdocs build`` prints them)."""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration (``!ENV`` in mkdocs.yml reads them)."""
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """Findings name files relative to the working directory: the project's folder."""
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True,
                 env: dict[str, str] | None = None) -> int:
    """``mkdocs build`` of ``config_file`` into ``site_dir``; returns the exit code."""
    from mkdocs.__main__ import cli
    args = ["build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    # Never --quiet: it lowers the log level so far that strict mode no longer sees warnings.
    with environment({"NO_MKDOCS_2_WARNING": "1", **(env or {})}), \
            working_directory(config_file.parent):
        try:
            cli.main(args=args, prog_name="mkdocs", standalone_mode=True)
        except SystemExit as exc:
            code = exc.code
            return code if isinstance(code, int) else (0 if code is None else 1)
    return 0
