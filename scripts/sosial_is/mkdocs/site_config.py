"""mkdocs.yml as the pipeline needs it (``project.config.SiteConfig``), read by MkDocs' own
loader: ``!ENV``, ``INHERIT`` and every default exactly as a build sees them."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..core.findings import Finding, finding
from ..project.config import SiteConfig


def from_config(config: MkDocsConfig) -> SiteConfig:
    """The SiteConfig of a configuration MkDocs has loaded (the plugin's view)."""
    config_file = Path(config.config_file_path).resolve()
    spec = config.not_in_nav
    return SiteConfig(
        config_file=config_file,
        docs_dir=Path(config.docs_dir).resolve(),
        site_url=config.site_url or "",
        repo_url=config.repo_url or "",
        edit_uri=config.edit_uri or "",
        nav=config.nav,
        nav_file=nav_file(config_file),
        not_in_nav=(lambda page: bool(spec.match_file(page))) if spec else (lambda page: False),
    )


def nav_file(config_file: Path) -> Path:
    """The file that defines ``nav``: mkdocs.yml, or the file it INHERITs from when it has none."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return config_file
    if re.search(r"^nav:", text, re.M):
        return config_file
    parent = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(#.*)?$", text, re.M)
    return (config_file.parent / parent.group(1)).resolve() if parent else config_file


def load(config_file: Path) -> tuple[SiteConfig | None, list[Finding]]:
    """Load ``config_file`` with MkDocs' loader; a broken file is a finding, not a traceback."""
    import logging

    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the loader's own notes are not findings
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        return None, [finding(config_file, _line(exc), "CONFIG-INVALID", detail=str(exc)[:300])]
    except Exception as exc:
        return None, [finding(config_file, _line(exc), "CONFIG-INVALID",
                              detail=f"{type(exc).__name__}: {exc}"[:300])]
    finally:
        logger.setLevel(level)
    return from_config(config), []


def _line(exc: BaseException) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc.__cause__, "problem_mark", None)
    return mark.line + 1 if mark is not None else 1
