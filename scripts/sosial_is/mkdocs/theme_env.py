"""Two costs every MkDocs build pays for each language, paid once per process instead.

MkDocs makes a new Jinja environment for every build (static-i18n: one per language, and
Material's search plugin one more each), and in each:

- compiles every template it renders again: the compiled templates are kept in one
  ``jinja2.BytecodeCache`` (Jinja checks each against the template's source, so an edited
  override is compiled again);
- lists every file of the theme folders to find the static files to copy: Material's folder holds
  some 12,000 icon files, walked three times per build. The list is kept, keyed by the theme
  folders and, for the project's own ``overrides/``, the names and times of its files (so a new
  or removed override is seen).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates in memory, for every environment of this process."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def speed_up(theme: Any, compiled: CompiledTemplates, listings: dict, project_root: Path) -> None:
    """Make ``theme.get_env`` return environments that share ``compiled`` and ``listings``."""
    if getattr(theme, "_sosial_is_env", False):
        return
    original = theme.get_env

    def get_env() -> jinja2.Environment:
        env = original()
        env.bytecode_cache = compiled
        list_templates = env.list_templates

        def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = (tuple(getattr(env.loader, "searchpath", ())), repr(extensions),
                   getattr(filter_func, "__code__", None), _local_signature(env.loader, project_root),
                   _closure_key(filter_func))
            if key not in listings:
                listings[key] = list_templates(extensions=extensions, filter_func=filter_func)
            return list(listings[key])

        env.list_templates = listed  # type: ignore[method-assign]
        return env

    theme.get_env = get_env
    theme._sosial_is_env = True


def _closure_key(func: Any) -> str:
    """What a filter function's closure filters by. MkDocs' filter for the theme's static files
    closes over the whole configuration, whose repr differs between the preview's rebuilds
    (a new configuration object each time): only its theme's static templates matter."""
    out = []
    for cell in getattr(func, "__closure__", None) or ():
        value = cell.cell_contents
        if callable(value):
            continue
        theme = getattr(value, "theme", None)
        out.append(repr(sorted(theme.static_templates)) if theme is not None else repr(value))
    return "|".join(out)


def _local_signature(loader: Any, root: Path) -> tuple:
    """Names and times of the files in the theme folders that belong to the project."""
    out = []
    for folder in getattr(loader, "searchpath", ()):
        path = Path(folder)
        try:
            inside = path.resolve().is_relative_to(root.resolve())
        except OSError:
            inside = False
        if not inside:
            continue
        for dirpath, _, names in os.walk(path):
            for name in names:
                try:
                    stat = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                out.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(out))
