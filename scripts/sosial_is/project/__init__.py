"""The project as a whole: where its sources are, which pages are hand-written, and the
translations between them (``translations.py``). The root is the folder of the mkdocs.yml being
built (``config.SiteConfig.config_file``), never the location of this package."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import manifest
from .config import SiteConfig


@dataclass
class Project:
    """A project's folders and configuration."""

    config: SiteConfig

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def docs(self) -> Path:
        return self.config.docs_dir

    @property
    def curriculum(self) -> Path:
        return self.root / "curriculum"

    def markdown_files(self) -> list[Path]:
        """Every Markdown file under docs/ (hand-written and generated)."""
        return sorted(p for p in self.docs.rglob("*.md") if not _hidden(p, self.docs))

    def hand_written(self, generated: set[str] | None = None) -> list[Path]:
        """Markdown files under docs/ that people write: all but the generated ones (given, or
        else as the manifest of the last write records them)."""
        if generated is None:
            generated = set(manifest.read(self.docs))
        return [p for p in self.markdown_files()
                if p.relative_to(self.docs).as_posix() not in generated]

    def course_files(self) -> list[Path]:
        """The language files of every course (``curriculum/courses/<CODE>/<lang>.md``)."""
        return sorted((self.curriculum / "courses").glob("*/??.md"))

    def other_files(self) -> list[str]:
        """Every file under docs/ that is not Markdown (assets, data), relative to docs/."""
        return [p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*")
                if p.suffix != ".md" and p.is_file() and not _hidden(p, self.docs)]


def _hidden(path: Path, base: Path) -> bool:
    """Dot-files and dot-folders (MkDocs does not publish them; the manifest is one)."""
    return any(part.startswith(".") for part in path.relative_to(base).parts)
