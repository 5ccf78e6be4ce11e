"""What the checks and pages need to know of the site configuration, as plain data.

The MkDocs plugin fills it from the configuration being built, and the ``check`` command from
MkDocs' own loader (``mkdocs/site_config.py``): nothing outside ``mkdocs/`` reads mkdocs.yml.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SiteConfig:
    """The parts of mkdocs.yml the pipeline uses."""

    config_file: Path  # the mkdocs.yml being built; its folder is the project root
    docs_dir: Path
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    nav: list[Any] | None = None  # None: MkDocs builds the navigation from all pages
    nav_file: Path | None = None  # the file that defines nav (mkdocs.yml or its INHERIT parent)
    not_in_nav: Callable[[str], bool] = field(default=lambda page: False)

    @property
    def root(self) -> Path:
        return self.config_file.parent


def nav_pages(nav: Any) -> list[str]:
    """Every local .md path in a nav tree."""
    out: list[str] = []
    if isinstance(nav, list):
        for item in nav:
            out += nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            out += nav_pages(value)
    elif isinstance(nav, str) and nav.endswith(".md") and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", nav):
        out.append(nav)
    return out
